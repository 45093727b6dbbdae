// `rules test -v` and `scan --today`: the flags of the CLI that no other test covers.
#include <doctest/doctest.h>

#include "cli_runner.h"

using gdpr::test::RunCli;

TEST_CASE("cli rules test -v lists every fixture it ran") {
  auto quiet = RunCli({"rules", "test", "RET-001"});
  CHECK(quiet.code == 0);
  CHECK(quiet.out == "2 passed, 0 failed\n");
  auto verbose = RunCli({"rules", "test", "-v", "RET-001"});
  CHECK(verbose.code == 0);
  CHECK(verbose.out.find("ok   RET-001 fires (line ") != std::string::npos);
  CHECK(verbose.out.find("ok   RET-001 passes (line ") != std::string::npos);
  CHECK(verbose.out.find("rules/packs/storage-limitation.yaml:") != std::string::npos);
  CHECK(verbose.out.find("2 passed, 0 failed\n") != std::string::npos);
}

// scan --today: the date waivers expire against (the samples' waiver runs to 2027-03-01).
TEST_CASE("cli scan --today decides whether a waiver has expired") {
  const std::string samples = std::string(GDPR_SOURCE_DIR) + "/samples";
  auto before = RunCli({"scan", samples, "--today", "2026-12-01", "--format", "json"});
  CHECK(before.out.find("\"suppressed\": true") != std::string::npos);
  CHECK(before.out.find("WAIVER-001") == std::string::npos);
  auto after = RunCli({"scan", samples, "--today", "2027-06-01", "--format", "json"});
  CHECK(after.out.find("\"suppressed\": true") == std::string::npos);
  CHECK(after.out.find("WAIVER-001") != std::string::npos);
}
