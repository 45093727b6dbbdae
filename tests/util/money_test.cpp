#include "util/money.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using gdpr::util::FormatEuros;
using gdpr::util::FormatThousands;

TEST_CASE("util::FormatThousands") {
  CHECK(FormatThousands(0) == "0");
  CHECK(FormatThousands(999) == "999");
  CHECK(FormatThousands(1000) == "1,000");
  CHECK(FormatThousands(48000000) == "48,000,000");
  CHECK(FormatThousands(1369405692) == "1,369,405,692");
  CHECK(FormatThousands(-1500) == "-1,500");
  CHECK(FormatThousands(std::numeric_limits<int64_t>::min()) == "-9,223,372,036,854,775,808");
}

TEST_CASE("util::FormatEuros") {
  CHECK(FormatEuros(30000) == "EUR 30,000");
  CHECK(FormatEuros(20000000) == "EUR 20,000,000");
  CHECK(FormatEuros(0) == "EUR 0");
}
