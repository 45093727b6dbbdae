// CountryTable: ISO 3166-1 alpha-2 codes with what Chapter V of the GDPR makes of
// them: inside the EEA (no transfer), adequate under Art. 45 (possibly only in part,
// as for the US Data Privacy Framework or Canada's PIPEDA), or a third country.
// Loaded from rules/countries.yaml so the adequacy list can change without a release.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"

namespace gdpr::analysis {

enum class TransferZone { kEea, kAdequate, kThirdCountry };
// "eea", "adequate", "third_country".
const char* TransferZoneName(TransferZone zone);

struct Country {
  std::string code;  // "NL"
  std::string name;
  bool eea = false;
  std::string adequacy_scope;     // empty when no adequacy decision
  std::string adequacy_decision;  // e.g. "Commission Implementing Decision (EU) 2023/1795"
  bool requires_dpf = false;      // adequacy only for DPF-certified recipients (US)

  TransferZone Zone() const;
};

class CountryTable {
 public:
  static std::optional<CountryTable> Parse(std::string_view text, std::string_view name,
                                           model::Diagnostics& diags);
  static std::optional<CountryTable> LoadFile(const std::string& path, model::Diagnostics& diags);

  // The country for an upper-case alpha-2 code, or nullptr.
  const Country* Find(std::string_view code) const;
  // The country for an upper-case alpha-3 code ("USA", as Fides writes them), or nullptr.
  const Country* FindAlpha3(std::string_view code) const;
  // "did you mean 'NL'?" for an unknown code (also matches country names), or "".
  std::string Suggest(std::string_view code) const;
  const std::vector<std::string>& Codes() const { return codes_; }

 private:
  std::map<std::string, Country, std::less<>> countries_;
  std::vector<std::string> codes_;
  std::map<std::string, std::string, std::less<>> alpha3_;  // "USA" -> "US"
};

}  // namespace gdpr::analysis
