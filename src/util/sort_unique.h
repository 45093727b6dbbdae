// SortUnique: sorts a vector and drops its repeated elements, in place.
#pragma once

#include <algorithm>
#include <vector>

namespace gdpr::util {

template <typename T>
void SortUnique(std::vector<T>& v) {
  if (v.size() < 2) return;  // most lists this is called on are empty or one item long
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace gdpr::util
