// Waivers: accepted risks from the declarations' `waivers:` list. A waiver names a
// rule (id or glob: RET-*, *) and optionally a subject (kind:id, globs allowed); it
// suppresses matching findings (they stay in the report, marked suppressed, with the
// waiver's reason) until it expires. On and after its `expires` date a waiver stops
// suppressing and becomes a subject of its own (kind `waiver`), so a pack rule can
// report it; so can a waiver that matches nothing.
//
// The current date is a parameter (YYYY-MM-DD) so that runs and tests are
// deterministic; the CLI passes the real date unless told otherwise.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/audit_model.h"
#include "model/finding.h"
#include "model/inventory.h"

namespace gdpr::analysis {

struct WaiverStatus {
  const model::Waiver* waiver = nullptr;
  std::string id;        // "RULE@kind:id", or the rule alone when the waiver names no subject
  bool expired = false;
  int matched = 0;       // findings the waiver matches (suppressed unless expired)
};

// True when `waiver` names this finding's rule and subject.
bool WaiverMatches(const model::Waiver& waiver, const model::Finding& finding);

// Marks the findings matched by an unexpired waiver as suppressed. Returns one status
// per waiver, in declaration order.
std::vector<WaiverStatus> ApplyWaivers(const std::vector<model::Waiver>& waivers,
                                       std::vector<model::Finding>& findings, std::string_view today);

// The `waiver` subjects for the rule engine (fields: id, rule, subject, reason,
// expires, expired, matched).
std::vector<SubjectRecord> WaiverSubjects(const std::vector<WaiverStatus>& statuses);

}  // namespace gdpr::analysis
