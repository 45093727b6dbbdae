#include "cli/classify_command.h"

#include <sstream>
#include <string>
#include <vector>

#include "analysis/classifier.h"
#include "cli/color_mode.h"
#include "cli/rules_dir.h"
#include "load/schema_loader.h"
#include "report/classification_report.h"

namespace gdpr::cli {
namespace {

class ClassifyCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    CLI::App* sub = app.add_subcommand("classify", "Show each column's data categories and why");
    sub->add_option("schemas", sources_, "DDL files or database URLs (sqlite:PATH, postgresql://...)")
        ->required();
    sub->add_option("--format", format_, "Output format: text or json")
        ->check(CLI::IsMember({"text", "json"}))
        ->default_val("text");
    sub->add_option("--dialect", dialect_, "SQL dialect of DDL files: postgres, mysql or sqlite (default: sniffed)")
        ->check(CLI::IsMember({"postgres", "postgresql", "mysql", "mariadb", "sqlite"}));
    sub->add_option("--rules", rules_dir_, "Folder holding taxonomy.yaml and classifiers/")
        ->default_str("$GDPR_AUDIT_RULES or the built-in rules");
    sub->add_option("--db-password-file", options_.live.password_file,
                    "Read the database password from this file instead of the URL");
    sub->add_option("--max-file-size", options_.limits.max_file_bytes, "Refuse input files larger than this (bytes)")
        ->default_val(options_.limits.max_file_bytes);
    sub->add_option("--color", color_, "Colour diagnostics: auto, always or never (honours NO_COLOR)")
        ->check(CLI::IsMember(kColorModes))
        ->default_val("auto");
    return sub;
  }

  int Run(Io& io) override {
    model::Diagnostics diags;
    std::string rules = rules_dir_.empty() ? DefaultRulesDir() : rules_dir_;
    auto vocabulary = LoadVocabulary(rules, diags);
    std::optional<analysis::Classifier> classifier;
    // Reasons name the pack as the user knows it: "rules/classifiers/contact.yaml" for
    // the built-in packs, never the absolute path of the install.
    std::string shown = rules_dir_.empty() ? "rules/classifiers" : rules_dir_ + "/classifiers";
    if (vocabulary)
      classifier = analysis::Classifier::LoadDir(rules + "/classifiers", vocabulary->taxonomy, diags, shown);
    std::vector<model::Schema> schemas;
    if (classifier) schemas = LoadAll(diags);
    diags.Render(io.err, UseColor(color_, io.err));
    // Nothing half: when any input failed, print no report at all.
    if (diags.HasErrors()) return kExitError;
    std::vector<report::SchemaClassification> results;
    for (const model::Schema& schema : schemas) results.push_back({&schema, classifier->ClassifySchema(schema)});
    if (format_ == "json") report::WriteClassificationJson(results, io.out);
    else report::WriteClassificationText(results, io.out);
    return kExitOk;
  }

 private:
  std::vector<model::Schema> LoadAll(model::Diagnostics& diags) {
    options_.dialect = model::ParseDialect(dialect_);
    options_.live.progress = nullptr;
    std::vector<model::Schema> schemas;
    for (const std::string& source : sources_)
      if (auto schema = load::LoadSchema(source, diags, options_)) schemas.push_back(std::move(*schema));
    return schemas;
  }

  std::vector<std::string> sources_;
  std::string format_ = "text";
  std::string dialect_;
  std::string rules_dir_;
  std::string color_ = "auto";
  load::SchemaLoadOptions options_;
};

}  // namespace

std::unique_ptr<Command> MakeClassifyCommand() { return std::make_unique<ClassifyCommand>(); }

}  // namespace gdpr::cli
