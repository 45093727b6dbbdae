// Finding: one way the declarations or schemas break the GDPR, as produced by a rule.
// Findings are the core of the Report every output format renders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/source_location.h"

namespace gdpr::model {

enum class Severity { kInfo = 0, kLow = 1, kMedium = 2, kHigh = 3, kCritical = 4 };

const char* SeverityName(Severity s);  // "info", "low", "medium", "high", "critical"
// Parses a severity name; nullopt when unknown.
std::optional<Severity> ParseSeverity(const std::string& name);

// What a finding is about: kind is organization, system, datastore, purpose, flow,
// table, column or waiver; id is the declared id, or datastore.table(.column).
struct Subject {
  std::string kind;
  std::string id;
  std::string ToString() const { return kind + ":" + id; }
};

// The fine estimate attached to one finding (see analysis/fine_estimator.h).
struct FineEstimate {
  std::string tier;            // "83(4)" or "83(5)"
  int64_t legal_max_eur = 0;   // max(fixed, % of turnover) for this tier
  std::string seriousness;     // "low", "medium", "high"
  std::string turnover_band;   // e.g. "EUR 10M-50M", "unknown", "> EUR 500M"
  int64_t low_eur = 0;
  int64_t high_eur = 0;
  std::string conduct;         // id of the Art. 83(3) conduct this finding belongs to
};

struct Finding {
  std::string rule_id;
  Severity severity = Severity::kMedium;
  std::string title;
  std::string message;       // names the subject
  std::vector<std::string> articles;  // "Art. 6(1)", ...
  std::string fine_tier;     // "83(4)" or "83(5)" as the rule declares it
  Subject subject;
  // Purposes whose processing this finding is about (a purpose itself, a flow's purpose,
  // the purposes covering a column). The fine estimator groups findings sharing a
  // purpose into one Art. 83(3) conduct.
  std::vector<std::string> related_purposes;
  SourceLocation location;
  std::string remediation;
  std::vector<std::string> references;
  std::string fingerprint;   // stable across line moves (rule, subject, file)
  bool suppressed = false;
  std::string suppression_reason;  // the waiver's reason when suppressed
  std::optional<FineEstimate> fine;
};

}  // namespace gdpr::model
