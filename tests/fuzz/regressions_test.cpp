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
