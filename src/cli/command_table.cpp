#include "cli/command_table.h"

namespace gdpr::cli {

// Each subcommand's factory lives in its own *_command.cpp.
std::vector<std::unique_ptr<Command>> MakeCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  return commands;
}

}  // namespace gdpr::cli
