#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "load/yaml_parser.h"

using gdpr::load::ParseYaml;
using gdpr::load::YamlLimits;
using gdpr::model::Diagnostics;

namespace {

// Ten levels of ten aliases: 10^10 nodes once expanded.
std::string AliasBomb() {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  return bomb;
}

}  // namespace

// Found by fuzz_declarations: the 2,000,000-node budget let an alias bomb of 474 bytes
// cost seconds and 240 MB (a timeout under the sanitizers) before it was refused.
TEST_CASE("load::ParseYaml refuses an alias bomb early, on its own budget for copies") {
  Diagnostics diags;
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(ParseYaml(AliasBomb(), "bomb.yaml", diags));
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message.find("more than 100000 nodes through aliases") != std::string::npos);
  CHECK(elapsed < std::chrono::seconds(5));  // about 0.05 s in a release build
}

TEST_CASE("load::ParseYaml accepts modest anchors and many distinct nodes") {
  Diagnostics diags;
  std::string text = "defaults: &d {country: NL, retention: P1Y}\nsystems:\n";
  for (int i = 0; i < 2000; ++i) text += "  - {id: s" + std::to_string(i) + ", <<: *d, extra: *d}\n";
  auto root = ParseYaml(text, "many.yaml", diags);
  CHECK(root);
  CHECK_FALSE(diags.HasErrors());

  YamlLimits tight;
  tight.max_alias_nodes = 100;
  Diagnostics diags2;
  CHECK_FALSE(ParseYaml(text, "many.yaml", diags2, tight));
  CHECK(diags2.HasErrors());
}
