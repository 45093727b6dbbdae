#include "util/iso_duration.h"

#include <cctype>
#include <limits>

namespace gdpr::util {
namespace {

void SetError(std::string* error, std::string message) {
  if (error) *error = std::move(message);
}

}  // namespace

int64_t IsoDuration::ApproxSeconds() const {
  // 365.25 days a year and 30.4375 days a month, in seconds; values are bounded by the
  // parser (at most 9 digits each), so none of this overflows.
  return years * 31557600 + months * 2629800 + weeks * 604800 + days * 86400 + hours * 3600 +
         minutes * 60 + seconds;
}

std::string IsoDuration::ToString() const {
  std::string s = "P";
  auto add = [&s](int64_t v, char unit) {
    if (v) s += std::to_string(v) + unit;
  };
  add(years, 'Y');
  add(months, 'M');
  add(weeks, 'W');
  add(days, 'D');
  if (hours || minutes || seconds) {
    s += 'T';
    add(hours, 'H');
    add(minutes, 'M');
    add(seconds, 'S');
  }
  if (s == "P") s = "P0D";
  return s;
}

std::optional<IsoDuration> ParseIsoDuration(std::string_view text, std::string* error) {
  if (text.empty() || (text[0] != 'P' && text[0] != 'p')) {
    SetError(error, "an ISO 8601 duration starts with 'P' (for example P30D, P1Y6M, P7Y)");
    return std::nullopt;
  }
  IsoDuration d;
  bool in_time = false, any = false;
  std::string_view order_date = "YMWD", order_time = "HMS";
  size_t date_pos = 0, time_pos = 0;
  size_t i = 1;
  while (i < text.size()) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    if (c == 'T') {
      if (in_time) return SetError(error, "'T' appears twice"), std::nullopt;
      in_time = true;
      ++i;
      continue;
    }
    size_t start = i;
    int64_t value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (i - start >= 9) return SetError(error, "number too large"), std::nullopt;
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    if (i == start || i == text.size()) {
      SetError(error, "expected a number followed by a unit (Y, M, W, D, or H, M, S after T)");
      return std::nullopt;
    }
    char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i++])));
    std::string_view order = in_time ? order_time : order_date;
    size_t& pos = in_time ? time_pos : date_pos;
    size_t found = order.find(unit, pos);
    if (found == std::string_view::npos) {
      SetError(error, std::string("unit '") + unit + "' is not valid here (date units Y M W D, time units H M S after T)");
      return std::nullopt;
    }
    pos = found + 1;
    any = true;
    if (!in_time) {
      if (unit == 'Y') d.years = value;
      if (unit == 'M') d.months = value;
      if (unit == 'W') d.weeks = value;
      if (unit == 'D') d.days = value;
    } else {
      if (unit == 'H') d.hours = value;
      if (unit == 'M') d.minutes = value;
      if (unit == 'S') d.seconds = value;
    }
  }
  if (!any) {
    SetError(error, "a duration needs at least one number and unit (for example P30D)");
    return std::nullopt;
  }
  return d;
}

int CompareDurations(const IsoDuration& a, const IsoDuration& b) {
  int64_t x = a.ApproxSeconds(), y = b.ApproxSeconds();
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace gdpr::util
