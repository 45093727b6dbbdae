// Escape: making input strings safe inside each output syntax. Every string that came
// from a user's files goes through one of these before it is written; each also makes
// the text valid UTF-8 (invalid bytes become U+FFFD).
#pragma once

#include <string>
#include <string_view>

namespace gdpr::report {

// HTML text and attribute values: & < > " ' as entities; control characters other than
// tab and newline dropped (they are not allowed in HTML).
std::string EscapeHtml(std::string_view text);

// XML 1.0 text and attribute values: & < > " ' as entities; characters XML 1.0 forbids
// (controls other than tab, CR, LF) replaced by U+FFFD; newlines kept, or as &#10; when
// `attribute` (so they survive attribute normalisation).
std::string EscapeXml(std::string_view text, bool attribute = false);

// Markdown inline text, for a table cell or a list item: the punctuation that makes
// emphasis, code, links, headings or tables (\ ` * _ { } [ ] # | ~) backslash-escaped, a
// leading list marker ("-", "+", "1.") escaped, < > & as entities (no raw HTML), newlines
// and control characters as spaces, so the value stays on its line and in its cell.
std::string EscapeMarkdown(std::string_view text);

// One CSV field per RFC 4180: quoted (with "" for ") when it holds a comma, quote, CR or
// LF, or leading/trailing space. Fields starting with = + - @ are prefixed with ' so a
// spreadsheet does not run them as formulas (CSV injection).
std::string CsvField(std::string_view text);

}  // namespace gdpr::report
