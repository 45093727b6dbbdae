// RuleEngine: evaluates every rule over the subjects of its `applies_to` kind and turns
// each hit into a model::Finding: subject, message from the rule's template, location
// (the declaration's field when the rule names one with `at:`, else the entity, or
// the schema file:line for tables and columns), related purposes and a fingerprint.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/audit_model.h"
#include "analysis/rule_pack.h"
#include "model/finding.h"

namespace gdpr::analysis {

// Evaluates rules subject by subject: each subject meets only the rules of its kind.
// Streams well: AuditModel::Build hands table and column records to Run one at a time.
class RuleRunner {
 public:
  explicit RuleRunner(const std::vector<const Rule*>& rules);
  // Appends a finding for every rule of the subject's kind that holds for it.
  void Run(const SubjectRecord& subject, const AuditModel& model, std::vector<model::Finding>& out) const;

 private:
  std::map<std::string, std::vector<const Rule*>, std::less<>> by_kind_;
};

// Runs `rules` over the subjects `model` keeps; findings in subject kind order, then
// subject order, then rule order (unsorted).
std::vector<model::Finding> RunRules(const std::vector<const Rule*>& rules, const AuditModel& model);

// The finding `rule` makes about `subject`, with `captures` for its templates.
model::Finding MakeFinding(const Rule& rule, const SubjectRecord& subject, const Captures& captures);

// FNV-1a 64-bit of rule id, subject and file path (not the line: a finding keeps its
// fingerprint when the declaration moves), as 16 lower-case hex digits.
std::string Fingerprint(std::string_view rule_id, const model::Subject& subject, std::string_view path);

// The contract order: severity (gravest first), path, line, rule id; then subject and
// column so that the order is total and output byte-identical between runs.
void SortFindings(std::vector<model::Finding>& findings);
// The findings of `parts` (one per worker, say) in that order, as one sorted list: the
// same as concatenating them and sorting, with each finding moved once.
std::vector<model::Finding> SortFindings(std::vector<std::vector<model::Finding>>&& parts);

}  // namespace gdpr::analysis
