#include "load/yaml_fields.h"

#include <doctest/doctest.h>

#include "load/vocabulary_checker.h"
#include "load/yaml_parser.h"
#include "load_test_support.h"

using namespace gdpr::load;
using gdpr::model::Diagnostics;
using gdpr::testing::FindDiagnostic;

TEST_CASE("load::ParseYamlBool and ParseCount") {
  CHECK(ParseYamlBool("true") == true);
  CHECK(ParseYamlBool("Yes") == true);
  CHECK(ParseYamlBool("OFF") == false);
  CHECK_FALSE(ParseYamlBool("1"));
  CHECK_FALSE(ParseYamlBool(""));
  CHECK(ParseCount("0") == 0);
  CHECK(ParseCount("48_000_000") == 48000000);
  CHECK(ParseCount("999999999999999999") == 999999999999999999);
  CHECK_FALSE(ParseCount("9999999999999999999"));  // would overflow
  CHECK_FALSE(ParseCount("_1"));
  CHECK_FALSE(ParseCount("-5"));
  CHECK_FALSE(ParseCount("1e6"));
  CHECK_FALSE(ParseCount(""));
  CHECK(Quote("x") == "'x'");
}

TEST_CASE("load::IsIsoDate") {
  CHECK(IsIsoDate("2027-03-01"));
  CHECK(IsIsoDate("2028-02-29"));
  CHECK(IsIsoDate("2000-02-29"));
  CHECK_FALSE(IsIsoDate("1900-02-29"));
  CHECK_FALSE(IsIsoDate("2027-02-29"));
  CHECK_FALSE(IsIsoDate("2027-13-01"));
  CHECK_FALSE(IsIsoDate("2027-04-31"));
  CHECK_FALSE(IsIsoDate("2027-4-1"));
  CHECK_FALSE(IsIsoDate("01-03-2027"));
  CHECK(CanonicalDialect("pg") == "postgres");
  CHECK(CanonicalDialect("mariadb") == "mysql");
  CHECK(CanonicalDialect("sqlite") == "sqlite");
}

TEST_CASE("load::FieldReader records where fields were written") {
  Diagnostics diags;
  auto root = ParseYaml("a: 1\nlist:\n  - x\n  - y\nmap: { k: v }\nnothing: null\n", "f.yaml", diags);
  REQUIRE(root);
  gdpr::model::Located located;
  FieldReader f(*root, "a test", diags, &located);
  REQUIRE(f.ok());
  CHECK(located.loc.ToString() == "f.yaml:1:1");
  CHECK(located.At("a").ToString() == "f.yaml:1:4");      // a single value: the value
  CHECK(located.At("list").ToString() == "f.yaml:2:1");   // a list: the key
  CHECK(located.At("map").ToString() == "f.yaml:5:1");
  CHECK(f.StringList("list") == std::vector<std::string>{"x", "y"});
  CHECK(located.At("list[1]").ToString() == "f.yaml:4:5");
  CHECK_FALSE(f.Value("nothing"));
  CHECK_FALSE(f.String("missing"));
  CHECK(diags.all().empty());
  CHECK_FALSE(f.RequiredString("missing"));
  CHECK(FindDiagnostic(diags, "a test needs 'missing'"));
  CHECK_FALSE(f.String("map"));
  CHECK(FindDiagnostic(diags, "'map' expects a single value, found a mapping"));
}
