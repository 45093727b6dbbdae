#include <doctest/doctest.h>

#include <sstream>

#include "util/json_writer.h"

using gdpr::util::JsonWriter;

TEST_CASE("util::JsonWriter pretty-prints nested values with a two-space indent") {
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.BeginObject();
    w.Key("name");
    w.String("gdpr-audit");
    w.Key("n");
    w.Int(-3);
    w.Key("list");
    w.BeginArray();
    w.Bool(true);
    w.Null();
    w.BeginObject();
    w.EndObject();
    w.EndArray();
    w.Key("empty");
    w.BeginArray();
    w.EndArray();
    w.EndObject();
  }
  CHECK(out.str() ==
        "{\n"
        "  \"name\": \"gdpr-audit\",\n"
        "  \"n\": -3,\n"
        "  \"list\": [\n"
        "    true,\n"
        "    null,\n"
        "    {}\n"
        "  ],\n"
        "  \"empty\": []\n"
        "}\n");
}

TEST_CASE("util::JsonWriter escapes control characters and replaces invalid UTF-8") {
  CHECK(JsonWriter::Quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(JsonWriter::Quote("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
  CHECK(JsonWriter::Quote(std::string("\x01\x1f\x7f\0", 4)) == "\"\\u0001\\u001f\\u007f\\u0000\"");
  CHECK(JsonWriter::Quote("\xE2\x80\xA8") == "\"\\u2028\"");
  CHECK(JsonWriter::Quote("ok \xC3\xA9 \xFF") == "\"ok \xC3\xA9 \xEF\xBF\xBD\"");
}
