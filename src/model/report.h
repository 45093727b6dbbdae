// Report: the one result model of an audit. Every output format (text, JSON, SARIF,
// JUnit, Markdown, HTML) is a pure function of a Report.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/inventory.h"
#include "model/schema.h"

namespace gdpr::model {

// One file or database that was read.
struct ReportInput {
  std::string path;
  std::string kind;     // "declarations", "fides", "schema", "database", "rules"
  std::string dialect;  // for schemas
  int tables = -1;      // for schemas; -1 when not applicable
};

// The Art. 83(3) conduct: findings about the same or linked processing.
struct ConductExposure {
  std::string id;
  std::string tier;           // gravest tier in the conduct
  int64_t legal_max_eur = 0;
  std::string seriousness;
  int64_t low_eur = 0;
  int64_t high_eur = 0;
  std::vector<std::string> reasoning;  // factor by factor, for the text report
  std::vector<std::string> findings;   // fingerprints
};

struct Exposure {
  int64_t organization_max_eur = 0;  // Art. 83(5) maximum for this organisation
  int64_t low_eur = 0;
  int64_t high_eur = 0;
  std::vector<ConductExposure> conducts;
  std::vector<std::string> assumptions;
};

struct Report {
  std::string tool_version;
  std::vector<ReportInput> inputs;
  std::vector<Finding> findings;  // sorted: severity (gravest first), path, line, rule id
  Exposure exposure;
  // What was audited, for formats that draw the data map or the Art. 30 record.
  std::shared_ptr<const Inventory> inventory;
  std::vector<std::shared_ptr<const Schema>> schemas;
};

}  // namespace gdpr::model
