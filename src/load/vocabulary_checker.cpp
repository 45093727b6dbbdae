#include "load/vocabulary_checker.h"

#include <algorithm>
#include <cctype>

#include "load/yaml_fields.h"
#include "util/edit_distance.h"

namespace gdpr::load {

const std::vector<std::string> kLegalBases = {"consent",         "contract",    "legal_obligation",
                                              "vital_interests", "public_task", "legitimate_interests"};
const std::vector<std::string> kSpecialCategoryConditions = {
    "explicit_consent", "employment",   "vital_interests",             "not_for_profit", "made_public",
    "legal_claims",     "substantial_public_interest", "health_care", "public_health",  "research"};
const std::vector<std::string> kResponsibilities = {"controller", "joint_controller", "processor",
                                                    "sub_processor", "third_party"};
const std::vector<std::string> kTransferMechanisms = {"adequacy", "dpf", "scc", "bcr", "derogation"};
const std::vector<std::string> kDialects = {"postgres", "postgresql", "pg",     "mysql",
                                           "mariadb",  "sqlite",     "sqlite3"};
const std::vector<std::string> kSubjectKinds = {"organization", "system", "datastore", "purpose",
                                                "flow",         "table",  "column",    "waiver"};

std::optional<std::string> VocabularyChecker::TaxonomyKey(analysis::TaxonomyKind kind,
                                                          const YamlNode& node) const {
  const std::string& key = node.scalar;
  const char* kind_name = analysis::TaxonomyKindName(kind);
  if (taxonomy_.Contains(kind, key)) return key;
  if (auto current = taxonomy_.Replacement(kind, key)) {
    diags_.Warning(node.Location(),
                   Quote(key) + " is a deprecated fideslang " + kind_name + "; it now reads '" + *current + "'",
                   "write '" + *current + "'");
    return current;
  }
  std::string hint;
  // A key of another kind in the wrong field ("data_use: user.contact.email").
  for (analysis::TaxonomyKind other : {analysis::TaxonomyKind::kDataCategory, analysis::TaxonomyKind::kDataUse,
                                       analysis::TaxonomyKind::kDataSubject})
    if (hint.empty() && other != kind && taxonomy_.Contains(other, key))
      hint = Quote(key) + " is a " + analysis::TaxonomyKindName(other) + ", not a " + kind_name;
  if (hint.empty()) hint = taxonomy_.Suggest(kind, key);
  // "user.adress": the last segment alone often finds it ("user.contact.address").
  if (size_t dot = key.rfind('.'); hint.empty() && dot != std::string::npos)
    hint = taxonomy_.Suggest(kind, std::string_view(key).substr(dot + 1));
  if (hint.empty()) hint = "the " + std::string(kind_name) + " keys are listed in the rules folder's taxonomy.yaml";
  diags_.Error(node.Location(), "unknown " + std::string(kind_name) + " '" + key + "'", hint);
  return std::nullopt;
}

std::vector<std::string> VocabularyChecker::TaxonomyKeys(analysis::TaxonomyKind kind,
                                                         const std::vector<const YamlNode*>& items) const {
  std::vector<std::string> keys;
  for (const YamlNode* item : items)
    if (auto key = TaxonomyKey(kind, *item)) keys.push_back(*key);
  return keys;
}

std::optional<std::string> VocabularyChecker::Country(const YamlNode& node, std::string_view field) const {
  if (countries_.Find(node.scalar)) return node.scalar;
  diags_.Error(node.Location(),
               Quote(field) + ": '" + node.scalar + "' is not an ISO 3166-1 alpha-2 country code",
               countries_.Suggest(node.scalar));
  return std::nullopt;
}

namespace {

// "P7Y" for "7 years", "7y", "7 Years" ...; "" when `text` is not such a phrase.
std::string DurationFromWords(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0 || i > 6) return {};
  std::string unit;
  for (char c : text.substr(i))
    if (c != ' ') unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!unit.empty() && unit.back() == 's') unit.pop_back();
  const std::pair<const char*, char> kUnits[] = {{"y", 'Y'}, {"year", 'Y'}, {"m", 'M'}, {"month", 'M'},
                                                 {"w", 'W'}, {"week", 'W'}, {"d", 'D'},  {"day", 'D'}};
  for (const auto& [word, letter] : kUnits)
    if (unit == word) {
      std::string iso(1, 'P');
      iso += text.substr(0, i);
      iso += letter;
      return iso;
    }
  return {};
}

}  // namespace

std::optional<util::IsoDuration> VocabularyChecker::Duration(const YamlNode& node, std::string_view field) const {
  std::string why;
  auto d = util::ParseIsoDuration(node.scalar, &why);
  if (d) return d;
  std::string hint = DurationFromWords(node.scalar);
  if (!hint.empty()) hint = "did you mean '" + hint + "'?";
  else if (why.find("for example") != std::string::npos) hint = why;
  else hint = why + "; for example P30D (30 days), P6M (6 months) or P7Y (7 years)";
  diags_.Error(node.Location(), Quote(field) + ": '" + node.scalar + "' is not an ISO 8601 duration", hint);
  return std::nullopt;
}

std::string CanonicalDialect(std::string_view name) {
  if (name == "postgresql" || name == "pg") return "postgres";
  if (name == "mariadb") return "mysql";
  if (name == "sqlite3") return "sqlite";
  return std::string(name);
}

bool IsIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  int year = std::stoi(std::string(t.substr(0, 4)));
  int month = std::stoi(std::string(t.substr(5, 2)));
  int day = std::stoi(std::string(t.substr(8, 2)));
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool VocabularyChecker::Date(const YamlNode& node, std::string_view field) const {
  if (IsIsoDate(node.scalar)) return true;
  diags_.Error(node.Location(), Quote(field) + ": '" + node.scalar + "' is not a date",
               "write the date as YYYY-MM-DD, for example 2027-03-01");
  return false;
}

bool VocabularyChecker::OneOf(const YamlNode& node, std::string_view field,
                              const std::vector<std::string>& allowed) const {
  return OneOf(node.scalar, node.Location(), field, allowed);
}

bool VocabularyChecker::OneOf(std::string_view value, const model::SourceLocation& at, std::string_view field,
                              const std::vector<std::string>& allowed) const {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return true;
  std::string hint = util::DidYouMean(value, allowed);
  if (hint.empty()) {
    hint = "expected one of: ";
    for (size_t i = 0; i < allowed.size(); ++i) hint += (i ? " | " : "") + allowed[i];
  }
  diags_.Error(at, Quote(field) + ": unknown value '" + std::string(value) + "'", hint);
  return false;
}

}  // namespace gdpr::load
