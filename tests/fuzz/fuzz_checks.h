// The properties the fuzz targets check, one function per component, shared by the
// libFuzzer targets (tests/fuzz/fuzz_*.cpp) and by the unit test that replays every
// input in tests/fuzz/regressions/<target>/ (tests/fuzz/regressions_test.cpp).
//
// Each function feeds `text` to a component the way an untrusted file would reach it
// and returns nullptr when the component behaved (a result or a diagnostic, no crash,
// no hang), or a short description of the broken property. Crashes, leaks and
// undefined behaviour are caught by the sanitizers around the call.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "load/declarations_loader.h"
#include "load/yaml_parser.h"
#include "util/iso_duration.h"

namespace gdpr::fuzz {

inline const analysis::Taxonomy& ShippedTaxonomy() {
  static const analysis::Taxonomy taxonomy = [] {
    model::Diagnostics diags;
    auto t = analysis::Taxonomy::LoadFile(GDPR_DEFAULT_RULES_DIR "/taxonomy.yaml", diags);
    return t ? *t : analysis::Taxonomy{};
  }();
  return taxonomy;
}

inline const analysis::CountryTable& ShippedCountries() {
  static const analysis::CountryTable countries = [] {
    model::Diagnostics diags;
    auto c = analysis::CountryTable::LoadFile(GDPR_DEFAULT_RULES_DIR "/countries.yaml", diags);
    return c ? *c : analysis::CountryTable{};
  }();
  return countries;
}

inline const char* CheckYaml(std::string_view text) {
  model::Diagnostics diags;
  auto root = load::ParseYaml(text, "fuzz.yaml", diags);
  if (!root && !diags.HasErrors()) return "ParseYaml failed without an error";
  return nullptr;
}

inline const char* CheckDuration(std::string_view text) {
  std::string error;
  auto d = util::ParseIsoDuration(text, &error);
  if (!d) return error.empty() ? "ParseIsoDuration failed without an explanation" : nullptr;
  // A parsed duration prints back to something that parses to the same length.
  auto again = util::ParseIsoDuration(d->ToString());
  if (!again || again->ApproxSeconds() != d->ApproxSeconds()) return "duration does not round-trip";
  return nullptr;
}

inline const char* CheckTaxonomy(std::string_view text) {
  model::Diagnostics diags;
  auto taxonomy = analysis::Taxonomy::Parse(text, "taxonomy.yaml", diags);
  if (!taxonomy) return diags.HasErrors() ? nullptr : "Taxonomy::Parse failed without an error";
  using analysis::TaxonomyKind;
  for (TaxonomyKind kind : {TaxonomyKind::kDataCategory, TaxonomyKind::kDataUse, TaxonomyKind::kDataSubject}) {
    const auto& keys = taxonomy->Keys(kind);
    if (keys.empty()) continue;
    (void)taxonomy->Suggest(kind, keys.front() + "x");
    (void)taxonomy->SpecialOf(keys.back());
    if (!taxonomy->Contains(kind, keys.back())) return "a listed key is not found";
  }
  return nullptr;
}

inline const char* CheckCountries(std::string_view text) {
  model::Diagnostics diags;
  auto table = analysis::CountryTable::Parse(text, "countries.yaml", diags);
  if (!table) return diags.HasErrors() ? nullptr : "CountryTable::Parse failed without an error";
  (void)table->Suggest(text.substr(0, 8));
  for (const auto& code : table->Codes()) {
    const analysis::Country* country = table->Find(code);
    if (!country) return "a listed country code is not found";
    (void)country->Zone();
  }
  return nullptr;
}

// One declarations file through the whole loader (parse, per-file and cross-file
// checks) against the shipped taxonomy and country table.
inline const char* CheckDeclarations(std::string_view text) {
  model::Diagnostics diags;
  load::DeclarationsLoader loader(ShippedTaxonomy(), ShippedCountries(), diags);
  loader.AddText(text, "gdpr-audit.yaml", "fuzz-base-dir-that-does-not-exist");
  model::Inventory inventory = loader.Finish();
  if (inventory.files.size() != 1) return "the loaded file is not listed in the inventory";
  std::ostringstream rendered;
  diags.Render(rendered, true);
  return nullptr;
}

}  // namespace gdpr::fuzz
