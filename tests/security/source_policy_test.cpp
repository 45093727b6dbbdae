// Project-wide security policies that are easiest to check on the sources themselves.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("security: every regular expression in src/ is RE2 (linear time, no backtracking)") {
  fs::path src = fs::path(GDPR_SOURCE_DIR) / "src";
  REQUIRE(fs::is_directory(src));
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    std::string text = ReadAll(entry.path());
    ++files;
    INFO(entry.path().string());
    // std::regex backtracks exponentially on hostile patterns and inputs.
    CHECK(text.find("#include <regex>") == std::string::npos);
    CHECK(text.find("std::regex") == std::string::npos);
    CHECK(text.find("<pcre") == std::string::npos);
  }
  CHECK(files > 10);
}
