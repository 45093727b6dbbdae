// RulePack: a YAML file of rules (rules/packs/*.yaml, or a --rules DIR), parsed and
// compiled once: every field, taxonomy key, duration and RE2 pattern is checked at
// load, and a problem is an error at the pack file's path:line:col.
//
// A Rule says what it checks (`when`, a Condition over subjects of `applies_to`), how
// grave it is (severity, GDPR articles, Art. 83 fine tier), what to tell the user (a
// message template naming the subject, remediation, references) and how to prove it
// works (fixtures run by `gdpr-audit rules test`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/condition.h"
#include "model/diagnostics.h"
#include "model/finding.h"

namespace gdpr::analysis {

// One `rules test` case: a declarations document (+ files such as DDL) the rule must
// fire on (`expect: fire`) or stay silent on (`expect: pass`).
struct RuleFixture {
  std::string name;
  bool expect_fire = true;
  std::string subject;       // "kind:id": the finding (or its absence) must be on it
  std::string declarations;  // inline declarations document
  std::map<std::string, std::string> files;  // extra files, relative path -> text
  std::string dir;           // or: a folder with the inputs (resolved path)
  std::string today;         // YYYY-MM-DD for waiver expiry; empty: a fixed default
  model::SourceLocation loc;
};

struct Rule {
  std::string id;
  std::string title;
  model::Severity severity = model::Severity::kMedium;
  std::vector<std::string> articles;
  std::string fine_tier;     // "83(4)" or "83(5)"
  std::string applies_to;    // subject kind
  std::optional<Condition> when;
  std::string at;            // field whose declaration line the finding points at
  std::string message;       // template: {field} or {capture}
  std::string remediation;   // template too
  std::vector<std::string> references;
  std::vector<RuleFixture> fixtures;
  model::SourceLocation loc;
  std::string pack;          // the pack file's path
};

// Every rule of a run, from one or more packs, in load order (ids unique).
class RuleSet {
 public:
  // Parses one pack's text (`name` for messages; fixture `path:`s resolve against
  // `base_dir`, by default the folder of `name`). Appends its rules; reports problems
  // and returns false when the pack is broken.
  bool AddPack(std::string_view text, std::string_view name, const ConditionScope& base,
               model::Diagnostics& diags, const std::string& base_dir = {});
  // Loads every *.yaml / *.yml file directly in `dir` (sorted by name). `display_dir`,
  // when not empty, replaces `dir` in messages and rule locations ("rules/packs").
  bool AddDir(const std::string& dir, const ConditionScope& base, model::Diagnostics& diags,
              const std::string& display_dir = {});

  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* Find(std::string_view id) const;
  std::vector<std::string> Ids() const;
  std::vector<std::string> packs() const { return packs_; }

 private:
  std::vector<Rule> rules_;
  std::vector<std::string> packs_;
};

// Fills `{name}` placeholders from `lookup` (unknown names stay as written).
std::string ExpandTemplate(std::string_view text,
                           const std::function<std::optional<std::string>(std::string_view)>& lookup);
// The placeholder names a template uses, in order.
std::vector<std::string> TemplateNames(std::string_view text);

}  // namespace gdpr::analysis
