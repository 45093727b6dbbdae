#include "analysis/schema_subjects.h"

#include <algorithm>

#include "util/sort_unique.h"

namespace gdpr::analysis {
namespace {

using util::SortUnique;

// Appends the items of `from` that `to` does not hold yet: a table's columns repeat the
// same few categories and purposes, and copying each column's would allocate for most.
void AppendNew(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& item : from)
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
}

// The slots of the two kinds built here, looked up once per process.
struct ColumnSlots {
  int id = FieldSlot("column", "id"), name = FieldSlot("column", "name"), table = FieldSlot("column", "table");
  int datastore = FieldSlot("column", "datastore"), system = FieldSlot("column", "system");
  int type = FieldSlot("column", "type"), comment = FieldSlot("column", "comment");
  int categories = FieldSlot("column", "categories"), special = FieldSlot("column", "special");
  int personal = FieldSlot("column", "personal"), source = FieldSlot("column", "source");
  int purposes = FieldSlot("column", "purposes"), covered = FieldSlot("column", "covered");
  int retention = FieldSlot("column", "retention"), declared_special = FieldSlot("column", "declared_special");
  int covering_conditions = FieldSlot("column", "covering_conditions");
  int covering_legal_bases = FieldSlot("column", "covering_legal_bases");
};
struct TableSlots {
  int id = FieldSlot("table", "id"), name = FieldSlot("table", "name"), datastore = FieldSlot("table", "datastore");
  int system = FieldSlot("table", "system"), personal = FieldSlot("table", "personal");
  int categories = FieldSlot("table", "categories"), column_names = FieldSlot("table", "column_names");
  int column_types = FieldSlot("table", "column_types"), purposes = FieldSlot("table", "purposes");
  int retention = FieldSlot("table", "retention");
};

// In place: the path keeps its buffer from one column to the next (no allocation).
void SetLocation(model::SourceLocation& loc, const std::string& path, int line) {
  loc.path.assign(path);
  loc.line = line;
  loc.column = 0;
}

const ColumnSlots& Col() {
  static const ColumnSlots slots;
  return slots;
}

const TableSlots& Tab() {
  static const TableSlots slots;
  return slots;
}

// A schema's tables without their columns: what is kept of a deferred schema.
std::shared_ptr<const model::Schema> Outline(const model::Schema& schema) {
  auto out = std::make_shared<model::Schema>();
  out->path = schema.path;
  out->dialect = schema.dialect;
  out->tables.reserve(schema.tables.size());
  for (const model::Table& t : schema.tables) {
    model::Table& o = out->tables.emplace_back();
    o.schema = t.schema;
    o.name = t.name;
    o.line = t.line;
    o.temporary = t.temporary;
    o.is_virtual = t.is_virtual;
    o.columns_known = t.columns_known;
  }
  return out;
}

}  // namespace

void SchemaFacts::Merge(SchemaFacts&& other) {
  for (auto& [system, held] : other.categories_by_system) categories_by_system[system].merge(held);
  for (const auto& [purpose, n] : other.columns_by_purpose) columns_by_purpose[purpose] += n;
  systems_with_schema.merge(other.systems_with_schema);
  for (const auto& [store, n] : other.personal_tables) personal_tables[store] += n;
  outlines.merge(other.outlines);
}

SchemaSubjectBuilder::SchemaSubjectBuilder(const model::Inventory& inventory, const Taxonomy& taxonomy,
                                           const ClassifyFn& classify)
    : inv_(inventory), tax_(taxonomy), classify_(classify) {}

Special SchemaSubjectBuilder::SpecialOf(const std::string& category) {
  auto it = special_memo_.find(category);
  if (it == special_memo_.end()) it = special_memo_.emplace(category, tax_.SpecialOf(category)).first;
  return it->second;
}

void SchemaSubjectBuilder::BuildSystem(const model::System& s, const std::vector<const model::Purpose*>& purposes,
                                       const SchemaMap& schemas, const DeferredSchemas& deferred, const Emit& emit) {
  for (const model::Datastore& d : s.datastores) {
    std::shared_ptr<const model::Schema> schema;
    if (auto it = schemas.find(d.id); it != schemas.end()) {
      schema = it->second;
    } else if (auto read = deferred.find(d.id); read != deferred.end() && read->second) {
      schema = read->second();
      if (schema) facts_.outlines[d.id] = Outline(*schema);
    }
    if (!schema) continue;
    facts_.systems_with_schema.insert(s.id);
    held_ = &facts_.categories_by_system[s.id];
    for (const model::Table& t : schema->tables) {
      BuildTable(s, d, purposes, *schema, t, emit);
      emit(table_rec_);
    }
  }
}

