#include "analysis/rule_pack.h"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

using namespace gdpr;
using namespace gdpr::analysis;

TEST_CASE("analysis::RuleSet core packs load and are complete") {
  std::string rules = std::string(GDPR_SOURCE_DIR) + "/rules";
  model::Diagnostics diags;
  auto taxonomy = Taxonomy::LoadFile(rules + "/taxonomy.yaml", diags);
  auto countries = CountryTable::LoadFile(rules + "/countries.yaml", diags);
  REQUIRE(taxonomy);
  REQUIRE(countries);
  RuleSet set;
  ConditionScope scope{"", &*taxonomy, &*countries, &CheckRegistry::Builtins()};
  bool ok = set.AddDir(rules + "/packs", scope, diags);
  std::ostringstream out;
  diags.Render(out, false);
  INFO(out.str());
  REQUIRE(ok);
  CHECK(set.rules().size() >= 25);
  for (const Rule& rule : set.rules()) {
    INFO(rule.id);
    bool fires = false, passes = false;
    for (const RuleFixture& f : rule.fixtures) (f.expect_fire ? fires : passes) = true;
    CHECK(fires);
    CHECK(passes);
    CHECK_FALSE(rule.message.empty());
    CHECK(rule.articles.front().rfind("Art. ", 0) == 0);
  }
}

TEST_CASE("analysis::ExpandTemplate") {
  auto lookup = [](std::string_view name) -> std::optional<std::string> {
    if (name == "id") return std::string("ads");
    return std::nullopt;
  };
  CHECK(ExpandTemplate("Purpose '{id}' and {unknown}", lookup) == "Purpose 'ads' and {unknown}");
  CHECK(ExpandTemplate("no braces {", lookup) == "no braces {");
  CHECK(TemplateNames("{a} x {b.c}") == std::vector<std::string>{"a", "b.c"});
}
