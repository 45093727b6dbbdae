// DdlLexer: splits SQL DDL text into tokens for one dialect, without allocating.
//
// Tokens are views into the input text, so the text must outlive them. The lexer
// skips whitespace and comments (`--`, `/* */` nested in PostgreSQL, `#` in MySQL,
// and MySQL conditional comments `/*!40101 ... */`, whose SET statements we never need),
// keeps strings and quoted identifiers whole (`''` and, where the dialect has them,
// `\'` escapes; `$$`/`$tag$` dollar quotes; backticks; SQLite `[brackets]`) and knows
// the client-side statement separators: MySQL `DELIMITER xx` lines, psql `\` meta
// commands (which end at the newline) and SQLite `.commands`. It never fails: text it
// cannot close (an unterminated string or comment) becomes a kUnterminated token that
// runs to the end of the input.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/schema.h"

namespace gdpr::sql {

enum class TokenKind {
  kWord,          // keyword or bare identifier: CREATE, users, int4
  kQuotedIdent,   // "name", `name`, [name] (quotes included in text)
  kString,        // 'text', E'text', N'text', $tag$text$tag$, MySQL "text"
  kNumber,        // 42, 3.14, 1e5, 0x1F
  kPunct,         // one of ( ) , ; . = and operators; `::` is one token
  kDelimiter,     // end of a statement: `;` or the current MySQL DELIMITER
  kMeta,          // a client command line (psql `\copy ...`, sqlite `.schema`): ends a statement
  kUnterminated,  // an unclosed string, identifier or comment; runs to the end of input
  kEnd,           // end of input
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string_view text;  // the exact source text of the token
  size_t offset = 0;      // byte offset of text in the input
  int line = 1;           // 1-based
  int column = 1;         // 1-based, in bytes

  // kWord equal to keyword, ASCII case-insensitive.
  bool IsWord(std::string_view keyword) const;
  bool IsPunct(char c) const {
    return kind == TokenKind::kPunct && text.size() == 1 && text[0] == c;
  }
  // A name: a bare word, a quoted identifier, or (MySQL) a double-quoted string.
  bool IsName() const;
};

// ASCII case-insensitive equality (inline: the parser calls it for every keyword test).
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

inline bool Token::IsWord(std::string_view keyword) const {
  return kind == TokenKind::kWord && EqualsIgnoreCase(text, keyword);
}

namespace lexer_detail {

// Character classes, looked up once per byte in the lexer's hot loops (here because
// DdlLexer::Next() is inline).
enum : uint8_t { kSpaceClass = 1, kWordStartClass = 2, kWordCharClass = 4, kDigitClass = 8 };

constexpr std::array<uint8_t, 256> MakeCharClasses() {
  std::array<uint8_t, 256> classes{};
  for (int i = 0; i < 256; ++i) {
    // Identifier characters: ASCII letters, '_', and every byte of a UTF-8 sequence, so
    // non-ASCII names stay whole without decoding.
    bool word_start = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || i == '_' || i >= 0x80;
    bool digit = i >= '0' && i <= '9';
    uint8_t c = 0;
    if (i == ' ' || i == '\t' || i == '\n' || i == '\r' || i == '\f' || i == '\v') c |= kSpaceClass;
    if (word_start) c |= kWordStartClass | kWordCharClass;
    if (digit) c |= kDigitClass | kWordCharClass;
    if (i == '$') c |= kWordCharClass;
    classes[i] = c;
  }
  return classes;
}

inline constexpr std::array<uint8_t, 256> kCharClasses = MakeCharClasses();

inline bool HasClass(char c, uint8_t cls) {
  return (kCharClasses[static_cast<unsigned char>(c)] & cls) != 0;
}

}  // namespace lexer_detail

// The value of an identifier token: quotes removed and doubled quotes undone
// ("a""b" -> a"b); bare words are returned as written.
std::string IdentifierValue(const Token& token);

// The value of a string literal: quotes removed, '' undone, and backslash escapes undone
// when `backslash_escapes` (MySQL, or PostgreSQL E'' strings, which are detected here).
std::string StringValue(const Token& token, bool backslash_escapes);

class DdlLexer {
 public:
  DdlLexer(std::string_view text, model::Dialect dialect);

  // Returns the next token; kEnd forever once the input is used up.
  Token Next();

