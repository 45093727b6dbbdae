#include "analysis/waivers.h"

#include "analysis/glob_match.h"

namespace gdpr::analysis {

bool WaiverMatches(const model::Waiver& waiver, const model::Finding& finding) {
  if (!GlobMatch(waiver.rule.empty() ? "*" : waiver.rule, finding.rule_id)) return false;
  return waiver.subject.empty() || GlobMatch(waiver.subject, finding.subject.ToString());
}

std::vector<WaiverStatus> ApplyWaivers(const std::vector<model::Waiver>& waivers,
                                       std::vector<model::Finding>& findings, std::string_view today) {
  std::vector<WaiverStatus> statuses;
  for (const model::Waiver& w : waivers) {
    WaiverStatus status;
    status.waiver = &w;
    status.id = w.subject.empty() ? w.rule : w.rule + "@" + w.subject;
    // ISO dates compare as strings; the waiver holds up to the day before `expires`.
    status.expired = !w.expires.empty() && !today.empty() && std::string_view(w.expires) <= today;
    for (model::Finding& f : findings) {
      if (f.subject.kind == "waiver" || !WaiverMatches(w, f)) continue;
      ++status.matched;
      if (status.expired || f.suppressed) continue;
      f.suppressed = true;
      f.suppression_reason = w.reason;
    }
    statuses.push_back(std::move(status));
  }
  return statuses;
}

std::vector<SubjectRecord> WaiverSubjects(const std::vector<WaiverStatus>& statuses) {
  std::vector<SubjectRecord> out;
  for (const WaiverStatus& s : statuses) {
    const model::Waiver& w = *s.waiver;
    SubjectRecord r = SubjectRecord::Of("waiver", s.id);
    r.loc = w.loc;
    r.located = &w;
    r.Set("id") = FieldValue::String(s.id);
    r.Set("rule") = FieldValue::String(w.rule);
    r.Set("subject") = FieldValue::String(w.subject);
    r.Set("reason") = FieldValue::String(w.reason);
    r.Set("expires") = FieldValue::String(w.expires);
    r.Set("expired") = FieldValue::Bool(s.expired);
    r.Set("matched") = FieldValue::Number(s.matched);
    if (w.subject.rfind("purpose:", 0) == 0) r.related_purposes = {w.subject.substr(8)};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace gdpr::analysis