void SchemaSubjectBuilder::BuildTable(const model::System& s, const model::Datastore& d,
                                      const std::vector<const model::Purpose*>& purposes,
                                      const model::Schema& schema, const model::Table& t, const Emit& emit) {
  const TableSlots& tab = Tab();
  SubjectRecord& table = table_rec_;
  table.subject.id.assign(d.id).append(".").append(t.name);
  SetLocation(table.loc, schema.path, t.line);
  table_categories_.clear();
  table_purposes_.clear();
  // What every column of the table shares is set once, not per column.
  const ColumnSlots& col_slots = Col();
  column_rec_.values[col_slots.table].SetString(table.subject.id);
  column_rec_.values[col_slots.datastore].SetString(d.id);
  column_rec_.values[col_slots.system].SetString(s.id);
  // Written in place: the record's lists keep their strings' buffers from table to
  // table (copying 860,000 names and types through scratch lists allocated for most).
  std::vector<std::string>& names = table.values[tab.column_names].ResizeList(t.columns.size());
  std::vector<std::string>& types = table.values[tab.column_types].ResizeList(t.columns.size());
  const FieldValue* longest = nullptr;  // the longest column retention is the table's
  for (size_t i = 0; i < t.columns.size(); ++i) {
    const model::Column& col = t.columns[i];
    names[i].assign(col.name);
    types[i].assign(col.type);
    BuildColumn(d, purposes, schema, t, col);
    AppendNew(table_categories_, column_rec_.Get(Col().categories).items);
    AppendNew(table_purposes_, column_rec_.related_purposes);
    const FieldValue& ret = column_rec_.Get(Col().retention);
    if (ret.Exists() && (!longest || util::CompareDurations(ret.duration, table.values[tab.retention].duration) > 0)) {
      table.values[tab.retention] = ret;
      longest = &table.values[tab.retention];
    }
    emit(column_rec_);
  }
  if (!longest) table.values[tab.retention].SetMissing();
  SortUnique(table_categories_);
  SortUnique(table_purposes_);
  table.values[tab.id].SetString(table.subject.id);
  table.values[tab.name].SetString(t.name);
  table.values[tab.datastore].SetString(d.id);
  table.values[tab.system].SetString(s.id);
  table.values[tab.personal].SetBool(!table_categories_.empty());
  if (!table_categories_.empty()) ++facts_.personal_tables[d.id];
  table.values[tab.categories].SetList(table_categories_);
  table.values[tab.purposes].SetList(table_purposes_);
  table.related_purposes = table_purposes_;
}

// The categories of a column: annotation first, else the classifier.
void SchemaSubjectBuilder::DecideCategories(const model::Datastore& d, const model::Table& t,
                                            const model::Column& col) {
  categories_.clear();
  source_.clear();
  if (auto annotated = AnnotatedCategories(inv_.columns, d.id, t, col.name)) {
    categories_ = *annotated;
    source_ = "annotation";
  } else if (classify_) {
    if (std::shared_ptr<const ColumnVerdict> v = classify_(t, col); v && v->personal()) {
      categories_ = v->categories;
      source_ = "classifier";
    }
  }
  SortUnique(categories_);
}

void SchemaSubjectBuilder::BuildColumn(const model::Datastore& d,
                                       const std::vector<const model::Purpose*>& purposes,
                                       const model::Schema& schema, const model::Table& t,
                                       const model::Column& col) {
  DecideCategories(d, t, col);
  SubjectRecord& r = column_rec_;
  r.subject.id.assign(d.id).append(".").append(t.name).append(".").append(col.name);
  SetLocation(r.loc, schema.path, col.line > 0 ? col.line : t.line);
  r.related_purposes.clear();
  conditions_.clear();
  bases_.clear();
  const model::Retention* retention = nullptr;
  bool declared_special = false;
  category_specials_.clear();
  for (const std::string& c : categories_) category_specials_.push_back(SpecialOf(c));
  for (const model::Purpose* p : purposes) {
    bool covers = false;
    for (size_t i = 0; i < categories_.size(); ++i) {
      for (const std::string& decl : p->data_categories) {
        if (!Taxonomy::IsUnder(categories_[i], decl)) continue;
        covers = true;
        if (category_specials_[i] != Special::kNone && SpecialOf(decl) == category_specials_[i])
          declared_special = true;
      }
    }
    if (!covers) continue;
    r.related_purposes.push_back(p->id);
    ++facts_.columns_by_purpose[p];
    if (!p->special_category_condition.empty()) conditions_.push_back(p->special_category_condition);
    if (!p->legal_basis.empty()) bases_.push_back(p->legal_basis);
    if (p->retention && p->retention->period &&
        (!retention || util::CompareDurations(*p->retention->period, *retention->period) > 0))
      retention = &*p->retention;
  }
  SortUnique(r.related_purposes);
  SortUnique(conditions_);
  SortUnique(bases_);
  specials_.clear();
  for (Special sp : category_specials_)
    if (sp != Special::kNone) specials_.push_back(SpecialName(sp));
  SortUnique(specials_);

  const ColumnSlots& col_slots = Col();
  auto& v = r.values;
  v[col_slots.id].SetString(r.subject.id);
  v[col_slots.name].SetString(col.name);
  v[col_slots.type].SetString(col.type);
  v[col_slots.comment].SetString(col.comment);
  v[col_slots.categories].SetList(categories_);
  v[col_slots.special].SetList(specials_);
  v[col_slots.personal].SetBool(!categories_.empty());
  v[col_slots.source].SetString(source_);
  v[col_slots.purposes].SetList(r.related_purposes);
  v[col_slots.covered].SetBool(!r.related_purposes.empty());
  if (retention) v[col_slots.retention].SetDuration(*retention->period, retention->text);
  else v[col_slots.retention].SetMissing();
  v[col_slots.declared_special].SetBool(declared_special);
  v[col_slots.covering_conditions].SetList(conditions_);
  v[col_slots.covering_legal_bases].SetList(bases_);
  if (!categories_.empty()) held_->insert(categories_.begin(), categories_.end());
}

}  // namespace gdpr::analysis
