// Run: the command-line entry point. Parses argv with CLI11 and dispatches to the
// subcommand; the only place that turns CLI11 exceptions into exit codes.
#pragma once

#include <ostream>

namespace gdpr::cli {

// Returns the process exit code: 0 ok, 1 findings at or above --fail-on, 2 error.
// `process_ends` (main only): the process exits right after, so a command may exit
// itself once its output is written, skipping the teardown of a large audit.
int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, bool process_ends = false);

}  // namespace gdpr::cli
