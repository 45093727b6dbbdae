#include "cli/rules_dir.h"

#include <cstdlib>
#include <filesystem>

namespace gdpr::cli {

std::string DefaultRulesDir() {
  const char* env = std::getenv("GDPR_AUDIT_RULES");
  if (env && *env) return env;
  return GDPR_DEFAULT_RULES_DIR;
}

std::optional<Vocabulary> LoadVocabulary(const std::string& rules_dir, model::Diagnostics& diags) {
  std::filesystem::path dir(rules_dir);
  auto taxonomy = analysis::Taxonomy::LoadFile((dir / "taxonomy.yaml").generic_string(), diags);
  auto countries = analysis::CountryTable::LoadFile((dir / "countries.yaml").generic_string(), diags);
  if (!taxonomy || !countries) return std::nullopt;
  return Vocabulary{std::move(*taxonomy), std::move(*countries)};
}

}  // namespace gdpr::cli
