// JunitReporter: the Report as JUnit XML, for CI systems that show test results (GitLab,
// Jenkins, Azure DevOps). One <testsuite> per rule family (the rule id without its
// number: CONSENT-001 belongs to CONSENT), one <testcase> per rule that produced
// findings, one <failure> per active finding; a rule whose findings are all waived is
// <skipped> with the waivers' reasons. Rules without findings are not in a Report, so
// they do not appear.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "model/report.h"

namespace gdpr::report {

void RenderJunit(const model::Report& report, std::ostream& out);

// "CONSENT-001" -> "CONSENT"; an id without a numeric suffix is its own family.
std::string RuleFamily(std::string_view rule_id);

}  // namespace gdpr::report
