#include "util/redact.h"

#include <cctype>

namespace gdpr::util {
namespace {

bool EndsUserinfo(char c) {
  return c == '/' || c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '?' || c == '#' ||
         c == ',' || c == '}' || c == ']';
}

// Masks the password of the URL whose "://" starts at `scheme_end`; returns the
// position to continue scanning from.
size_t MaskUrlPassword(std::string& s, size_t scheme_end) {
  size_t start = scheme_end + 3;
  // The userinfo ends at the last '@' before the host part: passwords may contain '@'.
  size_t at = std::string::npos;
  for (size_t i = start; i < s.size() && !EndsUserinfo(s[i]); ++i)
    if (s[i] == '@') at = i;
  if (at == std::string::npos) return start;
  size_t colon = s.find(':', start);
  if (colon == std::string::npos || colon > at) return start;
  s.replace(colon + 1, at - colon - 1, "***");
  return colon + 4;
}

// Masks "password=value" (any case), as in libpq query strings and key/value DSNs.
size_t MaskParameter(std::string& s, size_t key_start) {
  size_t value = key_start + 9;  // strlen("password=")
  size_t end = value;
  while (end < s.size() && s[end] != '&' && s[end] != ' ' && s[end] != '"' && s[end] != '\'' &&
         s[end] != '\n')
    ++end;
  if (end > value) s.replace(value, end - value, "***");
  return value + 3;
}

}  // namespace

std::string RedactSecrets(std::string_view text) {
  std::string s(text);
  for (size_t pos = s.find("://"); pos != std::string::npos; pos = s.find("://", pos))
    pos = MaskUrlPassword(s, pos);
  std::string lower = s;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Walk from the end so earlier offsets stay valid after each replacement.
  for (size_t pos = lower.rfind("password="); pos != std::string::npos;
       pos = pos == 0 ? std::string::npos : lower.rfind("password=", pos - 1))
    MaskParameter(s, pos);
  return s;
}

}  // namespace gdpr::util
