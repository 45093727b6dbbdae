// JsonWriter: a small streaming JSON writer, pretty-printed with a two-space indent.
// Every string it writes is valid JSON whatever bytes it is given: control characters
// are escaped and invalid UTF-8 becomes U+FFFD. Keys are written in the order given, so
// output is deterministic when callers are.
//
//   util::JsonWriter w(out);
//   w.BeginObject(); w.Key("name"); w.String("gdpr-audit"); w.EndObject();
//
// Misuse (a value without a Key inside an object, unbalanced End*) is a programming
// error; the writer does not check it beyond debug assertions.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace gdpr::util {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  // Ends the document with a newline once the outermost value is closed.
  ~JsonWriter();

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  void Bool(bool value);
  void Null();
  // Writes `value` as a number when it is finite, else null.
  void Double(double value);

  // `text` as a JSON string literal, quotes included.
  static std::string Quote(std::string_view text);

 private:
  struct Level {
    bool is_object;
    bool empty = true;
  };
  void BeforeValue();
  void Close(char bracket);
  void Newline();

  std::ostream& out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
  bool done_ = false;
};

}  // namespace gdpr::util
