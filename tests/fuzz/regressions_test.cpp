// Replays every input the fuzzers ever found a problem with (and a few hand-written
// hostile inputs): tests/fuzz/regressions/<target>/<file> is fed to the property of
// <target> in fuzz_checks.h. Under .ci/sanitize this also catches leaks and UB.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "fuzz_checks.h"

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions: every saved input still passes its target's property") {
  const std::map<std::string, std::function<const char*(std::string_view)>> checks = {
      {"fuzz_yaml", gdpr::fuzz::CheckYaml},
      {"fuzz_duration", gdpr::fuzz::CheckDuration},
      {"fuzz_taxonomy", gdpr::fuzz::CheckTaxonomy},
      {"fuzz_countries", gdpr::fuzz::CheckCountries},
      {"fuzz_declarations", gdpr::fuzz::CheckDeclarations},
      {"fuzz_rule_pack", gdpr::fuzz::CheckRulePack},
      {"fuzz_json_writer", gdpr::fuzz::CheckJsonWriter},
      {"fuzz_ddl_postgres", gdpr::fuzz::CheckDdlPostgres},
      {"fuzz_ddl_mysql", gdpr::fuzz::CheckDdlMysql},
      {"fuzz_ddl_sqlite", gdpr::fuzz::CheckDdlSqlite},
      {"fuzz_ddl", gdpr::fuzz::CheckDdlSniffed},
      {"fuzz_literal_name_index", gdpr::fuzz::CheckLiteralNameIndex},
  };
  fs::path folder = fs::path(GDPR_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  REQUIRE(fs::is_directory(folder));
  int replayed = 0;
  for (const auto& target : fs::directory_iterator(folder)) {
    if (!target.is_directory()) continue;
    auto check = checks.find(target.path().filename().string());
    INFO("regressions folder: ", target.path().filename().string());
    REQUIRE(check != checks.end());
    for (const auto& input : fs::directory_iterator(target.path())) {
      std::ifstream in(input.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      INFO("input: ", input.path().string());
      const char* broken = check->second(bytes.str());
      CHECK_MESSAGE(broken == nullptr, (broken ? broken : ""));
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

TEST_CASE("fuzz regressions: the UTF-8 and JSON-literal oracles are not vacuous") {
  using gdpr::fuzz::IsJsonStringLiteral;
  using gdpr::fuzz::IsValidUtf8;
  CHECK(IsValidUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK_FALSE(IsValidUtf8("\xFF"));
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
  CHECK(IsJsonStringLiteral(R"("a\"b\\c\u0001\n")"));
  CHECK_FALSE(IsJsonStringLiteral("\"a\x01\""));
  CHECK_FALSE(IsJsonStringLiteral(R"("a\x")"));
  CHECK_FALSE(IsJsonStringLiteral(R"("\u12")"));
  CHECK_FALSE(IsJsonStringLiteral(R"("a"b")"));
}
