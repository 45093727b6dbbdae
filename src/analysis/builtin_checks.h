// BuiltinChecks: the few rule conditions that cannot be written declaratively, as
// C++ predicates registered by name. A rule pack names one with `check: <name>`
// (alone or inside a condition tree); packs stay data, the check is a building block.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/audit_model.h"

namespace gdpr::analysis {

// Values a check adds for the rule's message template ("{table}").
using Captures = std::map<std::string, std::string, std::less<>>;

struct BuiltinCheck {
  std::string name;
  std::string description;
  std::vector<std::string> applies_to;  // subject kinds it can judge
  std::vector<std::string> captures;    // names it may set, usable in messages
  std::function<bool(const SubjectRecord&, const AuditModel&, Captures&)> fn;
};

class CheckRegistry {
 public:
  // The registry with every built-in check of the project.
  static const CheckRegistry& Builtins();

  void Register(BuiltinCheck check);
  const BuiltinCheck* Find(std::string_view name) const;
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, BuiltinCheck, std::less<>> checks_;
};

}  // namespace gdpr::analysis
