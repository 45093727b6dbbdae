#include "util/json_writer.h"

#include <cassert>
#include <cmath>
#include <cstdio>

#include "util/utf8.h"

namespace gdpr::util {

JsonWriter::~JsonWriter() {
  if (done_) out_ << '\n';
}

std::string JsonWriter::Quote(std::string_view text) {
  std::string out = "\"";
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp;
    size_t len = DecodeUtf8(text, pos, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
      continue;
    }
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        // Control characters, DEL and the JavaScript line separators are escaped so the
        // output is safe to paste anywhere.
        if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
          out += buf;
        } else {
          out.append(text, pos, len);
        }
    }
    pos += len;
  }
  out += '"';
  return out;
}

void JsonWriter::Newline() {
  out_ << '\n';
  for (size_t i = 0; i < stack_.size(); ++i) out_ << "  ";
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  assert(!stack_.back().is_object && "a value inside an object needs a Key first");
  if (!stack_.back().empty) out_ << ',';
  stack_.back().empty = false;
  Newline();
}

void JsonWriter::Key(std::string_view key) {
  assert(!stack_.empty() && stack_.back().is_object);
  if (!stack_.back().empty) out_ << ',';
  stack_.back().empty = false;
  Newline();
  out_ << Quote(key) << ": ";
  after_key_ = true;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_ << '{';
  stack_.push_back({true});
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_ << '[';
  stack_.push_back({false});
}

void JsonWriter::Close(char bracket) {
  assert(!stack_.empty());
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) Newline();
  out_ << bracket;
  if (stack_.empty()) done_ = true;
}

void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  out_ << Quote(value);
  if (stack_.empty()) done_ = true;
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  out_ << value;
  if (stack_.empty()) done_ = true;
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ << (value ? "true" : "false");
  if (stack_.empty()) done_ = true;
}

void JsonWriter::Null() {
  BeforeValue();
  out_ << "null";
  if (stack_.empty()) done_ = true;
}

void JsonWriter::Double(double value) {
  if (!std::isfinite(value)) return Null();
  BeforeValue();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  out_ << buf;
  if (stack_.empty()) done_ = true;
}

}  // namespace gdpr::util
