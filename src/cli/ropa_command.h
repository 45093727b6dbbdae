// `gdpr-audit ropa [PATH...]`: the Art. 30(1) record of processing activities from the
// declarations, as CSV, Markdown or HTML (report/ropa_reporter.h), in English or Dutch.
#pragma once

#include <memory>

#include "cli/command.h"

namespace gdpr::cli {

std::unique_ptr<Command> MakeRopaCommand();

}  // namespace gdpr::cli
