// FidesReader: reads Fides (fideslang 1.x to 3.x) manifests into the same Inventory
// our own declarations fill, so teams that already describe their estate in Fides can
// audit it as it is.
//
//   system:        -> a System (fides_key -> id); each privacy declaration -> a Purpose
//                     (id "<system>.<slug of name or data_use>"); egress/ingress -> Flows;
//                     third_country_transfers -> a recipient system per country plus a flow;
//                     dataset_references / dataset ingress -> the system's datastores
//   dataset:       -> a Datastore (id = fides_key) with `columns:` annotations from the
//                     fields' data_categories, and a synthetic Schema (tables = collections,
//                     columns = fields, nested fields dotted) so the audit sees its columns
//   organization:  -> the Organization (name, description, DPO, representative)
//   data_category: / data_use: / data_subject:  -> custom keys added to the run's taxonomy
//
// Deprecated fideslang keys are read as their current key with a warning; unknown keys
// are errors with "did you mean". Whatever has no equivalent (policies, data qualifiers,
// system_type, ...) is named in one warning per file: nothing is dropped in silence.
//
// Manifests refer to each other across files (a system references a dataset declared in
// another file; a taxonomy file defines keys a system uses), so AddText() only parses and
// Finish() maps everything at once, in an order that does not depend on the file order.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "load/yaml_node.h"
#include "model/diagnostics.h"
#include "model/inventory.h"
#include "model/schema.h"

namespace gdpr::load {

struct FidesResult {
  // The taxonomy of the run: the one given, plus the custom keys of Fides taxonomy files.
  analysis::Taxonomy taxonomy;
};

class FidesReader {
 public:
  // `countries` and `diags` must outlive the reader; the taxonomy is copied (and extended).
  FidesReader(const analysis::Taxonomy& taxonomy, const analysis::CountryTable& countries,
              model::Diagnostics& diags);

  // Parses one manifest (`name` is its display path). YAML errors are reported here.
  void AddText(std::string_view text, std::string_view name);

  // Maps every manifest added into `into` (appending systems, purposes, flows, column
  // annotations, dataset schemas, the organization when `into` has none, and one
  // InputFile per manifest).
  // Ids already in `into` or repeated across manifests are reported and the later copy
  // is skipped. Call once, after the last AddText().
  FidesResult Finish(model::Inventory& into);

 private:
  struct Manifest {
    std::string name;
    YamlNode root;
  };
  analysis::Taxonomy taxonomy_;
  const analysis::CountryTable& countries_;
  model::Diagnostics& diags_;
  std::vector<Manifest> manifests_;
};

// True when `root` is a Fides manifest: a mapping with a top-level Fides resource list
// (system, dataset, organization, policy, data_category, data_use, data_subject, ...) and
// no `gdpr_audit` key.
bool IsFidesManifest(const YamlNode& root);

// Reads a single manifest: FidesReader::AddText() then Finish().
FidesResult ReadFides(std::string_view text, std::string_view name, const analysis::Taxonomy& taxonomy,
                      const analysis::CountryTable& countries, model::Inventory& into,
                      model::Diagnostics& diags);

}  // namespace gdpr::load
