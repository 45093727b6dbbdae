#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "../load/load_test_support.h"
#include "cli_runner.h"
#include "cli/color_mode.h"
#include "cli/rules_dir.h"

using gdpr::testing::ScratchDir;

namespace {

using Result = gdpr::test::CliResult;
using gdpr::test::RunCli;

}  // namespace

TEST_CASE("cli::validate exit codes and summary") {
  ScratchDir dir;
  std::string good = dir.Write("good/gdpr-audit.yaml", "gdpr_audit: 1\nsystems: [{ id: a, country: NL }]\n");
  std::string warn = dir.Write("warn/w.yaml", "gdpr_audit: 1\nsystemz: []\n");
  std::string bad = dir.Write("bad/b.yaml", "gdpr_audit: 1\nsystems: [{ id: b, country: XX }]\n");
  std::string rules = "--rules=" GDPR_SOURCE_DIR "/rules";

  SUBCASE("clean") {
    Result r = RunCli({"validate", rules, dir.path() + "/good"});
    CHECK(r.code == 0);
    CHECK(r.out == "validated 1 file: 0 errors, 0 warnings\n");
    CHECK(r.err.empty());
  }
  SUBCASE("warnings only still pass") {
    Result r = RunCli({"validate", rules, warn});
    CHECK(r.code == 0);
    CHECK(r.out == "validated 1 file: 0 errors, 1 warning\n");
    CHECK(r.err.find("w.yaml:2:1: warning: unknown field 'systemz'") != std::string::npos);
  }
  SUBCASE("errors exit 2, no colour on a string stream") {
    Result r = RunCli({"validate", rules, "--color", "auto", good, bad});
    CHECK(r.code == 2);
    CHECK(r.out == "validated 2 files: 1 error, 0 warnings\n");
    CHECK(r.err.find("b.yaml:2:29: error:") != std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
  }
  SUBCASE("--color always and -q") {
    Result r = RunCli({"validate", rules, "--color=always", "-q", bad});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("\x1b[1;31merror:") != std::string::npos);
  }
  SUBCASE("nothing to validate") {
    Result r = RunCli({"validate", rules, dir.path() + "/good/nothing"});
    CHECK(r.code == 2);
    std::filesystem::create_directories(dir.path() + "/empty");
    r = RunCli({"validate", rules, dir.path() + "/empty"});
    CHECK(r.code == 2);
    CHECK(r.err.find("no declarations files found") != std::string::npos);
  }
  SUBCASE("a broken rules folder") {
    Result r = RunCli({"validate", "--rules", dir.path(), good});
    CHECK(r.code == 2);
    CHECK(r.err.find("taxonomy.yaml") != std::string::npos);
  }
  SUBCASE("bad flag") {
    CHECK(RunCli({"validate", "--color", "purple"}).code == 2);
  }
}

TEST_CASE("cli::UseColor") {
  std::ostringstream s;
  CHECK(gdpr::cli::UseColor("always", s));
  CHECK_FALSE(gdpr::cli::UseColor("never", s));
  CHECK_FALSE(gdpr::cli::UseColor("auto", s));
}

TEST_CASE("cli::DefaultRulesDir") {
  const char* old = std::getenv("GDPR_AUDIT_RULES");
  std::string saved = old ? old : "";
  setenv("GDPR_AUDIT_RULES", "/somewhere/rules", 1);
  CHECK(gdpr::cli::DefaultRulesDir() == "/somewhere/rules");
  setenv("GDPR_AUDIT_RULES", "", 1);
  CHECK(gdpr::cli::DefaultRulesDir() == GDPR_DEFAULT_RULES_DIR);
  if (old) setenv("GDPR_AUDIT_RULES", saved.c_str(), 1);
  else unsetenv("GDPR_AUDIT_RULES");
}
