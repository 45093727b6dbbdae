// TextReporter: the terminal form of a Report. Active findings grouped by severity,
// gravest first, each with rule, title, subject, message, articles, location and
// remediation; waived findings listed apart with the waiver's reason; a summary line;
// then the fine-exposure summary. Colour (ANSI) only when asked: the caller decides
// whether the terminal wants it.
#pragma once

#include <ostream>
#include <string>

#include "model/report.h"

namespace gdpr::report {

struct TextOptions {
  bool color = false;
  bool quiet = false;  // only the summary line
  std::string lang = "en";
};

void RenderText(const model::Report& report, const TextOptions& options, std::ostream& out);

}  // namespace gdpr::report
