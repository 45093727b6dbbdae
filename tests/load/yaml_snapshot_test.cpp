#include "load/yaml_snapshot.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "load/yaml_parser.h"

using gdpr::load::AppendToYamlSnapshot;
using gdpr::load::FindInYamlSnapshot;
using gdpr::load::InstallYamlSnapshot;
using gdpr::load::ParseYaml;
using gdpr::load::YamlNode;
using gdpr::model::Diagnostics;

namespace {

// Every field, recursively, including the path of every node.
bool SameTree(const YamlNode& a, const YamlNode& b) {
  if (a.kind != b.kind || a.scalar != b.scalar || a.quoted != b.quoted || a.line != b.line ||
      a.column != b.column || !a.path || !b.path || *a.path != *b.path ||
      a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
    return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!SameTree(a.items[i], b.items[i])) return false;
  for (size_t i = 0; i < a.entries.size(); ++i)
    if (!SameTree(a.entries[i].first, b.entries[i].first) || !SameTree(a.entries[i].second, b.entries[i].second))
      return false;
  return true;
}

// The tree a snapshot made of `text` gives back (installing it), as `name`.
std::optional<YamlNode> RoundTrip(const std::string& text, const std::string& name) {
  Diagnostics diags;
  auto parsed = ParseYaml(text, name, diags);
  REQUIRE(parsed);
  static std::vector<std::unique_ptr<std::string>> blobs;  // must outlive lookups
  blobs.push_back(std::make_unique<std::string>());
  AppendToYamlSnapshot(*blobs.back(), text, *parsed);
  REQUIRE(InstallYamlSnapshot(*blobs.back()));
  return FindInYamlSnapshot(text, name);
}

}  // namespace

TEST_CASE("load::YamlSnapshot gives back the tree yaml-cpp parsed") {
  const std::string text =
      "# yaml_snapshot_test 1\n"
      "a: 1\n"
      "empty:\n"
      "quoted: \"yes\"\n"
      "list:\n  - x\n  - { k: v, n: ~ }\n  - [1, 2, 'three']\n"
      "anchor: &base { x: 1 }\n"
      "alias: *base\n"
      "block: |\n  line one\n  line two\n"
      "utf8: \"prénom\"\n";
  Diagnostics diags;
  auto parsed = ParseYaml(text, "t.yaml", diags);
  REQUIRE(parsed);
  auto snap = RoundTrip(text, "shown/t.yaml");
  REQUIRE(snap);
  CHECK(*snap->path == "shown/t.yaml");
  auto expected = ParseYaml(text, "shown/t.yaml", diags);  // now answered by the snapshot too
  REQUIRE(expected);
  CHECK(SameTree(*snap, *expected));
  // Compare with a tree yaml-cpp really parsed: same shape and locations.
  CHECK(snap->entries.size() == parsed->entries.size());
  CHECK(snap->Find("quoted")->quoted);
  CHECK(snap->Find("empty")->IsNull());
  CHECK(snap->Find("alias")->Find("x")->line == parsed->Find("alias")->Find("x")->line);
  CHECK(snap->Find("block")->scalar == "line one\nline two\n");
  CHECK(snap->Find("list")->items[1].column == 5);
}

TEST_CASE("load::YamlSnapshot answers only for the exact text") {
  const std::string text = "# yaml_snapshot_test 2\nkey: value\n";
  Diagnostics diags;
  auto parsed = ParseYaml(text, "a.yaml", diags);
  REQUIRE(parsed);
  // A snapshot whose tree differs from the text shows when it is used.
  YamlNode marked = *parsed;
  marked.entries[0].second.scalar = "from the snapshot";
  static std::string blob;
  AppendToYamlSnapshot(blob, text, marked);
  REQUIRE(InstallYamlSnapshot(blob));
  CHECK(ParseYaml(text, "a.yaml", diags)->Find("key")->scalar == "from the snapshot");
  // One byte more, one byte changed, or tighter limits: parsed by yaml-cpp.
  CHECK(ParseYaml(text + " ", "a.yaml", diags)->Find("key")->scalar == "value");
  std::string changed = text;
  changed[changed.size() - 2] = 'x';
  CHECK(ParseYaml(changed, "a.yaml", diags)->Find("key")->scalar == "valux");
  gdpr::load::YamlLimits tight;
  tight.max_depth = 1;
  CHECK(ParseYaml(text, "a.yaml", diags, tight)->Find("key")->scalar == "value");
  // The source is still registered for carets.
  Diagnostics fresh;
  ParseYaml(text, "b.yaml", fresh);
  CHECK(fresh.SourceLine("b.yaml", 2) == "key: value");
  CHECK(fresh.size() == 0);
}

TEST_CASE("load::YamlSnapshot refuses a malformed blob") {
  CHECK_FALSE(InstallYamlSnapshot(std::string("\x05" "ab", 3)));
  CHECK_FALSE(InstallYamlSnapshot(std::string("\xff\xff\xff", 3)));
  CHECK(InstallYamlSnapshot(""));
}

// What the build puts in the binary: every built-in rules/ file survives the round trip.
TEST_CASE("load::YamlSnapshot round-trips every built-in rule file") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(GDPR_SOURCE_DIR "/rules")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string name = entry.path().filename().string();
    Diagnostics diags;
    gdpr::load::YamlLimits uncached;  // not the defaults: always parsed by yaml-cpp
    uncached.max_nodes -= 1;
    auto parsed = ParseYaml(text.str(), name, diags, uncached);
    REQUIRE(parsed);
    auto snap = RoundTrip(text.str(), name);
    REQUIRE(snap);
    INFO(name);
    CHECK(SameTree(*snap, *parsed));
    ++files;
  }
  CHECK(files > 20);
}
