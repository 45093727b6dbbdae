#include "load/fides_fields.h"

#include <vector>

namespace gdpr::load {

void IgnoredFields::Add(const std::string& field, const YamlNode& key) {
  auto it = fields_.find(field);
  model::SourceLocation loc = key.Location();
  if (it == fields_.end()) fields_.emplace(field, loc);
  else if (loc < it->second) it->second = loc;
}

void IgnoredFields::Report(model::Diagnostics& diags) const {
  if (fields_.empty()) return;
  model::SourceLocation first = fields_.begin()->second;
  std::string list;
  for (const auto& [field, loc] : fields_) {
    if (loc < first) first = loc;
    list += (list.empty() ? "" : ", ") + field;
  }
  diags.Warning(first, "ignored Fides fields: " + list,
                "gdpr-audit has no equivalent for these; see README 'Fides manifests and init'");
}

bool IsEmptyValue(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull: return true;
    case YamlNode::Kind::kScalar: return node.scalar.empty() && !node.quoted;
    case YamlNode::Kind::kSequence: return node.items.empty();
    case YamlNode::Kind::kMap: return node.entries.empty();
  }
  return true;
}

FidesMap::FidesMap(const YamlNode& node, std::string prefix, IgnoredFields& ignored)
    : node_(node), prefix_(std::move(prefix)), ignored_(ignored) {}

FidesMap::~FidesMap() {
  if (!node_.IsMap()) return;
  for (const YamlEntry& e : node_.entries)
    if (!used_.count(e.first.scalar) && !IsEmptyValue(e.second))
      ignored_.Add(prefix_ + "." + e.first.scalar, e.first);
}

const YamlNode* FidesMap::Get(std::string_view key) {
  used_.insert(std::string(key));
  const YamlNode* v = node_.Find(key);
  return v && !v->IsNull() ? v : nullptr;
}

std::string FidesMap::Str(std::string_view key) {
  const YamlNode* v = Get(key);
  return v && v->IsScalar() ? v->scalar : std::string();
}

std::vector<const YamlNode*> ItemsOf(const YamlNode* node) {
  std::vector<const YamlNode*> items;
  if (!node || node->IsNull()) return items;
  if (!node->IsSequence()) {
    items.push_back(node);
    return items;
  }
  for (const YamlNode& item : node->items) items.push_back(&item);
  return items;
}

}  // namespace gdpr::load
