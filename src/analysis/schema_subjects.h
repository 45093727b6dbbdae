// SchemaSubjectBuilder: the table and column records of the audit model. For every
// column of a system's datastores it decides the categories (a `columns:` annotation,
// else the classifier), finds the covering purposes of the system, and fills the
// column record; a table record follows its columns. Records are rebuilt in place and
// handed to a callback one at a time, so an estate of a million columns never holds a
// million records.
//
// It also gathers what the declared subjects need from the schemas (SchemaFacts). One
// builder per worker thread: builders share nothing mutable but the classifier's cache
// (which locks), and their facts are merged afterwards.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/audit_model.h"

namespace gdpr::analysis {

// What the purpose and datastore records need to know about the schemas.
struct SchemaFacts {
  std::map<std::string, std::set<std::string>> categories_by_system;  // what columns hold
  std::unordered_map<const model::Purpose*, int> columns_by_purpose;   // covered columns
  std::set<std::string> systems_with_schema;
  std::map<std::string, int> personal_tables;  // by datastore id
  SchemaMap outlines;  // deferred schemas read in the pass: their tables, without columns

  // Adds `other`'s facts to these.
  void Merge(SchemaFacts&& other);
};

class SchemaSubjectBuilder {
 public:
  using Emit = std::function<void(const SubjectRecord&)>;

  // `inventory`, `taxonomy` and `classify` must outlive the builder; `classify` may be
  // empty (then only annotations decide).
  SchemaSubjectBuilder(const model::Inventory& inventory, const Taxonomy& taxonomy, const ClassifyFn& classify);

  // Emits the records of every table of `system`'s datastores that `schemas` holds or
  // `deferred` reads, in schema order, each table after its columns. `purposes` are
  // those listing the system. A deferred schema is dropped when its tables are done.
  void BuildSystem(const model::System& system, const std::vector<const model::Purpose*>& purposes,
                   const SchemaMap& schemas, const DeferredSchemas& deferred, const Emit& emit);

  SchemaFacts& facts() { return facts_; }

 private:
  void BuildTable(const model::System& s, const model::Datastore& d, const std::vector<const model::Purpose*>& purposes,
                  const model::Schema& schema, const model::Table& t, const Emit& emit);
  void BuildColumn(const model::Datastore& d, const std::vector<const model::Purpose*>& purposes,
                   const model::Schema& schema, const model::Table& t, const model::Column& col);
  void DecideCategories(const model::Datastore& d, const model::Table& t, const model::Column& col);
  Special SpecialOf(const std::string& category);

  const model::Inventory& inv_;
  const Taxonomy& tax_;
  const ClassifyFn& classify_;
  SchemaFacts facts_;
  std::set<std::string>* held_ = nullptr;  // the current system's categories_by_system entry
  // The records and scratch lists rebuilt for every table and column.
  SubjectRecord column_rec_ = SubjectRecord::Of("column", "");
  SubjectRecord table_rec_ = SubjectRecord::Of("table", "");
  std::vector<std::string> categories_, specials_, conditions_, bases_;
  std::vector<Special> category_specials_;  // SpecialOf() of each of categories_
  std::string source_;
  std::vector<std::string> table_categories_, table_purposes_;
  std::unordered_map<std::string, Special> special_memo_;  // the taxonomy walk, once per key
};

}  // namespace gdpr::analysis
