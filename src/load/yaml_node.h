// YamlNode: a YAML document as a plain tree that remembers where every node was
// written. yaml-cpp is touched only by the parser (yaml_parser.h); everything else in
// the project reads YamlNode, so parse errors, limits and locations live in one place.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/source_location.h"

namespace gdpr::load {

struct YamlEntry;

class YamlNode {
 public:
  enum class Kind { kNull, kScalar, kSequence, kMap };

  Kind kind = Kind::kNull;
  std::string scalar;     // for kScalar
  bool quoted = false;    // scalar written in quotes ("yes" stays a string)
  int line = 0;           // 1-based
  int column = 0;         // 1-based
  const std::string* path = nullptr;  // the file, interned (util::Intern): one copy for all its nodes
  std::vector<YamlNode> items;                            // for kSequence
  std::vector<YamlEntry> entries;                         // for kMap, in document order

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMap() const { return kind == Kind::kMap; }

  // The value of `key` in a map, or nullptr (also when this is not a map).
  const YamlNode* Find(std::string_view key) const;
  // The key node of `key` in a map (for pointing at the key itself), or nullptr.
  const YamlNode* FindKey(std::string_view key) const;

  model::SourceLocation Location() const;
  // "a mapping", "a list", "a string", "null": for "expected X, found Y" messages.
  const char* KindName() const;
};

// One key/value pair of a mapping (a struct, not std::pair, so YamlNode can hold a
// vector of them while still incomplete).
struct YamlEntry {
  YamlEntry() = default;
  // A constructor, so emplace_back(key, value) also compiles where parenthesised
  // aggregate initialisation is missing (clang 14, used for the fuzz build).
  YamlEntry(YamlNode key, YamlNode value) : first(std::move(key)), second(std::move(value)) {}

  YamlNode first;   // the key
  YamlNode second;  // the value
};

}  // namespace gdpr::load
