// GlobMatch: shell-style wildcard matching for waiver rule ids ("RET-*") and column
// annotations ("shopdb.*.created_at"). `*` matches any run of characters (dots
// included), `?` one character; everything else matches itself, case-sensitively.
#pragma once

#include <string_view>

namespace gdpr::analysis {

bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace gdpr::analysis
