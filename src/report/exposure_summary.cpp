#include "report/exposure_summary.h"

#include <string>

#include "util/money.h"

namespace gdpr::report {
namespace {

using util::FormatEuros;

// Ids and reasoning quote declared names; a control character in a YAML string must not
// reach the terminal (escape sequences), so each one prints as '?'.
std::string Clean(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = '?';
  }
  return out;
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void RenderTotal(const model::Exposure& e, std::ostream& out) {
  if (e.conducts.empty()) {
    out << "  No unwaived finding carries a fine: estimated exposure EUR 0.\n";
  } else {
    out << "  Estimated exposure: " << FormatEuros(e.low_eur) << " to " << FormatEuros(e.high_eur)
        << " in total, for " << Plural(e.conducts.size(), "separate conduct", "separate conducts")
        << ".\n";
  }
  out << "  The law caps any one conduct of this organisation at "
      << FormatEuros(e.organization_max_eur) << " (Art. 83(5) GDPR).\n";
}

void RenderConduct(size_t index, const model::ConductExposure& c, std::ostream& out) {
  out << "\n  " << index << ". " << Clean(c.id) << ": " << FormatEuros(c.low_eur) << " to "
      << FormatEuros(c.high_eur) << "\n";
  out << "     Art. " << Clean(c.tier) << ", " << Clean(c.seriousness)
      << " seriousness, legal maximum " << FormatEuros(c.legal_max_eur) << ", "
      << Plural(c.findings.size(), "finding", "findings") << "\n";
  for (const std::string& line : c.reasoning) out << "     - " << Clean(line) << "\n";
}

}  // namespace

void RenderExposureSummary(const model::Exposure& exposure, std::ostream& out) {
  out << "Fine exposure (estimate)\n";
  RenderTotal(exposure, out);
  for (size_t i = 0; i < exposure.conducts.size(); ++i)
    RenderConduct(i + 1, exposure.conducts[i], out);
  if (!exposure.assumptions.empty()) {
    out << "\n  Assumptions:\n";
    for (const std::string& a : exposure.assumptions) out << "  - " << Clean(a) << "\n";
  }
  out << "\n  This is an estimate under the EDPB method for calculating fines (Guidelines "
         "04/2022,\n"
         "  v2.1), not legal advice. A supervisory authority decides case by case and may raise "
         "or\n"
         "  lower the amount for factors this audit cannot see.\n";
}

}  // namespace gdpr::report
