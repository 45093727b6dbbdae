// FieldReader: typed, located reading of one YAML mapping (a system, a purpose, ...).
//
// Declarations are written by people, so every accessor reports what is wrong at the
// node that is wrong ("expected a list, found a single value") and returns nullopt;
// the caller keeps going and the user sees every problem in one run. A key whose
// value is null (`representative: null`, `dpo:`) reads as absent.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_node.h"
#include "model/diagnostics.h"
#include "model/inventory.h"

namespace gdpr::load {

class FieldReader {
 public:
  // Reports an error unless `node` is a mapping. `what` names the entity in messages
  // ("a system", "the consent of purpose 'orders'"). When `located` is given, its `loc`
  // becomes the node's location and `field_locs` gets where every field was written:
  // the value for a single value, else the key; ScalarList() records its items in
  // `item_locs` (found as At("key[i]")).
  FieldReader(const YamlNode& node, std::string what, model::Diagnostics& diags,
              model::Located* located = nullptr);

  // True when the node is a mapping (otherwise every accessor returns nullopt).
  bool ok() const { return ok_; }
  const YamlNode& node() const { return node_; }

  // Warns about every key not in `known`, with a "did you mean" hint.
  void WarnUnknownKeys(std::initializer_list<std::string_view> known) const;

  // The value of `key`, or nullptr when it is absent or null.
  const YamlNode* Value(std::string_view key) const;
  // The location of the key `key` (or of the mapping when absent).
  model::SourceLocation KeyLocation(std::string_view key) const;

  // A single value (string, number, date...) as text. An empty string counts as absent.
  std::optional<std::string> String(std::string_view key) const;
  // Like String(), but a missing value is an error: "a system needs an 'id'".
  std::optional<std::string> RequiredString(std::string_view key) const;
  // true/false (also yes/no, on/off in any case, as YAML 1.1 allows).
  std::optional<bool> Bool(std::string_view key) const;
  // A whole number >= 0 (underscores as digit separators allowed: 48_000_000).
  std::optional<int64_t> Count(std::string_view key) const;
  // A list of single values; returns the item nodes so callers can point at one item.
  // A single value where a list belongs is an error with a hint to write [value].
  std::optional<std::vector<const YamlNode*>> ScalarList(std::string_view key) const;
  // ScalarList() as plain strings.
  std::optional<std::vector<std::string>> StringList(std::string_view key) const;

 private:
  void ReportRepeatedKeys() const;

  const YamlNode& node_;
  std::string what_;
  model::Diagnostics& diags_;
  model::Located* located_;
  bool ok_ = false;
};

// Reports an error unless `node` is a single value; `field` names it in the message.
bool ExpectScalar(const YamlNode& node, std::string_view field, model::Diagnostics& diags);

// `s` in single quotes, as messages name fields and values: 'country'.
std::string Quote(std::string_view s);

// Parses true/false/yes/no/on/off (any case); nullopt for anything else.
std::optional<bool> ParseYamlBool(std::string_view text);

// Parses a whole number >= 0 with optional '_' separators; nullopt when not one or too large.
std::optional<int64_t> ParseCount(std::string_view text);

}  // namespace gdpr::load
