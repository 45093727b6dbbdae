// `gdpr-audit rules list`, `gdpr-audit rules test` and `gdpr-audit explain RULE-ID`:
// what the rule packs say, and whether every rule's fixtures still hold.
#pragma once

#include <memory>

#include "cli/command.h"

namespace gdpr::cli {

std::unique_ptr<Command> MakeRulesCommand();
std::unique_ptr<Command> MakeExplainCommand();

}  // namespace gdpr::cli
