#include "analysis/audit_model.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "analysis/glob_match.h"
#include "analysis/schema_subjects.h"
#include "util/parallel_for.h"
#include "util/string_hash.h"
#include "util/sort_unique.h"

namespace gdpr::analysis {
namespace {

using util::SortUnique;

using T = FieldType;
constexpr auto kCat = TaxonomyKind::kDataCategory;
constexpr auto kUse = TaxonomyKind::kDataUse;
constexpr auto kSubj = TaxonomyKind::kDataSubject;

FieldSpec F(const char* name, FieldType type) { return {name, type, std::nullopt, false, false}; }
FieldSpec Tax(const char* name, FieldType type, TaxonomyKind kind) { return {name, type, kind, false, false}; }
FieldSpec CountryField(const char* name) { return {name, T::kString, std::nullopt, true, false}; }
FieldSpec Zone(const char* name) { return {name, T::kString, std::nullopt, false, true}; }

// The field catalogue: what a rule may name per subject kind. Kept in one table so
// pack loading can reject unknown fields with a "did you mean".
const std::map<std::string, std::vector<FieldSpec>, std::less<>>& Catalogue() {
  static const auto* catalogue = new std::map<std::string, std::vector<FieldSpec>, std::less<>>{
      {"organization",
       {F("id", T::kString), F("name", T::kString), CountryField("country"), Zone("zone"),
        F("annual_turnover_eur", T::kNumber), F("dpo", T::kString), F("representative", T::kString)}},
      {"system",
       {F("id", T::kString), F("name", T::kString), F("responsibility", T::kString), CountryField("country"),
        Zone("zone"), F("requires_dpf", T::kBool), F("partial_adequacy", T::kBool), F("transfer", T::kBool), F("transfer.mechanism", T::kString),
        F("transfer.reference", T::kString), F("processor_agreement", T::kString),
        F("datastores", T::kList), F("purposes", T::kList), Tax("categories", T::kList, kCat),
        F("systematic", T::kBool), F("flows_in", T::kNumber)}},
      {"datastore",
       {F("id", T::kString), F("system", T::kString), F("schema", T::kString), F("url", T::kString),
        F("has_schema", T::kBool), F("tables", T::kNumber), F("personal_tables", T::kNumber)}},
      {"purpose",
       {F("id", T::kString), F("name", T::kString), Tax("data_use", T::kString, kUse),
        F("legal_basis", T::kString), Tax("data_subjects", T::kList, kSubj),
        Tax("categories", T::kList, kCat), Tax("data_categories", T::kList, kCat), F("systems", T::kList),
        F("retention", T::kDuration),
        F("retention.from", T::kString), F("retention.basis", T::kString),
        F("subjects_count", T::kNumber), F("privacy_notice", T::kString),
        F("special_category_condition", T::kString), F("legitimate_interest_assessment", T::kString),
        F("profiling", T::kBool), F("automated_decisions", T::kBool), F("dpia", T::kString),
        F("consent", T::kBool), F("consent.opt_in", T::kBool), F("consent.granular", T::kBool),
        F("consent.withdrawal", T::kBool), F("consent.record", T::kString),
        F("consent.age_verification", T::kBool), F("special", T::kList),
        Tax("art9_categories", T::kList, kCat), Tax("art10_categories", T::kList, kCat), F("children_data", T::kBool),
        F("vulnerable_subjects", T::kBool), CountryField("system_countries"), Zone("transfer_zones"),
        F("flow_sources", T::kList), F("flow_source_count", T::kNumber),
        Tax("unheld_categories", T::kList, kCat), F("columns", T::kNumber)}},
      {"flow",
       {F("id", T::kString), F("from", T::kString), F("to", T::kString), F("purpose", T::kString),
        Tax("categories", T::kList, kCat), Tax("data_categories", T::kList, kCat), Tax("purpose.data_use", T::kString, kUse),
        F("purpose.legal_basis", T::kString), Tax("purpose.categories", T::kList, kCat),
        Tax("undeclared_categories", T::kList, kCat), F("purpose_at_source", T::kBool),
        Tax("source_data_uses", T::kList, kUse), F("from.purposes", T::kList),
        F("to.purposes", T::kList), CountryField("from.country"), CountryField("to.country"),
        Zone("from.zone"), Zone("to.zone"), F("to.responsibility", T::kString),
        F("to.transfer.mechanism", T::kString)}},
      {"table",
       {F("id", T::kString), F("name", T::kString), F("datastore", T::kString), F("system", T::kString),
        F("personal", T::kBool), Tax("categories", T::kList, kCat), F("column_names", T::kList),
        F("column_types", T::kList),
        F("purposes", T::kList), F("retention", T::kDuration)}},
      {"column",
       {F("id", T::kString), F("name", T::kString), F("table", T::kString), F("datastore", T::kString),
        F("system", T::kString), F("type", T::kString), F("comment", T::kString),
        Tax("categories", T::kList, kCat), F("special", T::kList), F("personal", T::kBool),
        F("source", T::kString), F("purposes", T::kList), F("covered", T::kBool),
        F("retention", T::kDuration), F("declared_special", T::kBool),
        F("covering_conditions", T::kList), F("covering_legal_bases", T::kList)}},
      {"waiver",
       {F("id", T::kString), F("rule", T::kString), F("subject", T::kString), F("reason", T::kString),
        F("expires", T::kString), F("expired", T::kBool), F("matched", T::kNumber)}},
  };
  return *catalogue;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// True when `category` lies under one of the `declared` keys.
bool CoveredBy(const std::string& category, const std::vector<std::string>& declared) {
  for (const std::string& d : declared)
    if (Taxonomy::IsUnder(category, d)) return true;
  return false;
}

std::vector<std::string> SpecialsOf(const std::vector<std::string>& categories, const Taxonomy& tax) {
  std::vector<std::string> out;
  for (const std::string& c : categories)
    if (Special s = tax.SpecialOf(c); s != Special::kNone) out.push_back(SpecialName(s));
  SortUnique(out);
  return out;
}

FieldValue OptBool(const std::optional<bool>& b) { return b ? FieldValue::Bool(*b) : FieldValue{}; }

FieldValue RetentionValue(const std::optional<model::Retention>& r) {
  if (!r || !r->period) return {};
  return FieldValue::Duration(*r->period, r->text);
}

// Builds the subject records; one method per kind keeps each join readable.
class Builder {
 public:
  Builder(const model::Inventory& inv, const SchemaMap& schemas, const Taxonomy& tax,
          const CountryTable& countries, const ClassifyFn& classify, const AuditModel& model,
          const SubjectVisitor& visit, size_t workers, const DeferredSchemas& deferred)
      : inv_(inv), schemas_(schemas), deferred_(deferred), tax_(tax), countries_(countries), classify_(classify),
        model_(&model), visit_(visit), workers_(visit ? std::max<size_t>(1, workers) : 1) {
    for (const model::Purpose& p : inv_.purposes)
      for (const std::string& s : p.systems) purposes_by_system_[s].push_back(&p);
    for (const model::Flow& f : inv_.flows) {
      flows_by_purpose_[f.purpose].push_back(&f);
      flows_into_[f.to].push_back(&f);
    }
  }

  // First: the declared subjects need what the columns hold. Returns the outlines of
  // the deferred schemas read.
  SchemaMap RunSchemaPass(std::map<std::string, std::vector<SubjectRecord>, std::less<>>& out) {
    BuildSchemaSubjects(out["column"], out["table"]);
    return std::move(facts_.outlines);
  }

  // With a visitor, records go to it and are not kept in `out`.
  void RunDeclared(std::map<std::string, std::vector<SubjectRecord>, std::less<>>& out) {
    BuildOrganization(out["organization"]);
    BuildSystems(out["system"]);
    BuildDatastores(out["datastore"]);
    BuildPurposes(out["purpose"]);
    BuildFlows(out["flow"]);
    out["waiver"];
  }

 private:
  const model::Inventory& inv_;
  const SchemaMap& schemas_;
  const DeferredSchemas& deferred_;
  const Taxonomy& tax_;
  const CountryTable& countries_;
  const ClassifyFn& classify_;
  const AuditModel* model_;
  const SubjectVisitor& visit_;
  const size_t workers_;
  // By id, in inventory order; the keys view the inventory's strings. Hashed: looked up
  // for every flow, system and datastore of an estate of thousands.
  template <typename T>
  using ById = std::unordered_map<std::string_view, std::vector<const T*>>;
  ById<model::Purpose> purposes_by_system_;
  ById<model::Flow> flows_by_purpose_, flows_into_;
  SchemaFacts facts_;  // what the tables and columns held

  // A declared subject's record: to the visitor when streaming (the schema workers
  // have finished, so this thread is worker 0), else kept.
  void Emit(SubjectRecord&& r, std::vector<SubjectRecord>& out) const {
    if (visit_) visit_(r, *model_, 0);
    else out.push_back(std::move(r));
  }

  // One record of `kind` per item, filled in by `fill(item, record)` (which must only
  // read shared state). Streaming, the items are spread over the workers, as the rules
  // they meet are what costs, and each worker refills one record of its own, keeping its
  // strings' and lists' buffers; kept, the records stay in item order.
  template <typename T, typename Fill>
  void EmitEach(const std::vector<T>& items, const std::string& kind, std::vector<SubjectRecord>& out,
                const Fill& fill) const {
    if (!visit_) {
      for (const T& item : items) {
        SubjectRecord r = SubjectRecord::Of(kind, item.id);
        fill(item, r);
        out.push_back(std::move(r));
      }
      return;
    }
    std::vector<SubjectRecord> records(workers_, SubjectRecord::Of(kind, ""));
    util::ParallelForWorker(
        items.size(),
        [&](size_t i, size_t worker) {
          SubjectRecord& r = records[worker];
          r.Reset(items[i].id);
          fill(items[i], r);
          visit_(r, *model_, worker);
        },
        workers_);
  }

  const std::vector<const model::Purpose*>& PurposesOf(const std::string& system) const {
    static const std::vector<const model::Purpose*> kNone;
    auto it = purposes_by_system_.find(system);
    return it == purposes_by_system_.end() ? kNone : it->second;
  }

  FieldValue ZoneOf(const std::string& code) const {
    const Country* c = countries_.Find(code);
    return c ? FieldValue::String(TransferZoneName(c->Zone())) : FieldValue{};
  }

  void BuildOrganization(std::vector<SubjectRecord>& out) {
    if (!inv_.organization) return;
    const model::Organization& o = *inv_.organization;
    SubjectRecord r = SubjectRecord::Of("organization", o.name.empty() ? "organization" : o.name);
    r.loc = o.loc;
    r.located = &o;
    r.Set("id") = FieldValue::String(r.subject.id);
    r.Set("name") = FieldValue::String(o.name);
    r.Set("country") = FieldValue::String(o.country);
    r.Set("zone") = ZoneOf(o.country);
    if (o.annual_turnover_eur) r.Set("annual_turnover_eur") = FieldValue::Number(double(*o.annual_turnover_eur));
    if (o.dpo) r.Set("dpo") = FieldValue::String(o.dpo->name.empty() ? o.dpo->email : o.dpo->name);
    if (o.representative)
      r.Set("representative") =
          FieldValue::String(o.representative->name.empty() ? o.representative->email : o.representative->name);
    Emit(std::move(r), out);
  }

  void BuildSystems(std::vector<SubjectRecord>& out) {
    static const std::vector<const model::Flow*> kNoFlows;
    EmitEach(inv_.systems, "system", out, [&](const model::System& s, SubjectRecord& r) {
      auto in = flows_into_.find(s.id);
      const std::vector<const model::Flow*>& flows_in = in == flows_into_.end() ? kNoFlows : in->second;
      r.loc = s.loc;
      r.located = &s;
      r.Set("id").SetString(s.id);
      r.Set("name").SetString(s.name);
      r.Set("responsibility").SetString(model::ResponsibilityName(s.responsibility));
      r.Set("country").SetString(s.country);
      r.Set("zone") = ZoneOf(s.country);
      const Country* c = countries_.Find(s.country);
      r.Set("requires_dpf").SetBool(c && c->requires_dpf);
      // Adequacy limited to some recipients (Canada: PIPEDA) other than the DPF case.
      r.Set("partial_adequacy").SetBool(c && !c->requires_dpf && !c->adequacy_scope.empty() &&
                                        c->adequacy_scope.rfind("full", 0) != 0);
      r.Set("transfer").SetBool(s.transfer.has_value());
      if (s.transfer) {
        r.Set("transfer.mechanism").SetString(s.transfer->mechanism);
        r.Set("transfer.reference").SetString(s.transfer->reference);
      }
      r.Set("processor_agreement").SetString(s.processor_agreement);
      std::vector<std::string> stores, purposes;
      std::vector<std::string> categories;  // what flows bring in and what its purposes declare
      for (const model::Flow* f : flows_in)
        categories.insert(categories.end(), f->data_categories.begin(), f->data_categories.end());
      for (const auto& d : s.datastores) stores.push_back(d.id);
      for (const model::Purpose* p : PurposesOf(s.id)) {
        purposes.push_back(p->id);
        categories.insert(categories.end(), p->data_categories.begin(), p->data_categories.end());
      }
      SortUnique(categories);
      r.related_purposes = purposes;
      SortUnique(r.related_purposes);
      r.Set("datastores").SetList(stores);
      r.Set("purposes").SetList(purposes);
      r.Set("categories").SetList(categories);
      const int flows_into = static_cast<int>(flows_in.size());
      r.Set("systematic").SetBool(!purposes.empty() || flows_into > 0);
      r.Set("flows_in").SetNumber(flows_into);
    });
  }

  void BuildDatastores(std::vector<SubjectRecord>& out) {
    for (const model::System& s : inv_.systems) {
      for (const model::Datastore& d : s.datastores) {
        SubjectRecord r = SubjectRecord::Of("datastore", d.id);
        r.loc = d.loc;
        r.located = &d;
        r.Set("id").SetString(d.id);
        r.Set("system").SetString(s.id);
        r.Set("schema").SetString(d.schema);
        r.Set("url").SetString(d.url);
        const model::Schema* schema = model_->SchemaOf(d.id);  // deferred ones included
        r.Set("has_schema").SetBool(schema != nullptr);
        r.Set("tables").SetNumber(schema ? double(schema->tables.size()) : 0.0);
        r.Set("personal_tables").SetNumber(facts_.personal_tables[d.id]);
        for (const model::Purpose* p : PurposesOf(s.id)) r.related_purposes.push_back(p->id);
        SortUnique(r.related_purposes);
        Emit(std::move(r), out);
      }
    }
  }

  // Tables and columns: streamed to the visitor by one SchemaSubjectBuilder per worker
  // (systems spread over the workers), or kept in `columns` and `tables` in system
  // order when there is no visitor.
  void BuildSchemaSubjects(std::vector<SubjectRecord>& columns, std::vector<SubjectRecord>& tables) {
    std::vector<SchemaSubjectBuilder> builders(workers_, SchemaSubjectBuilder(inv_, tax_, classify_));
    util::ParallelForWorker(
        inv_.systems.size(),
        [&](size_t i, size_t worker) {
          const model::System& s = inv_.systems[i];
          builders[worker].BuildSystem(s, PurposesOf(s.id), schemas_, deferred_, [&](const SubjectRecord& r) {
            if (visit_) visit_(r, *model_, worker);
            else (r.subject.kind == "column" ? columns : tables).push_back(r);
          });
        },
        workers_);
    for (SchemaSubjectBuilder& b : builders) facts_.Merge(std::move(b.facts()));
  }

  void BuildPurposes(std::vector<SubjectRecord>& out) {
    EmitEach(inv_.purposes, "purpose", out, [&](const model::Purpose& p, SubjectRecord& r) {
      r.loc = p.loc;
      r.located = &p;
      r.related_purposes = {p.id};
      r.Set("id").SetString(p.id);
      r.Set("name").SetString(p.name);
      r.Set("data_use").SetString(p.data_use);
      r.Set("legal_basis").SetString(p.legal_basis);
      r.Set("data_subjects").SetList(p.data_subjects);
      r.Set("categories").SetList(p.data_categories);
      r.Set("data_categories") = r.Get("categories");  // the declaration's own name
      r.Set("systems").SetList(p.systems);
      r.Set("retention") = RetentionValue(p.retention);
      if (p.retention) {
        r.Set("retention.from").SetString(p.retention->from);
        r.Set("retention.basis").SetString(p.retention->basis);
      }
      if (p.subjects_count) r.Set("subjects_count").SetNumber(double(*p.subjects_count));
      r.Set("privacy_notice").SetString(p.privacy_notice);
      r.Set("special_category_condition").SetString(p.special_category_condition);
      r.Set("legitimate_interest_assessment").SetString(p.legitimate_interest_assessment);
      r.Set("profiling") = OptBool(p.profiling);
      r.Set("automated_decisions") = OptBool(p.automated_decisions);
      r.Set("dpia").SetString(p.dpia);
      r.Set("consent").SetBool(p.consent.has_value());
      if (p.consent) {
        for (const auto& [key, at] : p.consent->field_locs) r.extra_locs["consent." + key] = p.consent->At(key);
        r.Set("consent.opt_in") = OptBool(p.consent->opt_in);
        r.Set("consent.granular") = OptBool(p.consent->granular);
        r.Set("consent.withdrawal") = OptBool(p.consent->withdrawal);
        r.Set("consent.record").SetString(p.consent->record);
        r.Set("consent.age_verification") = OptBool(p.consent->age_verification);
      }
      r.Set("special").SetList(SpecialsOf(p.data_categories, tax_));
      // The declared keys behind `special`, for messages that name them.
      std::vector<std::string> art9, art10;
      for (const std::string& c : p.data_categories) {
        if (tax_.SpecialOf(c) == Special::kArt9) art9.push_back(c);
        if (tax_.SpecialOf(c) == Special::kArt10) art10.push_back(c);
      }
      r.Set("art9_categories").SetList(art9);
      r.Set("art10_categories").SetList(art10);
      bool children = false, vulnerable = false;
      for (const auto& c : p.data_categories) children = children || tax_.IsChildrenData(c);
      for (const auto& s : p.data_subjects) vulnerable = vulnerable || tax_.IsVulnerableSubject(s);
      r.Set("children_data").SetBool(children);
      r.Set("vulnerable_subjects").SetBool(vulnerable);
      AddSystemFacts(p, r);
    });
  }

  void AddSystemFacts(const model::Purpose& p, SubjectRecord& r) const {
    std::vector<std::string> countries, zones, sources;
    for (const std::string& id : p.systems) {
      const model::System* s = inv_.FindSystem(id);
      if (!s || s->country.empty()) continue;
      countries.push_back(s->country);
      if (const Country* c = countries_.Find(s->country)) zones.push_back(TransferZoneName(c->Zone()));
    }
    SortUnique(countries);
    SortUnique(zones);
    r.Set("system_countries").SetList(countries);
    r.Set("transfer_zones").SetList(zones);
    auto flows = flows_by_purpose_.find(p.id);
    if (flows != flows_by_purpose_.end())
      for (const model::Flow* fl : flows->second) sources.push_back(fl->from);
    SortUnique(sources);
    r.Set("flow_sources").SetList(sources);
    r.Set("flow_source_count").SetNumber(double(sources.size()));
    auto columns = facts_.columns_by_purpose.find(&p);
    r.Set("columns").SetNumber(columns == facts_.columns_by_purpose.end() ? 0 : columns->second);
    // Declared categories no schema column holds: only judged when every system of the
    // purpose has a schema (a SaaS system without one may hold what the others lack).
    std::vector<std::string> held;
    bool all_schema = !p.systems.empty();
    for (const std::string& id : p.systems) {
      if (!facts_.systems_with_schema.count(id)) {
        all_schema = false;
        continue;
      }
      auto it = facts_.categories_by_system.find(id);
      if (it != facts_.categories_by_system.end()) held.insert(held.end(), it->second.begin(), it->second.end());
    }
    // Without a classifier an unannotated column's categories are unknown, not absent.
    if (!all_schema || !classify_) return;
    SortUnique(held);
    std::vector<std::string> unheld;
    for (const std::string& d : p.data_categories) {
      bool found = false;
      for (const std::string& c : held)
        if (Taxonomy::IsUnder(c, d) || Taxonomy::IsUnder(d, c)) found = true;
      if (!found) unheld.push_back(d);
    }
    r.Set("unheld_categories").SetList(unheld);
  }

  void BuildFlows(std::vector<SubjectRecord>& out) {
    EmitEach(inv_.flows, "flow", out, [&](const model::Flow& fl, SubjectRecord& r) {
      r.loc = fl.loc;
      r.located = &fl;
      r.Set("id").SetString(fl.id);
      r.Set("from").SetString(fl.from);
      r.Set("to").SetString(fl.to);
      r.Set("purpose").SetString(fl.purpose);
      r.Set("categories").SetList(fl.data_categories);
      r.Set("data_categories") = r.Get("categories");
      if (const model::Purpose* p = inv_.FindPurpose(fl.purpose)) {
        r.related_purposes = {p->id};
        r.Set("purpose.data_use").SetString(p->data_use);
        r.Set("purpose.legal_basis").SetString(p->legal_basis);
        r.Set("purpose.categories").SetList(p->data_categories);
        std::vector<std::string> undeclared;
        for (const auto& c : fl.data_categories)
          if (!CoveredBy(c, p->data_categories)) undeclared.push_back(c);
        r.Set("undeclared_categories").SetList(undeclared);
        r.Set("purpose_at_source").SetBool(Contains(p->systems, fl.from));
      }
      std::vector<std::string> source_uses, from_purposes, to_purposes;
      for (const model::Purpose* p : PurposesOf(fl.from)) {
        from_purposes.push_back(p->id);
        if (p->id != fl.purpose && !p->data_use.empty()) source_uses.push_back(p->data_use);
      }
      for (const model::Purpose* p : PurposesOf(fl.to)) to_purposes.push_back(p->id);
      SortUnique(source_uses);
      r.Set("source_data_uses").SetList(source_uses);
      r.Set("from.purposes").SetList(from_purposes);
      r.Set("to.purposes").SetList(to_purposes);
      AddEndFacts(fl, r);
    });
  }

  void AddEndFacts(const model::Flow& fl, SubjectRecord& r) const {
    if (const model::System* from = inv_.FindSystem(fl.from)) {
      r.Set("from.country").SetString(from->country);
      r.Set("from.zone") = ZoneOf(from->country);
    }
    if (const model::System* to = inv_.FindSystem(fl.to)) {
      r.Set("to.country").SetString(to->country);
      r.Set("to.zone") = ZoneOf(to->country);
      r.Set("to.responsibility").SetString(model::ResponsibilityName(to->responsibility));
      if (to->transfer) r.Set("to.transfer.mechanism").SetString(to->transfer->mechanism);
    }
  }
};

}  // namespace

// Field name -> slot per kind, derived from the catalogue once. Hashed: records set
// their fields by name, some 25 per flow on an estate of 20,000 flows.
using SlotsByName = std::unordered_map<std::string, int, util::StringHash, std::equal_to<>>;
const std::unordered_map<std::string, SlotsByName, util::StringHash, std::equal_to<>>& SlotTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, SlotsByName, util::StringHash, std::equal_to<>>();
    for (const auto& [kind, fields] : Catalogue())
      for (size_t i = 0; i < fields.size(); ++i) (*t)[kind][fields[i].name] = static_cast<int>(i);
    return t;
  }();
  return *table;
}

