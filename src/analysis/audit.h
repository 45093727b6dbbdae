// Audit: the analysis step of `scan`, as one pure function of what was loaded. It builds
// the AuditModel, runs the rules, applies waivers (and runs the waiver rules over them),
// estimates fines and returns the Report with findings in the contract order. Loading
// files and databases happens before (cli/audit_runner.h); rendering after (report/).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analysis/audit_model.h"
#include "analysis/country_table.h"
#include "analysis/fine_estimator.h"
#include "analysis/rule_pack.h"
#include "analysis/taxonomy.h"
#include "model/inventory.h"
#include "model/report.h"

namespace gdpr::analysis {

// What the loaders produced for one run.
struct AuditInputs {
  std::shared_ptr<const model::Inventory> inventory;
  SchemaMap schemas;                        // by datastore id
  DeferredSchemas deferred_schemas;         // read during the audit (see audit_model.h)
  std::vector<model::ReportInput> inputs;   // every file or database read
};

struct AuditOptions {
  std::string today;         // YYYY-MM-DD, for waiver expiry; empty: waivers never expire
  FineOptions fines;
  bool estimate_fines = true;
};

// The reference data every audit needs.
struct AuditContext {
  const Taxonomy& taxonomy;
  const CountryTable& countries;
  ClassifyFn classify;       // may be empty: then only `columns:` annotations classify
};

// Runs every rule of `rules` over `inputs` and returns the report (findings sorted,
// suppressed ones kept and marked, fines estimated). Never fails.
model::Report RunAudit(const AuditInputs& inputs, const RuleSet& rules, const AuditContext& context,
                       const AuditOptions& options);

}  // namespace gdpr::analysis
