#include "analysis/audit_model.h"

#include <algorithm>
#include <set>

#include "analysis/glob_match.h"

namespace gdpr::analysis {
namespace {

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
        F("consent.age_verification", T::kBool), F("special", T::kList), F("children_data", T::kBool),
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

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
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
          const CountryTable& countries, const ClassifyFn& classify)
      : inv_(inv), schemas_(schemas), tax_(tax), countries_(countries), classify_(classify) {
    for (const model::Purpose& p : inv_.purposes)
      for (const std::string& s : p.systems) purposes_by_system_[s].push_back(&p);
    for (const model::Flow& f : inv_.flows) flows_by_purpose_[f.purpose].push_back(&f);
  }

  void Run(std::map<std::string, std::vector<SubjectRecord>, std::less<>>& out,
           std::vector<ColumnFacts>& columns) {
    BuildColumns(out["column"], out["table"]);  // first: purposes need column facts
    BuildOrganization(out["organization"]);
    BuildSystems(out["system"]);
    BuildDatastores(out["datastore"]);
    BuildPurposes(out["purpose"]);
    BuildFlows(out["flow"]);
    out["waiver"];
    columns = std::move(columns_);
  }

 private:
  const model::Inventory& inv_;
  const SchemaMap& schemas_;
  const Taxonomy& tax_;
  const CountryTable& countries_;
  const ClassifyFn& classify_;
  std::map<std::string, std::vector<const model::Purpose*>> purposes_by_system_;
  std::map<std::string, std::vector<const model::Flow*>> flows_by_purpose_;
  std::vector<ColumnFacts> columns_;
  std::map<std::string, std::vector<std::string>> column_categories_by_system_;
  std::map<std::string, int> columns_by_purpose_;
  std::set<std::string> systems_with_schema_;
  std::map<std::string, int> personal_tables_;

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
    SubjectRecord r;
    r.subject = {"organization", o.name.empty() ? "organization" : o.name};
    r.loc = o.loc;
    r.located = &o;
    r.fields["id"] = FieldValue::String(r.subject.id);
    r.fields["name"] = FieldValue::String(o.name);
    r.fields["country"] = FieldValue::String(o.country);
    r.fields["zone"] = ZoneOf(o.country);
    if (o.annual_turnover_eur) r.fields["annual_turnover_eur"] = FieldValue::Number(double(*o.annual_turnover_eur));
    if (o.dpo) r.fields["dpo"] = FieldValue::String(o.dpo->name.empty() ? o.dpo->email : o.dpo->name);
    if (o.representative)
      r.fields["representative"] =
          FieldValue::String(o.representative->name.empty() ? o.representative->email : o.representative->name);
    out.push_back(std::move(r));
  }

  void BuildSystems(std::vector<SubjectRecord>& out) {
    std::map<std::string, int> flows_in;
    std::map<std::string, std::vector<std::string>> flow_categories;
    for (const model::Flow& f : inv_.flows) {
      ++flows_in[f.to];
      for (const auto& c : f.data_categories) flow_categories[f.to].push_back(c);
    }
    for (const model::System& s : inv_.systems) {
      SubjectRecord r;
      r.subject = {"system", s.id};
      r.loc = s.loc;
      r.located = &s;
      r.fields["id"] = FieldValue::String(s.id);
      r.fields["name"] = FieldValue::String(s.name);
      r.fields["responsibility"] = FieldValue::String(model::ResponsibilityName(s.responsibility));
      r.fields["country"] = FieldValue::String(s.country);
      r.fields["zone"] = ZoneOf(s.country);
      const Country* c = countries_.Find(s.country);
      r.fields["requires_dpf"] = FieldValue::Bool(c && c->requires_dpf);
      // Adequacy limited to some recipients (Canada: PIPEDA) other than the DPF case.
      r.fields["partial_adequacy"] = FieldValue::Bool(c && !c->requires_dpf && !c->adequacy_scope.empty() &&
                                                      c->adequacy_scope.rfind("full", 0) != 0);
      r.fields["transfer"] = FieldValue::Bool(s.transfer.has_value());
      if (s.transfer) {
        r.fields["transfer.mechanism"] = FieldValue::String(s.transfer->mechanism);
        r.fields["transfer.reference"] = FieldValue::String(s.transfer->reference);
      }
      r.fields["processor_agreement"] = FieldValue::String(s.processor_agreement);
      std::vector<std::string> stores, purposes, categories = flow_categories[s.id];
      for (const auto& d : s.datastores) stores.push_back(d.id);
      for (const model::Purpose* p : PurposesOf(s.id)) {
        purposes.push_back(p->id);
        categories.insert(categories.end(), p->data_categories.begin(), p->data_categories.end());
      }
      SortUnique(categories);
      r.related_purposes = purposes;
      SortUnique(r.related_purposes);
      r.fields["datastores"] = FieldValue::List(stores);
      r.fields["purposes"] = FieldValue::List(purposes);
      r.fields["categories"] = FieldValue::List(categories);
      r.fields["systematic"] = FieldValue::Bool(!purposes.empty() || flows_in[s.id] > 0);
      r.fields["flows_in"] = FieldValue::Number(flows_in[s.id]);
      out.push_back(std::move(r));
    }
  }

  void BuildDatastores(std::vector<SubjectRecord>& out) {
    for (const model::System& s : inv_.systems) {
      for (const model::Datastore& d : s.datastores) {
        SubjectRecord r;
        r.subject = {"datastore", d.id};
        r.loc = d.loc;
        r.located = &d;
        r.fields["id"] = FieldValue::String(d.id);
        r.fields["system"] = FieldValue::String(s.id);
        r.fields["schema"] = FieldValue::String(d.schema);
        r.fields["url"] = FieldValue::String(d.url);
        auto it = schemas_.find(d.id);
        bool has = it != schemas_.end() && it->second;
        r.fields["has_schema"] = FieldValue::Bool(has);
        r.fields["tables"] = FieldValue::Number(has ? double(it->second->tables.size()) : 0.0);
        r.fields["personal_tables"] = FieldValue::Number(personal_tables_[d.id]);
        for (const model::Purpose* p : PurposesOf(s.id)) r.related_purposes.push_back(p->id);
        SortUnique(r.related_purposes);
        out.push_back(std::move(r));
      }
    }
  }

  // Columns and tables, with annotations, classifier verdicts and coverage.
  void BuildColumns(std::vector<SubjectRecord>& column_out, std::vector<SubjectRecord>& table_out) {
    for (const model::System& s : inv_.systems) {
      for (const model::Datastore& d : s.datastores) {
        auto it = schemas_.find(d.id);
        if (it == schemas_.end() || !it->second) continue;
        systems_with_schema_.insert(s.id);
        for (const model::Table& t : it->second->tables)
          BuildTable(s, d, *it->second, t, column_out, table_out);
      }
    }
  }

  void BuildTable(const model::System& s, const model::Datastore& d, const model::Schema& schema,
                  const model::Table& t, std::vector<SubjectRecord>& column_out,
                  std::vector<SubjectRecord>& table_out) {
    SubjectRecord table;
    table.subject = {"table", d.id + "." + t.name};
    table.loc = {schema.path, t.line, 0};
    std::vector<std::string> table_categories, column_names, column_types, table_purposes;
    std::optional<model::Retention> table_retention;
    for (const model::Column& col : t.columns) {
      column_names.push_back(col.name);
      column_types.push_back(col.type);
      SubjectRecord rec = BuildColumn(s, d, schema, t, col);
      const FieldValue& cats = rec.Get("categories");
      table_categories.insert(table_categories.end(), cats.items.begin(), cats.items.end());
      table_purposes.insert(table_purposes.end(), rec.related_purposes.begin(), rec.related_purposes.end());
      const FieldValue& ret = rec.Get("retention");
      if (ret.Exists() && (!table.Get("retention").Exists() ||
                           util::CompareDurations(ret.duration, table.Get("retention").duration) > 0))
        table.fields["retention"] = ret;
      column_out.push_back(std::move(rec));
    }
    SortUnique(table_categories);
    SortUnique(table_purposes);
    table.fields["id"] = FieldValue::String(table.subject.id);
    table.fields["name"] = FieldValue::String(t.name);
    table.fields["datastore"] = FieldValue::String(d.id);
    table.fields["system"] = FieldValue::String(s.id);
    table.fields["personal"] = FieldValue::Bool(!table_categories.empty());
    if (!table_categories.empty()) ++personal_tables_[d.id];
    table.fields["categories"] = FieldValue::List(table_categories);
    table.fields["column_names"] = FieldValue::List(column_names);
    table.fields["column_types"] = FieldValue::List(column_types);
    table.fields["purposes"] = FieldValue::List(table_purposes);
    table.related_purposes = table_purposes;
    table_out.push_back(std::move(table));
  }

  SubjectRecord BuildColumn(const model::System& s, const model::Datastore& d, const model::Schema& schema,
                            const model::Table& t, const model::Column& col) {
    ColumnFacts facts;
    facts.id = d.id + "." + t.name + "." + col.name;
    facts.datastore = d.id;
    facts.system = s.id;
    facts.table = t.name;
    facts.column = col.name;
    if (auto annotated = AnnotatedCategories(inv_.columns, d.id, t, col.name)) {
      facts.categories = *annotated;
      facts.source = "annotation";
    } else if (classify_) {
      ColumnVerdict v = classify_(t, col);
      facts.categories = v.categories;
      if (v.personal()) facts.source = "classifier";
    }
    SortUnique(facts.categories);

    SubjectRecord r;
    r.subject = {"column", facts.id};
    r.loc = {schema.path, col.line > 0 ? col.line : t.line, 0};
    std::vector<std::string> conditions, bases;
    std::optional<util::IsoDuration> retention;
    std::string retention_text;
    bool declared_special = false;
    std::vector<std::string> specials = SpecialsOf(facts.categories, tax_);
    for (const model::Purpose* p : PurposesOf(s.id)) {
      bool covers = false;
      for (const std::string& c : facts.categories) {
        for (const std::string& decl : p->data_categories) {
          if (!Taxonomy::IsUnder(c, decl)) continue;
          covers = true;
          Special sp = tax_.SpecialOf(decl);
          if (sp != Special::kNone && sp == tax_.SpecialOf(c)) declared_special = true;
        }
      }
      if (!covers) continue;
      facts.purposes.push_back(p->id);
      ++columns_by_purpose_[p->id];
      conditions.push_back(p->special_category_condition);
      bases.push_back(p->legal_basis);
      if (p->retention && p->retention->period &&
          (!retention || util::CompareDurations(*p->retention->period, *retention) > 0)) {
        retention = p->retention->period;
        retention_text = p->retention->text;
      }
    }
    SortUnique(facts.purposes);
    conditions.erase(std::remove(conditions.begin(), conditions.end(), std::string()), conditions.end());
    bases.erase(std::remove(bases.begin(), bases.end(), std::string()), bases.end());
    SortUnique(conditions);
    SortUnique(bases);

    r.fields["id"] = FieldValue::String(facts.id);
    r.fields["name"] = FieldValue::String(col.name);
    r.fields["table"] = FieldValue::String(d.id + "." + t.name);
    r.fields["datastore"] = FieldValue::String(d.id);
    r.fields["system"] = FieldValue::String(s.id);
    r.fields["type"] = FieldValue::String(col.type);
    r.fields["comment"] = FieldValue::String(col.comment);
    r.fields["categories"] = FieldValue::List(facts.categories);
    r.fields["special"] = FieldValue::List(specials);
    r.fields["personal"] = FieldValue::Bool(!facts.categories.empty());
    r.fields["source"] = FieldValue::String(facts.source);
    r.fields["purposes"] = FieldValue::List(facts.purposes);
    r.fields["covered"] = FieldValue::Bool(!facts.purposes.empty());
    if (retention) r.fields["retention"] = FieldValue::Duration(*retention, retention_text);
    r.fields["declared_special"] = FieldValue::Bool(declared_special);
    r.fields["covering_conditions"] = FieldValue::List(conditions);
    r.fields["covering_legal_bases"] = FieldValue::List(bases);
    r.related_purposes = facts.purposes;
    column_categories_by_system_[s.id].insert(column_categories_by_system_[s.id].end(),
                                               facts.categories.begin(), facts.categories.end());
    columns_.push_back(std::move(facts));
    return r;
  }

  void BuildPurposes(std::vector<SubjectRecord>& out) {
    for (const model::Purpose& p : inv_.purposes) {
      SubjectRecord r;
      r.subject = {"purpose", p.id};
      r.loc = p.loc;
      r.located = &p;
      r.related_purposes = {p.id};
      auto& f = r.fields;
      f["id"] = FieldValue::String(p.id);
      f["name"] = FieldValue::String(p.name);
      f["data_use"] = FieldValue::String(p.data_use);
      f["legal_basis"] = FieldValue::String(p.legal_basis);
      f["data_subjects"] = FieldValue::List(p.data_subjects);
      f["categories"] = FieldValue::List(p.data_categories);
      f["data_categories"] = f["categories"];  // the declaration's own name
      f["systems"] = FieldValue::List(p.systems);
      f["retention"] = RetentionValue(p.retention);
      if (p.retention) {
        f["retention.from"] = FieldValue::String(p.retention->from);
        f["retention.basis"] = FieldValue::String(p.retention->basis);
      }
      if (p.subjects_count) f["subjects_count"] = FieldValue::Number(double(*p.subjects_count));
      f["privacy_notice"] = FieldValue::String(p.privacy_notice);
      f["special_category_condition"] = FieldValue::String(p.special_category_condition);
      f["legitimate_interest_assessment"] = FieldValue::String(p.legitimate_interest_assessment);
      f["profiling"] = OptBool(p.profiling);
      f["automated_decisions"] = OptBool(p.automated_decisions);
      f["dpia"] = FieldValue::String(p.dpia);
      f["consent"] = FieldValue::Bool(p.consent.has_value());
      if (p.consent) {
        for (const auto& [key, at] : p.consent->field_locs) r.extra_locs["consent." + key] = at;
        f["consent.opt_in"] = OptBool(p.consent->opt_in);
        f["consent.granular"] = OptBool(p.consent->granular);
        f["consent.withdrawal"] = OptBool(p.consent->withdrawal);
        f["consent.record"] = FieldValue::String(p.consent->record);
        f["consent.age_verification"] = OptBool(p.consent->age_verification);
      }
      f["special"] = FieldValue::List(SpecialsOf(p.data_categories, tax_));
      bool children = false, vulnerable = false;
      for (const auto& c : p.data_categories) children = children || tax_.IsChildrenData(c);
      for (const auto& s : p.data_subjects) vulnerable = vulnerable || tax_.IsVulnerableSubject(s);
      f["children_data"] = FieldValue::Bool(children);
      f["vulnerable_subjects"] = FieldValue::Bool(vulnerable);
      AddSystemFacts(p, f);
      out.push_back(std::move(r));
    }
  }

  void AddSystemFacts(const model::Purpose& p, std::map<std::string, FieldValue, std::less<>>& f) {
    std::vector<std::string> countries, zones, sources;
    for (const std::string& id : p.systems) {
      const model::System* s = inv_.FindSystem(id);
      if (!s || s->country.empty()) continue;
      countries.push_back(s->country);
      if (const Country* c = countries_.Find(s->country)) zones.push_back(TransferZoneName(c->Zone()));
    }
    SortUnique(countries);
    SortUnique(zones);
    f["system_countries"] = FieldValue::List(countries);
    f["transfer_zones"] = FieldValue::List(zones);
    auto flows = flows_by_purpose_.find(p.id);
    if (flows != flows_by_purpose_.end())
      for (const model::Flow* fl : flows->second) sources.push_back(fl->from);
    SortUnique(sources);
    f["flow_sources"] = FieldValue::List(sources);
    f["flow_source_count"] = FieldValue::Number(double(sources.size()));
    f["columns"] = FieldValue::Number(columns_by_purpose_[p.id]);
    // Declared categories no schema column holds: only judged when every system of the
    // purpose has a schema (a SaaS system without one may hold what the others lack).
    std::vector<std::string> held;
    bool all_schema = !p.systems.empty();
    for (const std::string& id : p.systems) {
      if (!systems_with_schema_.count(id)) {
        all_schema = false;
        continue;
      }
      auto it = column_categories_by_system_.find(id);
      if (it != column_categories_by_system_.end()) held.insert(held.end(), it->second.begin(), it->second.end());
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
    f["unheld_categories"] = FieldValue::List(unheld);
  }

  void BuildFlows(std::vector<SubjectRecord>& out) {
    for (const model::Flow& fl : inv_.flows) {
      SubjectRecord r;
      r.subject = {"flow", fl.id};
      r.loc = fl.loc;
      r.located = &fl;
      auto& f = r.fields;
      f["id"] = FieldValue::String(fl.id);
      f["from"] = FieldValue::String(fl.from);
      f["to"] = FieldValue::String(fl.to);
      f["purpose"] = FieldValue::String(fl.purpose);
      f["categories"] = FieldValue::List(fl.data_categories);
      f["data_categories"] = f["categories"];
      if (const model::Purpose* p = inv_.FindPurpose(fl.purpose)) {
        r.related_purposes = {p->id};
        f["purpose.data_use"] = FieldValue::String(p->data_use);
        f["purpose.legal_basis"] = FieldValue::String(p->legal_basis);
        f["purpose.categories"] = FieldValue::List(p->data_categories);
        std::vector<std::string> undeclared;
        for (const auto& c : fl.data_categories)
          if (!CoveredBy(c, p->data_categories)) undeclared.push_back(c);
        f["undeclared_categories"] = FieldValue::List(undeclared);
        f["purpose_at_source"] = FieldValue::Bool(Contains(p->systems, fl.from));
      }
      std::vector<std::string> source_uses, from_purposes, to_purposes;
      for (const model::Purpose* p : PurposesOf(fl.from)) {
        from_purposes.push_back(p->id);
        if (p->id != fl.purpose && !p->data_use.empty()) source_uses.push_back(p->data_use);
      }
      for (const model::Purpose* p : PurposesOf(fl.to)) to_purposes.push_back(p->id);
      SortUnique(source_uses);
      f["source_data_uses"] = FieldValue::List(source_uses);
      f["from.purposes"] = FieldValue::List(from_purposes);
      f["to.purposes"] = FieldValue::List(to_purposes);
      AddEndFacts(fl, f);
      out.push_back(std::move(r));
    }
  }

  void AddEndFacts(const model::Flow& fl, std::map<std::string, FieldValue, std::less<>>& f) {
    if (const model::System* from = inv_.FindSystem(fl.from)) {
      f["from.country"] = FieldValue::String(from->country);
      f["from.zone"] = ZoneOf(from->country);
    }
    if (const model::System* to = inv_.FindSystem(fl.to)) {
      f["to.country"] = FieldValue::String(to->country);
      f["to.zone"] = ZoneOf(to->country);
      f["to.responsibility"] = FieldValue::String(model::ResponsibilityName(to->responsibility));
      if (to->transfer) f["to.transfer.mechanism"] = FieldValue::String(to->transfer->mechanism);
    }
  }
};

}  // namespace

