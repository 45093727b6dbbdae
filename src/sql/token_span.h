// TokenSpan: a cursor over the tokens of one statement (or one part of it), with the
// small look-ahead helpers the DDL parser needs. It never reads past its end: every
// accessor returns an kEnd token there, so parsing truncated input cannot overrun.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sql/ddl_lexer.h"

namespace gdpr::sql {

class TokenSpan {
 public:
  TokenSpan() = default;
  TokenSpan(const Token* begin, const Token* end);

  bool AtEnd() const { return pos_ >= end_; }
  // The token `ahead` places after the current one; an kEnd token past the end.
  const Token& Peek(size_t ahead = 0) const {
    if (pos_ >= end_ || static_cast<size_t>(end_ - pos_) <= ahead) return end_token_;
    return pos_[ahead];
  }
  // Returns the current token and moves past it.
  const Token& Take() { return pos_ >= end_ ? end_token_ : *pos_++; }
  const Token* position() const { return pos_; }
  const Token* end() const { return end_; }
  void Seek(const Token* p) { pos_ = p; }

  bool AcceptWord(std::string_view keyword) {  // consumes it when it matches
    if (!Peek().IsWord(keyword)) return false;
    ++pos_;
    return true;
  }
  bool AcceptWords(std::string_view a, std::string_view b);  // both or nothing
  bool AcceptPunct(char c) {
    if (!Peek().IsPunct(c)) return false;
    ++pos_;
    return true;
  }
  bool PeekWord(std::string_view keyword, size_t ahead = 0) const {
    return Peek(ahead).IsWord(keyword);
  }
  bool PeekPunct(char c, size_t ahead = 0) const { return Peek(ahead).IsPunct(c); }

  // At '(': moves past its matching ')' and returns true; returns false (and moves to
  // the end) when it is never closed. Anywhere else: moves one token and returns true.
  bool SkipOne() {
    if (pos_ < end_ && !pos_->IsPunct('(')) {  // the common case, inline
      ++pos_;
      return true;
    }
    return SkipGroup();
  }
  // From the current position, the tokens before the next ',' (or `stop` word) at
  // nesting depth 0, or the end. Moves past the returned tokens, not past the comma.
  TokenSpan UntilComma();
  // The tokens before the next depth-0 word `stop`, or to the end.
  TokenSpan UntilWord(std::string_view stop);

 private:
  bool SkipGroup();  // SkipOne() at '(' or at the end

  const Token* end_ = nullptr;
  const Token* pos_ = nullptr;
  Token end_token_;  // kEnd, placed at the last token so errors there have a location
};

// The tokens of `span` joined with canonical spacing: one space between words, none
// inside parentheses or brackets or around '.' and '::' ("character varying(255)",
// "numeric(4,2)", "text[]", "int(10) unsigned").
std::string JoinTokens(const Token* begin, const Token* end);

// The source text from the start of `first` to the end of `last`, with every run of
// whitespace collapsed to one space.
std::string SourceSlice(const Token& first, const Token& last);

}  // namespace gdpr::sql