int FieldSlot(std::string_view kind, std::string_view field) {
  auto k = SlotTable().find(kind);
  if (k == SlotTable().end()) return -1;
  auto f = k->second.find(field);
  return f == k->second.end() ? -1 : f->second;
}

SubjectRecord SubjectRecord::Of(std::string kind, std::string id) {
  SubjectRecord r;
  const std::vector<FieldSpec>* fields = FieldsOf(kind);
  r.values.resize(fields ? fields->size() : 0);
  r.subject = {std::move(kind), std::move(id)};
  return r;
}

void SubjectRecord::Reset(std::string_view id) {
  subject.id.assign(id);
  for (FieldValue& v : values) v.SetMissing();  // keeps their buffers for the next item
  loc = {};
  located = nullptr;
  related_purposes.clear();
  extra_locs.clear();
}

const FieldValue& SubjectRecord::Get(int slot) const {
  static const FieldValue kMissing;
  return slot >= 0 && static_cast<size_t>(slot) < values.size() ? values[slot] : kMissing;
}

const FieldValue& SubjectRecord::Get(std::string_view field) const { return Get(FieldSlot(subject.kind, field)); }

FieldValue& SubjectRecord::Set(std::string_view field) {
  int slot = FieldSlot(subject.kind, field);
  if (slot < 0) throw std::out_of_range("no field '" + std::string(field) + "' for a " + subject.kind);
  return values.at(static_cast<size_t>(slot));
}

