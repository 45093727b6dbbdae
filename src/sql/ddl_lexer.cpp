#include "sql/ddl_lexer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace gdpr::sql {
namespace {

using model::Dialect;

// Character classes, looked up once per byte in the hot loops.
using lexer_detail::HasClass;
using lexer_detail::kDigitClass;
using lexer_detail::kSpaceClass;
using lexer_detail::kWordCharClass;
using lexer_detail::kWordStartClass;

inline bool IsSpace(char c) { return HasClass(c, kSpaceClass); }
inline bool IsDigit(char c) { return HasClass(c, kDigitClass); }
inline bool IsWordStart(char c) { return HasClass(c, kWordStartClass); }
inline bool IsWordChar(char c) { return HasClass(c, kWordCharClass); }

}  // namespace

bool Token::IsName() const {
  bool quoted = kind == TokenKind::kQuotedIdent || (kind == TokenKind::kString && !text.empty() && text[0] == '"');
  // An empty quoted name ("", ``, []) names nothing; every dialect rejects it.
  if (quoted) return text.size() > 2;
  return kind == TokenKind::kWord;
}

std::string IdentifierValue(const Token& token) {
  std::string_view t = token.text;
  if (t.size() < 2) return std::string(t);
  char open = t[0];
  char close = open == '[' ? ']' : open;
  if ((open != '"' && open != '`' && open != '[') || t.back() != close) return std::string(t);
  std::string_view body = t.substr(1, t.size() - 2);
  // Nearly every name has no doubled quote inside: one copy, no per-character appends.
  if (open == '[' || body.find(close) == std::string_view::npos) return std::string(body);
  std::string out;
  out.reserve(t.size() - 2);
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    out += t[i];
    if (t[i] == close && open != '[' && i + 2 < t.size() && t[i + 1] == close) ++i;
  }
  return out;
}

std::string StringValue(const Token& token, bool backslash_escapes) {
  std::string_view t = token.text;
  if (!t.empty() && t[0] == '$') {  // $tag$body$tag$
    size_t open_end = t.find('$', 1);
    if (open_end == std::string_view::npos) return std::string(t);
    size_t tag_len = open_end + 1;
    if (t.size() < 2 * tag_len) return std::string(t);
    return std::string(t.substr(tag_len, t.size() - 2 * tag_len));
  }
  size_t q = t.find_first_of("'\"");
  if (q == std::string_view::npos || t.size() < q + 2) return std::string(t);
  if (q == 1 && (t[0] == 'E' || t[0] == 'e')) backslash_escapes = true;
  char quote = t[q];
  std::string_view body = t.substr(q + 1, t.size() - q - 2);
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == quote && i + 1 < body.size() && body[i + 1] == quote) {
      out += quote;
      ++i;
    } else if (c == '\\' && backslash_escapes && i + 1 < body.size()) {
      char n = body[++i];
      switch (n) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        default:
          out += n;
          break;
      }
    } else {
      out += c;
    }
  }
  return out;
}

DdlLexer::DdlLexer(std::string_view text, Dialect dialect) : text_(text), dialect_(dialect) {
  ComputeSpecial();
}

void DdlLexer::Advance(size_t n) {
  size_t end = pos_ + n;
  if (end > text_.size()) end = text_.size();
  for (size_t i = pos_; i < end; ++i) {
    if (text_[i] == '\n') {
      ++line_;
      line_start_ = i + 1;
    }
  }
  pos_ = end;
}

