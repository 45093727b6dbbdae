// FieldValue: the value of one field of an audit subject (a purpose's legal_basis, a
// column's categories, a system's transfer zone...), as rule conditions see it.
// A value is missing, a string, a boolean, a number, a list of strings or a duration.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/iso_duration.h"

namespace gdpr::analysis {

struct FieldValue {
  enum class Kind { kMissing, kString, kBool, kNumber, kList, kDuration };

  Kind kind = Kind::kMissing;
  std::string text;                // kString; for kDuration the duration as written
  bool flag = false;               // kBool
  double number = 0;               // kNumber
  std::vector<std::string> items;  // kList
  util::IsoDuration duration;      // kDuration

  // An empty string is missing: a field written empty says nothing.
  static FieldValue String(std::string s);
  static FieldValue Bool(bool b);
  static FieldValue Number(double n);
  static FieldValue List(std::vector<std::string> items);
  static FieldValue Duration(const util::IsoDuration& d, std::string written);

  // False for missing values and empty lists.
  bool Exists() const;
  // The value as strings: a string, each list item, "true"/"false", a number or the
  // duration as written; empty when missing.
  std::vector<std::string> Items() const;
  // The value for a message: list items joined with ", ", "(none)" when missing or empty.
  std::string ToString() const;

  // True when `pred` holds for one of Items(), without copying them (conditions call
  // this once per subject and rule, so it must not allocate for strings and lists).
  template <typename Pred>
  bool AnyItem(Pred&& pred) const {
    switch (kind) {
      case Kind::kMissing: return false;
      case Kind::kString:
      case Kind::kDuration: return pred(std::string_view(text));
      case Kind::kBool: return pred(std::string_view(flag ? "true" : "false"));
      case Kind::kList:
        for (const std::string& item : items)
          if (pred(std::string_view(item))) return true;
        return false;
      case Kind::kNumber: break;
    }
    for (const std::string& item : Items())
      if (pred(std::string_view(item))) return true;
    return false;
  }

  // In-place setters for records that are rebuilt for every column: they keep the
  // string and vector capacity of the previous value instead of allocating anew.
  void SetString(std::string_view s);
  void SetBool(bool b);
  void SetNumber(double n);
  void SetDuration(const util::IsoDuration& d, std::string_view written);
  void SetList(const std::vector<std::string>& list);
  // Makes this a list of `n` items and returns them to be written in place (the first
  // items keep their buffers).
  std::vector<std::string>& ResizeList(size_t n);
  void SetMissing();
};

}  // namespace gdpr::analysis
