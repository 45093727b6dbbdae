#include "cli/app.h"

#include <memory>
#include <vector>

#include "cli/command.h"
#include "cli/command_table.h"

namespace gdpr::cli {

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, bool process_ends) {
  CLI::App app{"gdpr-audit: audits data-flow declarations and database schemas against the GDPR"};
  app.name("gdpr-audit");
  app.set_version_flag("--version", std::string("gdpr-audit ") + GDPR_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  std::vector<std::unique_ptr<Command>> commands = MakeCommands();
  std::vector<std::pair<CLI::App*, Command*>> registered;
  for (auto& command : commands) registered.emplace_back(command->Register(app), command.get());

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here as "errors" with exit code 0.
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitError;
  }
  Io io{out, err, process_ends};
  for (auto& [sub, command] : registered)
    if (sub->parsed()) return command->Run(io);
  return kExitError;
}

}  // namespace gdpr::cli
