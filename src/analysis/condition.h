// Condition: the condition tree of a rule, compiled once when its pack loads and then
// evaluated against every subject of the rule's `applies_to` kind.
//
// YAML forms (see rules/README.md, "Rule packs"):
//   all: [c, ...]   any: [c, ...]   not: c   at_least: N, of: [c, ...]   check: name
//   field: F, <op>: V     with <op> one of
//     equals, not_equals, in, not_in          string comparison (lists: any / no item)
//     exists: true|false, missing: true        presence (empty lists do not exist)
//     under, not_under, all_under              taxonomy ancestry (a key or a list of keys)
//     longer_than, shorter_than                ISO 8601 durations
//     greater_than, less_than, at_least        numbers
//     matches                                  RE2, partial match (anchor it yourself)
//     longer_than_limit: { by: F2, limits: { key: P2Y, ... } }
//                                              duration above the limit of the most
//                                              specific key F2's value lies under
// Any node may carry `label:`; `at_least` collects the labels of the children that
// held into the capture `matched`. A comparison on a missing value is false (except
// `missing`/`exists: false`), so write `missing:` when absence is the point.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "analysis/audit_model.h"
#include "analysis/builtin_checks.h"
#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "load/yaml_node.h"
#include "model/diagnostics.h"

namespace gdpr::analysis {

// What a condition is checked against while it is compiled.
struct ConditionScope {
  std::string applies_to;              // subject kind
  const Taxonomy* taxonomy = nullptr;  // to validate taxonomy keys; may be null
  const CountryTable* countries = nullptr;
  const CheckRegistry* checks = nullptr;
};

class Condition {
 public:
  enum class Op {
    kAll, kAny, kNot, kAtLeastOf, kCheck,
    kEquals, kNotEquals, kIn, kNotIn, kExists, kMissing,
    kUnder, kNotUnder, kAllUnder,
    kLongerThan, kShorterThan, kGreaterThan, kLessThan, kAtLeast,
    kMatches, kLongerThanLimit,
  };

  // Compiles `node`; reports every problem (unknown field or operator, bad RE2, bad
  // duration, unknown taxonomy key or country) to `diags` at its line and column and
  // returns nullopt when anything was wrong.
  static std::optional<Condition> Parse(const load::YamlNode& node, const ConditionScope& scope,
                                        model::Diagnostics& diags);

  // True when the subject satisfies the condition; sets message captures ("matched",
  // "limit", "limit_key", a check's own).
  bool Evaluate(const SubjectRecord& subject, const AuditModel& model, Captures& captures) const;

  Op op() const { return op_; }
  const std::string& field() const { return field_; }
  const std::string& label() const { return label_; }
  // The capture names this condition may set (for validating message templates).
  void CollectCaptures(std::vector<std::string>& out) const;

 private:
  bool EvaluateField(const FieldValue& value, Captures& captures) const;
  bool EvaluateLimit(const SubjectRecord& subject, const FieldValue& value, Captures& captures) const;

  Op op_ = Op::kAll;
  std::string label_;
  std::string field_;
  int slot_ = -1;                         // field_'s slot in records of the rule's kind
  std::vector<Condition> children_;
  std::vector<std::string> values_;
  bool flag_ = true;                      // exists: true|false
  double number_ = 0;
  int at_least_ = 0;
  util::IsoDuration duration_;
  std::shared_ptr<const RE2> re_;
  std::string limit_by_;
  int limit_by_slot_ = -1;
  std::vector<std::pair<std::string, util::IsoDuration>> limits_;  // key -> limit
  std::vector<std::string> limit_texts_;
  const BuiltinCheck* check_ = nullptr;

  friend class ConditionParser;
};

}  // namespace gdpr::analysis
