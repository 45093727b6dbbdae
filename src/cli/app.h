// Run: the command-line entry point. Parses argv with CLI11 and dispatches to the
// subcommand; the only place that turns CLI11 exceptions into exit codes.
#pragma once

#include <ostream>

namespace gdpr::cli {

// Returns the process exit code: 0 ok, 1 findings at or above --fail-on, 2 error.
int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace gdpr::cli
