// Where the rules live (taxonomy.yaml, countries.yaml, rule packs) and the tables every
// command loads from there before it can judge declarations.
#pragma once

#include <optional>
#include <string>

#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "model/diagnostics.h"

namespace gdpr::cli {

// The rules folder when --rules is not given: $GDPR_AUDIT_RULES when set and not empty,
// else the folder compiled in (GDPR_DEFAULT_RULES_DIR, the source tree's rules/).
std::string DefaultRulesDir();

// The vocabulary declarations are checked against.
struct Vocabulary {
  analysis::Taxonomy taxonomy;
  analysis::CountryTable countries;
};

// Loads <rules_dir>/taxonomy.yaml and <rules_dir>/countries.yaml; nullopt after
// reporting to `diags` when either is missing or broken.
std::optional<Vocabulary> LoadVocabulary(const std::string& rules_dir, model::Diagnostics& diags);

}  // namespace gdpr::cli
