// The table of subcommands, in the order `gdpr-audit --help` lists them.
#pragma once

#include <memory>
#include <vector>

#include "cli/command.h"

namespace gdpr::cli {

std::vector<std::unique_ptr<Command>> MakeCommands();

}  // namespace gdpr::cli
