// Golden-file comparison for reporter tests: compares rendered output with
// tests/report/golden/<name>; GOLDEN_UPDATE=1 in the environment rewrites the file.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace gdpr::report::testing {

inline void CheckGolden(const std::string& name, const std::string& actual) {
  std::string path = std::string(GDPR_SOURCE_DIR) + "/tests/report/golden/" + name;
  const char* update = std::getenv("GOLDEN_UPDATE");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("rewrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path << " (GOLDEN_UPDATE=1 writes it)");
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK_MESSAGE(actual == expected.str(), "output differs from " << path
                                          << " (GOLDEN_UPDATE=1 rewrites it)\n" << actual);
}

}  // namespace gdpr::report::testing
