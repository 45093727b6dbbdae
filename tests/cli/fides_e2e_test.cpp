// End to end: the real Fides manifests of shared/corpus/fides through the commands.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace {

using Result = gdpr::test::CliResult;
using gdpr::test::RunCli;

const std::string kCorpus = std::string(GDPR_SHARED_DIR) + "/corpus/fides";

bool HaveCorpus() {
  if (std::filesystem::is_directory(kCorpus)) return true;
  MESSAGE("SKIP: " << kCorpus << " is absent (shared corpus not mounted)");
  return false;
}

}  // namespace

TEST_CASE("cli::validate on the Fides corpus: no errors, every unmapped field named") {
  if (!HaveCorpus()) return;
  Result r = RunCli({"validate", kCorpus, "--rules=" GDPR_SOURCE_DIR "/rules", "--color=never"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out == "validated 7 files: 0 errors, 11 warnings\n");
  CHECK(r.err.find("fides-v1-demo_system.yml:40:19: warning: 'advertising' is a deprecated fideslang data use") !=
        std::string::npos);
  CHECK(r.err.find("fideslang-demo_policy.yml:1:1: warning: ignored Fides fields: policy") != std::string::npos);
}

TEST_CASE("cli::ropa on the Fides corpus: purposes without a legal basis, transfers without safeguards") {
  if (!HaveCorpus()) return;
  Result r = RunCli({"ropa", kCorpus, "--rules=" GDPR_SOURCE_DIR "/rules"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("Demo Organization") != std::string::npos);
  CHECK(r.out.find("collect-data-for-marketing") != std::string::npos);
  CHECK(r.out.find("transfer to United States") != std::string::npos);
  CHECK(r.out.find("transfer to Canada") != std::string::npos);
}

TEST_CASE("cli::scan on the Fides corpus: findings a privacy lawyer would expect") {
  if (!HaveCorpus()) return;
  Result r = RunCli({"scan", kCorpus, "--format", "json"});
  INFO(r.err);
  CHECK(r.code == 1);
  // The marketing declaration has no legal basis (Art. 6(1)).
  CHECK(r.out.find("\"rule_id\": \"LAW-003\"") != std::string::npos);
  CHECK(r.out.find("demo_marketing_system.collect-data-for-marketing") != std::string::npos);
  // Transfers to the USA (no DPF, no SCC declared) and Canada (partial adequacy, not confirmed).
  CHECK(r.out.find("\"rule_id\": \"TRANSFER-001\"") != std::string::npos);
  CHECK(r.out.find("\"rule_id\": \"TRANSFER-003\"") != std::string::npos);
  // A processor without a processing agreement (Art. 28(3)).
  CHECK(r.out.find("\"rule_id\": \"PROC-001\"") != std::string::npos);
}