model::SourceLocation SubjectRecord::LocationOf(const std::string& field) const {
  if (auto it = extra_locs.find(field); it != extra_locs.end()) return it->second;
  if (!located || field.empty()) return loc;
  // "consent.opt_in" falls back to "consent", then to the entity.
  std::string key = field;
  while (true) {
    if (located->field_locs.Has(key)) return located->At(key);
    size_t dot = key.rfind('.');
    if (dot == std::string::npos) return loc;
    key.resize(dot);
  }
}

const std::vector<std::string>& SubjectKinds() {
  static const std::vector<std::string> kinds = {"organization", "system", "datastore", "purpose",
                                                 "flow",         "table",  "column",    "waiver"};
  return kinds;
}

const std::vector<FieldSpec>* FieldsOf(std::string_view kind) {
  auto it = Catalogue().find(kind);
  return it == Catalogue().end() ? nullptr : &it->second;
}

const FieldSpec* FindField(std::string_view kind, std::string_view field) {
  const std::vector<FieldSpec>* fields = FieldsOf(kind);
  if (!fields) return nullptr;
  for (const FieldSpec& f : *fields)
    if (f.name == field) return &f;
  return nullptr;
}

std::optional<std::vector<std::string>> AnnotatedCategories(
    const std::vector<model::ColumnAnnotation>& annotations, std::string_view datastore,
    const model::Table& table, std::string_view column) {
  if (annotations.empty()) return std::nullopt;
  std::string plain = std::string(datastore) + "." + table.name + "." + std::string(column);
  std::string qualified = std::string(datastore) + "." + table.QualifiedName() + "." + std::string(column);
  for (const model::ColumnAnnotation& a : annotations)
    if (GlobMatch(a.match, plain) || GlobMatch(a.match, qualified)) return a.categories;
  return std::nullopt;
}

