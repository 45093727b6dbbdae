#include "cli/init_command.h"

#include <cctype>
#include <filesystem>
#include <optional>
#include <string>

#include "analysis/classifier.h"
#include "cli/color_mode.h"
#include "cli/rules_dir.h"
#include "load/database_url.h"
#include "load/schema_loader.h"
#include "report/starter_declarations.h"
#include "util/atomic_file.h"

namespace gdpr::cli {
namespace {

namespace fs = std::filesystem;

using load::IsDatabaseUrl;

// Letters, digits, '_' and '-' of `name` (others become '_'); `fallback` when empty.
std::string IdFrom(const std::string& name, const std::string& fallback) {
  std::string id;
  for (char c : name) id += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') ? c : '_';
  return id.empty() || id == "_" ? fallback : id;
}

// The database name of a URL: the last path segment without query ("shop" from
// postgresql://u@h/shop?sslmode=require, "app" from sqlite:data/app.db).
std::string DatabaseName(const std::string& url) {
  std::string path = url.substr(0, url.find('?'));
  size_t slash = path.find_last_of("/:");
  std::string last = slash == std::string::npos ? path : path.substr(slash + 1);
  return fs::path(last).stem().string();
}

class InitCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    CLI::App* sub = app.add_subcommand("init", "Write a starter declarations file from a database schema");
    sub->add_option("--from", from_, "A SQL DDL file, or a database URL (sqlite:PATH, postgresql://...)")->required();
    sub->add_option("-o,--output", output_, "The file to write; - for standard output")->default_val("gdpr-audit.yaml");
    sub->add_flag("--force", force_, "Overwrite the output file when it exists");
    sub->add_option("--dialect", dialect_, "SQL dialect of the DDL file: postgres, mysql or sqlite (default: sniffed)");
    sub->add_option("--rules", rules_dir_, "Folder holding taxonomy.yaml and classifiers/")
        ->default_str("$GDPR_AUDIT_RULES or the built-in rules");
    sub->add_option("--db-password-file", live_.password_file, "Read the database password from this file");
    sub->add_option("--color", color_, "Colour diagnostics: auto, always or never (honours NO_COLOR)")
        ->check(CLI::IsMember(kColorModes))
        ->default_val("auto");
    return sub;
  }

  int Run(Io& io) override {
    bool to_stdout = output_ == "-";
    if (!to_stdout && fs::exists(output_) && !force_) {
      io.err << "gdpr-audit: error: '" << output_ << "' already exists; use --force to overwrite it\n";
      return kExitError;
    }
    model::Diagnostics diags;
    std::optional<std::string> text = Generate(diags);
    diags.Render(io.err, UseColor(color_, io.err));
    if (!text || diags.HasErrors()) return kExitError;
    if (to_stdout) {  // for pipes: the file and nothing else
      io.out << *text;
      return kExitOk;
    }
    std::string error;
    if (!util::WriteFileAtomically(output_, *text, &error)) {
      io.err << "gdpr-audit: error: " << error << "\n";
      return kExitError;
    }
    io.out << "wrote " << output_ << ": " << annotated_ << " personal-data column" << (annotated_ == 1 ? "" : "s")
           << " in " << tables_ << " table" << (tables_ == 1 ? "" : "s") << " of " << table_count_ << "\n"
           << "next: check each suggested category, fill in the TODOs, add purposes, then run "
              "`gdpr-audit scan`\n";
    return kExitOk;
  }

 private:
  std::optional<std::string> Generate(model::Diagnostics& diags) {
    bool default_rules = rules_dir_.empty();
    std::string rules = default_rules ? DefaultRulesDir() : rules_dir_;
    auto vocabulary = LoadVocabulary(rules, diags);
    if (!vocabulary) return std::nullopt;
    std::string shown = default_rules ? "rules/classifiers" : (fs::path(rules) / "classifiers").generic_string();
    auto classifier = analysis::Classifier::LoadDir((fs::path(rules) / "classifiers").string(), vocabulary->taxonomy,
                                                    diags, shown);
    if (!classifier) return std::nullopt;
    std::optional<model::Schema> schema = LoadSchema(diags);
    if (!schema || diags.HasErrors()) return std::nullopt;
    auto verdicts = classifier->ClassifySchema(*schema);
    Count(verdicts, schema->tables.size());
    return report::RenderStarterDeclarations(*schema, verdicts, Options(*schema));
  }

  std::optional<model::Schema> LoadSchema(model::Diagnostics& diags) {
    model::Dialect dialect = model::ParseDialect(dialect_);
    if (!dialect_.empty() && dialect == model::Dialect::kUnknown) {
      diags.Error({}, "unknown dialect '" + dialect_ + "'", "use postgres, mysql or sqlite");
      return std::nullopt;
    }
    load::SchemaLoadOptions options;
    options.dialect = dialect;
    options.live = live_;
    return load::LoadSchema(from_, diags, options);
  }

  // `path` (relative to the current folder) as seen from the output file's folder.
  std::string FromOutput(const std::string& path) const {
    fs::path out_dir = output_ == "-" ? fs::current_path() : fs::absolute(output_).lexically_normal().parent_path();
    return fs::absolute(path).lexically_normal().lexically_relative(out_dir).generic_string();
  }

  report::StarterOptions Options(const model::Schema& schema) const {
    report::StarterOptions o;
    o.source = schema.path;
    if (IsDatabaseUrl(from_)) {
      o.url = schema.path;  // redacted: never a password
      // A relative SQLite path resolves against the declaring file's folder.
      std::string file = o.url.rfind("sqlite:", 0) == 0 ? o.url.substr(7) : "";
      if (!file.empty() && file[0] != '/' && file.find(':') == std::string::npos) o.url = "sqlite:" + FromOutput(file);
      o.datastore_id = IdFrom(DatabaseName(from_), "db");
    } else {
      o.schema_ref = FromOutput(from_);
      o.datastore_id = IdFrom(fs::path(from_).stem().string(), "db");
      if (!dialect_.empty()) o.dialect = model::DialectName(model::ParseDialect(dialect_));
    }
    return o;
  }

  void Count(const std::vector<std::vector<analysis::ColumnVerdict>>& verdicts, size_t tables) {
    table_count_ = tables;
    for (const auto& table : verdicts) {
      size_t personal = 0;
      for (const auto& v : table) personal += v.personal();
      annotated_ += personal;
      tables_ += personal > 0;
    }
  }

  std::string from_;
  std::string output_ = "gdpr-audit.yaml";
  bool force_ = false;
  std::string dialect_;
  std::string rules_dir_;
  std::string color_ = "auto";
  load::LiveOptions live_;
  size_t annotated_ = 0, tables_ = 0, table_count_ = 0;
};

}  // namespace

std::unique_ptr<Command> MakeInitCommand() { return std::make_unique<InitCommand>(); }

}  // namespace gdpr::cli
