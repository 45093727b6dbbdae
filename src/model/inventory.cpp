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

const System* Inventory::FindSystem(const std::string& id) const {
  for (const System& s : systems)
    if (s.id == id) return &s;
  return nullptr;
}

const Purpose* Inventory::FindPurpose(const std::string& id) const {
  for (const Purpose& p : purposes)
    if (p.id == id) return &p;
  return nullptr;
}

const Datastore* Inventory::FindDatastore(const std::string& id) const {
  for (const System& s : systems)
    for (const Datastore& d : s.datastores)
      if (d.id == id) return &d;
  return nullptr;
}

}  // namespace gdpr::model
