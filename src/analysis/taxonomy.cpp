#include "analysis/taxonomy.h"

#include <algorithm>

#include "load/file_reader.h"
#include "load/yaml_parser.h"
#include "util/edit_distance.h"
#include "util/text.h"

namespace gdpr::analysis {
namespace {

struct Section {
  const char* name;
  TaxonomyKind kind;
};
constexpr Section kSections[] = {{"data_categories", TaxonomyKind::kDataCategory},
                                 {"data_uses", TaxonomyKind::kDataUse},
                                 {"data_subjects", TaxonomyKind::kDataSubject}};

std::optional<Special> ParseSpecial(const std::string& s) {
  if (s == "art9") return Special::kArt9;
  if (s == "art10") return Special::kArt10;
  if (s == "national_id") return Special::kNationalId;
  return std::nullopt;
}

bool ReadBool(const load::YamlNode& node, model::Diagnostics& diags) {
  if (node.IsScalar() && (node.scalar == "true" || node.scalar == "false"))
    return node.scalar == "true";
  diags.Error(node.Location(), "expected true or false");
  return false;
}

TaxonomyEntry ReadEntry(const std::string& key, const load::YamlNode& value,
                        model::Diagnostics& diags) {
  TaxonomyEntry entry;
  entry.key = key;
  if (value.IsScalar()) {  // short form: key: description
    entry.description = value.scalar;
    return entry;
  }
  if (!value.IsMap()) {
    diags.Error(value.Location(), "expected a description or a mapping for '" + key + "'");
    return entry;
  }
  for (const auto& [k, v] : value.entries) {
    if (k.scalar == "description") {
      entry.description = v.scalar;
    } else if (k.scalar == "special") {
      if (auto s = ParseSpecial(v.scalar)) entry.special = *s;
      else diags.Error(v.Location(), "unknown special marking '" + v.scalar + "'",
                       "use art9, art10 or national_id");
    } else if (k.scalar == "children") {
      entry.children = ReadBool(v, diags);
    } else if (k.scalar == "vulnerable") {
      entry.vulnerable = ReadBool(v, diags);
    } else if (k.scalar == "distress") {
      entry.distress = ReadBool(v, diags);
    } else if (k.scalar == "monitoring") {
      entry.monitoring = ReadBool(v, diags);
    } else {
      diags.Error(k.Location(), "unknown field '" + k.scalar + "' in taxonomy entry",
                  util::DidYouMean(k.scalar, {"description", "special", "children", "vulnerable", "distress",
                                              "monitoring"}));
    }
  }
  return entry;
}

}  // namespace

const char* TaxonomyKindName(TaxonomyKind kind) {
  switch (kind) {
    case TaxonomyKind::kDataCategory: return "data category";
    case TaxonomyKind::kDataUse: return "data use";
    case TaxonomyKind::kDataSubject: return "data subject";
  }
  return "";
}

const char* SpecialName(Special s) {
  switch (s) {
    case Special::kArt9: return "art9";
    case Special::kArt10: return "art10";
    case Special::kNationalId: return "national_id";
    case Special::kNone: return "";
  }
  return "";
}

std::optional<Taxonomy> Taxonomy::Parse(std::string_view text, std::string_view name,
                                        model::Diagnostics& diags) {
  int errors_before = diags.error_count();
  auto root = load::ParseYaml(text, name, diags);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    diags.Error(root->Location(), "a taxonomy file is a mapping with data_categories, data_uses and data_subjects");
    return std::nullopt;
  }
  Taxonomy taxonomy;
  for (const Section& section : kSections) {
    const load::YamlNode* node = root->Find(section.name);
    if (!node || !node->IsMap()) {
      diags.Error(root->Location(), std::string("taxonomy has no '") + section.name + "' mapping");
      continue;
    }
    KindTable& table = taxonomy.Table(section.kind);
    for (const auto& [k, v] : node->entries) {
      table.entries[k.scalar] = ReadEntry(k.scalar, v, diags);
      table.keys.push_back(k.scalar);
    }
  }
  if (const load::YamlNode* words = root->Find("child_subject_words")) {
    if (!words->IsSequence())
      diags.Error(words->Location(), "'child_subject_words' must be a list of words");
    else
      for (const load::YamlNode& w : words->items) {
        if (w.IsScalar() && !w.scalar.empty()) taxonomy.child_subject_words_.push_back(util::AsciiLower(w.scalar));
        else diags.Error(w.Location(), "'child_subject_words' must be a list of words");
      }
  }
  if (const load::YamlNode* deprecated = root->Find("deprecated")) {
    for (const Section& section : kSections) {
      const load::YamlNode* node = deprecated->Find(section.name);
      if (!node) continue;
      KindTable& table = taxonomy.Table(section.kind);
      for (const auto& [k, v] : node->entries) {
        if (!table.entries.count(v.scalar))
          diags.Error(v.Location(), "deprecated key '" + k.scalar + "' maps to unknown key '" + v.scalar + "'");
        table.deprecated[k.scalar] = v.scalar;
      }
    }
  }
  for (KindTable* t : {&taxonomy.categories_, &taxonomy.uses_, &taxonomy.subjects_})
    std::sort(t->keys.begin(), t->keys.end());
  if (diags.error_count() > errors_before) return std::nullopt;
  return taxonomy;
}

