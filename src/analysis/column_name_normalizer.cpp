#include "analysis/column_name_normalizer.h"

#include <algorithm>

namespace gdpr::analysis {
namespace {

// ASCII spellings of U+00C0..U+00FF (the second UTF-8 byte minus 0x80 indexes it).
// An empty entry (× and ÷) acts as a separator.
constexpr const char* kLatin1Fold[64] = {
    "A", "A", "A", "A", "Ae", "A", "Ae", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O",  "O", "Oe", "",  "O", "U", "U", "U", "Ue", "Y", "Th", "ss",
    "a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o",  "o", "oe", "",  "o", "u", "u", "u", "ue", "y", "th", "y"};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Appends the folding of a multi-letter capital ("Ae") in upper case when the next
// byte is an upper-case letter, so `GRÖSSE` stays one all-caps word for splitting.
void AppendFold(std::string& out, std::string_view fold, char next) {
  if (fold.size() > 1 && IsUpper(fold[0]) && IsUpper(next)) {
    for (char c : fold) out += static_cast<char>(IsLower(c) ? c - 'a' + 'A' : c);
  } else {
    out += fold;
  }
}

// Folds accents to ASCII; every other non-ASCII character becomes a space (separator).
std::string FoldAscii(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    const unsigned char c2 = i + 1 < raw.size() ? static_cast<unsigned char>(raw[i + 1]) : 0;
    const char next = i + 2 < raw.size() ? raw[i + 2] : '\0';
    if (c == 0xC3 && c2 >= 0x80 && c2 <= 0xBF) {
      std::string_view fold = kLatin1Fold[c2 - 0x80];
      if (fold.empty()) out += ' ';
      else AppendFold(out, fold, next);
      ++i;
    } else if (c == 0xC5 && (c2 == 0x92 || c2 == 0x93)) {  // Œ œ
      AppendFold(out, c2 == 0x92 ? "Oe" : "oe", next);
      ++i;
    } else {
      out += ' ';
    }
  }
  return out;
}

// True when a token boundary lies between s[i-1] and s[i].
bool IsBoundary(std::string_view s, size_t i) {
  const char p = s[i - 1], c = s[i];
  if (IsLower(p) && IsUpper(c)) return true;                     // camelCase
  if (IsDigit(p) != IsDigit(c)) return true;                     // address2, 2fa
  const char n = i + 1 < s.size() ? s[i + 1] : '\0';
  return IsUpper(p) && IsUpper(c) && IsLower(n);                 // XMLHttp -> XML|Http
}

}  // namespace

void ColumnNameNormalizer::SplitJoined(std::string_view raw, std::string& out) {
  out.clear();
  const std::string s = FoldAscii(raw);
  bool in_token = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsAlnum(s[i])) {
      in_token = false;
      continue;
    }
    if (!out.empty() && (!in_token || IsBoundary(s, i))) out += '_';
    out += ToLower(s[i]);
    in_token = true;
  }
}

std::vector<std::string> ColumnNameNormalizer::Split(std::string_view raw) {
  std::string joined;
  SplitJoined(raw, joined);
  std::vector<std::string> tokens;
  size_t start = 0;
  while (start < joined.size()) {  // a token is letters and digits, never `_`
    size_t end = std::min(joined.find('_', start), joined.size());
    tokens.emplace_back(joined, start, end - start);
    start = end + 1;
  }
  return tokens;
}

std::string ColumnNameNormalizer::FoldLower(std::string_view text) {
  std::string s = FoldAscii(text);
  for (char& c : s) c = ToLower(c);
  return s;
}

bool ColumnNameNormalizer::AddAbbreviation(std::string_view from, std::string_view to) {
  std::vector<std::string> key = Split(from), value = Split(to);
  if (key.empty() || value.empty()) return false;
  for (const auto& w : value) known_words_.insert(w);
  auto& candidates = abbreviations_[key[0]];
  candidates.emplace_back(std::move(key), std::move(value));
  // Longest first, so `dri_lice` wins over a one-token `dri`.
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  return true;
}

void ColumnNameNormalizer::AddStripPrefix(std::string_view prefix) {
  for (auto& t : Split(prefix)) strip_prefixes_.insert(std::move(t));
}

void ColumnNameNormalizer::AddKnownWord(std::string_view word) {
  for (auto& t : Split(word)) known_words_.insert(std::move(t));
}

void ColumnNameNormalizer::Expand(std::vector<std::string>& tokens) const {
  std::vector<std::string> out;
  out.reserve(tokens.size() + 2);
  for (size_t i = 0; i < tokens.size();) {
    auto it = abbreviations_.find(tokens[i]);
    bool expanded = false;
    if (it != abbreviations_.end()) {
      for (const auto& [key, value] : it->second) {
        if (i + key.size() > tokens.size() ||
            !std::equal(key.begin(), key.end(), tokens.begin() + static_cast<long>(i)))
          continue;
        out.insert(out.end(), value.begin(), value.end());
        i += key.size();
        expanded = true;
        break;
      }
    }
    if (!expanded) out.push_back(std::move(tokens[i++]));
  }
  tokens = std::move(out);
}

bool ColumnNameNormalizer::IsPart(std::string_view part) const {
  if (known_words_.count(part)) return true;
  // A one-token abbreviation is a part too, so `custname` splits as cust|name and then
  // expands to customer_name.
  auto it = abbreviations_.find(part);
  if (it == abbreviations_.end()) return false;
  for (const auto& candidate : it->second)
    if (candidate.first.size() == 1) return true;
  return false;
}

bool ColumnNameNormalizer::SplitCompound(std::string_view token, int depth,
                                         std::vector<std::string>& out) const {
  constexpr size_t kMinPart = 3;
  if (depth > 3 || token.size() < 2 * kMinPart) return false;
  // Longest head first, so `username` splits as user|name, not us|...
  for (size_t head = token.size() - kMinPart; head >= kMinPart; --head) {
    if (!IsPart(token.substr(0, head))) continue;
    const std::string_view rest = token.substr(head);
    const size_t mark = out.size();
    out.emplace_back(token.substr(0, head));
    if (IsPart(rest)) {
      out.emplace_back(rest);
      return true;
    }
    if (SplitCompound(rest, depth + 1, out)) return true;
    out.resize(mark);
  }
  return false;
}

void ColumnNameNormalizer::SplitCompounds(std::vector<std::string>& tokens) const {
  if (known_words_.empty()) return;
  std::vector<std::string> out;
  out.reserve(tokens.size() + 2);
  for (auto& t : tokens) {
    const bool keep = known_words_.count(t) || abbreviations_.count(t) || !SplitCompound(t, 0, out);
    if (keep) out.push_back(std::move(t));
  }
  tokens = std::move(out);
}

void ColumnNameNormalizer::StripPrefix(std::vector<std::string>& tokens) const {
  if (tokens.size() >= 2 && strip_prefixes_.count(tokens[0]) && known_words_.count(tokens[1]))
    tokens.erase(tokens.begin());
}

std::string ColumnNameNormalizer::Normalize(std::string_view raw) const {
  std::vector<std::string> tokens = Split(raw);
  SplitCompounds(tokens);
  Expand(tokens);
  StripPrefix(tokens);
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += '_';
    out += t;
  }
  return out;
}

}  // namespace gdpr::analysis
