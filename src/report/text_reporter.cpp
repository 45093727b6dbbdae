#include "report/text_reporter.h"

#include <string_view>

#include "report/exposure_summary.h"
#include "report/strings.h"
#include "util/utf8.h"
#include "util/text.h"

namespace gdpr::report {
namespace {

// ANSI styling that collapses to nothing without colour.
class Style {
 public:
  explicit Style(bool color) : color_(color) {}
  std::string Paint(std::string_view text, const char* code) const {
    if (!color_) return std::string(text);
    return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
  }
  std::string Bold(std::string_view text) const { return Paint(text, "1"); }
  std::string Dim(std::string_view text) const { return Paint(text, "2"); }
  std::string ForSeverity(std::string_view text, model::Severity s) const {
    switch (s) {
      case model::Severity::kCritical: return Paint(text, "1;35");
      case model::Severity::kHigh: return Paint(text, "1;31");
      case model::Severity::kMedium: return Paint(text, "33");
      case model::Severity::kLow: return Paint(text, "36");
      case model::Severity::kInfo: return Paint(text, "2");
    }
    return std::string(text);
  }

 private:
  bool color_;
};

// Terminal-safe text: valid UTF-8, and control characters (which could move the cursor
// or recolour the terminal) shown as '?'. Newlines inside a value keep their indent.
std::string Clean(std::string_view text, const std::string& indent = "") {
  std::string valid = util::ValidUtf8(text);
  std::string out;
  for (char c : valid) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += '\n';
      out += indent;
    } else if (c == '\t') {
      out += ' ';
    } else if (u < 0x20 || u == 0x7F) {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

using util::Join;

void WriteFinding(const model::Finding& f, const Style& style, const Strings& s,
                  std::ostream& out) {
  const std::string pad = "    ";
  out << "  " << style.ForSeverity(Clean(f.rule_id), f.severity) << "  "
      << style.Bold(Clean(f.title)) << '\n';
  out << pad << Clean(f.subject.ToString());
  if (!f.location.path.empty()) out << "  " << style.Dim(Clean(f.location.ToString()));
  out << '\n';
  if (!f.message.empty()) out << pad << Clean(f.message, pad) << '\n';
  if (!f.articles.empty()) out << pad << s.articles << ": " << Clean(Join(f.articles, ", ")) << '\n';
  if (!f.remediation.empty()) out << pad << s.remediation << ": " << Clean(f.remediation, pad) << '\n';
}

void WriteActive(const model::Report& report, const Style& style, const Strings& s,
                 std::ostream& out) {
  for (int sev = 4; sev >= 0; --sev) {
    auto severity = static_cast<model::Severity>(sev);
    int n = 0;
    for (const model::Finding& f : report.findings)
      if (!f.suppressed && f.severity == severity) ++n;
    if (n == 0) continue;
    out << style.ForSeverity(Upper(SeverityLabel(s, severity)), severity) << " (" << n << ")\n";
    for (const model::Finding& f : report.findings)
      if (!f.suppressed && f.severity == severity) WriteFinding(f, style, s, out);
    out << '\n';
  }
}

void WriteWaived(const model::Report& report, const Style& style, const Strings& s,
                 std::ostream& out) {
  int n = 0;
  for (const model::Finding& f : report.findings) n += f.suppressed ? 1 : 0;
  if (n == 0) return;
  out << style.Dim(Upper(s.waived)) << " (" << n << ")\n";
  for (const model::Finding& f : report.findings) {
    if (!f.suppressed) continue;
    out << "  " << Clean(f.rule_id) << "  " << Clean(f.subject.ToString());
    if (!f.location.path.empty()) out << "  " << style.Dim(Clean(f.location.ToString()));
    out << "\n    " << s.reason << ": " << Clean(f.suppression_reason, "    ") << '\n';
  }
  out << '\n';
}

// The exposure with every string made valid UTF-8: the summary replaces control
// characters itself, but a terminal must not receive broken byte sequences either.
model::Exposure ValidExposure(model::Exposure e) {
  for (model::ConductExposure& c : e.conducts) {
    c.id = util::ValidUtf8(c.id);
    c.tier = util::ValidUtf8(c.tier);
    c.seriousness = util::ValidUtf8(c.seriousness);
    for (std::string& r : c.reasoning) r = util::ValidUtf8(r);
  }
  for (std::string& a : e.assumptions) a = util::ValidUtf8(a);
  return e;
}

}  // namespace

void RenderText(const model::Report& report, const TextOptions& options, std::ostream& out) {
  const Strings& s = StringsFor(options.lang);
  Style style(options.color);
  FindingCounts counts = CountFindings(report.findings);
  if (!options.quiet) {
    WriteActive(report, style, s, out);
    WriteWaived(report, style, s, out);
  }
  out << style.Bold(SummaryLine(counts, s)) << '\n';
  // The exposure section (report/exposure_summary.h) is English only for now; a report
  // without an estimate (no organisation maximum, no conduct) has none.
  const model::Exposure& e = report.exposure;
  if (!options.quiet && (e.organization_max_eur > 0 || !e.conducts.empty())) {
    out << '\n';
    RenderExposureSummary(ValidExposure(e), out);
  }
}

}  // namespace gdpr::report