AuditModel AuditModel::Build(const model::Inventory& inventory, const SchemaMap& schemas,
                             const Taxonomy& taxonomy, const CountryTable& countries,
                             const ClassifyFn& classify) {
  return Build(inventory, schemas, taxonomy, countries, classify, SubjectVisitor());
}

AuditModel AuditModel::Build(const model::Inventory& inventory, const SchemaMap& schemas,
                             const Taxonomy& taxonomy, const CountryTable& countries,
                             const ClassifyFn& classify, const SubjectVisitor& visit, size_t workers,
                             const DeferredSchemas& deferred) {
  AuditModel model;
  model.schemas_ = schemas;
  Builder builder(inventory, schemas, taxonomy, countries, classify, model, visit, workers, deferred);
  model.schemas_.merge(builder.RunSchemaPass(model.subjects_));
  builder.RunDeclared(model.subjects_);
  return model;
}

const std::vector<SubjectRecord>& AuditModel::Subjects(std::string_view kind) const {
  static const std::vector<SubjectRecord> kNone;
  auto it = subjects_.find(kind);
  return it == subjects_.end() ? kNone : it->second;
}

const model::Schema* AuditModel::SchemaOf(std::string_view datastore) const {
  auto it = schemas_.find(std::string(datastore));
  return it == schemas_.end() ? nullptr : it->second.get();  // a null entry is no schema
}

}  // namespace gdpr::analysis
