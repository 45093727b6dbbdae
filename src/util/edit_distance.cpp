#include "util/edit_distance.h"

#include <algorithm>

namespace gdpr::util {

size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > max_distance) return max_distance + 1;
  std::vector<size_t> row(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    size_t diag = row[0];
    row[0] = j;
    size_t best = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[i]);
    }
    if (best > max_distance) return max_distance + 1;
  }
  return row[a.size()];
}

std::string ClosestMatch(std::string_view name, const std::vector<std::string>& candidates) {
  size_t limit = std::max<size_t>(2, name.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(name, c, limit);
    size_t dot = c.rfind('.');
    if (dot != std::string::npos && name.find('.') == std::string_view::npos)
      d = std::min(d, EditDistance(name, std::string_view(c).substr(dot + 1), limit));
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string match = ClosestMatch(name, candidates);
  return match.empty() ? std::string() : "did you mean '" + match + "'?";
}

}  // namespace gdpr::util
