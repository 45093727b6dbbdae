// A strict little JSON validator for tests: accepts exactly RFC 8259 JSON in valid UTF-8
// (no raw control characters in strings). Returns an empty string when `text` is valid,
// else what is wrong and where.
#pragma once

#include <string>
#include <string_view>

#include "util/utf8.h"

namespace gdpr::report::testing {

class JsonCheck {
 public:
  static std::string Validate(std::string_view text) {
    JsonCheck c{text};
    c.Ws();
    if (!c.Value()) return c.error_;
    c.Ws();
    if (c.pos_ != text.size()) return "trailing text at " + std::to_string(c.pos_);
    return "";
  }

 private:
  explicit JsonCheck(std::string_view t) : t_(t) {}
  bool Fail(const char* what) {
    error_ = std::string(what) + " at byte " + std::to_string(pos_);
    return false;
  }
  void Ws() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\n' || t_[pos_] == '\t' || t_[pos_] == '\r')) ++pos_;
  }
  bool Lit(std::string_view word) {
    if (t_.substr(pos_, word.size()) != word) return Fail("bad literal");
    pos_ += word.size();
    return true;
  }
  bool Value() {
    if (pos_ >= t_.size()) return Fail("unexpected end");
    char c = t_[pos_];
    if (c == '{') return Container('}', true);
    if (c == '[') return Container(']', false);
    if (c == '"') return String();
    if (c == 't') return Lit("true");
    if (c == 'f') return Lit("false");
    if (c == 'n') return Lit("null");
    return Number();
  }
  bool Container(char close, bool object) {
    ++pos_;
    Ws();
    if (pos_ < t_.size() && t_[pos_] == close) return ++pos_, true;
    while (true) {
      Ws();
      if (object) {
        if (pos_ >= t_.size() || t_[pos_] != '"' || !String()) return Fail("expected key");
        Ws();
        if (pos_ >= t_.size() || t_[pos_] != ':') return Fail("expected ':'");
        ++pos_;
        Ws();
      }
      if (!Value()) return false;
      Ws();
      if (pos_ >= t_.size()) return Fail("unterminated container");
      if (t_[pos_] == ',') { ++pos_; continue; }
      if (t_[pos_] == close) return ++pos_, true;
      return Fail("expected ',' or close");
    }
  }
  bool String() {
    ++pos_;
    while (pos_ < t_.size()) {
      unsigned char c = static_cast<unsigned char>(t_[pos_]);
      if (c == '"') return ++pos_, true;
      if (c < 0x20) return Fail("raw control character in string");
      if (c == '\\') {
        if (pos_ + 1 >= t_.size()) return Fail("bad escape");
        char e = t_[pos_ + 1];
        if (e == 'u') {
          for (int i = 2; i < 6; ++i)
            if (pos_ + i >= t_.size() || !isxdigit(static_cast<unsigned char>(t_[pos_ + i]))) return Fail("bad \\u");
          pos_ += 6;
        } else if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) {
          pos_ += 2;
        } else {
          return Fail("bad escape");
        }
        continue;
      }
      char32_t cp;
      size_t len = util::DecodeUtf8(t_, pos_, cp);
      if (len == 0) return Fail("invalid UTF-8");
      pos_ += len;
    }
    return Fail("unterminated string");
  }
  bool Number() {
    size_t start = pos_;
    if (pos_ < t_.size() && t_[pos_] == '-') ++pos_;
    while (pos_ < t_.size() && (isdigit(static_cast<unsigned char>(t_[pos_])) || t_[pos_] == '.' ||
                                t_[pos_] == 'e' || t_[pos_] == 'E' || t_[pos_] == '+' || t_[pos_] == '-'))
      ++pos_;
    if (pos_ == start) return Fail("unexpected character");
    return true;
  }

  std::string_view t_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace gdpr::report::testing
