// Small ASCII text helpers shared by the loaders and the reporters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gdpr::util {

// The items with `sep` between them ("a, b, c"); empty for no items.
std::string Join(const std::vector<std::string>& items, std::string_view sep = ", ");
// `s` with ASCII capitals lowered; other bytes (UTF-8 included) unchanged.
std::string AsciiLower(std::string_view s);
// `s` with its first character capitalised when it is an ASCII letter.
std::string Capitalized(std::string s);

}  // namespace gdpr::util
