#include "model/source_location.h"

#include <tuple>

namespace gdpr::model {

std::string SourceLocation::ToString() const {
  if (line <= 0) return path;
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on `path + ":" + ...`.
  std::string s = path;
  s += ':';
  s += std::to_string(line);
  if (column > 0) {
    s += ':';
    s += std::to_string(column);
  }
  return s;
}

bool operator==(const SourceLocation& a, const SourceLocation& b) {
  return a.path == b.path && a.line == b.line && a.column == b.column;
}

bool operator<(const SourceLocation& a, const SourceLocation& b) {
  return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column);
}

}  // namespace gdpr::model
