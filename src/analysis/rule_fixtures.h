// RuleFixtures: `gdpr-audit rules test`. Every fixture of every rule is written to a
// scratch folder (inline declarations as gdpr-audit.yaml plus its `files:`), loaded as a
// user's estate would be, audited with ALL rules (so interplay such as waivers counts),
// and checked: an `expect: fire` fixture needs an unsuppressed finding of its rule (on
// its `subject` when given), an `expect: pass` fixture must have none. A rule without
// both kinds of fixture fails too: an untested rule is not a tested one.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/audit.h"
#include "analysis/rule_pack.h"
#include "model/diagnostics.h"

namespace gdpr::analysis {

// Loads the estate in `dir` (declarations, schemas) the way scan does.
using FixtureLoader = std::function<std::optional<AuditInputs>(const std::string& dir, model::Diagnostics& diags)>;

struct FixtureResult {
  std::string rule_id;
  std::string name;        // the fixture's name, or what is missing
  model::SourceLocation loc;
  bool passed = false;
  std::string detail;      // why it failed
};

// Runs the fixtures of `rules` (or of `only` rule ids when not empty). Scratch folders
// are created under the system temp folder and removed afterwards.
std::vector<FixtureResult> RunFixtures(const RuleSet& rules, const AuditContext& context,
                                       const FixtureLoader& loader, const std::vector<std::string>& only = {});

}  // namespace gdpr::analysis
