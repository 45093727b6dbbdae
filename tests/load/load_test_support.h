// Shared helpers for the loader tests: the shipped taxonomy and country tables,
// diagnostic lookup, and a scratch folder that removes itself.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdlib.h>
#include <string>
#include <string_view>

#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "model/diagnostics.h"

namespace gdpr::testing {

inline const analysis::Taxonomy& ShippedTaxonomy() {
  static const analysis::Taxonomy taxonomy = [] {
    model::Diagnostics diags;
    auto t = analysis::Taxonomy::LoadFile(GDPR_SOURCE_DIR "/rules/taxonomy.yaml", diags);
    return t ? *t : analysis::Taxonomy{};
  }();
  return taxonomy;
}

inline const analysis::CountryTable& ShippedCountries() {
  static const analysis::CountryTable countries = [] {
    model::Diagnostics diags;
    auto c = analysis::CountryTable::LoadFile(GDPR_SOURCE_DIR "/rules/countries.yaml", diags);
    return c ? *c : analysis::CountryTable{};
  }();
  return countries;
}

// The first diagnostic whose message contains `text`, or nullptr.
inline const model::Diagnostic* FindDiagnostic(const model::Diagnostics& diags, std::string_view text) {
  for (const model::Diagnostic& d : diags.all())
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

// All diagnostics rendered without colour, for failure messages.
inline std::string Rendered(const model::Diagnostics& diags) {
  std::ostringstream out;
  diags.Render(out, false);
  return out.str();
}

// A fresh folder under the system temp dir, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "gdpr-test-XXXXXX").string();
    path_ = mkdtemp(templ.data()) ? templ : std::string();
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  // Writes `content` to `relative` (creating folders) and returns its full path.
  std::string Write(const std::string& relative, std::string_view content) const {
    std::filesystem::path p = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::string path_;
};

}  // namespace gdpr::testing
