#include "report/junit_reporter.h"

#include <map>
#include <vector>

#include "report/escape.h"
#include "util/text.h"

namespace gdpr::report {
namespace {

struct RuleCase {
  std::vector<const model::Finding*> active;
  std::vector<const model::Finding*> waived;
};
// family -> rule id -> findings; std::map keeps both sorted.
using Suites = std::map<std::string, std::map<std::string, RuleCase>>;

Suites GroupFindings(const model::Report& report) {
  Suites suites;
  for (const model::Finding& f : report.findings) {
    RuleCase& c = suites[RuleFamily(f.rule_id)][f.rule_id];
    (f.suppressed ? c.waived : c.active).push_back(&f);
  }
  return suites;
}

using util::Join;

void WriteFailure(const model::Finding& f, std::ostream& out) {
  std::string body = f.subject.ToString() + "\n" + f.message + "\nlocation: " +
                     f.location.ToString() + "\narticles: " + Join(f.articles);
  if (!f.remediation.empty()) body += "\nremediation: " + f.remediation;
  out << "      <failure type=\"" << model::SeverityName(f.severity) << "\" message=\""
      << EscapeXml(f.subject.ToString() + ": " + f.message, true) << "\">" << EscapeXml(body)
      << "</failure>\n";
}

std::string WaiverLine(const model::Finding& f) {
  return "waived: " + f.subject.ToString() + ": " + f.suppression_reason;
}

void WriteCase(const std::string& family, const std::string& id, const RuleCase& c,
               std::ostream& out) {
  const model::Finding& first = c.active.empty() ? *c.waived.front() : *c.active.front();
  out << "    <testcase classname=\"gdpr-audit." << EscapeXml(family, true) << "\" name=\""
      << EscapeXml(id + " " + first.title, true) << "\">\n";
  for (const model::Finding* f : c.active) WriteFailure(*f, out);
  if (c.active.empty()) {
    out << "      <skipped message=\"" << EscapeXml(WaiverLine(*c.waived.front()), true)
        << "\"/>\n";
  }
  if (!c.waived.empty()) {
    // Waived findings stay visible, as the declarations' waivers promise.
    out << "      <system-out>";
    for (const model::Finding* f : c.waived) out << EscapeXml(WaiverLine(*f)) << "\n";
    out << "</system-out>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

std::string RuleFamily(std::string_view rule_id) {
  size_t dash = rule_id.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == rule_id.size())
    return std::string(rule_id);
  for (char c : rule_id.substr(dash + 1))
    if (c < '0' || c > '9') return std::string(rule_id);
  return std::string(rule_id.substr(0, dash));
}

void RenderJunit(const model::Report& report, std::ostream& out) {
  Suites suites = GroupFindings(report);
  int tests = 0, failures = 0, skipped = 0;
  for (const auto& [family, rules] : suites)
    for (const auto& [id, c] : rules) {
      ++tests;
      failures += c.active.empty() ? 0 : 1;
      skipped += c.active.empty() ? 1 : 0;
    }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"gdpr-audit\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"" << skipped << "\">\n";
  for (const auto& [family, rules] : suites) {
    int suite_failures = 0, suite_skipped = 0;
    for (const auto& [id, c] : rules) (c.active.empty() ? suite_skipped : suite_failures)++;
    out << "  <testsuite name=\"" << EscapeXml(family, true) << "\" tests=\"" << rules.size()
        << "\" failures=\"" << suite_failures << "\" errors=\"0\" skipped=\"" << suite_skipped
        << "\">\n";
    for (const auto& [id, c] : rules) WriteCase(family, id, c, out);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace gdpr::report
