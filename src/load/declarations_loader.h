// DeclarationsLoader: turns the declarations files of a run into one Inventory.
//
// Each file is parsed on its own (DeclarationsParser: syntax, fields, types, vocabulary,
// schema paths); Finish() then merges them and runs the checks that span files:
// duplicate ids (systems, datastores, purposes, flows; the error names both places)
// and references (a flow's from/to/purpose, a purpose's systems, consent.record's
// datastore, a `columns:` match's datastore, a waiver's subject). Every problem goes
// to the Diagnostics sink; nothing throws, and the inventory holds whatever could be read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "load/declarations_discovery.h"
#include "load/declarations_parser.h"
#include "load/vocabulary_checker.h"
#include "load/yaml_node.h"
#include "model/diagnostics.h"
#include "model/inventory.h"

namespace gdpr::load {

class DeclarationsLoader {
 public:
  // `taxonomy`, `countries` and `diags` must outlive the loader.
  DeclarationsLoader(const analysis::Taxonomy& taxonomy, const analysis::CountryTable& countries,
                     model::Diagnostics& diags);

  // Parses one file's text; `name` is the display path (used in every message and in
  // Inventory::files), `base_dir` the folder relative paths in it resolve against.
  void AddText(std::string_view text, std::string_view name, const std::string& base_dir);
  // Reads `path` (refusing directories, binary and oversized files) and adds it;
  // relative paths inside resolve against the file's folder.
  void AddFile(const std::string& path, const LoadOptions& options = {});
  // One file read and parsed into its own inventory, not yet merged: what ParseFile()
  // returns. `part` is empty when the file could not be read or parsed.
  struct ParsedFile {
    model::Diagnostics diags;
    std::optional<model::Inventory> part;
  };
  // Reads and parses `path` without touching the loader's state, so that several files
  // can be parsed on several threads; AddParsed() then merges them in file order.
  ParsedFile ParseFile(const std::string& path, const LoadOptions& options) const;
  void AddParsed(const std::string& path, ParsedFile&& file);
  // Adds an inventory read by another reader (a Fides manifest, say), so that the
  // cross-file checks of Finish() cover its entities too. Its `files` are kept as given.
  void AddInventory(model::Inventory part);

  // Runs the cross-file checks and returns the merged inventory: the first declaration
  // of a duplicated id wins. Call once, after the last Add.
  model::Inventory Finish();

 private:
  // Parses one file's text into `file` (its part and diagnostics).
  void ParseText(std::string_view text, std::string_view name, const std::string& base_dir, const ScanRoot& root,
                 ParsedFile& file) const;
  void Merge(model::Inventory&& part);
  void JoinParts();
  void DropDuplicates();
  void CheckReferences() const;
  void CheckSystemRef(const std::string& id, const model::SourceLocation& at, std::string_view role) const;
  void CheckDatastoreRef(const std::string& id, const model::SourceLocation& at, std::string_view role) const;
  void CheckWaiverSubject(const model::Waiver& waiver) const;

  const analysis::Taxonomy& taxonomy_;
  const analysis::CountryTable& countries_;
  model::Diagnostics& diags_;
  model::Inventory inventory_;
  std::vector<model::Inventory> parts_;  // merged, not yet joined into inventory_
};

// Discovers the files under `paths`, loads every declarations file and Fides manifest
// (load/fides_reader.h) and finishes. Custom taxonomy keys of Fides taxonomy files count
// for the declarations files of the run too. The folders of `paths` are the scan root
// (see scan_root.h): files and `schema:` paths that resolve outside them are refused
// unless options.allow_outside_root.
model::Inventory LoadDeclarations(const std::vector<std::string>& paths, const analysis::Taxonomy& taxonomy,
                                  const analysis::CountryTable& countries, model::Diagnostics& diags,
                                  const LoadOptions& options = {});

}  // namespace gdpr::load
