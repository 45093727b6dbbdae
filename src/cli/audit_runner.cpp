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

// Loads one datastore's schema; nullptr (after reporting) when it cannot be read.
std::shared_ptr<const model::Schema> LoadStoreSchema(const model::Datastore& store, model::Diagnostics& diags,
                                                     const load::LoadOptions& options,
                                                     std::vector<model::ReportInput>& inputs) {
  bool live = store.schema_path.empty();
  const std::string& source = live ? store.url : store.schema_path;
  if (source.empty()) return nullptr;
  load::SchemaLoadOptions schema_options;
  schema_options.dialect = model::ParseDialect(store.dialect);
  schema_options.limits = options.limits;
  auto schema = load::LoadSchema(source, diags, schema_options, store.At(live ? "url" : "schema"));
  if (!schema) return nullptr;
  inputs.push_back({schema->path, live ? "database" : "schema", model::DialectName(schema->dialect),
                    static_cast<int>(schema->tables.size())});
  return std::make_shared<const model::Schema>(std::move(*schema));
}

}  // namespace

std::optional<Engine> LoadEngine(const RulesOptions& options, model::Diagnostics& diags) {
  std::string rules_dir = DefaultRulesDir();
  auto vocabulary = LoadVocabulary(rules_dir, diags);
  if (!vocabulary) return std::nullopt;
  Engine engine{std::move(*vocabulary), {}, {}};
  analysis::ConditionScope scope{"", &engine.vocabulary.taxonomy, &engine.vocabulary.countries,
                                 &analysis::CheckRegistry::Builtins()};
  bool ok = true;
  std::error_code ec;
  std::string classifiers = (fs::path(rules_dir) / "classifiers").string();
  if (fs::is_directory(classifiers, ec)) {
    auto classifier = analysis::Classifier::LoadDir(classifiers, engine.vocabulary.taxonomy, diags, "rules/classifiers");
    if (!classifier) return std::nullopt;
    auto shared = std::make_shared<const analysis::Classifier>(std::move(*classifier));
    engine.classify = [shared](const model::Table& t, const model::Column& c) { return shared->Classify(t, c); };
  }
  if (options.default_rules) ok = AddPackDir(rules_dir, "rules", scope, engine.rules, diags) && ok;
  for (const std::string& dir : options.extra_dirs) ok = AddPackDir(dir, dir, scope, engine.rules, diags) && ok;
  if (!ok) return std::nullopt;
  return engine;
}

std::optional<analysis::AuditInputs> LoadAuditInputs(const std::vector<std::string>& paths, const Engine& engine,
                                                     model::Diagnostics& diags, const load::LoadOptions& options) {
  auto inventory = std::make_shared<model::Inventory>(load::LoadDeclarations(
      paths, engine.vocabulary.taxonomy, engine.vocabulary.countries, diags, options));
  if (inventory->files.empty() && !diags.HasErrors()) {
    diags.Error({paths.empty() ? "." : paths.front(), 0, 0}, "no declarations files found",
                "a declarations file is a .yaml or .yml file whose first key is 'gdpr_audit: 1'");
    return std::nullopt;
  }
  analysis::AuditInputs inputs;
  for (const model::InputFile& f : inventory->files) inputs.inputs.push_back({f.path, f.kind, "", -1});
  for (const model::System& system : inventory->systems)
    for (const model::Datastore& store : system.datastores)
      if (auto schema = LoadStoreSchema(store, diags, options, inputs.inputs)) inputs.schemas[store.id] = schema;
  inputs.inventory = std::move(inventory);
  return inputs;
}

std::string TodayIso() {
  if (const char* fixed = std::getenv("GDPR_AUDIT_TODAY"); fixed && *fixed) return fixed;
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace gdpr::cli
