// JSON field helpers for the reporters: `Key` plus a value in one call, on top of the
// core util::JsonWriter API (Begin/End, Key, String, Int, Bool, Null) only, so they work
// with any writer that offers it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/json_writer.h"

namespace gdpr::report {

inline void Field(util::JsonWriter& w, std::string_view key, std::string_view value) {
  w.Key(key);
  w.String(value);
}
inline void Field(util::JsonWriter& w, std::string_view key, const char* value) {
  w.Key(key);
  w.String(value);
}
inline void Field(util::JsonWriter& w, std::string_view key, const std::string& value) {
  w.Key(key);
  w.String(value);
}
inline void Field(util::JsonWriter& w, std::string_view key, int64_t value) {
  w.Key(key);
  w.Int(value);
}
inline void Field(util::JsonWriter& w, std::string_view key, int value) {
  w.Key(key);
  w.Int(value);
}
inline void Field(util::JsonWriter& w, std::string_view key, bool value) {
  w.Key(key);
  w.Bool(value);
}
// Key(key) followed by an array of strings.
inline void StringArray(util::JsonWriter& w, std::string_view key, const std::vector<std::string>& values) {
  w.Key(key);
  w.BeginArray();
  for (const std::string& v : values) w.String(v);
  w.EndArray();
}

}  // namespace gdpr::report
