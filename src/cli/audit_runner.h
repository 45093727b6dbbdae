// AuditRunner: everything `scan` and `rules test` do before the analysis proper: load
// the vocabulary (taxonomy, countries), the rule packs (built-in and --rules folders),
// the classifier, the declarations and, for each datastore, its schema (a DDL file via
// sql::ParseDdl, or a live database via load::IntrospectDatabase). Every problem goes to
// the Diagnostics sink; a caller refuses to report when it holds errors (exit 2).
#pragma once

#include <functional>
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
  std::string base_dir;                 // taxonomy, countries, classifiers, packs; "" = DefaultRulesDir()
};

// How the inputs of an audit are read.
struct InputOptions {
  load::LoadOptions load;
  // Connect to PostgreSQL servers named by `url:` datastores. Off unless the user asks
  // on the command line (--live): declarations may come from an untrusted pull request,
  // and connecting would hand the runner's credentials (PGPASSWORD, ~/.pgpass) to any
  // host it names. SQLite files are read without it (read-only, inside the scan root).
  bool live = false;
  std::string password_file;  // --db-password-file
  std::function<void(const std::string&)> progress;  // per table of a live database
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

// Reports that `paths` held no declarations file, naming them.
void ReportNoDeclarations(const std::vector<std::string>& paths, model::Diagnostics& diags);

// What reading the datastores' schemas reported, one slot per datastore. With
// deferral (scan), DDL files are read during the audit, each by the worker that audits
// its system, so that a large estate never holds every schema at once; Finish() then
// merges what they reported, in datastore order, as if they had been read up front.
class SchemaLoads {
 public:
  struct Slot {
    model::Diagnostics diags;
    std::vector<model::ReportInput> inputs;
  };
  // Merges every slot, in datastore order, into `diags` and `inputs`. Call once, after
  // the audit (or instead of it).
  void Finish(model::Diagnostics& diags, std::vector<model::ReportInput>& inputs);

 private:
  friend void LoadSchemas(const model::Inventory&, model::Diagnostics&, const InputOptions&,
                          analysis::AuditInputs&, SchemaLoads*);
  std::vector<Slot> slots_;  // datastore order; stable addresses once filled
};

// Loads the declarations under `paths` and every datastore's schema. Reports "no
// declarations files found" as an error when nothing was found. With `deferred`,
// DDL files are not read here but left to the audit (AuditInputs::deferred_schemas),
// and every schema's diagnostics and input entry wait in `deferred` for Finish().
std::optional<analysis::AuditInputs> LoadAuditInputs(const std::vector<std::string>& paths, const Engine& engine,
                                                     model::Diagnostics& diags,
                                                     const InputOptions& options = {},
                                                     SchemaLoads* deferred = nullptr);

// Runs every deferred schema read of `inputs` (on every core) and drops the schemas:
// for a run that stops before the audit but should still report their problems.
void ReadDeferredSchemas(const analysis::AuditInputs& inputs);

// The engine and the inputs of a run.
struct LoadedRun {
  Engine engine;
  std::optional<analysis::AuditInputs> inputs;  // nullopt: LoadAuditInputs failed
};

// LoadEngine, then LoadAuditInputs with that engine: reports exactly what the two
// report one after the other (nothing of the inputs when the engine fails), but reads
// the rule packs, declarations and schemas on another thread while the classifier is
// built. nullopt when the engine failed. With `options.live` the engine is loaded
// first: no database is connected for a run whose rules are broken.
std::optional<LoadedRun> LoadEngineAndInputs(const RulesOptions& rules, const std::vector<std::string>& paths,
                                             model::Diagnostics& diags, const InputOptions& options = {},
                                             SchemaLoads* deferred = nullptr);

// Today's date (UTC) as YYYY-MM-DD, or $GDPR_AUDIT_TODAY when set (for tests).
std::string TodayIso();

}  // namespace gdpr::cli
