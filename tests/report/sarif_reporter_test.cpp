#include <doctest/doctest.h>

#include <sstream>

#include "json_check.h"
#include "report/sarif_reporter.h"
#include "sample_report.h"

using namespace gdpr::report::testing;
using gdpr::report::PathToUri;
using gdpr::report::RenderSarif;

namespace {

std::string Sarif(const gdpr::model::Report& report) {
  std::ostringstream out;
  RenderSarif(report, out);
  return out.str();
}

// Pretty-printing removed (newlines and the indent after them), so checks do not
// depend on nesting depth.
std::string Squash(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
  }
  return out;
}

bool Has(const std::string& text, const std::string& needle) {
  return Squash(text).find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("report::SarifReporter describes rules and results as GitHub reads them") {
  std::string sarif = Sarif(SampleReport());
  REQUIRE(JsonCheck::Validate(sarif) == "");
  CHECK(Has(sarif, "\"version\": \"2.1.0\""));
  CHECK(Has(sarif, "\"informationUri\""));
  // Rules sorted by id: CONSENT-001, RET-001, TRANSFER-002, TRANSP-001.
  CHECK(Has(sarif, "\"id\": \"CONSENT-001\",\"name\": \"ConsentWithoutProof\""));
  CHECK(Has(sarif, "\"ruleId\": \"TRANSP-001\",\"ruleIndex\": 3,\"level\": \"warning\""));
  CHECK(Has(sarif, "\"ruleId\": \"CONSENT-001\",\"ruleIndex\": 0,\"level\": \"error\""));
  CHECK(Has(sarif, "\"tags\": [\"Art. 7(1)\",\"Art. 6(1)(a)\",\"privacy\"]"));
  CHECK(Has(sarif, "\"security-severity\": \"8.0\""));
  CHECK(Has(sarif, "\"uri\": \"gdpr-audit.yaml\",\"uriBaseId\": \"%SRCROOT%\""));
  CHECK(Has(sarif, "\"startLine\": 42,\"startColumn\": 7"));
  CHECK(Has(sarif, "\"gdprAudit/v1\": \"CONSENT-001-newsletter-fp\""));
  CHECK(Has(sarif, "\"kind\": \"external\",\"justification\": \"Agreed with the DPO"));
  // Only the waived finding is suppressed.
  CHECK(sarif.find("\"suppressions\"") == sarif.rfind("\"suppressions\""));
}

TEST_CASE("report::SarifReporter omits the region when the line is unknown") {
  gdpr::model::Report report = SampleReport();
  report.findings.resize(1);
  report.findings[0].location = Loc("db/shop.sql", 0, 0);
  std::string sarif = Sarif(report);
  CHECK(Has(sarif, "\"uri\": \"db/shop.sql\""));
  CHECK_FALSE(Has(sarif, "\"region\""));
  report.findings[0].location = Loc("", 0, 0);
  CHECK_FALSE(Has(Sarif(report), "\"locations\""));
}

TEST_CASE("report::SarifReporter stays valid JSON for hostile input") {
  std::string sarif = Sarif(HostileReport());
  CHECK(JsonCheck::Validate(sarif) == "");
  CHECK(Has(sarif, "\"uri\": \"dir%20with%20space/%3Cscript%3E"));
}

TEST_CASE("report::PathToUri makes clean relative URIs") {
  CHECK(PathToUri("./db/shop.sql") == "db/shop.sql");
  CHECK(PathToUri("db\\win\\x.sql") == "db/win/x.sql");
  CHECK(PathToUri("a b#c%.yaml") == "a%20b%23c%25.yaml");
  CHECK(PathToUri("caf\xC3\xA9.yaml") == "caf%C3%A9.yaml");
}
