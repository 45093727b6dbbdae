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
// Records hold their fields in slots (the kind's catalogue order), so a compiled
// condition reads a field by index. The audit streams them (Build with a visitor): each
// record is built, handed to the rules and reused, and nothing is kept per subject; the
// table and column half runs on several threads (SchemaSubjectBuilder).
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

// One subject as rules see it. Field values sit in slots, one per field of the kind's
// catalogue entry (FieldsOf), so that a compiled condition reads its field by index.
struct SubjectRecord {
  model::Subject subject;
  std::vector<FieldValue> values;            // by slot; see FieldSlot
  model::SourceLocation loc;                 // the declaration, or the schema file:line
  const model::Located* located = nullptr;   // for per-field locations; null for schema objects
  std::vector<std::string> related_purposes; // sorted, unique
  std::map<std::string, model::SourceLocation> extra_locs;  // nested fields ("consent.opt_in")

  // A record of `kind` (one of SubjectKinds()) with every field missing.
  static SubjectRecord Of(std::string kind, std::string id);
  // The same record for another subject of its kind: every field missing again, the
  // buffers of its values kept for reuse.
  void Reset(std::string_view id);

  // The value in `slot`, or a missing value when the slot is out of range.
  const FieldValue& Get(int slot) const;
  // The value of `field`, or a missing value.
  const FieldValue& Get(std::string_view field) const;
  // The value of `field` to assign; `field` must be in the kind's catalogue (a
  // programming error otherwise: std::out_of_range).
  FieldValue& Set(std::string_view field);
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
// The slot of `field` in records of `kind`, or -1 when the kind has no such field.
int FieldSlot(std::string_view kind, std::string_view field);

// Decides a column's verdict when no annotation matches (normally the classifier). The
// verdict is shared, not copied: a classifier hands out its cached verdicts.
using ClassifyFn =
    std::function<std::shared_ptr<const ColumnVerdict>(const model::Table&, const model::Column&)>;

// Schemas by datastore id (a datastore without a loaded schema is absent).
using SchemaMap = std::map<std::string, std::shared_ptr<const model::Schema>>;
// Schemas read during the column pass instead of before it, by datastore id: each is
// read by the worker that audits its system and dropped once its tables are audited,
// so a large estate never holds every schema at once. A reader returns nullptr when the
// schema cannot be read (it reports that itself) and must be safe to call from any
// thread (each reader is called once).
using DeferredSchemas = std::map<std::string, std::function<std::shared_ptr<const model::Schema>()>>;

class AuditModel;

// Receives a table or column record while the model is built; the record is reused
// for the next one, so it is only valid during the call. With several workers, calls
// come from several threads at once: `worker` (below the Build's `workers`) tells them
// apart, so a visitor keeps one result list per worker instead of locking.
using SubjectVisitor = std::function<void(const SubjectRecord&, const AuditModel&, size_t worker)>;

class AuditModel {
 public:
  // Builds every subject record and keeps them all. `classify` may be empty (then only
  // annotations count).
  static AuditModel Build(const model::Inventory& inventory, const SchemaMap& schemas,
                          const Taxonomy& taxonomy, const CountryTable& countries,
                          const ClassifyFn& classify);
  // Builds the model but streams every record to `visit` instead of keeping it: an
  // estate of a million columns and tens of thousands of flows then never holds a record
  // for each. Table and column records come first, with systems spread over up to
  // `workers` threads; then, on the calling thread as worker 0, organization, systems,
  // datastores, purposes and flows. Subjects() is empty for every kind afterwards.
  // `deferred` schemas are read by the workers as they reach them.
  static AuditModel Build(const model::Inventory& inventory, const SchemaMap& schemas,
                          const Taxonomy& taxonomy, const CountryTable& countries,
                          const ClassifyFn& classify, const SubjectVisitor& visit, size_t workers = 1,
                          const DeferredSchemas& deferred = {});

  // The subjects of `kind` in declaration order (schema objects in schema order).
  const std::vector<SubjectRecord>& Subjects(std::string_view kind) const;
  std::vector<SubjectRecord>& MutableSubjects(const std::string& kind) { return subjects_[kind]; }
  // The loaded schema of a datastore, or nullptr. For a deferred schema, its outline
  // after the column pass: tables without their columns.
  const model::Schema* SchemaOf(std::string_view datastore) const;

 private:
  SchemaMap schemas_;
  std::map<std::string, std::vector<SubjectRecord>, std::less<>> subjects_;
};

// The categories of a column from `columns:` annotations: the first entry whose glob
// matches "datastore.table.column" wins; nullopt when none matches.
std::optional<std::vector<std::string>> AnnotatedCategories(
    const std::vector<model::ColumnAnnotation>& annotations, std::string_view datastore,
    const model::Table& table, std::string_view column);

}  // namespace gdpr::analysis