bool DdlLexer::AtLineStart(size_t pos) const {
  for (size_t i = pos; i > 0; --i) {
    char c = text_[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// Block comments nest in PostgreSQL only. Returns false when the comment is unclosed.
bool DdlLexer::SkipBlockComment() {
  const bool nests = dialect_ == Dialect::kPostgres;
  int depth = 0;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '*') {
      if (depth == 0 || nests) ++depth;
      pos_ += 2;
    } else if (c == '*' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '/') {
      pos_ += 2;
      if (--depth == 0) return true;
    } else {
      if (c == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
      ++pos_;
    }
  }
  return false;
}

void DdlLexer::SkipSpaceAndComments() {
  const bool mysql = dialect_ == Dialect::kMysql;
  const char* data = text_.data();
  const size_t size = text_.size();
  while (pos_ < size) {
    // Whitespace runs (indentation, line ends) come before nearly every token.
    size_t p = pos_;
    while (p < size && IsSpace(data[p])) {
      if (data[p] == '\n') {
        ++line_;
        line_start_ = p + 1;
      }
      ++p;
    }
    pos_ = p;
    if (p >= size) return;
    char c = data[p];
    if (c != '-' && c != '/' && c != '#') return;
    char n = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    // MySQL needs whitespace after `--` (`1--2` is arithmetic there).
    bool dash_comment =
        c == '-' && n == '-' && (!mysql || pos_ + 2 >= text_.size() || IsSpace(text_[pos_ + 2]));
    bool line_comment = dash_comment || (c == '#' && mysql);
    if (line_comment) {
      const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
      pos_ = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
      continue;
    }
    if (c == '/' && n == '*') {
      size_t save_pos = pos_;
      int save_line = line_;
      size_t save_line_start = line_start_;
      if (!SkipBlockComment()) {
        pos_ = save_pos;
        line_ = save_line;
        line_start_ = save_line_start;
        unterminated_comment_ = true;
        return;
      }
      continue;
    }
    return;
  }
}

// MySQL client command `DELIMITER xx` at the start of a statement's line.
bool DdlLexer::TryDelimiterCommand() {
  if (dialect_ != Dialect::kMysql && dialect_ != Dialect::kUnknown) return false;
  constexpr std::string_view kKeyword = "delimiter";
  if (text_.size() - pos_ <= kKeyword.size()) return false;
  if (!EqualsIgnoreCase(text_.substr(pos_, kKeyword.size()), kKeyword)) return false;
  char after = text_[pos_ + kKeyword.size()];
  if (after != ' ' && after != '\t') return false;
  size_t p = pos_ + kKeyword.size();
  while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
  size_t start = p;
  while (p < text_.size() && !IsSpace(text_[p])) ++p;
  if (p == start) return false;
  delimiter_.assign(text_.substr(start, p - start));
  ComputeSpecial();
  return true;
}

bool DdlLexer::AtDelimiter() const {
  if (text_[pos_] != delimiter_[0]) return false;
  return delimiter_.size() == 1 || text_.substr(pos_, delimiter_.size()) == delimiter_;
}

Token DdlLexer::LexLine(TokenKind kind, size_t start, int line, int column) {
  const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
  pos_ = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
  return Make(kind, start, line, column);
}

// The hot loop of the lexer (dumps are mostly string data). It jumps from one
// candidate closing quote to the next with memchr and counts newlines and looks for
// escapes in the bytes between with vectorisable scans.
Token DdlLexer::LexQuoted(char close, bool backslash, TokenKind kind, size_t start, int line,
                          int column) {
  const char* data = text_.data();
  // Most quoted text is a short name or value: a plain loop finds its end sooner than
  // memchr calls. Anything unusual before the closing quote (a newline, an escape) or no
  // quote within reach leaves it to the general loop below.
  const size_t size = text_.size();
  const size_t reach = std::min(size, pos_ + 1 + kShortQuoted);
  for (size_t q = pos_ + 1; q < reach; ++q) {
    char ch = data[q];
    if (ch == close) {
      if (close != ']' && q + 1 < size && data[q + 1] == close) {
        ++q;  // a doubled quote stands for one
        continue;
      }
      pos_ = q + 1;
      return Make(kind, start, line, column);
    }
    if (ch == '\n' || (backslash && ch == '\\')) break;
  }
  const char* end = data + text_.size();
  const char* p = data + pos_ + 1;  // past the opening quote (prefixes were consumed by the caller)
  bool closed = false;
  while (p < end) {
    const char* q = static_cast<const char*>(std::memchr(p, close, static_cast<size_t>(end - p)));
    const char* stop = q ? q : end;
    if (backslash) {
      const char* b = static_cast<const char*>(std::memchr(p, '\\', static_cast<size_t>(stop - p)));
      if (b) {  // an escape before the candidate quote: step over it and look again
        const char* next = b + 2 <= end ? b + 2 : end;
        CountLines(p, next);
        p = next;
        continue;
      }
    }
    CountLines(p, stop);
    if (!q) {
      p = end;
      break;
    }
    if (close != ']' && q + 1 < end && q[1] == close) {
      p = q + 2;  // doubled quote
      continue;
    }
    p = q + 1;
    closed = true;
    break;
  }
  pos_ = static_cast<size_t>(p - data);
  return Make(closed ? kind : TokenKind::kUnterminated, start, line, column);
}

// Adds the newlines in [from, to) to the line counter.
void DdlLexer::CountLines(const char* from, const char* to) {
  const char* data = text_.data();
  for (;;) {
    const void* nl = std::memchr(from, '\n', static_cast<size_t>(to - from));
    if (!nl) return;
    from = static_cast<const char*>(nl) + 1;
    ++line_;
    line_start_ = static_cast<size_t>(from - data);
  }
}

Token DdlLexer::LexDollar(size_t start, int line, int column) {
  size_t p = pos_ + 1;
  while (p < text_.size() && text_[p] != '$' && IsWordChar(text_[p])) ++p;
  if (p >= text_.size() || text_[p] != '$' || (p > pos_ + 1 && IsDigit(text_[pos_ + 1]))) {
    ++pos_;  // a lone '$' (or a $1 parameter): punctuation
    return Make(TokenKind::kPunct, start, line, column);
  }
  std::string_view tag = text_.substr(pos_, p - pos_ + 1);
  size_t close = text_.find(tag, p + 1);
  if (close == std::string_view::npos) {
    Advance(text_.size() - pos_);
    return Make(TokenKind::kUnterminated, start, line, column);
  }
  Advance(close + tag.size() - pos_);
  return Make(TokenKind::kString, start, line, column);
}

Token DdlLexer::LexNumber(size_t start, int line, int column) {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (IsWordChar(c) || c == '.') {
      ++pos_;
    } else if ((c == '+' || c == '-') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E') &&
               pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1])) {
      ++pos_;
    } else {
      break;
    }
  }
  return Make(TokenKind::kNumber, start, line, column);
}

