#include "util/json_writer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <sstream>

using gdpr::util::JsonWriter;

namespace {

// True when `s` is well-formed UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF).
bool IsValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
               : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

}  // namespace

TEST_CASE("util::JsonWriter writes nested, indented, deterministic JSON") {
  std::ostringstream out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("format_version");
  w.Int(1);
  w.Key("names");
  w.BeginArray();
  w.String("a");
  w.String("b");
  w.EndArray();
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.Key("obj");
  w.BeginObject();
  w.EndObject();
  w.Key("special");
  w.StringOrNull("");
  w.Key("ok");
  w.Bool(true);
  w.Key("ratio");
  w.Double(0.1);
  w.Key("nan");
  w.Double(std::nan(""));
  w.Key("big");
  w.UInt(18446744073709551615ull);
  w.EndObject();
  CHECK(out.str() ==
        "{\n  \"format_version\": 1,\n  \"names\": [\n    \"a\",\n    \"b\"\n  ],\n  \"empty\": [],\n"
        "  \"obj\": {},\n  \"special\": null,\n  \"ok\": true,\n  \"ratio\": 0.1,\n  \"nan\": null,\n"
        "  \"big\": 18446744073709551615\n}\n");
}

TEST_CASE("util::JsonWriter compact mode") {
  std::ostringstream out;
  JsonWriter w(out, 0);
  w.BeginArray();
  w.Int(-3);
  w.Null();
  w.Double(2.5);
  w.EndArray();
  CHECK(out.str() == "[-3,null,2.5]\n");
}

TEST_CASE("util::JsonWriter escapes control characters and replaces invalid UTF-8") {
  CHECK(JsonWriter::Quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(JsonWriter::Quote("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
  CHECK(JsonWriter::Quote(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
  CHECK(JsonWriter::Quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
  CHECK(JsonWriter::Quote("prénom Straße €") == "\"prénom Straße €\"");
  CHECK(JsonWriter::Quote("\xF0\x9F\x98\x80") == "\"\xF0\x9F\x98\x80\"");        // U+1F600 stays
  CHECK(JsonWriter::Quote("\xff") == "\"\xEF\xBF\xBD\"");                          // not UTF-8
  CHECK(JsonWriter::Quote("\x80x") == "\"\xEF\xBF\xBDx\"");                        // stray continuation
  CHECK(JsonWriter::Quote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");          // overlong '/'
  CHECK(JsonWriter::Quote("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  CHECK(JsonWriter::Quote("\xF4\x90\x80\x80").find("\xEF\xBF\xBD") != std::string::npos);  // > U+10FFFF
  CHECK(JsonWriter::Quote("ab\xE2\x82") == "\"ab\xEF\xBF\xBD\xEF\xBF\xBD\"");      // truncated
  CHECK(JsonWriter::Quote("\xE2\x80\xA8") == "\"\\u2028\"");
}

TEST_CASE("util::JsonWriter quotes a byte the same wherever it lies in a long plain string") {
  // Plain text is scanned eight bytes at a time; one special byte at each position of a
  // word, or in the tail after the last whole word, must be found all the same.
  for (int b = 0; b < 256; ++b) {
    const std::string alone = JsonWriter::Quote(std::string(1, static_cast<char>(b)));
    const std::string escaped = alone.substr(1, alone.size() - 2);
    for (size_t at = 0; at < 21; ++at) {
      std::string text(21, 'a');
      text[at] = static_cast<char>(b);
      CAPTURE(b);
      CAPTURE(at);
      CHECK(JsonWriter::Quote(text) == "\"" + std::string(at, 'a') + escaped + std::string(20 - at, 'a') + "\"");
    }
  }
  CHECK(JsonWriter::Quote("0123456789abcdef~ !") == "\"0123456789abcdef~ !\"");
}

TEST_CASE("util::JsonWriter output is valid UTF-8 without raw control bytes for any input") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string s(static_cast<size_t>(rng() % 24), '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    const std::string q = JsonWriter::Quote(s);
    INFO("round " << round);
    CHECK(IsValidUtf8(q));
    CHECK(std::none_of(q.begin(), q.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    CHECK(q.front() == '"');
    CHECK(q.back() == '"');
  }
}

TEST_CASE("util::JsonWriter has written the document when its root closes, however large") {
  std::ostringstream out;
  gdpr::util::JsonWriter w(out, 0);
  w.BeginArray();
  for (int i = 0; i < 20000; ++i) w.Int(i);  // far more than one buffered block
  CHECK(out.str().size() > 0);               // full blocks went out on the way
  w.EndArray();
  std::string text = out.str();  // the writer is still alive
  REQUIRE(text.size() > 100000);
  CHECK(text.substr(0, 8) == "[0,1,2,3");
  CHECK(text.substr(text.size() - 7) == "19999]\n");
}

TEST_CASE("util::JsonWriter writes a scalar document at once, and what is left when destroyed") {
  std::ostringstream out;
  {
    gdpr::util::JsonWriter w(out);
    w.String("alone");
    CHECK(out.str() == "\"alone\"");
  }
  std::ostringstream partial;
  {
    gdpr::util::JsonWriter w(partial);
    w.BeginObject();
    w.Key("a");
  }
  CHECK(partial.str() == "{\n  \"a\": ");
}
