#include "cli/scan_config.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace gdpr;

namespace {
std::string WriteTemp(const std::string& folder, const std::string& text) {
  std::filesystem::create_directories(folder);
  std::string path = folder + "/.gdpr-audit.yaml";
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE("cli::ScanConfig") {
  std::string dir = (std::filesystem::temp_directory_path() / "gdpr-scan-config-test").string();
  std::string path = WriteTemp(dir, "format: sarif\nfail_on: high\nrules: [policies]\nbaseline: base.json\n"
                                    "quiet: yes\nturnover: 48_000_000\nfromat: json\n");
  CHECK(cli::FindScanConfig("", {dir}) == path);
  CHECK(cli::FindScanConfig("other.yaml", {dir}) == "other.yaml");

  model::Diagnostics diags;
  auto config = cli::LoadScanConfig(path, diags);
  REQUIRE(config);
  CHECK(config->format == "sarif");
  CHECK(config->fail_on == "high");
  CHECK(config->quiet == true);
  CHECK(config->turnover == 48000000);
  REQUIRE(config->rules.size() == 1);
  CHECK(config->rules[0] == dir + "/policies");
  CHECK(config->baseline == dir + "/base.json");
  REQUIRE(diags.warning_count() == 1);  // fromat
  CHECK(diags.all()[0].hint == "did you mean 'format'?");
  std::filesystem::remove_all(dir);
}

TEST_CASE("cli::ScanConfig reports wrong values at their line") {
  std::string dir = (std::filesystem::temp_directory_path() / "gdpr-scan-config-test2").string();
  std::string path = WriteTemp(dir, "format: json\nquiet: maybe\n");
  model::Diagnostics diags;
  CHECK_FALSE(cli::LoadScanConfig(path, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].location.line == 2);
  std::filesystem::remove_all(dir);
}
