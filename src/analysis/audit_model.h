// AuditModel: what the rules run over. It joins the declarations (Inventory) with the
// schemas of their datastores and the column verdicts, and flattens every subject
// (organization, system, datastore, purpose, flow, table, column, waiver) into a record
// of named fields that rule conditions read ("legal_basis", "categories", "zone",...).
//
// The joins follow spec/declarations.md: a column's categories come from the first
// matching `columns:` annotation (`*` globs) or else the classifier; a purpose covers
// a column when it lists the column's system and one of the column's categories (or
// an ancestor); a column's retention is the longest of its covering purposes; a
// system's transfer zone comes from the CountryTable (the US is adequate only for
// recipients under the Data Privacy Framework, i.e. with transfer mechanism `dpf`).
//
// The model keeps pointers into the Inventory it was built from: the Inventory must
// outlive it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/column_verdict.h"
#include "analysis/country_table.h"
#include "analysis/field_value.h"
#include "analysis/taxonomy.h"
#include "model/finding.h"
#include "model/inventory.h"
#include "model/schema.h"

namespace gdpr::analysis {

// One subject as rules see it.
struct SubjectRecord {
  model::Subject subject;
  std::map<std::string, FieldValue, std::less<>> fields;
  model::SourceLocation loc;                 // the declaration, or the schema file:line
  const model::Located* located = nullptr;   // for per-field locations; null for schema objects
  std::vector<std::string> related_purposes; // sorted, unique
  std::map<std::string, model::SourceLocation> extra_locs;  // nested fields ("consent.opt_in")

  // The value of `field`, or a missing value.
  const FieldValue& Get(std::string_view field) const;
  // Where `field` was written when known (declarations only), else the subject's location.
  model::SourceLocation LocationOf(const std::string& field) const;
};

// The type of a field, checked when a rule pack is loaded.
enum class FieldType { kString, kBool, kNumber, kList, kDuration };

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::kString;
  std::optional<TaxonomyKind> taxonomy;  // values are keys of this taxonomy kind
  bool country = false;                  // values are ISO 3166-1 alpha-2 codes
  bool zone = false;                     // values are eea | adequate | third_country
};

// The subject kinds rules may apply to, in a stable order.
const std::vector<std::string>& SubjectKinds();
// The fields of a subject kind, or nullptr for an unknown kind.
const std::vector<FieldSpec>* FieldsOf(std::string_view kind);
// The spec of one field of a kind, or nullptr.
const FieldSpec* FindField(std::string_view kind, std::string_view field);

// What a schema column was found to be, after annotations, classifier and coverage.
struct ColumnFacts {
  std::string id;         // datastore.table.column
  std::string datastore;
  std::string system;
  std::string table;      // unqualified table name
  std::string column;
  std::vector<std::string> categories;
  std::string source;     // "annotation", "classifier" or "" when nothing decided
  std::vector<std::string> purposes;  // covering purposes, sorted
};

// Decides a column's verdict when no annotation matches (normally the classifier).
using ClassifyFn = std::function<ColumnVerdict(const model::Table&, const model::Column&)>;

// Schemas by datastore id (a datastore without a loaded schema is absent).
using SchemaMap = std::map<std::string, std::shared_ptr<const model::Schema>>;

class AuditModel {
 public:
  // Builds every subject record. `classify` may be empty (then only annotations count).
  static AuditModel Build(const model::Inventory& inventory, const SchemaMap& schemas,
                          const Taxonomy& taxonomy, const CountryTable& countries,
                          const ClassifyFn& classify);

  // The subjects of `kind` in declaration order (schema objects in schema order).
  const std::vector<SubjectRecord>& Subjects(std::string_view kind) const;
  std::vector<SubjectRecord>& MutableSubjects(const std::string& kind) { return subjects_[kind]; }
  const std::vector<ColumnFacts>& columns() const { return columns_; }
  const ColumnFacts* FindColumn(std::string_view id) const;
  // The loaded schema of a datastore, or nullptr.
  const model::Schema* SchemaOf(std::string_view datastore) const;

 private:
  SchemaMap schemas_;
  std::map<std::string, std::vector<SubjectRecord>, std::less<>> subjects_;
  std::vector<ColumnFacts> columns_;
};

// The categories of a column from `columns:` annotations: the first entry whose glob
// matches "datastore.table.column" wins; nullopt when none matches.
std::optional<std::vector<std::string>> AnnotatedCategories(
    const std::vector<model::ColumnAnnotation>& annotations, std::string_view datastore,
    const model::Table& table, std::string_view column);

}  // namespace gdpr::analysis
