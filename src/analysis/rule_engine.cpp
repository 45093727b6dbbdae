#include "analysis/rule_engine.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include <fmt/format.h>

namespace gdpr::analysis {

RuleRunner::RuleRunner(const std::vector<const Rule*>& rules) {
  for (const Rule* rule : rules)
    if (rule->when) by_kind_[rule->applies_to].push_back(rule);
}

void RuleRunner::Run(const SubjectRecord& subject, const AuditModel& model,
                     std::vector<model::Finding>& out) const {
  auto it = by_kind_.find(subject.subject.kind);
  if (it == by_kind_.end()) return;
  for (const Rule* rule : it->second) {
    Captures captures;
    if (rule->when->Evaluate(subject, model, captures)) out.push_back(MakeFinding(*rule, subject, captures));
  }
}

std::vector<model::Finding> RunRules(const std::vector<const Rule*>& rules, const AuditModel& model) {
  RuleRunner runner(rules);
  std::vector<model::Finding> findings;
  for (const std::string& kind : SubjectKinds())
    for (const SubjectRecord& subject : model.Subjects(kind)) runner.Run(subject, model, findings);
  return findings;
}

model::Finding MakeFinding(const Rule& rule, const SubjectRecord& subject, const Captures& captures) {
  auto lookup = [&](std::string_view name) -> std::optional<std::string> {
    if (auto it = captures.find(name); it != captures.end()) return it->second;
    if (name == "subject") return subject.subject.ToString();
    if (name == "kind") return subject.subject.kind;
    if (FindField(subject.subject.kind, name)) return subject.Get(name).ToString();
    return std::nullopt;
  };
  model::Finding f;
  f.rule_id = rule.id;
  f.severity = rule.severity;
  f.title = rule.title;
  f.message = ExpandTemplate(rule.message, lookup);
  f.remediation = ExpandTemplate(rule.remediation, lookup);
  f.articles = rule.articles;
  f.fine_tier = rule.fine_tier;
  f.references = rule.references;
  f.subject = subject.subject;
  f.related_purposes = subject.related_purposes;
  f.location = subject.LocationOf(rule.at);
  f.fingerprint = Fingerprint(rule.id, f.subject, f.location.path);
  return f;
}

std::string Fingerprint(std::string_view rule_id, const model::Subject& subject, std::string_view path) {
  uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&hash](std::string_view s) {
    for (unsigned char c : s) {
      hash ^= c;
      hash *= 0x100000001b3ull;
    }
    hash ^= 0xff;  // separator, so ("ab","c") and ("a","bc") differ
    hash *= 0x100000001b3ull;
  };
  mix(rule_id);
  mix(subject.kind);
  mix(subject.id);
  mix(path);
  return fmt::format("{:016x}", hash);
}

void SortFindings(std::vector<model::Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const model::Finding& a, const model::Finding& b) {
    return std::make_tuple(-static_cast<int>(a.severity), std::cref(a.location.path), a.location.line,
                           std::cref(a.rule_id), std::cref(a.subject.kind), std::cref(a.subject.id),
                           a.location.column) <
           std::make_tuple(-static_cast<int>(b.severity), std::cref(b.location.path), b.location.line,
                           std::cref(b.rule_id), std::cref(b.subject.kind), std::cref(b.subject.id),
                           b.location.column);
  });
}

}  // namespace gdpr::analysis
