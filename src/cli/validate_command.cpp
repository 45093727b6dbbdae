#include "cli/validate_command.h"

#include <string>
#include <vector>

#include "cli/color_mode.h"
#include "cli/audit_runner.h"
#include "cli/rules_dir.h"
#include "load/declarations_loader.h"

namespace gdpr::cli {
namespace {

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class ValidateCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    CLI::App* sub = app.add_subcommand("validate", "Load and check declarations files; report every problem");
    sub->add_option("paths", paths_, "Declarations files or folders to search (default: .)");
    sub->add_option("--rules", rules_dir_, "Rules folder to check and use (taxonomy, countries, classifiers, packs)")
        ->default_str("$GDPR_AUDIT_RULES or the built-in rules");
    sub->add_option("--color", color_, "Colour diagnostics: auto, always or never (honours NO_COLOR)")
        ->check(CLI::IsMember(kColorModes))
        ->default_val("auto");
    sub->add_option("--max-file-size", options_.limits.max_file_bytes, "Refuse input files larger than this (bytes)")
        ->default_val(options_.limits.max_file_bytes);
    sub->add_option("--max-files", options_.limits.max_files, "Refuse folders holding more YAML files than this")
        ->default_val(options_.limits.max_files);
    sub->add_flag("--allow-outside-root", options_.allow_outside_root,
                  "Read schema files and linked files outside the folders being validated");
    sub->add_flag("-q,--quiet", quiet_, "Print no summary line; only diagnostics");
    return sub;
  }

  int Run(Io& io) override {
    model::Diagnostics diags;
    size_t files = Validate(diags);
    diags.Render(io.err, UseColor(color_, io.err));
    if (!quiet_)
      io.out << "validated " << Plural(files, "file") << ": " << Plural(diags.error_count(), "error") << ", "
             << Plural(diags.warning_count(), "warning") << "\n";
    return diags.HasErrors() ? kExitError : kExitOk;
  }

 private:
  // Loads everything a scan would (rule packs, classifier packs, declarations, schema
  // files; live databases are not connected), reporting to `diags`; returns how many
  // files were read.
  size_t Validate(model::Diagnostics& diags) {
    if (paths_.empty()) paths_ = {"."};
    RulesOptions rules;
    rules.base_dir = rules_dir_;
    InputOptions inputs;
    inputs.load = options_;
    std::optional<LoadedRun> loaded = LoadEngineAndInputs(rules, paths_, diags, inputs);
    return loaded && loaded->inputs ? loaded->inputs->inputs.size() : 0;
  }

  std::vector<std::string> paths_;
  std::string rules_dir_;
  std::string color_ = "auto";
  bool quiet_ = false;
  load::LoadOptions options_;
};

}  // namespace

std::unique_ptr<Command> MakeValidateCommand() { return std::make_unique<ValidateCommand>(); }

}  // namespace gdpr::cli
