// Baseline: the findings a team has already seen and accepted as its starting point,
// so that CI fails only on what a change adds. A baseline is a JSON file of finding
// fingerprints (stable across line moves) with the rule and subject for people who
// read it; `--write-baseline` writes one, `--baseline` filters a report through it.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/report.h"

namespace gdpr::analysis {

struct BaselineEntry {
  std::string fingerprint;
  std::string rule_id;
  std::string subject;  // kind:id
  model::SourceLocation loc;  // where the entry is written in the baseline file
};

class Baseline {
 public:
  // Parses a baseline file written by Write(). Reports problems at their location.
  static std::optional<Baseline> Parse(std::string_view text, std::string_view name,
                                       model::Diagnostics& diags);
  static std::optional<Baseline> LoadFile(const std::string& path, model::Diagnostics& diags);

  // Writes every unsuppressed finding of `report` as a baseline, sorted by fingerprint.
  static void Write(const model::Report& report, std::ostream& out);

  // Removes from `report` the findings whose fingerprint the baseline holds and
  // returns the baseline entries that matched no finding (stale: fixed or renamed).
  std::vector<BaselineEntry> Apply(model::Report& report) const;

  const std::vector<BaselineEntry>& entries() const { return entries_; }

 private:
  std::vector<BaselineEntry> entries_;
};

}  // namespace gdpr::analysis
