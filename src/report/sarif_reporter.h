// SarifReporter: the Report as SARIF 2.1.0, shaped for GitHub code scanning. One run;
// the rules that produced findings under tool.driver.rules (help text, GDPR articles as
// tags, a "security-severity" score); one result per finding with a location relative to
// the repository root (%SRCROOT%), our stable fingerprint under partialFingerprints and,
// for waived findings, an external suppression carrying the waiver's reason.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "model/report.h"

namespace gdpr::report {

// The project's home page, shown by SARIF viewers next to the tool name.
inline constexpr const char* kInformationUri = "https://github.com/gdpr-audit/gdpr-audit";

void RenderSarif(const model::Report& report, std::ostream& out);

// SARIF "level" for a severity: error (high, critical), warning (medium, low), note (info).
const char* SarifLevel(model::Severity severity);
// GitHub's "security-severity" score as a string: critical 9.5, high 8.0, medium 5.5,
// low 3.0, info 1.0.
const char* SecuritySeverity(model::Severity severity);
// A path as a relative URI reference: forward slashes, no leading "./", characters
// outside the URI unreserved set percent-encoded (UTF-8 bytes included).
std::string PathToUri(std::string_view path);

}  // namespace gdpr::report
