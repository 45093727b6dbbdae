#include "sql/token_span.h"

namespace gdpr::sql {
namespace {

// Canonical spacing works on single-character punctuation and `::` only: the
// character, kCast for `::` (a lone ':' is not a cast), or 0.
constexpr int kCast = 256;

int PunctCode(const Token& t) {
  if (t.kind != TokenKind::kPunct) return 0;
  if (t.text.size() == 1) return static_cast<unsigned char>(t.text[0]);
  return t.text == "::" ? kCast : 0;
}

bool NoSpaceBefore(const Token& t) {
  switch (PunctCode(t)) {
    case '(':
    case ')':
    case ',':
    case '[':
    case ']':
    case '.':
    case kCast:
      return true;
    default:
      return false;
  }
}

bool NoSpaceAfter(const Token& t) {
  switch (PunctCode(t)) {
    case '(':
    case '[':
    case '.':
    case kCast:
    case ',':
      return true;
    default:
      return false;
  }
}

}  // namespace

TokenSpan::TokenSpan(const Token* begin, const Token* end) : end_(end), pos_(begin) {
  if (end > begin) {
    const Token& last = end[-1];
    end_token_.offset = last.offset + last.text.size();
    end_token_.line = last.line;
    end_token_.column = last.column + static_cast<int>(last.text.size());
  }
}

bool TokenSpan::AcceptWords(std::string_view a, std::string_view b) {
  if (!Peek().IsWord(a) || !Peek(1).IsWord(b)) return false;
  pos_ += 2;
  return true;
}

// The scans below walk a local pointer: writing pos_ back on every token would cost a
// store per token in these loops, which run over every token of every table.
bool TokenSpan::SkipGroup() {
  if (pos_ >= end_) return false;
  int depth = 0;
  for (const Token* p = pos_; p < end_; ++p) {
    if (p->IsPunct('(')) {
      ++depth;
    } else if (p->IsPunct(')') && --depth == 0) {
      pos_ = p + 1;
      return true;
    }
  }
  pos_ = end_;
  return false;
}

// Called for every element of every table, so it looks at each token's kind and first
// byte only.
TokenSpan TokenSpan::UntilComma() {
  const Token* start = pos_;
  const Token* p = pos_;
  int depth = 0;
  for (; p < end_; ++p) {
    if (p->kind != TokenKind::kPunct || p->text.size() != 1) continue;
    char c = p->text[0];
    if (c == '(' || c == '[')
      ++depth;
    else if (c == ')' || c == ']')
      --depth;
    else if (c == ',' && depth <= 0)
      break;
  }
  pos_ = p;
  return TokenSpan(start, p);
}

TokenSpan TokenSpan::UntilWord(std::string_view stop) {
  const Token* start = pos_;
  int depth = 0;
  for (; pos_ < end_; ++pos_) {
    if (pos_->IsPunct('('))
      ++depth;
    else if (pos_->IsPunct(')'))
      --depth;
    else if (depth <= 0 && pos_->IsWord(stop))
      break;
  }
  return TokenSpan(start, pos_);
}

std::string JoinTokens(const Token* begin, const Token* end) {
  if (begin >= end) return std::string();
  // Types are usually written with the canonical spacing already ("character
  // varying(255)"): then the result is the source text, copied once.
  bool canonical = true;
  for (const Token* t = begin + 1; t < end && canonical; ++t) {
    const Token& prev = t[-1];
    size_t gap = t->offset - (prev.offset + prev.text.size());
    if (NoSpaceAfter(prev) || NoSpaceBefore(*t))
      canonical = gap == 0;
    else
      canonical = gap == 1 && prev.text.data()[prev.text.size()] == ' ';
  }
  if (canonical)
    return std::string(begin->text.data(), end[-1].offset + end[-1].text.size() - begin->offset);
  std::string out;
  if (end > begin) out.reserve(end[-1].offset + end[-1].text.size() - begin->offset);
  const Token* prev = nullptr;
  for (const Token* t = begin; t < end; ++t) {
    if (prev && !NoSpaceAfter(*prev) && !NoSpaceBefore(*t)) out += ' ';
    out.append(t->text);
    prev = t;
  }
  return out;
}

std::string SourceSlice(const Token& first, const Token& last) {
  const char* b = first.text.data();
  const char* e = last.text.data() + last.text.size();
  std::string out;
  if (e <= b) return out;
  out.reserve(static_cast<size_t>(e - b));
  bool space = false;
  for (const char* p = b; p < e; ++p) {
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace gdpr::sql
