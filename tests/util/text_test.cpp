#include "util/text.h"

#include <doctest/doctest.h>

using gdpr::util::AsciiLower;
using gdpr::util::Capitalized;
using gdpr::util::Join;

TEST_CASE("util::Join puts the separator between items only") {
  CHECK(Join({}) == "");
  CHECK(Join({"a"}) == "a");
  CHECK(Join({"a", "b", "c"}) == "a, b, c");
  CHECK(Join({"x", "y"}, "; ") == "x; y");
}

TEST_CASE("util::AsciiLower and Capitalized touch ASCII letters only") {
  CHECK(AsciiLower("Varchar(255) ÉÀ") == "varchar(255) ÉÀ");
  CHECK(Capitalized("invalid YAML") == "Invalid YAML");
  CHECK(Capitalized("éte") == "éte");
  CHECK(Capitalized("") == "");
}
