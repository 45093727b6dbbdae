// libFuzzer target: the country table parser (rules/countries.yaml) must turn any
// bytes into a table or a diagnostic; lookups and suggestions on the result are safe.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/country_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gdpr::model::Diagnostics diags;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = gdpr::analysis::CountryTable::Parse(text, "countries.yaml", diags);
  if (!table && !diags.HasErrors()) __builtin_trap();  // a failure must say why
  if (table) {
    (void)table->Find("NL");
    (void)table->Suggest(text.substr(0, 8));
    for (const auto& code : table->Codes()) (void)table->Find(code)->Zone();
  }
  return 0;
}
