// --color auto|always|never: whether a command may write ANSI colour to a stream.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace gdpr::cli {

// The values --color accepts.
extern const std::vector<std::string> kColorModes;

// "always" colours, "never" does not; "auto" colours only when `stream` is the
// process's stdout or stderr, that descriptor is a terminal, and NO_COLOR is unset or empty.
bool UseColor(const std::string& mode, const std::ostream& stream);

}  // namespace gdpr::cli
