#include "cli/audit_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "analysis/builtin_checks.h"
#include "analysis/classifier.h"
#include "analysis/classifier_build.h"
#include "load/declarations_loader.h"
#include "load/schema_loader.h"
#include "util/parallel_for.h"

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

// A load of the engine under way: the vocabulary is loaded and the classifier is being
// built on another thread; what is loaded meanwhile reports to `held`, which goes after
// the classifier's diagnostics, where a serial load reports it.
struct EngineStart {
  std::unique_ptr<Engine> engine;  // stays put: the build reads its taxonomy
  std::optional<analysis::ClassifierBuild> classifier;  // after `engine`: joined before it goes
  model::Diagnostics held;
  bool rules_ok = true;
};

// Loads the vocabulary (reporting to `diags`), starts the classifier build and loads
// the rule packs (reporting to `held`); nullopt when the vocabulary is broken.
std::optional<EngineStart> StartEngine(const RulesOptions& options, model::Diagnostics& diags) {
  std::string rules_dir = options.base_dir.empty() ? DefaultRulesDir() : options.base_dir;
  auto vocabulary = LoadVocabulary(rules_dir, diags);
  if (!vocabulary) return std::nullopt;
  EngineStart start;
  start.engine = std::make_unique<Engine>(Engine{std::move(*vocabulary), {}, {}});
  Engine& engine = *start.engine;
  std::error_code ec;
  std::string classifiers = (fs::path(rules_dir) / "classifiers").string();
  if (fs::is_directory(classifiers, ec))
    start.classifier.emplace(classifiers, engine.vocabulary.taxonomy, "rules/classifiers");
  analysis::ConditionScope scope{"", &engine.vocabulary.taxonomy, &engine.vocabulary.countries,
                                 &analysis::CheckRegistry::Builtins()};
  bool& ok = start.rules_ok;
  if (options.default_rules) ok = AddPackDir(rules_dir, "rules", scope, engine.rules, start.held) && ok;
  for (const std::string& dir : options.extra_dirs) ok = AddPackDir(dir, dir, scope, engine.rules, start.held) && ok;
  return start;
}

// Waits for the classifier and reports what it reported, then what was held. Returns
// the engine, or nullopt when the classifier or the rule packs are broken; a broken
// classifier drops the held diagnostics, as a serial load never got that far.
std::optional<Engine> FinishEngine(EngineStart&& start, model::Diagnostics& diags) {
  if (start.classifier) {
    std::shared_ptr<const analysis::Classifier> shared = start.classifier->Finish(diags);
    if (!shared) return std::nullopt;
    start.engine->classify = [shared](const model::Table& t, const model::Column& c) {
      return shared->ClassifyShared(t, c);
    };
  }
  diags.Append(std::move(start.held));
  if (!start.rules_ok) return std::nullopt;
  return std::move(*start.engine);
}

}  // namespace

std::optional<Engine> LoadEngine(const RulesOptions& options, model::Diagnostics& diags) {
  std::optional<EngineStart> start = StartEngine(options, diags);
  if (!start) return std::nullopt;
  return FinishEngine(std::move(*start), diags);
}

std::optional<LoadedRun> LoadEngineAndInputs(const RulesOptions& rules, const std::vector<std::string>& paths,
                                             model::Diagnostics& diags, const InputOptions& options,
                                             SchemaLoads* deferred) {
  if (options.live) {
    std::optional<Engine> engine = LoadEngine(rules, diags);
    if (!engine) return std::nullopt;
    auto inputs = LoadAuditInputs(paths, *engine, diags, options, deferred);
    return LoadedRun{std::move(*engine), std::move(inputs)};
  }
  std::optional<EngineStart> start = StartEngine(rules, diags);
  if (!start) return std::nullopt;
  std::optional<analysis::AuditInputs> inputs;
  if (start->rules_ok) inputs = LoadAuditInputs(paths, *start->engine, start->held, options, deferred);
  std::optional<Engine> engine = FinishEngine(std::move(*start), diags);
  if (!engine) return std::nullopt;
  return LoadedRun{std::move(*engine), std::move(inputs)};
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
