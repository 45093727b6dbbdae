#include "util/iso_duration.h"

#include <doctest/doctest.h>

using gdpr::util::ParseIsoDuration;

TEST_CASE("util::ParseIsoDuration") {
  auto d = ParseIsoDuration("P1Y6M");
  REQUIRE(d);
  CHECK(d->years == 1);
  CHECK(d->months == 6);
  CHECK(d->ToString() == "P1Y6M");
  CHECK(ParseIsoDuration("PT12H")->hours == 12);
  CHECK(ParseIsoDuration("P2W")->ApproxDays() == doctest::Approx(14));
  CHECK(ParseIsoDuration("P7Y")->ApproxDays() == doctest::Approx(7 * 365.25));

  std::string error;
  CHECK_FALSE(ParseIsoDuration("7 years", &error));
  CHECK(error.find("starts with 'P'") != std::string::npos);
  CHECK_FALSE(ParseIsoDuration("P", &error));
  CHECK_FALSE(ParseIsoDuration("P1M1Y", &error));  // units out of order
  CHECK_FALSE(ParseIsoDuration("P1H", &error));    // hours need T
  CHECK_FALSE(ParseIsoDuration("P12345678901D", &error));
}

TEST_CASE("util::CompareDurations") {
  CHECK(gdpr::util::CompareDurations(*ParseIsoDuration("P1Y"), *ParseIsoDuration("P12M")) == 0);
  CHECK(gdpr::util::CompareDurations(*ParseIsoDuration("P1Y"), *ParseIsoDuration("P13M")) < 0);
  CHECK(gdpr::util::CompareDurations(*ParseIsoDuration("P2Y"), *ParseIsoDuration("P700D")) > 0);
}
