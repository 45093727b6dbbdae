#include "cli/command_table.h"

#include "cli/classify_command.h"
#include "cli/validate_command.h"

namespace gdpr::cli {

// Each subcommand's factory lives in its own *_command.cpp.
std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeValidateCommand());
  commands.push_back(MakeClassifyCommand());
  return commands;
}

}  // namespace gdpr::cli
