#include <doctest/doctest.h>

#include <sstream>

#include "report/text_reporter.h"
#include "sample_report.h"

using namespace gdpr::report::testing;
using gdpr::report::RenderText;
using gdpr::report::TextOptions;

namespace {

std::string Text(const gdpr::model::Report& report, TextOptions options = {}) {
  std::ostringstream out;
  RenderText(report, options, out);
  return out.str();
}

}  // namespace

TEST_CASE("report::TextReporter groups findings by severity, gravest first") {
  std::string text = Text(SampleReport());
  size_t high = text.find("HIGH (1)");
  size_t medium = text.find("MEDIUM (1)");
  size_t low = text.find("LOW (1)");
  size_t waived = text.find("WAIVED (1)");
  REQUIRE(high != std::string::npos);
  CHECK(high < medium);
  CHECK(medium < low);
  CHECK(low < waived);
  CHECK(text.find("  CONSENT-001  Consent without proof\n"
                  "    purpose:newsletter  gdpr-audit.yaml:42:7\n"
                  "    Purpose 'newsletter' relies on consent but keeps no record of it\n"
                  "    Articles: Art. 7(1), Art. 6(1)(a)\n"
                  "    Remediation: Declare consent.record") != std::string::npos);
  CHECK(text.find("  RET-001  purpose:newsletter  gdpr-audit.yaml:41:7\n"
                  "    Reason: Agreed with the DPO") != std::string::npos);
  CHECK(text.find("3 findings: 1 high, 1 medium, 1 low; 1 waived\n") != std::string::npos);
  CHECK(text.find("3 findings: 1 high, 1 medium, 1 low; 1 waived\n\nFine exposure (estimate)\n") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("report::TextReporter quiet prints only the summary; colour only when asked") {
  CHECK(Text(SampleReport(), {.color = false, .quiet = true}) ==
        "3 findings: 1 high, 1 medium, 1 low; 1 waived\n");
  std::string colored = Text(SampleReport(), {.color = true});
  CHECK(colored.find("\x1b[1;31mCONSENT-001\x1b[0m") != std::string::npos);
}

TEST_CASE("report::TextReporter neutralises terminal escapes from inputs") {
  std::string text = Text(HostileReport());
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text.find("\xFF") == std::string::npos);
}

TEST_CASE("report::TextReporter speaks Dutch and handles no findings") {
  gdpr::model::Report empty;
  CHECK(Text(empty) == "0 findings\n");
  std::string nl = Text(SampleReport(), {.lang = "nl"});
  CHECK(nl.find("3 bevindingen: 1 hoog, 1 gemiddeld, 1 laag; 1 geaccepteerd") != std::string::npos);
}
