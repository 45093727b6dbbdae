#include "analysis/field_value.h"

#include <cmath>

#include <fmt/format.h>

namespace gdpr::analysis {

FieldValue FieldValue::String(std::string s) {
  FieldValue v;
  if (s.empty()) return v;
  v.kind = Kind::kString;
  v.text = std::move(s);
  return v;
}

FieldValue FieldValue::Bool(bool b) {
  FieldValue v;
  v.kind = Kind::kBool;
  v.flag = b;
  return v;
}

FieldValue FieldValue::Number(double n) {
  FieldValue v;
  v.kind = Kind::kNumber;
  v.number = n;
  return v;
}

FieldValue FieldValue::List(std::vector<std::string> items) {
  FieldValue v;
  v.kind = Kind::kList;
  v.items = std::move(items);
  return v;
}

FieldValue FieldValue::Duration(const util::IsoDuration& d, std::string written) {
  FieldValue v;
  v.SetDuration(d, written);
  return v;
}

bool FieldValue::Exists() const {
  if (kind == Kind::kMissing) return false;
  if (kind == Kind::kList) return !items.empty();
  return true;
}

std::vector<std::string> FieldValue::Items() const {
  switch (kind) {
    case Kind::kMissing: return {};
    case Kind::kString:
    case Kind::kDuration: return {text};
    case Kind::kBool: return {flag ? "true" : "false"};
    case Kind::kNumber:
      if (std::floor(number) == number) return {fmt::format("{}", static_cast<long long>(number))};
      return {fmt::format("{}", number)};
    case Kind::kList: return items;
  }
  return {};
}

std::string FieldValue::ToString() const {
  std::vector<std::string> all = Items();
  if (all.empty()) return "(none)";
  return fmt::format("{}", fmt::join(all, ", "));
}

void FieldValue::SetString(std::string_view s) {
  kind = s.empty() ? Kind::kMissing : Kind::kString;
  text.assign(s);
}

void FieldValue::SetBool(bool b) {
  kind = Kind::kBool;
  flag = b;
}

void FieldValue::SetNumber(double n) {
  kind = Kind::kNumber;
  number = n;
}

void FieldValue::SetDuration(const util::IsoDuration& d, std::string_view written) {
  kind = Kind::kDuration;
  duration = d;
  if (written.empty()) text = d.ToString();
  else text.assign(written);
}

void FieldValue::SetList(const std::vector<std::string>& list) {
  kind = Kind::kList;
  items = list;  // copy-assignment reuses the existing elements' buffers
}

std::vector<std::string>& FieldValue::ResizeList(size_t n) {
  kind = Kind::kList;
  items.resize(n);
  return items;
}

void FieldValue::SetMissing() { kind = Kind::kMissing; }

}  // namespace gdpr::analysis
