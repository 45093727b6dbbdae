// `gdpr-audit validate [PATH...]`: loads the declarations files under PATH (default
// `.`) and reports every problem as `path:line:col: error|warning: message`, with the
// source line, a caret and a hint, on stderr; a one-line summary goes to stdout.
// Exit 0 when there is no error (warnings allowed), 2 otherwise.
#pragma once

#include <memory>

#include "cli/command.h"

namespace gdpr::cli {

std::unique_ptr<Command> MakeValidateCommand();

}  // namespace gdpr::cli
