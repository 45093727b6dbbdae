// MarkdownReporter: a short GitHub-flavoured Markdown summary of a Report, sized for a
// pull-request comment or $GITHUB_STEP_SUMMARY: counts by severity, the top findings,
// waivers and the fine-exposure range. Every input string is escaped (no raw HTML, no
// table breaking), so a hostile declaration cannot change the comment's markup.
#pragma once

#include <ostream>
#include <string>

#include "model/report.h"

namespace gdpr::report {

// How many findings the table shows before "and N more".
inline constexpr int kMarkdownTopFindings = 10;

void RenderMarkdown(const model::Report& report, const std::string& lang, std::ostream& out);

}  // namespace gdpr::report
