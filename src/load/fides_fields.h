// FidesFields: bookkeeping for reading Fides mappings so that nothing is dropped in
// silence. A FidesMap hands out the values the reader maps and remembers which keys it
// looked at; what is left (with a non-empty value) is recorded in IgnoredFields, which
// names every such field in one warning per manifest.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "load/yaml_node.h"
#include "model/diagnostics.h"

namespace gdpr::load {

// The fields of one manifest that have no equivalent, by dotted path ("system.system_type").
class IgnoredFields {
 public:
  void Add(const std::string& field, const YamlNode& key);
  bool empty() const { return fields_.empty(); }
  // One warning "ignored Fides fields: a, b, c" at the first of them; nothing when empty.
  void Report(model::Diagnostics& diags) const;

 private:
  std::map<std::string, model::SourceLocation> fields_;
};

// True when `node` carries no information: null, "", [] or {}.
bool IsEmptyValue(const YamlNode& node);

class FidesMap {
 public:
  // `prefix` names the mapping in IgnoredFields ("system", "dataset.collections.fields").
  FidesMap(const YamlNode& node, std::string prefix, IgnoredFields& ignored);
  // Records every key not looked at (and not empty) as ignored.
  ~FidesMap();
  FidesMap(const FidesMap&) = delete;
  FidesMap& operator=(const FidesMap&) = delete;

  const YamlNode& node() const { return node_; }
  const std::string& prefix() const { return prefix_; }
  // The value of `key`, marking it as read; nullptr when absent or null.
  const YamlNode* Get(std::string_view key);
  // The scalar value of `key` ("" when absent, null or not a single value).
  std::string Str(std::string_view key);
  // Marks `key` as read without using it (it is reported some other way).
  void Consume(std::string_view key) { used_.insert(std::string(key)); }

 private:
  const YamlNode& node_;
  std::string prefix_;
  IgnoredFields& ignored_;
  std::set<std::string, std::less<>> used_;
};

// The items of a list node, or the node itself when it is a single mapping/value.
std::vector<const YamlNode*> ItemsOf(const YamlNode* node);

}  // namespace gdpr::load
