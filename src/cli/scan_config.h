// ScanConfig: default flags for `gdpr-audit scan`, kept in `.gdpr-audit.yaml` in the
// scanned folder (or the file given with --config), so a repository states once how
// it is audited and every developer and CI step runs the same audit. Flags given on
// the command line win over the file. Paths in the file are relative to it.
//
//   format: sarif            fail_on: high          rules: [compliance/rules]
//   no_default_rules: false  baseline: .gdpr-audit-baseline.json
//   output: gdpr-audit.sarif color: never           lang: nl        quiet: false
//   turnover: 48000000
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace gdpr::cli {

struct ScanConfig {
  std::string path;  // the file this came from
  std::optional<std::string> format, output, fail_on, baseline, color, lang;
  std::vector<std::string> rules;  // resolved relative to the config file
  std::optional<bool> no_default_rules, quiet;
  std::optional<int64_t> turnover;
};

// The config file to use: `explicit_path` when given, else `.gdpr-audit.yaml` in the
// first scanned folder (or the folder of the first scanned file), else "" for none.
std::string FindScanConfig(const std::string& explicit_path, const std::vector<std::string>& paths);

// Reads a config file. Unknown keys are warnings with a "did you mean" hint; wrong
// values are errors at their line. Returns nullopt when the file cannot be used.
std::optional<ScanConfig> LoadScanConfig(const std::string& path, model::Diagnostics& diags);

}  // namespace gdpr::cli
