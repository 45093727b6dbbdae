// ColumnVerdict: what was decided about one schema column and why: its data
// categories, their special treatment, and the evidence (a classifier pattern or a
// `columns:` annotation). Every column classification says which rule matched.
#pragma once

#include <string>
#include <vector>

#include "analysis/taxonomy.h"

namespace gdpr::analysis {

struct ColumnVerdict {
  std::vector<std::string> categories;  // fideslang data categories; empty: not personal data
  Special special = Special::kNone;     // gravest special treatment among the categories
  std::string reason;                   // "column name matches 'e_?mail' (rules/classifiers/contact.yaml)"
  std::string source;                   // "classifier" or "annotation"
  std::string runner_up;                // next best category and why, for `init` comments; may be empty

  bool personal() const { return !categories.empty(); }
};

}  // namespace gdpr::analysis
