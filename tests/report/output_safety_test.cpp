// Output safety across every format at once (SECURITY.md): whatever bytes come from
// the inputs, no format passes through markup, links, terminal escapes or invalid
// UTF-8, and JSON/SARIF stay valid JSON. Each reporter has its own, finer tests; this
// one makes sure a format added later is held to the same rules.
#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>

#include "json_check.h"
#include "report/reporter.h"
#include "sample_report.h"
#include "util/utf8.h"

using gdpr::report::testing::HostileReport;
using gdpr::report::testing::JsonCheck;
using gdpr::report::testing::kHostile;

namespace {

gdpr::model::Report HostileReportWithSchema() {
  gdpr::model::Report report = HostileReport();
  auto schema = std::make_shared<gdpr::model::Schema>();
  schema->path = kHostile;
  schema->dialect = gdpr::model::Dialect::kPostgres;
  gdpr::model::Table table;
  table.schema = kHostile;
  table.name = kHostile;
  table.comment = kHostile;
  gdpr::model::Column column;
  column.name = kHostile;
  column.type = kHostile;
  column.comment = kHostile;
  column.default_value = kHostile;
  table.columns.push_back(column);
  schema->tables.push_back(table);
  report.schemas.push_back(schema);
  return report;
}

}  // namespace

TEST_CASE("report: every format escapes hostile names, ids and comments") {
  gdpr::model::Report report = HostileReportWithSchema();
  for (const std::string& format : gdpr::report::Formats()) {
    INFO("format: ", format);
    std::ostringstream out;
    gdpr::report::RenderOptions options;
    gdpr::report::Render(format, report, options, out);
    std::string text = out.str();
    CHECK(!text.empty());
    // Valid UTF-8: the stray bytes of kHostile were replaced, not passed through.
    CHECK(gdpr::util::ValidUtf8(text) == text);
    // No terminal escapes or other control characters (colour is off).
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x01') == std::string::npos);
    // DEL is a legal (if discouraged) XML 1.0 character and harmless in JUnit files.
    if (format != "junit") CHECK(text.find('\x7f') == std::string::npos);
    if (format == "json" || format == "sarif") CHECK(JsonCheck::Validate(text) == "");
    if (format == "html" || format == "markdown" || format == "junit") {
      CHECK(text.find("<script>alert(1)") == std::string::npos);
    }
    if (format == "markdown") CHECK(text.find("[link](javascript:") == std::string::npos);
    if (format == "html") {
      CHECK(text.find("href=\"javascript:") == std::string::npos);
      CHECK(text.find("src=\"javascript:") == std::string::npos);
    }
  }
}
