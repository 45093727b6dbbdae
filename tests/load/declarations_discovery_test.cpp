#include "load/declarations_discovery.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "load_test_support.h"

using gdpr::load::ClassifyYamlText;
using gdpr::load::DiscoverDeclarationFiles;
using gdpr::load::YamlFileKind;
using gdpr::model::Diagnostics;
using gdpr::testing::FindDiagnostic;
using gdpr::testing::ScratchDir;

TEST_CASE("load::ClassifyYamlText") {
  CHECK(ClassifyYamlText("gdpr_audit: 1\n") == YamlFileKind::kDeclarations);
  CHECK(ClassifyYamlText("# header\n\"gdpr_audit\" : 1\n") == YamlFileKind::kDeclarations);
  CHECK(ClassifyYamlText("\xEF\xBB\xBFgdpr_audit: 1") == YamlFileKind::kDeclarations);
  CHECK(ClassifyYamlText("organization:\n  name: x\ngdpr_audit: 1\n") == YamlFileKind::kDeclarations);
  CHECK(ClassifyYamlText("system:\n  - fides_key: a\n") == YamlFileKind::kFides);
  CHECK(ClassifyYamlText("dataset:\n  - fides_key: a\n") == YamlFileKind::kFides);
  CHECK(ClassifyYamlText("services:\n  gdpr_audit: 1\n") == YamlFileKind::kOther);
  CHECK(ClassifyYamlText("") == YamlFileKind::kOther);
}

TEST_CASE("load::DiscoverDeclarationFiles walks folders quietly and sorted") {
  ScratchDir dir;
  dir.Write("b.yaml", "gdpr_audit: 1\n");
  dir.Write("a/z.yml", "gdpr_audit: 1\nsystems: [\n");  // broken YAML is still found
  dir.Write("a/ci.yaml", "jobs: {}\n");
  dir.Write("a/fides.yaml", "system:\n  - fides_key: x\n");
  dir.Write("a/binary.yaml", std::string("gdpr_audit: 1\0", 14));
  dir.Write("a/notes.txt", "gdpr_audit: 1\n");
  dir.Write(".git/c.yaml", "gdpr_audit: 1\n");
  dir.Write("empty.yaml", "");
  std::filesystem::create_directories(dir.path() + "/dir.yaml");
  dir.Write("dir.yaml/inner.yaml", "gdpr_audit: 1\n");

  Diagnostics diags;
  auto found = DiscoverDeclarationFiles({dir.path()}, diags);
  CHECK(diags.all().empty());
  CHECK(found.declarations == std::vector<std::string>{dir.path() + "/a/z.yml", dir.path() + "/b.yaml",
                                                       dir.path() + "/dir.yaml/inner.yaml"});
  CHECK(found.fides == std::vector<std::string>{dir.path() + "/a/fides.yaml"});
  CHECK(found.declaration_bytes == std::string("gdpr_audit: 1\nsystems: [\n").size() + 2 * 14);
}

TEST_CASE("load::DiscoverDeclarationFiles takes explicit files as declarations") {
  ScratchDir dir;
  std::string empty = dir.Write("empty.yaml", "");
  std::string fides = dir.Write("fides.yml", "dataset: []\n");
  std::string sql = dir.Write("shop.sql", "CREATE TABLE t (a int);\n");
  Diagnostics diags;
  auto found = DiscoverDeclarationFiles({empty, fides, sql, dir.path() + "/missing.yaml", empty}, diags);
  CHECK(found.declarations == std::vector<std::string>{empty});  // the loader says it is empty
  CHECK(found.fides == std::vector<std::string>{fides});
  CHECK(FindDiagnostic(diags, "shop.sql' is not a declarations file"));
  CHECK(FindDiagnostic(diags, "missing.yaml': no such file or folder"));
  CHECK(diags.error_count() == 2);
}

TEST_CASE("load::DiscoverDeclarationFiles adds up the declarations' sizes, each file once") {
  ScratchDir dir;
  std::string decl = dir.Write("decl.yaml", "gdpr_audit: 1\n");
  std::string fides = dir.Write("fides.yml", "dataset: []\n");
  dir.Write("more/other.yaml", "gdpr_audit: 1\nsystems: []\n");
  Diagnostics diags;
  auto found = DiscoverDeclarationFiles({decl, fides, decl, dir.path() + "/more"}, diags);
  REQUIRE(found.declarations.size() == 2);
  CHECK(found.declaration_bytes == 14 + 26);  // decl.yaml named twice counts once; Fides not at all
}

TEST_CASE("load::DiscoverDeclarationFiles shows relative paths as given") {
  ScratchDir dir;
  dir.Write("sub/d.yaml", "gdpr_audit: 1\n");
  auto old = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  Diagnostics diags;
  auto dot = DiscoverDeclarationFiles({"."}, diags);
  auto sub = DiscoverDeclarationFiles({"sub/"}, diags);
  std::filesystem::current_path(old);
  CHECK(dot.declarations == std::vector<std::string>{"sub/d.yaml"});
  CHECK(sub.declarations == std::vector<std::string>{"sub/d.yaml"});
}
