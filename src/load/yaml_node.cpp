#include "load/yaml_node.h"

namespace gdpr::load {

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.IsScalar() && k.scalar == key) return &v;
  return nullptr;
}

const YamlNode* YamlNode::FindKey(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.IsScalar() && k.scalar == key) return &k;
  return nullptr;
}

model::SourceLocation YamlNode::Location() const {
  return {path ? *path : std::string(), line, column};
}

const char* YamlNode::KindName() const {
  switch (kind) {
    case Kind::kNull: return "nothing (null)";
    case Kind::kScalar: return "a single value";
    case Kind::kSequence: return "a list";
    case Kind::kMap: return "a mapping";
  }
  return "?";
}

}  // namespace gdpr::load
