// JsonWriter: a small streaming JSON writer with correct escaping and deterministic,
// indented output, shared by the reporters.
//
// Strings may hold any bytes: control characters are escaped (\n, \u0001) and bytes
// that are not valid UTF-8 (stray continuation bytes, overlong forms, surrogates,
// code points above U+10FFFF, truncated sequences) become U+FFFD, so the output is
// always valid JSON and valid UTF-8. Non-finite numbers are written as null.
//
//   util::JsonWriter w(out);
//   w.BeginObject();
//   w.Key("format_version"); w.Int(1);
//   w.Key("names"); w.BeginArray(); w.String("a"); w.EndArray();
//   w.EndObject();   // also writes the final newline
//
// Calls must nest properly (a Key before every value in an object); the writer
// does not check this beyond keeping commas and indentation right.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace gdpr::util {

class JsonWriter {
 public:
  // `indent` spaces per level; 0 writes everything on one line.
  explicit JsonWriter(std::ostream& out, int indent = 2);
  // Writes what is still buffered (a document is written out when its root closes).
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void UInt(uint64_t value);
  void Double(double value);
  void Bool(bool value);
  void Null();
  // A string, or null when `value` is empty.
  void StringOrNull(std::string_view value);

  // `value` as a quoted JSON string literal (escaped, invalid UTF-8 replaced).
  static std::string Quote(std::string_view value);

 private:
  static void AppendQuoted(std::string& out, std::string_view value);  // Quote, appended
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void NewLine();
  void Done();  // after a value: writes the buffer out at the end of the document or when full
  void Flush();

  static constexpr size_t kBlock = 1 << 16;

  struct Level {
    int count = 0;
  };
  std::ostream& out_;
  std::string buf_;  // text not yet written to out_
  int indent_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace gdpr::util
