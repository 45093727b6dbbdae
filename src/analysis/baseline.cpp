#include "analysis/baseline.h"

#include <algorithm>
#include <set>

#include "load/file_reader.h"
#include "load/yaml_parser.h"
#include "util/json_writer.h"

namespace gdpr::analysis {
namespace {

std::string ScalarOf(const load::YamlNode& entry, std::string_view key) {
  const load::YamlNode* node = entry.Find(key);
  return node && node->IsScalar() ? node->scalar : std::string();
}

}  // namespace

std::optional<Baseline> Baseline::Parse(std::string_view text, std::string_view name,
                                        model::Diagnostics& diags) {
  auto root = load::ParseYaml(text, name, diags);
  if (!root) return std::nullopt;
  const load::YamlNode* findings = root->IsMap() ? root->Find("findings") : nullptr;
  if (!findings || !findings->IsSequence()) {
    diags.Error(root->Location(), "not a gdpr-audit baseline: expected a 'findings' list",
                "write one with: gdpr-audit scan --write-baseline FILE");
    return std::nullopt;
  }
  Baseline baseline;
  for (const load::YamlNode& item : findings->items) {
    BaselineEntry entry{ScalarOf(item, "fingerprint"), ScalarOf(item, "rule_id"), ScalarOf(item, "subject"),
                        item.Location()};
    if (entry.fingerprint.empty()) {
      diags.Error(item.Location(), "baseline entry without a fingerprint");
      continue;
    }
    baseline.entries_.push_back(std::move(entry));
  }
  return baseline;
}

std::optional<Baseline> Baseline::LoadFile(const std::string& path, model::Diagnostics& diags) {
  auto text = load::ReadInputFile(path, diags);
  if (!text) return std::nullopt;
  return Parse(*text, path, diags);
}

void Baseline::Write(const model::Report& report, std::ostream& out) {
  std::vector<const model::Finding*> findings;
  for (const model::Finding& f : report.findings)
    if (!f.suppressed) findings.push_back(&f);
  std::sort(findings.begin(), findings.end(), [](const model::Finding* a, const model::Finding* b) {
    return a->fingerprint < b->fingerprint;
  });
  util::JsonWriter w(out);
  w.BeginObject();
  w.Key("tool");
  w.String("gdpr-audit");
  w.Key("format_version");
  w.Int(1);
  w.Key("findings");
  w.BeginArray();
  for (const model::Finding* f : findings) {
    w.BeginObject();
    w.Key("fingerprint");
    w.String(f->fingerprint);
    w.Key("rule_id");
    w.String(f->rule_id);
    w.Key("subject");
    w.String(f->subject.ToString());
    w.Key("message");
    w.String(f->message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::vector<BaselineEntry> Baseline::Apply(model::Report& report) const {
  std::set<std::string> known;
  for (const BaselineEntry& e : entries_) known.insert(e.fingerprint);
  std::set<std::string> matched;
  auto& findings = report.findings;
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const model::Finding& f) {
                                  if (!known.count(f.fingerprint)) return false;
                                  matched.insert(f.fingerprint);
                                  return true;
                                }),
                 findings.end());
  std::vector<BaselineEntry> stale;
  for (const BaselineEntry& e : entries_)
    if (!matched.count(e.fingerprint)) stale.push_back(e);
  return stale;
}

}  // namespace gdpr::analysis
