#include "model/inventory.h"

namespace gdpr::model {

const SourceLocation& Located::At(const std::string& field) const {
  auto it = field_locs.find(field);
  return it == field_locs.end() ? loc : it->second;
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
