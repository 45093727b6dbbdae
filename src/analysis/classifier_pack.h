// ClassifierPack: one YAML file of rules/classifiers/, read into plain data. A pack
// may hold three sections (documented in rules/README.md, "Classifier packs"):
//   normalizer:  abbreviations, strip_prefixes, known_words (see ColumnNameNormalizer)
//   contexts:    table context classes (`person: '(^|_)(users?|customers?)$'`)
//   patterns:    the column patterns: id, category, name/comment/types evidence,
//                table context, negative patterns, confidence, description
// Reading checks the shape of the file and the category keys against the taxonomy;
// regular expressions are compiled (and checked) by the Classifier.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/taxonomy.h"
#include "load/yaml_node.h"
#include "model/diagnostics.h"

namespace gdpr::analysis {

// A regular expression as written in a pack, with where it was written.
struct PackRegex {
  std::string source;
  model::SourceLocation where;
  bool present() const { return !source.empty(); }
};

// A list of context class names as written, with where the list was written.
struct PackNames {
  std::vector<std::string> names;
  model::SourceLocation where;
};

struct ClassifierPattern {
  std::string id;
  model::SourceLocation where;           // of the pattern's `id`
  std::vector<std::string> categories;   // empty: a negative pattern (`category: none`)
  PackRegex name;                        // on the normalised column name, whole tokens
  PackRegex comment;                     // on the lower-cased column comment
  PackRegex types;                       // on the lower-cased column type: required
  PackRegex not_types;                   // ... must not match
  std::vector<PackRegex> nots;           // on the normalised name: none may match
  PackNames tables;                      // the table must be of one of these classes
  PackNames not_tables;                  // ... and of none of these
  int confidence = 50;                   // 0..100; the highest surviving pattern wins
  std::string description;
  std::string pack;                      // display path of the pack file

  bool negative() const { return categories.empty(); }
};

struct TableContextClass {
  std::string name;                      // "person", "organization", ...
  std::vector<PackRegex> patterns;       // on the normalised table name
};

struct ClassifierPack {
  std::string path;
  std::vector<std::pair<PackRegex, std::string>> abbreviations;  // abbreviation -> expansion
  std::vector<std::string> strip_prefixes;
  std::vector<std::string> known_words;
  std::vector<TableContextClass> contexts;
  std::vector<ClassifierPattern> patterns;

  // Reads a pack from YAML text (`name` is its display path). Reports every problem
  // (unknown field, missing id, unknown category with a did-you-mean, confidence out
  // of range) to `diags` at its line:col and keeps going; nullopt only when the text is
  // not YAML or not a mapping.
  static std::optional<ClassifierPack> Parse(std::string_view text, std::string_view name,
                                             const Taxonomy& taxonomy, model::Diagnostics& diags);
};

}  // namespace gdpr::analysis
