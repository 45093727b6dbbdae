#include "cli/command_table.h"

#include "cli/classify_command.h"
#include "cli/init_command.h"
#include "cli/ropa_command.h"
#include "cli/validate_command.h"

namespace gdpr::cli {

// Each subcommand's factory lives in its own *_command.cpp.
std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeValidateCommand());
  commands.push_back(MakeClassifyCommand());
  commands.push_back(MakeInitCommand());
  commands.push_back(MakeRopaCommand());
  return commands;
}

}  // namespace gdpr::cli