  // Skips the rest of a statement that nobody needs (INSERT data, SET, GRANT...) much
  // faster than Next() could, with the same view of strings, comments and delimiters.
  // Returns the token that ends it (kDelimiter, kMeta or kEnd), sets `content_end` to
  // the offset just past its last skipped character, and stores the first unclosed
  // string or comment, if any, in `unterminated` (kind kUnterminated) .
  Token SkipStatement(size_t& content_end, Token& unterminated);

  // Skips a COPY ... FROM stdin data block: every line up to and including the line
  // `\.` (or the end of input). Call it right after the COPY statement's delimiter.
  void SkipCopyData();

  // The statement separator in force (";" unless a MySQL DELIMITER line changed it).
  std::string_view delimiter() const { return delimiter_; }
  model::Dialect dialect() const { return dialect_; }
  size_t offset() const { return pos_; }

 private:
  Token NextGeneral();
  Token NextOther();
  bool AtLineStart(size_t pos) const;
  bool IsSpecial(unsigned char c) const;
  void CountLines(const char* from, const char* to);
  void ComputeSpecial();
  void SkipSpaceAndComments();
  bool SkipBlockComment();
  bool TryDelimiterCommand();
  bool AtDelimiter() const;
  void Advance(size_t n);
  Token Make(TokenKind kind, size_t start, int line, int column);
  Token LexToken(size_t start, int line, int column);
  Token LexQuoted(char close, bool backslash, TokenKind kind, size_t start, int line, int column);
  Token LexDollar(size_t start, int line, int column);
  Token LexLine(TokenKind kind, size_t start, int line, int column);
  Token LexNumber(size_t start, int line, int column);
  Token LexWord(size_t start, int line, int column);

  static constexpr size_t kShortQuoted = 64;  // see LexQuoted()

  std::string_view text_;
  model::Dialect dialect_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  std::string delimiter_ = ";";
  bool unterminated_comment_ = false;
  bool at_statement_start_ = true;   // client commands are only recognised here
  std::array<bool, 256> special_{};  // see IsSpecial(); recomputed when the delimiter changes
};

inline Token DdlLexer::Make(TokenKind kind, size_t start, int line, int column) {
  Token t;
  t.kind = kind;
  t.text = std::string_view(text_.data() + start, pos_ - start);
  t.offset = start;
  t.line = line;
  t.column = column;
  at_statement_start_ = kind == TokenKind::kDelimiter || kind == TokenKind::kMeta;
  return t;
}

// Inline, because it runs for every token. The fast path: whitespace, then a plain word
// or one of `( ) ,` -- most tokens of a schema. Everything else (comments, quotes,
// numbers, delimiters, client commands at a statement start) goes through NextOther()
// or NextGeneral(), which see the same position.
inline Token DdlLexer::Next() {
  using lexer_detail::HasClass;
  const char* data = text_.data();
  const size_t size = text_.size();
  size_t p = pos_;
  while (p < size && HasClass(data[p], lexer_detail::kSpaceClass)) {
    if (data[p] == '\n') {
      ++line_;
      line_start_ = p + 1;
    }
    ++p;
  }
  pos_ = p;
  if (p >= size || at_statement_start_ || unterminated_comment_) return NextGeneral();
  char c = data[p];
  if (c == delimiter_[0]) return NextGeneral();
  if (HasClass(c, lexer_detail::kWordStartClass)) {
    size_t end = p + 1;
    while (end < size && HasClass(data[end], lexer_detail::kWordCharClass)) ++end;
    if (end < size && data[end] == '\'') return NextGeneral();  // maybe E'...' or _utf8'...'
    pos_ = end;
    return Make(TokenKind::kWord, p, line_, static_cast<int>(p - line_start_) + 1);
  }
  if (c == '(' || c == ')' || c == ',') {
    pos_ = p + 1;
    return Make(TokenKind::kPunct, p, line_, static_cast<int>(p - line_start_) + 1);
  }
  // A short quoted name (`name`, or "name" outside MySQL) closed on the same line, with
  // no doubled quote; anything else is for LexQuoted(), by way of NextOther().
  if (c == '`' || (c == '"' && dialect_ != model::Dialect::kMysql)) {
    const size_t reach = p + 1 + kShortQuoted < size ? p + 1 + kShortQuoted : size;
    for (size_t q = p + 1; q < reach && data[q] != '\n'; ++q) {
      if (data[q] != c) continue;
      if (q + 1 < size && data[q + 1] == c) break;
      pos_ = q + 1;
      return Make(TokenKind::kQuotedIdent, p, line_, static_cast<int>(p - line_start_) + 1);
    }
  }
  return NextOther();
}

}  // namespace gdpr::sql
