// IsoDuration: an ISO 8601 duration such as "P7Y", "P30D", "P1Y6M", "PT12H" or "P2W".
// Used for retention periods; compared by an approximate length in days, which is
// what retention limits mean ("about seven years").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gdpr::util {

struct IsoDuration {
  int64_t years = 0, months = 0, weeks = 0, days = 0;
  int64_t hours = 0, minutes = 0, seconds = 0;

  // Approximate length in seconds (a year is 365.25 days, a month 30.4375 days).
  int64_t ApproxSeconds() const;
  double ApproxDays() const { return static_cast<double>(ApproxSeconds()) / 86400.0; }
  // Canonical text form, e.g. "P1Y6M" (what was parsed, normalised).
  std::string ToString() const;
};

// Parses an ISO 8601 duration (P[nY][nM][nW][nD][T[nH][nM][nS]], integers only).
// Returns nullopt and sets `error` to a one-line explanation when `text` is not one.
std::optional<IsoDuration> ParseIsoDuration(std::string_view text, std::string* error = nullptr);

// Three-way comparison by approximate length.
int CompareDurations(const IsoDuration& a, const IsoDuration& b);

}  // namespace gdpr::util
