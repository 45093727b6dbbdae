#include "load/yaml_parser.h"

#include <doctest/doctest.h>

#include <string>

using gdpr::load::ParseYaml;
using gdpr::model::Diagnostics;

TEST_CASE("load::ParseYaml keeps locations") {
  Diagnostics diags;
  auto root = ParseYaml("a: 1\nlist:\n  - x\n  - \"yes\"\n", "t.yaml", diags);
  REQUIRE(root);
  CHECK(root->IsMap());
  const auto* list = root->Find("list");
  REQUIRE(list);
  REQUIRE(list->items.size() == 2);
  CHECK(list->items[0].line == 3);
  CHECK(list->items[0].column == 5);
  CHECK(list->items[1].quoted);
  CHECK(root->Find("a")->Location().ToString() == "t.yaml:1:4");
}

TEST_CASE("load::ParseYaml reports syntax errors with a location") {
  Diagnostics diags;
  CHECK_FALSE(ParseYaml("a: [1, 2\nb: c\n", "bad.yaml", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].location.path == "bad.yaml");
  CHECK(diags.all()[0].location.line >= 1);
}

TEST_CASE("load::ParseYaml refuses hostile documents") {
  SUBCASE("deep flow nesting") {
    Diagnostics diags;
    std::string deep = std::string(10000, '[') + std::string(10000, ']');
    CHECK_FALSE(ParseYaml(deep, "deep.yaml", diags));
    CHECK(diags.all()[0].message.find("nesting") != std::string::npos);
  }
  SUBCASE("deep block nesting") {
    Diagnostics diags;
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += std::string(i * 2, ' ') + "- \n";
    CHECK_FALSE(ParseYaml(deep, "deep.yaml", diags));
  }
  SUBCASE("alias bomb") {
    Diagnostics diags;
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; ++c, ++prev) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
      bomb += "]\n";
    }
    CHECK_FALSE(ParseYaml(bomb, "bomb.yaml", diags));
    CHECK(diags.all()[0].message.find("expands") != std::string::npos);
  }
  SUBCASE("empty document is null") {
    Diagnostics diags;
    auto root = ParseYaml("", "empty.yaml", diags);
    REQUIRE(root);
    CHECK(root->IsNull());
  }
}

TEST_CASE("load::ParseYaml refuses a quoted value that is never closed") {
  Diagnostics diags;
  CHECK_FALSE(ParseYaml("systems:\n  - id: web\n    name: \"Webshop\n  - id: crm\n", "q.yaml", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].location.line == 3);
  CHECK(diags.all()[0].location.column == 11);
}

TEST_CASE("load::ParseYaml is not fooled by apostrophes and hashes inside values") {
  Diagnostics diags;
  auto root = ParseYaml("name: Jan's shop\nnote: 'it''s # fine'\nurl: a#b\nmulti: \"one\n  two\"\n", "ok.yaml", diags);
  REQUIRE(root);
  CHECK(root->Find("name")->scalar == "Jan's shop");
  CHECK(root->Find("note")->scalar == "it's # fine");
  CHECK(root->Find("url")->scalar == "a#b");
  CHECK(root->Find("multi")->scalar == "one two");
}

TEST_CASE("load::ParseYaml builds mappings, lists and keys in document order, keeping a repeated key") {
  Diagnostics diags;
  auto root = ParseYaml("? [k1, k2]\n: v\nm: {x: 1, y: [a, {z: ~}]}\nm: again\nn:\n", "t.yaml", diags);
  REQUIRE(root);
  REQUIRE(root->entries.size() == 4);
  CHECK(root->entries[0].first.IsSequence());
  CHECK(root->entries[0].second.scalar == "v");
  const auto* m = root->Find("m");  // the first of the two
  REQUIRE(m);
  CHECK(m->IsMap());
  CHECK(m->Find("y")->items[1].Find("z")->IsNull());
  CHECK(m->Find("y")->items[1].Find("z")->Location().ToString() == "t.yaml:3:22");
  CHECK(root->entries[2].second.scalar == "again");
  CHECK(root->Find("n")->IsNull());
}

TEST_CASE("load::ParseYaml counts nodes and nesting with or without aliases") {
  gdpr::load::YamlLimits tight;
  tight.max_nodes = 5;
  SUBCASE("too many nodes, no alias: the first node over the limit") {
    Diagnostics diags;
    CHECK_FALSE(ParseYaml("a: 1\nb: [2, 3]\n", "n.yaml", diags, tight));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].location.ToString() == "n.yaml:2:5");
    CHECK(diags.all()[0].message.find("more than 5 nodes") != std::string::npos);
  }
  SUBCASE("a syntax error later in the text wins over a limit") {
    Diagnostics diags;
    CHECK_FALSE(ParseYaml("a: 1\nb: [2, 3]\nc: [\n", "n.yaml", diags, tight));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("invalid YAML") == 0);
  }
  SUBCASE("an alias is a copy of its anchor, at the anchor's position") {
    Diagnostics diags;
    auto root = ParseYaml("a: &x {k: v}\nb: *x\n", "a.yaml", diags);
    REQUIRE(root);
    CHECK(root->Find("b")->Find("k")->scalar == "v");
    CHECK(root->Find("b")->Find("k")->Location().ToString() == "a.yaml:1:11");
  }
  SUBCASE("an alias inside its own anchor is refused") {
    Diagnostics diags;
    CHECK_FALSE(ParseYaml("a: &x [1, *x]\n", "r.yaml", diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("nesting deeper") != std::string::npos);
  }
}
