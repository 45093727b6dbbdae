// libFuzzer target: the taxonomy file parser must turn any bytes into a taxonomy or
// a diagnostic, never a crash, a hang or a leak (a rules directory may come from a
// pull request).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/taxonomy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gdpr::model::Diagnostics diags;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto taxonomy = gdpr::analysis::Taxonomy::Parse(text, "taxonomy.yaml", diags);
  if (!taxonomy && !diags.HasErrors()) __builtin_trap();  // a failure must say why
  if (taxonomy) {
    // Queries on whatever was loaded must be safe too.
    using gdpr::analysis::TaxonomyKind;
    for (TaxonomyKind kind : {TaxonomyKind::kDataCategory, TaxonomyKind::kDataUse,
                              TaxonomyKind::kDataSubject}) {
      const auto& keys = taxonomy->Keys(kind);
      if (!keys.empty()) {
        (void)taxonomy->Suggest(kind, keys.front() + "x");
        (void)taxonomy->SpecialOf(keys.back());
      }
    }
  }
  return 0;
}
