#include "cli/audit_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "analysis/builtin_checks.h"
#include "analysis/classifier.h"
#include "load/declarations_loader.h"
#include "load/schema_loader.h"
#include "util/background.h"
#include "util/parallel_for.h"
#include "util/release_memory.h"

namespace gdpr::cli {
namespace {

namespace fs = std::filesystem;

// A --rules folder holds packs directly or in packs/ (a copy of the built-in layout).
// `display` names the folder in messages (the built-in one as "rules").
bool AddPackDir(const std::string& dir, const std::string& display, const analysis::ConditionScope& scope,
                analysis::RuleSet& rules, model::Diagnostics& diags) {
  std::error_code ec;
  std::string packs = (fs::path(dir) / "packs").string();
  if (fs::is_directory(packs, ec)) return rules.AddDir(packs, scope, diags, (fs::path(display) / "packs").string());
  return rules.AddDir(dir, scope, diags, display);
}

// The source a datastore's schema is read from: its DDL file, or its URL with a relative
// SQLite path taken relative to the declaring file, like every other path in it.
std::string SchemaSource(const model::Datastore& store) {
  if (!store.schema_path.empty()) return store.schema_path;
  const std::string& url = store.url;
  if (url.rfind("sqlite:", 0) != 0 || url.rfind("sqlite:/", 0) == 0 || store.base_dir.empty()) return url;
  return "sqlite:" + (fs::path(store.base_dir) / url.substr(7)).lexically_normal().generic_string();
}

// Loads one datastore's schema; nullptr (after reporting) when it cannot or may not be read.
std::shared_ptr<const model::Schema> LoadStoreSchema(const model::Datastore& store, model::Diagnostics& diags,
                                                     const InputOptions& options,
                                                     std::vector<model::ReportInput>& inputs) {
  bool live = store.schema_path.empty();
  std::string source = SchemaSource(store);
  if (source.empty()) return nullptr;
  if (live && source.rfind("sqlite:", 0) != 0 && !options.live) {
    diags.Note(store.At("url"), "datastore '" + store.id + "' is a live database; not connected",
               "pass --live to introspect it (only on inputs you trust: see SECURITY.md)");
    return nullptr;
  }
  load::SchemaLoadOptions schema_options;
  schema_options.dialect = model::ParseDialect(store.dialect);
  schema_options.limits = options.load.limits;
  schema_options.live.password_file = options.password_file;
  schema_options.live.progress = options.progress;
  auto schema = load::LoadSchema(source, diags, schema_options, store.At(live ? "url" : "schema"));
  if (!schema) return nullptr;
  inputs.push_back({schema->path, live ? "database" : "schema", model::DialectName(schema->dialect),
                    static_cast<int>(schema->tables.size())});
  return std::make_shared<const model::Schema>(std::move(*schema));
}

}  // namespace

// Schema files are parsed on every core (DDL parsing is the second largest stage of a
// big audit), or, with `deferred`, left to the audit's workers; live databases are read
// one at a time on this thread, because their progress lines go to the terminal.
// Diagnostics, inputs and schemas are merged in datastore order, so the result does
// not depend on the threads.
void LoadSchemas(const model::Inventory& inventory, model::Diagnostics& diags, const InputOptions& options,
                 analysis::AuditInputs& inputs, SchemaLoads* deferred) {
  std::vector<const model::Datastore*> stores;
  for (const model::System& system : inventory.systems)
    for (const model::Datastore& store : system.datastores) stores.push_back(&store);
  SchemaLoads local;
  SchemaLoads& loads = deferred ? *deferred : local;
  loads.slots_.resize(stores.size());
  std::vector<std::shared_ptr<const model::Schema>> schemas(stores.size());
  // A deferred read runs after this function returned: it holds its own copies.
  auto reader = [&options, &loads, &stores](size_t i) {
    return [store = stores[i], slot = &loads.slots_[i], options]() {
      auto schema = LoadStoreSchema(*store, slot->diags, options, slot->inputs);
      slot->diags.DropUnusedSources();  // DDL text is kept only to quote a reported line
      return schema;
    };
  };
  if (deferred) {
    for (size_t i = 0; i < stores.size(); ++i) {
      if (stores[i]->schema_path.empty()) schemas[i] = reader(i)();
      else inputs.deferred_schemas[stores[i]->id] = reader(i);
    }
  } else {
    util::ParallelFor(stores.size(), [&](size_t i) {
      if (!stores[i]->schema_path.empty()) schemas[i] = reader(i)();
    });
    for (size_t i = 0; i < stores.size(); ++i)
      if (stores[i]->schema_path.empty()) schemas[i] = reader(i)();
  }
  for (size_t i = 0; i < stores.size(); ++i)
    if (schemas[i]) inputs.schemas[stores[i]->id] = std::move(schemas[i]);
  if (!deferred) local.Finish(diags, inputs.inputs);
}

void SchemaLoads::Finish(model::Diagnostics& diags, std::vector<model::ReportInput>& inputs) {
  for (Slot& slot : slots_) {
    diags.Append(std::move(slot.diags));
    inputs.insert(inputs.end(), slot.inputs.begin(), slot.inputs.end());
  }
  slots_.clear();
}

namespace {

std::string RulesDir(const RulesOptions& options) {
  return options.base_dir.empty() ? DefaultRulesDir() : options.base_dir;
}

// Builds the classifier of `rules_dir` into `engine.classify`, when there is a
// classifiers folder; false after reporting when a pack is broken.
bool LoadClassifier(const std::string& rules_dir, Engine& engine, model::Diagnostics& diags) {
  std::error_code ec;
  std::string classifiers = (fs::path(rules_dir) / "classifiers").string();
  if (!fs::is_directory(classifiers, ec)) return true;
  auto classifier = analysis::Classifier::LoadDir(classifiers, engine.vocabulary.taxonomy, diags, "rules/classifiers");
  if (!classifier) return false;
  auto shared = std::make_shared<const analysis::Classifier>(std::move(*classifier));
  engine.classify = [shared](const model::Table& t, const model::Column& c) { return shared->ClassifyShared(t, c); };
  return true;
}

// Loads the rule packs (the built-in ones unless disabled, then every --rules folder)
// into `engine.rules`; false after reporting when one is broken. Reads nothing of
// `engine` but its vocabulary: it may run while LoadClassifier fills `engine.classify`.
bool LoadRulePacks(const RulesOptions& options, const std::string& rules_dir, Engine& engine,
                   model::Diagnostics& diags) {
  analysis::ConditionScope scope{"", &engine.vocabulary.taxonomy, &engine.vocabulary.countries,
                                 &analysis::CheckRegistry::Builtins()};
  bool ok = true;
  if (options.default_rules) ok = AddPackDir(rules_dir, "rules", scope, engine.rules, diags) && ok;
  for (const std::string& dir : options.extra_dirs) ok = AddPackDir(dir, dir, scope, engine.rules, diags) && ok;
  return ok;
}

}  // namespace

std::optional<Engine> LoadEngine(const RulesOptions& options, model::Diagnostics& diags) {
  const std::string rules_dir = RulesDir(options);
  auto vocabulary = LoadVocabulary(rules_dir, diags);
  if (!vocabulary) return std::nullopt;
  Engine engine{std::move(*vocabulary), {}, {}};
  if (!LoadClassifier(rules_dir, engine, diags) || !LoadRulePacks(options, rules_dir, engine, diags))
    return std::nullopt;
  return engine;
}

// The classifier is built on this thread and the rest loaded on another, not the
// other way round: the classifier allocates the most, and this thread's heap is the
// one backed by huge pages (util::UseHugePageHeap), where fresh memory costs least.
std::optional<LoadedRun> LoadEngineAndInputs(const RulesOptions& rules, const std::vector<std::string>& paths,
                                             model::Diagnostics& diags, const InputOptions& options,
                                             SchemaLoads* deferred) {
  if (options.live) {
    std::optional<Engine> engine = LoadEngine(rules, diags);
    if (!engine) return std::nullopt;
    auto inputs = LoadAuditInputs(paths, *engine, diags, options, deferred);
    return LoadedRun{std::move(*engine), std::move(inputs)};
  }
  const std::string rules_dir = RulesDir(rules);
  auto vocabulary = LoadVocabulary(rules_dir, diags);
  if (!vocabulary) return std::nullopt;
  LoadedRun run{Engine{std::move(*vocabulary), {}, {}}, std::nullopt};
  model::Diagnostics held;  // what a serial load reports after the classifier's problems
  bool rules_ok = false;
  util::Background rest([&] {
    rules_ok = LoadRulePacks(rules, rules_dir, run.engine, held);
    if (rules_ok) run.inputs = LoadAuditInputs(paths, run.engine, held, options, deferred);
  });
  const bool classifier_ok = LoadClassifier(rules_dir, run.engine, diags);
  rest.Wait();
  if (!classifier_ok) return std::nullopt;  // a serial load stops here: `held` is dropped
  diags.Append(std::move(held));
  if (!rules_ok) return std::nullopt;
  return std::optional<LoadedRun>(std::move(run));
}

void ReportNoDeclarations(const std::vector<std::string>& paths, model::Diagnostics& diags) {
  std::string where;
  for (const std::string& p : paths) where += (where.empty() ? "'" : ", '") + p + "'";
  diags.Error({paths.empty() ? "." : paths.front(), 0, 0}, "no declarations files found in " + where,
              "a declarations file is a .yaml or .yml file whose first key is 'gdpr_audit: 1'");
}

std::optional<analysis::AuditInputs> LoadAuditInputs(const std::vector<std::string>& paths, const Engine& engine,
                                                     model::Diagnostics& diags, const InputOptions& options,
                                                     SchemaLoads* deferred) {
  auto inventory = std::make_shared<model::Inventory>(load::LoadDeclarations(
      paths, engine.vocabulary.taxonomy, engine.vocabulary.countries, diags, options.load));
  // The worker threads' YAML trees are freed by now, but a large load leaves tens of MB
  // of them in their arenas for the rest of the run. A small run keeps its memory: the
  // classifier's build frees as much, and giving it back only costs page faults later.
  if (inventory->systems.size() + inventory->purposes.size() + inventory->flows.size() >= 1000)
    util::ReleaseFreedMemory();
  if (inventory->files.empty() && !diags.HasErrors()) {
    ReportNoDeclarations(paths, diags);
    return std::nullopt;
  }
  analysis::AuditInputs inputs;
  for (const model::InputFile& f : inventory->files) inputs.inputs.push_back({f.path, f.kind, "", -1});
  LoadSchemas(*inventory, diags, options, inputs, deferred);
  // Fides datasets carry their own columns: audit them like a schema.
  for (const auto& [store_id, schema] : inventory->manifest_schemas)
    if (!inputs.schemas.count(store_id)) inputs.schemas[store_id] = std::make_shared<const model::Schema>(schema);
  inputs.inventory = std::move(inventory);
  return inputs;
}

void ReadDeferredSchemas(const analysis::AuditInputs& inputs) {
  std::vector<const std::function<std::shared_ptr<const model::Schema>()>*> reads;
  for (const auto& [id, read] : inputs.deferred_schemas) reads.push_back(&read);
  util::ParallelFor(reads.size(), [&](size_t i) { (*reads[i])(); });
}

std::string TodayIso() {
  if (const char* fixed = std::getenv("GDPR_AUDIT_TODAY"); fixed && *fixed) return fixed;
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace gdpr::cli
