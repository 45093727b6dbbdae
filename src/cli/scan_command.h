// `gdpr-audit scan [PATH...]`: load declarations and schemas, run the rule packs, apply
// waivers, estimate fines and print the report; exit 0/1/2 by --fail-on.
#pragma once

#include <memory>

#include "cli/command.h"

namespace gdpr::cli {

std::unique_ptr<Command> MakeScanCommand();

}  // namespace gdpr::cli