Token DdlLexer::LexWord(size_t start, int line, int column) {
  const char* data = text_.data();
  const size_t size = text_.size();
  size_t p = pos_;
  while (p < size && IsWordChar(data[p])) ++p;
  pos_ = p;
  // Prefixed string literals: E'..' N'..' X'..' B'..' and MySQL _utf8mb4'..'.
  if (pos_ < text_.size() && text_[pos_] == '\'') {
    std::string_view word = text_.substr(start, pos_ - start);
    bool e_string = word.size() == 1 && (word[0] == 'E' || word[0] == 'e');
    if (word.size() == 1 || word[0] == '_') {
      return LexQuoted('\'', e_string || dialect_ == Dialect::kMysql, TokenKind::kString, start,
                       line, column);
    }
  }
  return Make(TokenKind::kWord, start, line, column);
}

// Next() after its inline fast path: quoted names, strings and numbers as LexToken()
// would lex them, the rest through NextGeneral(). pos_ is at the token, past whitespace.
Token DdlLexer::NextOther() {
  const size_t p = pos_;
  const char c = text_[p];
  const int column = static_cast<int>(p - line_start_) + 1;
  const bool mysql = dialect_ == Dialect::kMysql;
  if (c == '`') return LexQuoted('`', false, TokenKind::kQuotedIdent, p, line_, column);
  if (c == '"') {
    return mysql ? LexQuoted('"', true, TokenKind::kString, p, line_, column)
                 : LexQuoted('"', false, TokenKind::kQuotedIdent, p, line_, column);
  }
  if (c == '\'') return LexQuoted('\'', mysql, TokenKind::kString, p, line_, column);
  if (IsDigit(c)) return LexNumber(p, line_, column);
  return NextGeneral();
}

Token DdlLexer::NextGeneral() {
  SkipSpaceAndComments();
  size_t start = pos_;
  int line = line_;
  int column = static_cast<int>(pos_ - line_start_) + 1;
  if (unterminated_comment_) {
    unterminated_comment_ = false;
    Advance(text_.size() - pos_);
    return Make(TokenKind::kUnterminated, start, line, column);
  }
  if (pos_ >= text_.size()) return Make(TokenKind::kEnd, start, line, column);
  if (at_statement_start_ && AtLineStart(pos_)) {
    if (TryDelimiterCommand()) return LexLine(TokenKind::kMeta, start, line, column);
    if (dialect_ == Dialect::kSqlite && text_[pos_] == '.' && pos_ + 1 < text_.size() &&
        IsWordStart(text_[pos_ + 1]))
      return LexLine(TokenKind::kMeta, start, line, column);
  }
  if (AtDelimiter()) {
    pos_ += delimiter_.size();
    return Make(TokenKind::kDelimiter, start, line, column);
  }
  return LexToken(start, line, column);
}

