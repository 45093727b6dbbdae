#include "util/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace gdpr::util {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;        // no overlong forms
    if (c == 0xED) hi = 0x9F;        // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;        // no overlong forms
    if (c == 0xF4) hi = 0x8F;        // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return len;
}

// A byte written as it is: printable ASCII other than the quote and the backslash.
bool IsPlainAscii(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

// True when one of the eight bytes of `w` is not plain. Bit tricks that test all eight
// at once (each test is exact for "is there any such byte"): a report is mostly plain
// text, and testing byte by byte was most of the time spent rendering a large one.
bool AnyNotPlain(uint64_t w) {
  constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
  const auto has_zero = [](uint64_t v) { return (v - k01) & ~v & k80; };
  const uint64_t below_space = (w - k01 * 0x20) & ~w & k80;  // a byte < 0x20
  const uint64_t above_tilde = ((w + k01) | w) & k80;        // a byte > 0x7E
  return (below_space | above_tilde | has_zero(w ^ (k01 * '"')) | has_zero(w ^ (k01 * '\\'))) != 0;
}

// The end of the run of plain bytes of `s` that starts at `i`.
size_t PlainRunEnd(std::string_view s, size_t i) {
  for (uint64_t w; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (AnyNotPlain(w)) break;
  }
  while (i < s.size() && IsPlainAscii(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

void AppendEscaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  if (c < 0x20 || c == 0x7F) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", c);
    out += buf;
  } else {
    out += static_cast<char>(c);
  }
}

}  // namespace

std::string JsonWriter::Quote(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  AppendQuoted(out, value);
  return out;
}

void JsonWriter::AppendQuoted(std::string& out, std::string_view value) {
  out += '"';
  for (size_t i = 0; i < value.size();) {
    // Most text needs no escape: copy runs of plain ASCII at once.
    const size_t plain = PlainRunEnd(value, i);
    if (plain > i) {
      out.append(value.substr(i, plain - i));
      i = plain;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x80) {
      AppendEscaped(out, c);
      ++i;
      continue;
    }
    const size_t len = ValidSequenceLength(value, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else if (len == 3 && c == 0xE2 && static_cast<unsigned char>(value[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(value[i + 2]) & 0xFE) == 0xA8) {
      // U+2028 and U+2029 are valid JSON but break JavaScript string literals.
      out += static_cast<unsigned char>(value[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 3;
    } else {
      out.append(value.substr(i, len));
      i += len;
    }
  }
  out += '"';
}

JsonWriter::JsonWriter(std::ostream& out, int indent) : out_(out), indent_(indent) {}

JsonWriter::~JsonWriter() { Flush(); }

void JsonWriter::Flush() {
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

// Text goes to the stream in blocks: a large report is millions of small pieces, and
// each `<<` on an ostream costs a sentry and a virtual call.
void JsonWriter::Done() {
  if (stack_.empty() || buf_.size() >= kBlock) Flush();
}

void JsonWriter::NewLine() {
  if (indent_ <= 0) return;
  buf_ += '\n';
  buf_.append(stack_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (stack_.back().count++ > 0) buf_ += ',';
  NewLine();
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  buf_ += bracket;
  stack_.push_back({});
}

void JsonWriter::Close(char bracket) {
  const bool empty = stack_.empty() || stack_.back().count == 0;
  if (!stack_.empty()) stack_.pop_back();
  if (!empty) NewLine();
  buf_ += bracket;
  if (stack_.empty()) buf_ += '\n';
  Done();
}

void JsonWriter::BeginObject() { Open('{'); }
void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::BeginArray() { Open('['); }
void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendQuoted(buf_, key);
  buf_ += indent_ > 0 ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(buf_, value);
  Done();
}

void JsonWriter::StringOrNull(std::string_view value) {
  if (value.empty()) Null();
  else String(value);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char digits[24];
  buf_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
  Done();
}

void JsonWriter::UInt(uint64_t value) {
  BeforeValue();
  char digits[24];
  buf_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
  Done();
}

void JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    buf_ += "null";
    Done();
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  // Prefer the shortest form that reads back the same, for stable, readable output.
  for (int precision = 1; precision <= 17; ++precision) {
    char shorter[32];
    std::snprintf(shorter, sizeof shorter, "%.*g", precision, value);
    if (std::strtod(shorter, nullptr) == value) {
      buf_ += shorter;
      Done();
      return;
    }
  }
  buf_ += buf;
  Done();
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  buf_ += value ? "true" : "false";
  Done();
}

void JsonWriter::Null() {
  BeforeValue();
  buf_ += "null";
  Done();
}

}  // namespace gdpr::util
