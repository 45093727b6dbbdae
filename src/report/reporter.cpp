#include "report/reporter.h"

#include <algorithm>

#include "report/html_reporter.h"
#include "report/json_reporter.h"
#include "report/junit_reporter.h"
#include "report/markdown_reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"

namespace gdpr::report {

const std::vector<std::string>& Formats() {
  static const std::vector<std::string> kFormats = {"text", "json", "sarif", "junit", "markdown", "html"};
  return kFormats;
}

bool IsKnownFormat(std::string_view format) {
  const auto& formats = Formats();
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

void Render(std::string_view format, const model::Report& report, const RenderOptions& options,
            std::ostream& out) {
  if (format == "text") {
    RenderText(report, TextOptions{options.color, options.quiet, options.lang}, out);
  } else if (format == "json") {
    RenderJson(report, out);
  } else if (format == "sarif") {
    RenderSarif(report, out);
  } else if (format == "junit") {
    RenderJunit(report, out);
  } else if (format == "markdown") {
    RenderMarkdown(report, options.lang, out);
  } else if (format == "html") {
    RenderHtml(report, HtmlOptions{options.lang, options.generated_for, options.taxonomy, options.countries}, out);
  }
}

}  // namespace gdpr::report
