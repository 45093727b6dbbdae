// Edit distance and "did you mean" suggestions for unknown names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gdpr::util {

// Levenshtein distance between a and b, giving up (returning max_distance + 1) once
// the distance exceeds max_distance, so long strings stay cheap.
size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance);

// The candidate closest to `name`, or an empty string when nothing is close enough
// (within a third of the name's length, at least 2). Ties go to the first candidate.
// Dotted names also match on their last segment ("email" -> "user.contact.email").
std::string ClosestMatch(std::string_view name, const std::vector<std::string>& candidates);

// "did you mean 'x'?" or an empty string when ClosestMatch finds nothing.
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace gdpr::util