std::optional<Taxonomy> Taxonomy::LoadFile(const std::string& path, model::Diagnostics& diags) {
  auto text = load::ReadInputFile(path, diags);
  if (!text) return std::nullopt;
  return Parse(*text, path, diags);
}

const Taxonomy::KindTable& Taxonomy::Table(TaxonomyKind kind) const {
  switch (kind) {
    case TaxonomyKind::kDataCategory: return categories_;
    case TaxonomyKind::kDataUse: return uses_;
    case TaxonomyKind::kDataSubject: return subjects_;
  }
  return categories_;
}

Taxonomy::KindTable& Taxonomy::Table(TaxonomyKind kind) {
  return const_cast<KindTable&>(static_cast<const Taxonomy*>(this)->Table(kind));
}

const TaxonomyEntry* Taxonomy::Find(TaxonomyKind kind, std::string_view key) const {
  const KindTable& t = Table(kind);
  auto it = t.entries.find(key);
  return it == t.entries.end() ? nullptr : &it->second;
}

std::optional<std::string> Taxonomy::Replacement(TaxonomyKind kind, std::string_view key) const {
  const KindTable& t = Table(kind);
  auto it = t.deprecated.find(key);
  if (it == t.deprecated.end()) return std::nullopt;
  return it->second;
}

const std::vector<std::string>& Taxonomy::Keys(TaxonomyKind kind) const { return Table(kind).keys; }

std::string Taxonomy::Suggest(TaxonomyKind kind, std::string_view key) const {
  return util::DidYouMean(key, Keys(kind));
}

namespace {

// True when one of `words` is a whole part of `key` ("school_pupil", "minor.guest"), so
// that "kidney_patient" is not a kid.
bool HasWordPart(std::string_view key, const std::vector<std::string>& words) {
  std::string lower = util::AsciiLower(key);
  size_t start = 0;
  while (start <= lower.size()) {
    size_t end = lower.find_first_of("_-.", start);
    if (end == std::string::npos) end = lower.size();
    std::string_view part(lower.data() + start, end - start);
    for (const std::string& w : words)
      if (part == w) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

bool Taxonomy::AddCustom(TaxonomyKind kind, TaxonomyEntry entry) {
  KindTable& t = Table(kind);
  if (t.entries.count(entry.key)) return false;
  if (kind == TaxonomyKind::kDataSubject && HasWordPart(entry.key, child_subject_words_)) entry.children = true;
  auto at = std::lower_bound(t.keys.begin(), t.keys.end(), entry.key);
  t.keys.insert(at, entry.key);
  std::string key = entry.key;
  t.entries.emplace(std::move(key), std::move(entry));
  return true;
}

void Taxonomy::AddReplacement(TaxonomyKind kind, std::string old_key, std::string current_key) {
  Table(kind).deprecated[std::move(old_key)] = std::move(current_key);
}

bool Taxonomy::IsUnder(std::string_view key, std::string_view ancestor) {
  if (key.size() < ancestor.size() || key.substr(0, ancestor.size()) != ancestor) return false;
  return key.size() == ancestor.size() || key[ancestor.size()] == '.';
}

Special Taxonomy::SpecialOf(std::string_view category) const {
  std::string_view k = category;
  while (!k.empty()) {
    if (const TaxonomyEntry* e = Find(TaxonomyKind::kDataCategory, k); e && e->special != Special::kNone)
      return e->special;
    size_t dot = k.rfind('.');
    if (dot == std::string_view::npos) break;
    k = k.substr(0, dot);
  }
  return Special::kNone;
}

bool Taxonomy::MarkedOnPath(TaxonomyKind kind, std::string_view key, bool TaxonomyEntry::*mark) const {
  std::string_view k = key;
  while (!k.empty()) {
    if (const TaxonomyEntry* e = Find(kind, k); e && e->*mark) return true;
    size_t dot = k.rfind('.');
    if (dot == std::string_view::npos) break;
    k = k.substr(0, dot);
  }
  return false;
}

bool Taxonomy::IsChildrenData(std::string_view category) const {
  return MarkedOnPath(TaxonomyKind::kDataCategory, category, &TaxonomyEntry::children);
}

bool Taxonomy::IsDistressData(std::string_view category) const {
  return MarkedOnPath(TaxonomyKind::kDataCategory, category, &TaxonomyEntry::distress);
}

bool Taxonomy::IsMonitoringUse(std::string_view use) const {
  return MarkedOnPath(TaxonomyKind::kDataUse, use, &TaxonomyEntry::monitoring);
}

bool Taxonomy::IsChildSubject(std::string_view subject) const {
  const TaxonomyEntry* e = Find(TaxonomyKind::kDataSubject, subject);
  return e && e->children;
}

bool Taxonomy::IsVulnerableSubject(std::string_view subject) const {
  const TaxonomyEntry* e = Find(TaxonomyKind::kDataSubject, subject);
  return e && e->vulnerable;
}

}  // namespace gdpr::analysis