const FieldValue& SubjectRecord::Get(std::string_view field) const {
  static const FieldValue kMissing;
  auto it = fields.find(field);
  return it == fields.end() ? kMissing : it->second;
}

model::SourceLocation SubjectRecord::LocationOf(const std::string& field) const {
  if (auto it = extra_locs.find(field); it != extra_locs.end()) return it->second;
  if (!located || field.empty()) return loc;
  // "consent.opt_in" falls back to "consent", then to the entity.
  std::string key = field;
  while (true) {
    if (auto it = located->field_locs.find(key); it != located->field_locs.end()) return it->second;
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
  std::string plain = std::string(datastore) + "." + table.name + "." + std::string(column);
  std::string qualified = std::string(datastore) + "." + table.QualifiedName() + "." + std::string(column);
  for (const model::ColumnAnnotation& a : annotations)
    if (GlobMatch(a.match, plain) || GlobMatch(a.match, qualified)) return a.categories;
  return std::nullopt;
}

AuditModel AuditModel::Build(const model::Inventory& inventory, const SchemaMap& schemas,
                             const Taxonomy& taxonomy, const CountryTable& countries,
                             const ClassifyFn& classify) {
  AuditModel model;
  model.schemas_ = schemas;
  Builder(inventory, schemas, taxonomy, countries, classify).Run(model.subjects_, model.columns_);
  return model;
}

const std::vector<SubjectRecord>& AuditModel::Subjects(std::string_view kind) const {
  static const std::vector<SubjectRecord> kNone;
  auto it = subjects_.find(kind);
  return it == subjects_.end() ? kNone : it->second;
}

const ColumnFacts* AuditModel::FindColumn(std::string_view id) const {
  for (const ColumnFacts& c : columns_)
    if (c.id == id) return &c;
  return nullptr;
}

const model::Schema* AuditModel::SchemaOf(std::string_view datastore) const {
  auto it = schemas_.find(std::string(datastore));
  return it == schemas_.end() ? nullptr : it->second.get();
}

}  // namespace gdpr::analysis
