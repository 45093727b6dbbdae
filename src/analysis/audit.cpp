#include "analysis/audit.h"

#include <iterator>

#include "analysis/rule_engine.h"
#include "analysis/waivers.h"
#include "util/parallel_for.h"

namespace gdpr::analysis {

model::Report RunAudit(const AuditInputs& inputs, const RuleSet& rules, const AuditContext& context,
                       const AuditOptions& options) {
  static const model::Inventory kEmpty;
  const model::Inventory& inventory = inputs.inventory ? *inputs.inventory : kEmpty;
  // Waiver rules judge the waivers themselves, so they run after the others.
  std::vector<const Rule*> subject_rules, waiver_rules;
  for (const Rule& r : rules.rules()) (r.applies_to == "waiver" ? waiver_rules : subject_rules).push_back(&r);
  RuleRunner runner(subject_rules);
  // Rules run while the model streams its records past (tables and columns on one
  // thread per core, each with its own findings); the model keeps no records. Sorting
  // at the end makes the order independent of the threads.
  // Each worker's findings go into chunks of a fixed capacity: a growing vector would
  // move every finding at each doubling, into fresh memory (slow to touch on a VM).
  constexpr size_t kChunk = 256;
  size_t workers = util::WorkerCount(inventory.systems.size());
  std::vector<std::vector<std::vector<model::Finding>>> per_worker(workers);
  AuditModel audit_model = AuditModel::Build(
      inventory, inputs.schemas, context.taxonomy, context.countries, context.classify,
      [&](const SubjectRecord& subject, const AuditModel& m, size_t worker) {
        auto& chunks = per_worker[worker];
        if (chunks.empty() || chunks.back().size() >= kChunk) chunks.emplace_back().reserve(kChunk);
        runner.Run(subject, m, chunks.back());
      },
      workers, inputs.deferred_schemas);
  // The chunks in worker order, sorted as they are merged: each finding is moved once.
  std::vector<std::vector<model::Finding>> chunks;
  for (auto& of_worker : per_worker)
    for (auto& chunk : of_worker) chunks.push_back(std::move(chunk));
  std::vector<model::Finding> findings = SortFindings(std::move(chunks));
  std::vector<WaiverStatus> statuses = ApplyWaivers(inventory.waivers, findings, options.today);
  audit_model.MutableSubjects("waiver") = WaiverSubjects(statuses);
  std::vector<model::Finding> about_waivers = RunRules(waiver_rules, audit_model);
  if (!about_waivers.empty()) {
    findings.insert(findings.end(), std::make_move_iterator(about_waivers.begin()),
                    std::make_move_iterator(about_waivers.end()));
    SortFindings(findings);
  }

  model::Report report;
  report.tool_version = GDPR_VERSION;
  report.inputs = inputs.inputs;
  report.findings = std::move(findings);
  report.inventory = inputs.inventory;
  for (const auto& [id, schema] : inputs.schemas) report.schemas.push_back(schema);
  if (options.estimate_fines) EstimateFines(report, inventory, context.taxonomy, options.fines);
  return report;
}

}  // namespace gdpr::analysis