// One token starting at pos_, which is not whitespace, a comment or the delimiter.
Token DdlLexer::LexToken(size_t start, int line, int column) {
  const bool mysql = dialect_ == Dialect::kMysql;
  char c = text_[pos_];
  switch (c) {
    case '\'':
      return LexQuoted('\'', mysql, TokenKind::kString, start, line, column);
    case '"':
      return mysql ? LexQuoted('"', true, TokenKind::kString, start, line, column)
                   : LexQuoted('"', false, TokenKind::kQuotedIdent, start, line, column);
    case '`':
      return LexQuoted('`', false, TokenKind::kQuotedIdent, start, line, column);
    case '[':
      if (dialect_ == Dialect::kSqlite)
        return LexQuoted(']', false, TokenKind::kQuotedIdent, start, line, column);
      break;
    case '$':
      if (dialect_ == Dialect::kPostgres || dialect_ == Dialect::kUnknown)
        return LexDollar(start, line, column);
      break;
    case '\\':
      if (!mysql) return LexLine(TokenKind::kMeta, start, line, column);
      break;
    case ':':
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == ':') {
        pos_ += 2;
        return Make(TokenKind::kPunct, start, line, column);
      }
      break;
    default:
      break;
  }
  if (IsDigit(c) || (c == '.' && pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1])))
    return LexNumber(start, line, column);
  if (IsWordStart(c)) return LexWord(start, line, column);
  ++pos_;
  return Make(TokenKind::kPunct, start, line, column);
}

// Characters the fast skip cannot step over blindly: quotes, comment starts, the
// delimiter, client-command starts, and newlines (counted for line numbers).
bool DdlLexer::IsSpecial(unsigned char c) const {
  switch (c) {
    case '\'':
    case '"':
    case '`':
    case '-':
    case '/':
    case '\n':
      return true;
    case '#':
      return dialect_ == Dialect::kMysql;
    case '[':
      return dialect_ == Dialect::kSqlite;
    case '$':
      return dialect_ == Dialect::kPostgres || dialect_ == Dialect::kUnknown;
    case '\\':
      return dialect_ != Dialect::kMysql;
    default:
      return c == static_cast<unsigned char>(delimiter_[0]);
  }
}

void DdlLexer::ComputeSpecial() {
  for (int c = 0; c < 256; ++c) special_[c] = IsSpecial(static_cast<unsigned char>(c));
}

Token DdlLexer::SkipStatement(size_t& content_end, Token& unterminated) {
  const std::array<bool, 256>& special = special_;
  content_end = pos_;
  for (;;) {
    while (pos_ < text_.size() && !special[static_cast<unsigned char>(text_[pos_])]) ++pos_;
    if (pos_ > content_end && !IsSpace(text_[pos_ - 1])) content_end = pos_;
    if (pos_ >= text_.size()) return Next();
    char c = text_[pos_];
    if (c == '\n') {
      ++line_;
      line_start_ = ++pos_;
      continue;
    }
    if (c == delimiter_[0] && delimiter_.size() == 1) {
      ++pos_;
      return Make(TokenKind::kDelimiter, pos_ - 1, line_, static_cast<int>(pos_ - line_start_));
    }
    // Inside a word `$` is part of the name (a$b), not a dollar quote.
    if (c == '$' && pos_ > 0 && IsWordChar(text_[pos_ - 1])) {
      ++pos_;
      continue;
    }
    Token t;
    int column = static_cast<int>(pos_ - line_start_) + 1;
    if (c == '\'') {
      bool e_string = pos_ > 0 && (text_[pos_ - 1] == 'E' || text_[pos_ - 1] == 'e') &&
                      !(pos_ > 1 && IsWordChar(text_[pos_ - 2]));
      t = LexQuoted('\'', e_string || dialect_ == Dialect::kMysql, TokenKind::kString, pos_, line_,
                    column);
    } else if (c == '`' || (c == '"' && dialect_ != Dialect::kMysql)) {
      t = LexQuoted(c, false, TokenKind::kQuotedIdent, pos_, line_, column);
    } else {
      t = Next();
    }
    if (t.kind == TokenKind::kDelimiter || t.kind == TokenKind::kMeta || t.kind == TokenKind::kEnd)
      return t;
    if (t.kind == TokenKind::kUnterminated && unterminated.kind != TokenKind::kUnterminated)
      unterminated = t;
    content_end = t.offset + t.text.size();
  }
}

void DdlLexer::SkipCopyData() {
  // Skip the rest of the COPY line, then whole lines until `\.`.
  const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
  if (!nl) {
    Advance(text_.size() - pos_);
    return;
  }
  Advance(static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1 - pos_);
  while (pos_ < text_.size()) {
    size_t eol = text_.find('\n', pos_);
    size_t end = eol == std::string_view::npos ? text_.size() : eol;
    std::string_view line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Advance(end - pos_ + (eol == std::string_view::npos ? 0 : 1));
    if (line == "\\.") return;
  }
}

}  // namespace gdpr::sql
