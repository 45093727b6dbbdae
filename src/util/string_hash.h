// StringHash: the hash of std::string keys that also takes std::string_view, so that
// unordered containers declared with it and std::equal_to<> look up a view without
// building a string (C++20 heterogeneous lookup).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace gdpr::util {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace gdpr::util
