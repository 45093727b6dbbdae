// Strings: the fixed texts of the human-readable reports (text, Markdown, HTML and the
// Art. 30 record) in each supported language. English is the default; Dutch uses the
// wording of the AVG and the Autoriteit Persoonsgegevens ("verwerkingsregister",
// "rechtsgrond", "bewaartermijn"). A struct, not a lookup by key, so a missing
// translation is a compile error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/finding.h"

namespace gdpr::report {

struct Strings {
  const char* lang;  // "en", "nl"
  // Report and sections.
  const char* report_title;
  const char* executive_summary;
  const char* findings;
  const char* findings_by_article;
  const char* waived;
  const char* waivers;
  const char* data_map;
  const char* ropa_title;
  const char* dpia_screening;
  const char* inputs;
  const char* exposure;
  const char* top_findings;
  const char* no_findings;
  // Finding fields.
  const char* severity;
  const char* rule;
  const char* subject;
  const char* location;
  const char* message;
  const char* articles;
  const char* remediation;
  const char* references;
  const char* reason;
  const char* expires;
  const char* never_expires;
  const char* count;
  const char* and_more;  // "and %d more"
  const char* other_articles;
  // Severities, gravest first order is decided by callers.
  const char* sev_critical;
  const char* sev_high;
  const char* sev_medium;
  const char* sev_low;
  const char* sev_info;
  // Summary line pieces: "7 findings: 2 high, ...; 1 waived".
  const char* finding_one;
  const char* finding_many;
  const char* waived_word;
  // Exposure.
  const char* exposure_range;
  const char* legal_maximum;
  const char* conducts;
  const char* assumptions;
  const char* exposure_disclaimer;
  // Art. 30 record columns (a)-(g).
  const char* controller;
  const char* dpo;
  const char* purpose;
  const char* legal_basis;
  const char* data_subjects;
  const char* data_categories;
  const char* recipients;
  const char* transfers;
  const char* retention;
  const char* security_measures;
  const char* not_declared;
  const char* none;
  // DPIA screening.
  const char* profiling;
  const char* automated_decisions;
  const char* special_categories;
  const char* subjects_count;
  const char* dpia_declared;
  const char* dpia_flagged;
  const char* yes;
  const char* no;
  const char* unknown;
  // Data map.
  const char* third_country;
  const char* adequate;
  const char* eea;
  const char* system;
  const char* flow;
  const char* country;
  const char* kind;
  const char* path;
  const char* generated_for;
  const char* authority_note;  // where a DPO reports (AP for nl)
  // Art. 30 record details.
  const char* representative;
  const char* data_use;
  const char* field;
  const char* value;
  const char* resp_controller;
  const char* resp_joint_controller;
  const char* resp_processor;
  const char* resp_sub_processor;
  const char* resp_third_party;
  const char* in_country;       // "Newsletter SaaS in US"
  const char* retention_from;   // "P7Y from end of contract"
  const char* no_safeguard;
  const char* adequate_dpf;
  const char* ropa_note;
  // HTML report.
  const char* tier;
  const char* seriousness;
  const char* range;
  const char* organisation;
  const char* no_systems;
  const char* no_inventory;
  const char* generated_by;
  const char* dialect;
  const char* tables;
  const char* waived_findings;
  const char* dpia_note;
};

// The strings for `lang` ("en" or "nl"); English for anything else.
const Strings& StringsFor(std::string_view lang);

// The localized severity name ("high" / "hoog").
const char* SeverityLabel(const Strings& s, model::Severity severity);

// "1,234,567" (en) or "1.234.567" (nl).
std::string FormatNumber(int64_t n, const Strings& s);
// "EUR 1,234,567" (en) or "€ 1.234.567" (nl).
std::string FormatEur(int64_t amount, const Strings& s);

// "7 findings: 2 high, 3 medium, 2 low; 1 waived" for the report's findings.
struct FindingCounts {
  int by_severity[5] = {0, 0, 0, 0, 0};  // indexed by model::Severity
  int active = 0;
  int waived = 0;
};
template <typename Findings>
FindingCounts CountFindings(const Findings& findings) {
  FindingCounts c;
  for (const auto& f : findings) {
    if (f.suppressed) {
      ++c.waived;
    } else {
      ++c.active;
      ++c.by_severity[static_cast<int>(f.severity)];
    }
  }
  return c;
}
std::string SummaryLine(const FindingCounts& counts, const Strings& s);

}  // namespace gdpr::report
