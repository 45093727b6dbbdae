#include "load/retention_text.h"

#include <doctest/doctest.h>

using gdpr::load::ParseRetentionText;

TEST_CASE("load::ParseRetentionText reads periods in words") {
  auto r = ParseRetentionText("30 days after account deletion");
  REQUIRE(r);
  CHECK(r->period.ToString() == "P30D");
  CHECK(r->from == "account deletion");
  r = ParseRetentionText("3 years");
  REQUIRE(r);
  CHECK(r->period.ToString() == "P3Y");
  CHECK(r->from.empty());
  r = ParseRetentionText("Six Months from the end of the contract.");
  REQUIRE(r);
  CHECK(r->period.ToString() == "P6M");
  CHECK(r->from == "the end of the contract");
  r = ParseRetentionText("P7Y");
  REQUIRE(r);
  CHECK(r->period.years == 7);
  CHECK(ParseRetentionText("1 week")->period.weeks == 1);
}

TEST_CASE("load::ParseRetentionText refuses what is not measurable") {
  CHECK_FALSE(ParseRetentionText("Account termination"));
  CHECK_FALSE(ParseRetentionText("as long as needed"));
  CHECK_FALSE(ParseRetentionText("30 fortnights"));
  CHECK_FALSE(ParseRetentionText("30 days or so"));
  CHECK_FALSE(ParseRetentionText(""));
  CHECK_FALSE(ParseRetentionText("1234567 days"));
}
