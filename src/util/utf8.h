// UTF-8 hygiene for output: every reporter writes text that came from user files, which
// may hold any bytes. These helpers make such text valid UTF-8 before it is escaped for
// JSON, XML, HTML or Markdown.
#pragma once

#include <string>
#include <string_view>

namespace gdpr::util {

// Returns `text` with every invalid UTF-8 sequence (stray continuation bytes, truncated
// sequences, overlong forms, surrogates, code points above U+10FFFF) replaced by U+FFFD.
// Valid text is returned unchanged.
std::string ValidUtf8(std::string_view text);

// `text` made valid UTF-8 and cut to at most `max_chars` code points, the last of them
// "…" when it was cut.
std::string Shorten(std::string_view text, size_t max_chars);

// Decodes the code point at text[pos] when it starts a valid UTF-8 sequence: returns its
// length in bytes (1-4) and stores the code point in `cp`; returns 0 when it is invalid.
size_t DecodeUtf8(std::string_view text, size_t pos, char32_t& cp);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

}  // namespace gdpr::util
