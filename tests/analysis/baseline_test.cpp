#include "analysis/baseline.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace gdpr;

namespace {
model::Finding MakeFinding(std::string fingerprint, std::string rule, bool suppressed = false) {
  model::Finding f;
  f.fingerprint = std::move(fingerprint);
  f.rule_id = std::move(rule);
  f.subject = {"purpose", "newsletter"};
  f.message = "Purpose 'newsletter' \"quoted\"";
  f.suppressed = suppressed;
  return f;
}
}  // namespace

TEST_CASE("analysis::Baseline round trip") {
  model::Report report;
  report.findings = {MakeFinding("bbb", "RET-001"), MakeFinding("aaa", "LAW-001"),
                     MakeFinding("ccc", "DPIA-001", /*suppressed=*/true)};
  std::ostringstream out;
  analysis::Baseline::Write(report, out);
  CHECK(out.str().find("\"aaa\"") < out.str().find("\"bbb\""));  // sorted
  CHECK(out.str().find("ccc") == std::string::npos);               // waived findings are not baselined

  model::Diagnostics diags;
  auto baseline = analysis::Baseline::Parse(out.str(), "baseline.json", diags);
  REQUIRE(baseline);
  REQUIRE(baseline->entries().size() == 2);

  model::Report next;
  next.findings = {MakeFinding("aaa", "LAW-001"), MakeFinding("ddd", "NEW-001")};
  auto stale = baseline->Apply(next);
  REQUIRE(next.findings.size() == 1);
  CHECK(next.findings[0].fingerprint == "ddd");
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].fingerprint == "bbb");
  CHECK(stale[0].rule_id == "RET-001");
}

TEST_CASE("analysis::Baseline rejects files that are not baselines") {
  model::Diagnostics diags;
  CHECK_FALSE(analysis::Baseline::Parse("gdpr_audit: 1\n", "x.yaml", diags));
  CHECK(diags.error_count() == 1);
  model::Diagnostics diags2;
  auto b = analysis::Baseline::Parse("{\"findings\": [{\"rule_id\": \"X\"}]}", "b.json", diags2);
  CHECK(diags2.error_count() == 1);
  CHECK(diags2.all()[0].location.line == 1);
}
