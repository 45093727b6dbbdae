#include "model/inventory.h"

#include <algorithm>
#include <string_view>

namespace gdpr::model {

namespace {

// The first entry whose name is not below `field` (entries are sorted by name).
template <typename Entries>
auto LowerBound(Entries& entries, std::string_view field) {
  return std::lower_bound(entries.begin(), entries.end(), field,
                          [](const FieldPositions::Entry& e, std::string_view f) { return std::string_view(e.first) < f; });
}

}  // namespace

void FieldPositions::Add(std::string_view field, Position at) {
  auto it = LowerBound(entries_, field);
  if (it == entries_.end() || it->first != field) entries_.insert(it, {std::string(field), at});
}

void FieldPositions::Set(std::string_view field, Position at) {
  auto it = LowerBound(entries_, field);
  if (it != entries_.end() && it->first == field)
    it->second = at;
  else
    entries_.insert(it, {std::string(field), at});
}

const Position* FieldPositions::Find(std::string_view field) const {
  auto it = LowerBound(entries_, field);
  return it != entries_.end() && it->first == field ? &it->second : nullptr;
}

SourceLocation Located::At(std::string_view field) const {
  if (const Position* at = field_locs.Find(field)) return {loc.path, at->line, at->column};
  size_t open = field.rfind('[');
  if (open == std::string_view::npos || field.back() != ']') return loc;
  // "key[i]": the i-th item of the list `key`, in the list's file.
  std::string_view key = field.substr(0, open);
  SourceLocation list = At(key);
  size_t index = 0;
  for (size_t i = open + 1; i + 1 < field.size(); ++i) {
    if (field[i] < '0' || field[i] > '9') return list;
    index = index * 10 + static_cast<size_t>(field[i] - '0');
    if (index > 1000000000) return list;
  }
  auto items = item_locs.find(key);
  if (items == item_locs.end() || index >= items->second.size()) return list;
  return {list.path, items->second[index].line, items->second[index].column};
}

const char* ResponsibilityName(Responsibility r) {
  switch (r) {
    case Responsibility::kController: return "controller";
    case Responsibility::kJointController: return "joint_controller";
    case Responsibility::kProcessor: return "processor";
    case Responsibility::kSubProcessor: return "sub_processor";
    case Responsibility::kThirdParty: return "third_party";
    case Responsibility::kUnspecified: return "";
  }
  return "";
}

namespace {

// The indexed element when the index still agrees with the vector, else a scan.
template <typename T>
const T* Lookup(const std::vector<T>& items, const std::unordered_map<std::string, size_t>& index,
                const std::string& id) {
  if (auto it = index.find(id); it != index.end() && it->second < items.size() && items[it->second].id == id)
    return &items[it->second];
  for (const T& item : items)
    if (item.id == id) return &item;
  return nullptr;
}

}  // namespace

void Inventory::BuildIndex() {
  system_index_.clear();
  purpose_index_.clear();
  flow_index_.clear();
  datastore_index_.clear();
  // emplace keeps the first of duplicated ids, as the scans do.
  for (size_t i = 0; i < systems.size(); ++i) {
    system_index_.emplace(systems[i].id, i);
    for (size_t j = 0; j < systems[i].datastores.size(); ++j)
      datastore_index_.emplace(systems[i].datastores[j].id, std::make_pair(i, j));
  }
  for (size_t i = 0; i < purposes.size(); ++i) purpose_index_.emplace(purposes[i].id, i);
  for (size_t i = 0; i < flows.size(); ++i) flow_index_.emplace(flows[i].id, i);
}

const System* Inventory::FindSystem(const std::string& id) const { return Lookup(systems, system_index_, id); }

const Purpose* Inventory::FindPurpose(const std::string& id) const { return Lookup(purposes, purpose_index_, id); }

const Flow* Inventory::FindFlow(const std::string& id) const { return Lookup(flows, flow_index_, id); }

const Datastore* Inventory::FindDatastore(const std::string& id) const {
  if (auto it = datastore_index_.find(id); it != datastore_index_.end()) {
    auto [i, j] = it->second;
    if (i < systems.size() && j < systems[i].datastores.size() && systems[i].datastores[j].id == id)
      return &systems[i].datastores[j];
  }
  for (const System& s : systems)
    for (const Datastore& d : s.datastores)
      if (d.id == id) return &d;
  return nullptr;
}

}  // namespace gdpr::model
