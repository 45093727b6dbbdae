#include "analysis/builtin_checks.h"

namespace gdpr::analysis {
namespace {

// Art. 7(1): the controller must be able to demonstrate consent. When the purpose
// names where proof is kept (`consent.record: datastore.table`) and that datastore's
// schema is known, the table must exist.
bool ConsentRecordMissing(const SubjectRecord& purpose, const AuditModel& model, Captures& captures) {
  const FieldValue& record = purpose.Get("consent.record");
  if (!record.Exists()) return false;
  const std::string& text = record.text;
  size_t dot = text.find('.');
  if (dot == std::string::npos) return false;
  std::string store = text.substr(0, dot), table = text.substr(dot + 1);
  const model::Schema* schema = model.SchemaOf(store);
  if (!schema) return false;
  if (schema->FindTable(table)) return false;
  captures["record"] = text;
  captures["schema"] = schema->path;
  return true;
}

}  // namespace

const CheckRegistry& CheckRegistry::Builtins() {
  static const CheckRegistry* registry = [] {
    auto* r = new CheckRegistry();
    r->Register({"consent_record_missing",
                 "consent.record names a datastore.table that the datastore's schema does not have",
                 {"purpose"},
                 {"record", "schema"},
                 ConsentRecordMissing});
    return r;
  }();
  return *registry;
}

void CheckRegistry::Register(BuiltinCheck check) {
  std::string name = check.name;
  checks_[name] = std::move(check);
}

const BuiltinCheck* CheckRegistry::Find(std::string_view name) const {
  auto it = checks_.find(name);
  return it == checks_.end() ? nullptr : &it->second;
}

std::vector<std::string> CheckRegistry::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, check] : checks_) names.push_back(name);
  return names;
}

}  // namespace gdpr::analysis
