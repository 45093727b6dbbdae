// AuditRunner: everything `scan` and `rules test` do before the analysis proper: load
// the vocabulary (taxonomy, countries), the rule packs (built-in and --rules folders),
// the classifier, the declarations and, for each datastore, its schema (a DDL file via
// sql::ParseDdl, or a live database via load::IntrospectDatabase). Every problem goes to
// the Diagnostics sink; a caller refuses to report when it holds errors (exit 2).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/audit.h"
#include "analysis/rule_pack.h"
#include "cli/rules_dir.h"
#include "load/declarations_discovery.h"
#include "model/diagnostics.h"

namespace gdpr::cli {

struct RulesOptions {
  std::vector<std::string> extra_dirs;  // --rules DIR (repeatable)
  bool default_rules = true;            // false: --no-default-rules
};

// The vocabulary, rule packs and classifier of a run.
struct Engine {
  Vocabulary vocabulary;
  analysis::RuleSet rules;
  analysis::ClassifyFn classify;  // empty when no classifier packs were found
};

// Loads the engine from DefaultRulesDir() plus `options`; nullopt on any error (a broken
// pack is an error at its path:line:col).
std::optional<Engine> LoadEngine(const RulesOptions& options, model::Diagnostics& diags);

// Loads the declarations under `paths` and every datastore's schema. Reports "no
// declarations files found" as an error when nothing was found.
std::optional<analysis::AuditInputs> LoadAuditInputs(const std::vector<std::string>& paths, const Engine& engine,
                                                     model::Diagnostics& diags,
                                                     const load::LoadOptions& options = {});

// Today's date (UTC) as YYYY-MM-DD, or $GDPR_AUDIT_TODAY when set (for tests).
std::string TodayIso();

}  // namespace gdpr::cli
