#include "load/retention_text.h"
#include "util/text.h"

#include <array>
#include <cctype>
#include <sstream>
#include <vector>

namespace gdpr::load {
namespace {


std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::optional<int64_t> Number(const std::string& word) {
  static constexpr std::array<const char*, 13> kWords = {"zero", "one", "two",   "three", "four",
                                                          "five", "six", "seven", "eight", "nine",
                                                          "ten",  "eleven", "twelve"};
  for (size_t i = 0; i < kWords.size(); ++i)
    if (word == kWords[i]) return static_cast<int64_t>(i);
  if (word.empty() || word.size() > 6) return std::nullopt;
  for (char c : word)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  return std::stoll(word);
}

// Sets the unit's field of `d` to `n`; false when `unit` is not a unit word.
bool SetUnit(std::string unit, int64_t n, util::IsoDuration& d) {
  while (!unit.empty() && (unit.back() == ',' || unit.back() == '.' || unit.back() == ';')) unit.pop_back();
  if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
  if (unit == "hour") d.hours = n;
  else if (unit == "day") d.days = n;
  else if (unit == "week") d.weeks = n;
  else if (unit == "month") d.months = n;
  else if (unit == "year" || unit == "yr") d.years = n;
  else return false;
  return true;
}

bool IsFromWord(const std::string& w) {
  return w == "after" || w == "from" || w == "since" || w == "following" || w == "of";
}

}  // namespace

std::optional<RetentionText> ParseRetentionText(std::string_view text) {
  if (auto iso = util::ParseIsoDuration(text)) return RetentionText{*iso, ""};
  std::vector<std::string> original = Words(text);
  std::vector<std::string> words = Words(util::AsciiLower(text));
  if (words.size() < 2) return std::nullopt;
  auto n = Number(words[0]);
  RetentionText result;
  if (!n || !SetUnit(words[1], *n, result.period)) return std::nullopt;
  if (words.size() == 2) return result;
  if (!IsFromWord(words[2]) || words.size() == 3) return std::nullopt;
  for (size_t i = 3; i < original.size(); ++i) result.from += (i > 3 ? " " : "") + original[i];
  while (!result.from.empty() && result.from.back() == '.') result.from.pop_back();
  return result;
}

}  // namespace gdpr::load
