// SourceLocation: where something was written, as a user would look it up.
// Lines and columns are 1-based; 0 means "unknown" (for example a live database).
#pragma once

#include <string>

namespace gdpr::model {

struct SourceLocation {
  std::string path;  // display path, as the user gave it (relative where possible)
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
  // "path:line:col", "path:line" or "path", whichever is known.
  std::string ToString() const;
};

bool operator==(const SourceLocation& a, const SourceLocation& b);
bool operator<(const SourceLocation& a, const SourceLocation& b);

}  // namespace gdpr::model
