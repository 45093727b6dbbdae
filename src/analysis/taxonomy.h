// Taxonomy: the fideslang keys for data categories, data uses and data subjects, with
// what the GDPR treats specially (Art. 9 and Art. 10 data, national identifiers,
// children, vulnerable subjects). Loaded from rules/taxonomy.yaml; never hard-coded.
//
// Keys are dotted paths; a key matches itself and every key below it, so a purpose
// that declares `user.contact` covers `user.contact.email`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_node.h"
#include "model/diagnostics.h"

namespace gdpr::analysis {

enum class TaxonomyKind { kDataCategory, kDataUse, kDataSubject };
// "data category", "data use", "data subject": for messages.
const char* TaxonomyKindName(TaxonomyKind kind);

// What GDPR treats specially about a data category.
enum class Special { kNone, kArt9, kArt10, kNationalId };
// "art9", "art10", "national_id", or "" for kNone (the names used in JSON output).
const char* SpecialName(Special s);

struct TaxonomyEntry {
  std::string key;
  std::string description;
  Special special = Special::kNone;  // data categories only
  bool children = false;             // data about children (Art. 8)
  bool vulnerable = false;           // data subjects in an imbalance of power (EDPB)
  bool distress = false;             // data categories whose disclosure harms at once (EDPB fines para 58)
  bool monitoring = false;           // data uses that track or profile people (EDPB fines para 54)
};

class Taxonomy {
 public:
  // Parses taxonomy YAML (see rules/taxonomy.yaml for the format). Reports problems
  // to `diags` with their location; returns nullopt when the file is unusable.
  static std::optional<Taxonomy> Parse(std::string_view text, std::string_view name,
                                       model::Diagnostics& diags);
  // Loads `path` (normally <rules dir>/taxonomy.yaml).
  static std::optional<Taxonomy> LoadFile(const std::string& path, model::Diagnostics& diags);

  // The entry for `key`, or nullptr when it is not a current key of that kind.
  const TaxonomyEntry* Find(TaxonomyKind kind, std::string_view key) const;
  bool Contains(TaxonomyKind kind, std::string_view key) const { return Find(kind, key) != nullptr; }
  // The current key a deprecated fideslang key maps to, or nullopt.
  std::optional<std::string> Replacement(TaxonomyKind kind, std::string_view key) const;
  // Every current key of `kind`, sorted.
  const std::vector<std::string>& Keys(TaxonomyKind kind) const;
  // "did you mean 'x'?" for an unknown key, or "".
  std::string Suggest(TaxonomyKind kind, std::string_view key) const;

  // The special treatment of a data category: its own marking or the nearest ancestor's.
  Special SpecialOf(std::string_view category) const;
  // True when the category (or an ancestor) is about children.
  bool IsChildrenData(std::string_view category) const;
  // True when the data subject is marked vulnerable.
  bool IsVulnerableSubject(std::string_view subject) const;
  // True when the data subject is marked children (shipped keys by their marking,
  // custom keys by `child_subject_words`).
  bool IsChildSubject(std::string_view subject) const;
  // True when the category (or an ancestor) is marked distress.
  bool IsDistressData(std::string_view category) const;
  // True when the data use (or an ancestor) is marked monitoring.
  bool IsMonitoringUse(std::string_view use) const;

  // Extends this run's taxonomy with a custom key (Fides taxonomy extensions define
  // them); a data subject whose key holds a `child_subject_words` word is marked
  // children. Returns false, changing nothing, when the key already exists.
  bool AddCustom(TaxonomyKind kind, TaxonomyEntry entry);
  // Makes `old_key` read as the current `current_key` (with the usual deprecation warning).
  void AddReplacement(TaxonomyKind kind, std::string old_key, std::string current_key);

  // True when `key` equals `ancestor` or lies below it ("a.b.c" under "a.b").
  static bool IsUnder(std::string_view key, std::string_view ancestor);

 private:
  // True when `key` or an ancestor of it carries `mark`.
  bool MarkedOnPath(TaxonomyKind kind, std::string_view key, bool TaxonomyEntry::*mark) const;

  struct KindTable {
    std::map<std::string, TaxonomyEntry, std::less<>> entries;
    std::map<std::string, std::string, std::less<>> deprecated;
    std::vector<std::string> keys;
  };
  const KindTable& Table(TaxonomyKind kind) const;
  KindTable& Table(TaxonomyKind kind);

  KindTable categories_, uses_, subjects_;
  std::vector<std::string> child_subject_words_;
};

}  // namespace gdpr::analysis
