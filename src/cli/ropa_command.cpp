#include "cli/ropa_command.h"

#include <sstream>
#include <string>
#include <vector>

#include "cli/audit_runner.h"
#include "cli/color_mode.h"
#include "cli/rules_dir.h"
#include "load/declarations_loader.h"
#include "report/ropa.h"
#include "report/ropa_reporter.h"
#include "util/atomic_file.h"

namespace gdpr::cli {
namespace {

class RopaCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    CLI::App* sub = app.add_subcommand("ropa", "Write the Art. 30 record of processing activities from the declarations");
    sub->add_option("paths", paths_, "Declarations files or folders to search (default: .)");
    sub->add_option("--format", format_, "csv, markdown or html")
        ->check(CLI::IsMember(report::RopaFormats()))
        ->default_val("markdown");
    sub->add_option("-o,--output", output_, "Write to FILE (atomically) instead of standard output");
    sub->add_option("--lang", lang_, "Language of headings and fixed texts: en or nl")
        ->check(CLI::IsMember({"en", "nl"}))
        ->default_val("en");
    sub->add_option("--rules", rules_dir_, "Folder holding taxonomy.yaml and countries.yaml")
        ->default_str("$GDPR_AUDIT_RULES or the built-in rules");
    sub->add_option("--color", color_, "Colour diagnostics: auto, always or never (honours NO_COLOR)")
        ->check(CLI::IsMember(kColorModes))
        ->default_val("auto");
    sub->add_flag("--allow-outside-root", load_options_.allow_outside_root,
                  "Read schema files outside the folders being read");
    return sub;
  }

  int Run(Io& io) override {
    model::Diagnostics diags;
    std::optional<report::Ropa> ropa = Build(diags);
    diags.Render(io.err, UseColor(color_, io.err));
    // Never a record from declarations that could not be read in full.
    if (!ropa || diags.HasErrors()) return kExitError;
    std::ostringstream text;
    report::RenderRopa(format_, *ropa, lang_, text);
    if (output_.empty() || output_ == "-") {
      io.out << text.str();
      return kExitOk;
    }
    std::string error;
    if (!util::WriteFileAtomically(output_, text.str(), &error)) {
      io.err << "gdpr-audit: error: " << error << "\n";
      return kExitError;
    }
    return kExitOk;
  }

 private:
  std::optional<report::Ropa> Build(model::Diagnostics& diags) {
    if (paths_.empty()) paths_ = {"."};
    auto vocabulary = LoadVocabulary(rules_dir_.empty() ? DefaultRulesDir() : rules_dir_, diags);
    if (!vocabulary) return std::nullopt;
    model::Inventory inventory =
        load::LoadDeclarations(paths_, vocabulary->taxonomy, vocabulary->countries, diags, load_options_);
    if (inventory.files.empty()) {
      if (!diags.HasErrors()) ReportNoDeclarations(paths_, diags);
      return std::nullopt;
    }
    return report::BuildRopa(inventory, &vocabulary->countries);
  }

  std::vector<std::string> paths_;
  load::LoadOptions load_options_;
  std::string format_ = "markdown";
  std::string output_;
  std::string lang_ = "en";
  std::string rules_dir_;
  std::string color_ = "auto";
};

}  // namespace

std::unique_ptr<Command> MakeRopaCommand() { return std::make_unique<RopaCommand>(); }

}  // namespace gdpr::cli
