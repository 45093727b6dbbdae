// `gdpr-audit init --from SCHEMA`: writes a starter declarations file for a database
// (a DDL file or a live URL), with the classifier's suggestions as annotations and
// comments (report/starter_declarations.h). Never overwrites a file unless --force.
#pragma once

#include <memory>

#include "cli/command.h"

namespace gdpr::cli {

std::unique_ptr<Command> MakeInitCommand();

}  // namespace gdpr::cli
