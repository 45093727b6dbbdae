#include <doctest/doctest.h>

#include <sstream>

#include "report/json_reporter.h"
#include "json_check.h"
#include "sample_report.h"

namespace {

std::string Json(const gdpr::model::Report& report) {
  std::ostringstream out;
  gdpr::report::RenderJson(report, out);
  return out.str();
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

using namespace gdpr::report::testing;

TEST_CASE("report::JsonReporter writes every field of the contract") {
  std::string json = Json(SampleReport());
  REQUIRE(JsonCheck::Validate(json) == "");
  CHECK(json.rfind("{\n  \"tool\": {\n    \"name\": \"gdpr-audit\",\n    \"version\": \"0.1.0\"\n  },\n"
                   "  \"format_version\": 1,\n", 0) == 0);
  for (const char* field :
       {"\"inputs\"", "\"findings\"", "\"rule_id\": \"CONSENT-001\"", "\"severity\": \"high\"",
        "\"title\"", "\"message\"", "\"articles\": [", "\"subject\": {", "\"kind\": \"purpose\"",
        "\"location\": {", "\"line\": 42", "\"column\": 7", "\"fingerprint\"", "\"suppressed\": false",
        "\"remediation\"", "\"references\"", "\"fine\": {", "\"tier\": \"83(5)\"",
        "\"low_eur\": 96000", "\"high_eur\": 480000", "\"exposure\": {",
        "\"organization_max_eur\": 20000000", "\"assumptions\"", "\"conducts\"",
        "\"dialect\": \"postgres\"", "\"tables\": 12", "\"fine\": null"})
    CHECK_MESSAGE(Has(json, field), field);
  // The waived finding carries its reason; active findings do not have the key.
  CHECK(Has(json, "\"suppressed\": true,\n      \"suppression_reason\": \"Agreed with the DPO"));
  CHECK(json.find("suppression_reason") == json.rfind("suppression_reason"));
  // The declarations input has neither dialect nor tables.
  CHECK(Has(json, "\"path\": \"gdpr-audit.yaml\",\n      \"kind\": \"declarations\"\n    }"));
}

TEST_CASE("report::JsonReporter is byte-identical across runs and valid for hostile bytes") {
  gdpr::model::Report report = HostileReport();
  std::string first = Json(report);
  CHECK(first == Json(report));
  CHECK(JsonCheck::Validate(first) == "");
  CHECK(Has(first, "\\u001b[31m"));
  CHECK(Has(first, "\xEF\xBF\xBD"));
}

TEST_CASE("report::JsonReporter writes null line and column when the location is unknown") {
  gdpr::model::Report report = SampleReport();
  report.findings.resize(1);
  report.findings[0].location = Loc("postgresql://localhost/shop", 0, 0);
  std::string json = Json(report);
  CHECK(Has(json, "\"line\": null,\n        \"column\": null"));
}

TEST_CASE("report::JsonReporter writes an empty report") {
  gdpr::model::Report report;
  report.tool_version = "0.1.0";
  std::string json = Json(report);
  CHECK(JsonCheck::Validate(json) == "");
  CHECK(Has(json, "\"findings\": [],"));
  CHECK(Has(json, "\"conducts\": [],"));
}
