// Inventory: what the organisation declares, merged from every declarations file
// (and Fides manifest) of a run. Plain data; load/ fills it, analysis/ reads it.
//
// Every entity remembers where it was declared (`loc`) and where each of its fields
// was written (`field_locs`), so a finding can point at the exact line a user must edit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/schema.h"
#include "model/source_location.h"
#include "util/iso_duration.h"

namespace gdpr::model {

// Where something was written inside a file that is known from elsewhere.
struct Position {
  int line = 0;
  int column = 0;
};

// Where each field of one entity was written, by field name. The file is always the
// entity's own, so only line and column are kept: a large estate has hundreds of
// thousands of fields, and a path and a tree node each made them a fifth of the peak
// memory of an audit. A flat vector sorted by name: an entity has a dozen fields.
class FieldPositions {
 public:
  using Entry = std::pair<std::string, Position>;

  // Records `field`; a field already recorded keeps its first position, as YAML's
  // first occurrence of a repeated key is the one read.
  void Add(std::string_view field, Position at);
  // Records `field`, replacing a position recorded before.
  void Set(std::string_view field, Position at);
  const Position* Find(std::string_view field) const;
  void Reserve(size_t n) { entries_.reserve(n); }
  bool Has(std::string_view field) const { return Find(field) != nullptr; }

  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
};

// Locations of an entity and of the fields written inside it.
struct Located {
  using Position = model::Position;

  SourceLocation loc;        // the entity (its first key)
  FieldPositions field_locs;  // "legal_basis" -> where it was written, in loc's file
                              // (the value; the key for lists and mappings)
  // The items of list fields, by field: "systems" -> [position of systems[0], ...]. Kept
  // apart and without a path each: an estate has hundreds of thousands of list items.
  std::map<std::string, std::vector<Position>, std::less<>> item_locs;

  // The location of `field` when it was written, else of the entity. A list item is
  // named "systems[0]", "systems[1]", ... and falls back to its list.
  SourceLocation At(std::string_view field) const;
  // Records where `field` was written; `at` must be in the entity's file.
  void SetFieldLoc(std::string_view field, const SourceLocation& at) { field_locs.Set(field, {at.line, at.column}); }
};

struct Contact {
  std::string name;
  std::string email;
};

struct Organization : Located {
  std::string name;
  std::string description;                          // free text (Fides organizations carry one)
  std::string country;                              // ISO 3166-1 alpha-2, upper case
  std::optional<int64_t> annual_turnover_eur;       // group worldwide turnover, preceding year
  std::optional<Contact> dpo;
  std::optional<Contact> representative;            // Art. 27
};

enum class Responsibility { kUnspecified, kController, kJointController, kProcessor, kSubProcessor, kThirdParty };
const char* ResponsibilityName(Responsibility r);

struct Transfer {
  std::string mechanism;  // adequacy | dpf | scc | bcr | derogation
  std::string reference;
};

struct Datastore : Located {
  std::string id;
  std::string system_id;     // the system it belongs to
  std::string schema;        // path as written (relative to the declaring file)
  std::string schema_path;   // resolved path on disk (empty when no schema)
  std::string url;           // live database URL (sqlite:..., postgresql://...)
  std::string dialect;       // optional override of the sniffed dialect
  std::string base_dir;      // folder of the declaring file: relative paths in `url` resolve here
};

struct System : Located {
  std::string id;
  std::string name;
  std::string description;
  Responsibility responsibility = Responsibility::kUnspecified;
  std::string country;                      // where data is stored or processed
  std::vector<Datastore> datastores;
  std::string processor_agreement;          // Art. 28 contract (path or URL); empty when none
  std::optional<Transfer> transfer;         // Art. 44-49 mechanism
};

struct Consent : Located {
  std::optional<bool> opt_in;
  std::optional<bool> granular;
  std::optional<bool> withdrawal;
  std::string record;                       // datastore.table where proof is kept
  std::optional<bool> age_verification;     // Art. 8
};

struct Retention : Located {
  std::string text;                         // as written ("P7Y")
  std::optional<util::IsoDuration> period;  // parsed; empty when absent or invalid
  std::string from;                         // event the period runs from
  std::string basis;                        // why this period
};

struct Purpose : Located {
  std::string id;
  std::string name;
  std::string data_use;
  std::string legal_basis;                  // consent | contract | legal_obligation | vital_interests
                                            // | public_task | legitimate_interests; empty when missing
  std::optional<Consent> consent;
  std::vector<std::string> data_subjects;
  std::vector<std::string> data_categories;
  std::vector<std::string> systems;
  std::optional<Retention> retention;
  std::optional<int64_t> subjects_count;
  std::string privacy_notice;
  std::string special_category_condition;   // Art. 9(2) condition
  std::string legitimate_interest_assessment;
  std::optional<bool> profiling;
  std::optional<bool> automated_decisions;  // Art. 22
  std::string dpia;                         // Art. 35 (path or URL)
};

struct Flow : Located {
  std::string id;
  std::string from;
  std::string to;
  std::string purpose;
  std::vector<std::string> data_categories;
};

// A `columns:` entry: categories for schema columns matching a datastore.table.column glob.
struct ColumnAnnotation : Located {
  std::string match;
  std::vector<std::string> categories;  // empty: explicitly not personal data
};

struct Waiver : Located {
  std::string rule;     // rule id or glob
  std::string subject;  // kind:id, or empty for every subject
  std::string reason;
  std::string expires;  // YYYY-MM-DD; empty when it does not expire
};

// One input file that contributed to the inventory.
struct InputFile {
  std::string path;
  std::string kind;  // "declarations", "fides"
};

struct Inventory {
  std::optional<Organization> organization;
  std::vector<System> systems;
  std::vector<Purpose> purposes;
  std::vector<Flow> flows;
  std::vector<ColumnAnnotation> columns;
  std::vector<Waiver> waivers;
  std::vector<InputFile> files;
  // Schemas described inside a manifest rather than in a DDL file or a live database
  // (a Fides dataset's collections and fields), by datastore id.
  std::map<std::string, Schema> manifest_schemas;

  const System* FindSystem(const std::string& id) const;
  const Purpose* FindPurpose(const std::string& id) const;
  const Flow* FindFlow(const std::string& id) const;
  // Finds a datastore by id across all systems.
  const Datastore* FindDatastore(const std::string& id) const;

  // Indexes systems, purposes, flows and datastores by id so that the Find functions take
  // constant time (an estate has thousands of systems and tens of thousands of flows
  // that name them). The index checks itself on every lookup and falls back to a scan,
  // so editing the vectors afterwards is safe, only slower until the next call.
  void BuildIndex();

 private:
  std::unordered_map<std::string, size_t> system_index_, purpose_index_, flow_index_;
  std::unordered_map<std::string, std::pair<size_t, size_t>> datastore_index_;  // system, store
};

}  // namespace gdpr::model
