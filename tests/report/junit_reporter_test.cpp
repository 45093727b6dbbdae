#include <doctest/doctest.h>

#include <sstream>

#include "golden_file.h"
#include "report/junit_reporter.h"
#include "sample_report.h"

using namespace gdpr::report::testing;
using gdpr::report::RenderJunit;
using gdpr::report::RuleFamily;

namespace {

std::string Junit(const gdpr::model::Report& report) {
  std::ostringstream out;
  RenderJunit(report, out);
  return out.str();
}

}  // namespace

TEST_CASE("report::JunitReporter golden output") {
  CheckGolden("sample.junit.xml", Junit(SampleReport()));
}

TEST_CASE("report::JunitReporter: one testcase per rule, one failure per active finding") {
  gdpr::model::Report report = SampleReport();
  gdpr::model::Finding second = report.findings[0];
  second.subject.id = "orders";
  report.findings.push_back(second);
  gdpr::model::Finding waived = report.findings[0];
  waived.suppressed = true;
  waived.suppression_reason = "accepted";
  report.findings.push_back(waived);
  std::string xml = Junit(report);
  CHECK(xml.find("<testsuites name=\"gdpr-audit\" tests=\"4\" failures=\"3\" errors=\"0\" skipped=\"1\">") != std::string::npos);
  size_t consent = xml.find("name=\"CONSENT-001");
  size_t end = xml.find("</testcase>", consent);
  std::string testcase = xml.substr(consent, end - consent);
  CHECK(testcase.find("<failure") != testcase.rfind("<failure"));  // two failures
  CHECK(testcase.find("<skipped") == std::string::npos);            // mixed: not skipped
  CHECK(testcase.find("waived: purpose:newsletter: accepted") != std::string::npos);
}

TEST_CASE("report::JunitReporter escapes hostile strings") {
  std::string xml = Junit(HostileReport());
  CHECK(xml.find("<script") == std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find('\x1b') == std::string::npos);
  CHECK(xml.find("\xFF") == std::string::npos);
}

TEST_CASE("report::RuleFamily strips the numeric suffix only") {
  CHECK(RuleFamily("CONSENT-001") == "CONSENT");
  CHECK(RuleFamily("SPECIAL-ART9-002") == "SPECIAL-ART9");
  CHECK(RuleFamily("CUSTOM") == "CUSTOM");
  CHECK(RuleFamily("ACME-x") == "ACME-x");
  CHECK(RuleFamily("ACME-") == "ACME-");
}
