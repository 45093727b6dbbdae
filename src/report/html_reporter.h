// HtmlReporter: the Report as ONE self-contained HTML file a DPO can print or hand to an
// auditor: an executive summary with the fine-exposure range, findings grouped by GDPR
// article with remediation, the data map as an inline SVG diagram, the Art. 30 record,
// a DPIA screening of every purpose, the waivers with their expiry, and an appendix of
// inputs. Inline CSS only, no network, no <script>; every input string is escaped, and
// a Content-Security-Policy forbids scripts as a second line of defence.
#pragma once

#include <ostream>
#include <string>

#include "model/report.h"

namespace gdpr::analysis {
class Taxonomy;
class CountryTable;
}  // namespace gdpr::analysis

namespace gdpr::report {

struct HtmlOptions {
  std::string lang = "en";
  std::string generated_for;  // "Prepared for ..." line; omitted when empty
  const analysis::Taxonomy* taxonomy = nullptr;       // marks special categories
  const analysis::CountryTable* countries = nullptr;  // colours the data map by zone
};

void RenderHtml(const model::Report& report, const HtmlOptions& options, std::ostream& out);

// "Art. 6(1)(a)" -> "Art. 6": the article a finding is grouped under.
std::string BaseArticle(const std::string& article);

}  // namespace gdpr::report
