// DeclarationsParser: reads ONE parsed declarations document (spec/declarations.md)
// into model types, with every check that needs only that document: the version,
// field names and types, taxonomy keys, countries, durations, dates, closed word
// lists, schema paths on disk. Checks that span files (duplicate ids, references
// between entities) belong to DeclarationsLoader, which merges what this returns.
#pragma once

#include <string>
#include <utility>

#include "load/scan_root.h"
#include "load/vocabulary_checker.h"
#include "load/yaml_node.h"
#include "model/diagnostics.h"
#include "model/inventory.h"

namespace gdpr::load {

class FieldReader;

class DeclarationsParser {
 public:
  DeclarationsParser(const VocabularyChecker& vocabulary, model::Diagnostics& diags)
      : vocabulary_(vocabulary), diags_(diags) {}

  // Reads `root` (the document of one file) and returns what it declares; entities
  // with errors are kept with what could be read, so later checks still see them.
  // `base_dir` is the folder relative paths in the file resolve against. A flow without
  // an `id` is named "from->to" (":purpose" appended when it has one).
  model::Inventory Parse(const YamlNode& root, const std::string& base_dir);
  // `schema:` paths that resolve outside `root` are errors (default: no boundary).
  void SetScanRoot(ScanRoot root) { root_ = std::move(root); }

 private:
  bool CheckHeader(const YamlNode& root);
  model::Organization ReadOrganization(const YamlNode& node);
  std::optional<model::Contact> ReadContact(const FieldReader& parent, std::string_view key);
  model::System ReadSystem(const YamlNode& node, const std::string& base_dir);
  model::Datastore ReadDatastore(const YamlNode& node, const std::string& system_id,
                                 const std::string& base_dir);
  void ReadSchemaPath(const FieldReader& fields, model::Datastore& store, const std::string& base_dir);
  void ReadUrl(const FieldReader& fields, model::Datastore& store);
  std::optional<model::Transfer> ReadTransfer(const FieldReader& parent);
  model::Purpose ReadPurpose(const YamlNode& node);
  void ReadPurposeVocabulary(const FieldReader& fields, model::Purpose& purpose);
  std::optional<model::Consent> ReadConsent(const FieldReader& parent, const std::string& purpose_id);
  std::optional<model::Retention> ReadRetention(const FieldReader& parent);
  model::Flow ReadFlow(const YamlNode& node);
  model::ColumnAnnotation ReadColumn(const YamlNode& node);
  model::Waiver ReadWaiver(const YamlNode& node);
  // A checked single value from a closed list (legal_basis, responsibility, ...).
  std::string ReadChoice(const FieldReader& fields, std::string_view key,
                         const std::vector<std::string>& allowed);
  std::string ReadCountry(const FieldReader& fields);
  // Calls `read` for each item of the top-level list `key`.
  template <typename Read>
  void ForEachItem(const YamlNode& root, std::string_view key, Read read);

  const VocabularyChecker& vocabulary_;
  model::Diagnostics& diags_;
  ScanRoot root_;
};

}  // namespace gdpr::load
