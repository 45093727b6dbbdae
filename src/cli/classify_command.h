// `gdpr-audit classify SCHEMA...`: shows each column's data categories and why (which
// classifier pattern matched), for DDL files and live databases, as text or as the JSON
// of spec/cli.md. Exit 0, or 2 when a schema could not be read.
#pragma once

#include <memory>

#include "cli/command.h"

namespace gdpr::cli {

std::unique_ptr<Command> MakeClassifyCommand();

}  // namespace gdpr::cli
