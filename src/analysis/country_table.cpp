#include "analysis/country_table.h"

#include <algorithm>
#include <cctype>

#include "load/file_reader.h"
#include "load/yaml_parser.h"
#include "util/edit_distance.h"

namespace gdpr::analysis {

const char* TransferZoneName(TransferZone zone) {
  switch (zone) {
    case TransferZone::kEea: return "eea";
    case TransferZone::kAdequate: return "adequate";
    case TransferZone::kThirdCountry: return "third_country";
  }
  return "";
}

TransferZone Country::Zone() const {
  if (eea) return TransferZone::kEea;
  if (!adequacy_scope.empty()) return TransferZone::kAdequate;
  return TransferZone::kThirdCountry;
}

std::optional<CountryTable> CountryTable::Parse(std::string_view text, std::string_view name,
                                                model::Diagnostics& diags) {
  auto root = load::ParseYaml(text, name, diags);
  if (!root) return std::nullopt;
  const load::YamlNode* list = root->Find("countries");
  if (!list || !list->IsMap()) {
    diags.Error(root->Location(), "a countries file has a 'countries' mapping of alpha-2 codes");
    return std::nullopt;
  }
  CountryTable table;
  for (const auto& [k, v] : list->entries) {
    Country c;
    c.code = k.scalar;
    if (const auto* n = v.Find("name")) c.name = n->scalar;
    if (const auto* e = v.Find("eea")) c.eea = e->scalar == "true";
    if (const auto* a = v.Find("adequacy")) {
      if (const auto* s = a->Find("scope")) c.adequacy_scope = s->scalar;
      if (const auto* d = a->Find("decision")) c.adequacy_decision = d->scalar;
    }
    if (const auto* r = v.Find("requires_dpf")) c.requires_dpf = r->scalar == "true";
    table.codes_.push_back(c.code);
    table.countries_[c.code] = std::move(c);
  }
  std::sort(table.codes_.begin(), table.codes_.end());
  if (const load::YamlNode* alpha3 = root->Find("alpha3"); alpha3 && alpha3->IsMap())
    for (const auto& [k, v] : alpha3->entries) table.alpha3_[k.scalar] = v.scalar;
  return table;
}

std::optional<CountryTable> CountryTable::LoadFile(const std::string& path, model::Diagnostics& diags) {
  auto text = load::ReadInputFile(path, diags);
  if (!text) return std::nullopt;
  return Parse(*text, path, diags);
}

const Country* CountryTable::FindAlpha3(std::string_view code) const {
  auto it = alpha3_.find(code);
  return it == alpha3_.end() ? nullptr : Find(it->second);
}

const Country* CountryTable::Find(std::string_view code) const {
  auto it = countries_.find(code);
  return it == countries_.end() ? nullptr : &it->second;
}

std::string CountryTable::Suggest(std::string_view code) const {
  std::string upper;
  for (char c : code) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (Find(upper)) return "country codes are upper case: '" + upper + "'";
  // Users often write the name ("Netherlands") or a three-letter code.
  for (const auto& [c, country] : countries_) {
    std::string lower_name, lower_code;
    for (char ch : country.name) lower_name += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (char ch : code) lower_code += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower_name == lower_code) return "did you mean '" + c + "' (" + country.name + ")?";
  }
  if (upper == "UK") return "did you mean 'GB' (United Kingdom)?";
  return "use an ISO 3166-1 alpha-2 code such as NL, DE or US";
}

}  // namespace gdpr::analysis
