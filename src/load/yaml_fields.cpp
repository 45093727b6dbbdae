#include "load/yaml_fields.h"

#include <algorithm>
#include <cctype>

#include "util/edit_distance.h"
#include "util/text.h"

namespace gdpr::load {
namespace {


}  // namespace

std::string Quote(std::string_view s) {
  std::string quoted;
  quoted.reserve(s.size() + 2);
  quoted += '\'';
  quoted += s;
  quoted += '\'';
  return quoted;
}

bool ExpectScalar(const YamlNode& node, std::string_view field, model::Diagnostics& diags) {
  if (node.IsScalar()) return true;
  diags.Error(node.Location(),
              Quote(field) + " expects a single value, found " + node.KindName());
  return false;
}

std::optional<bool> ParseYamlBool(std::string_view text) {
  std::string s = util::AsciiLower(text);
  if (s == "true" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "no" || s == "off") return false;
  return std::nullopt;
}

std::optional<int64_t> ParseCount(std::string_view text) {
  int64_t value = 0;
  int digits = 0;
  for (char c : text) {
    if (c == '_' && digits > 0) continue;
    if (!std::isdigit(static_cast<unsigned char>(c)) || ++digits > 18) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  return value;
}

FieldReader::FieldReader(const YamlNode& node, std::string what, model::Diagnostics& diags,
                         model::Located* located)
    : node_(node), what_(std::move(what)), diags_(diags), located_(located), ok_(node.IsMap()) {
  if (!ok_) {
    diags_.Error(node.Location(), what_ + " must be a mapping of fields, found " + node.KindName());
    return;
  }
  ReportRepeatedKeys();
  if (!located) return;
  located->loc = node.Location();
  located->field_locs.Reserve(node.entries.size());
  for (const auto& [k, v] : node.entries)
    if (k.IsScalar()) {
      const YamlNode& at = v.IsScalar() ? v : k;
      located->field_locs.Add(k.scalar, {at.line, at.column});
    }
}

// yaml-cpp keeps both entries of a repeated key and Find() sees only the first, so the
// second would be dropped silently.
void FieldReader::ReportRepeatedKeys() const {
  for (size_t i = 0; i < node_.entries.size(); ++i) {
    const YamlNode& key = node_.entries[i].first;
    if (!key.IsScalar()) continue;
    for (size_t j = 0; j < i; ++j) {
      const YamlNode& earlier = node_.entries[j].first;
      if (earlier.IsScalar() && earlier.scalar == key.scalar) {
        diags_.Error(key.Location(), Quote(key.scalar) + " is written twice in " + what_,
                     "the first is at line " + std::to_string(earlier.line) + "; keep one");
        break;
      }
    }
  }
}

void FieldReader::WarnUnknownKeys(std::initializer_list<std::string_view> known) const {
  if (!ok_) return;
  std::vector<std::string> names(known.begin(), known.end());
  for (const auto& [k, v] : node_.entries) {
    if (!k.IsScalar()) {
      diags_.Error(k.Location(), "a field name must be a single word, found " + std::string(k.KindName()));
      continue;
    }
    if (std::find(names.begin(), names.end(), k.scalar) != names.end()) continue;
    std::string hint = util::DidYouMean(k.scalar, names);
    if (hint.empty()) {
      hint = "known fields: ";
      for (size_t i = 0; i < names.size(); ++i) hint += (i ? ", " : "") + names[i];
    }
    diags_.Warning(k.Location(), "unknown field '" + k.scalar + "' in " + what_ + " (ignored)", hint);
  }
}

const YamlNode* FieldReader::Value(std::string_view key) const {
  if (!ok_) return nullptr;
  const YamlNode* v = node_.Find(key);
  return v && !v->IsNull() ? v : nullptr;
}

model::SourceLocation FieldReader::KeyLocation(std::string_view key) const {
  const YamlNode* k = ok_ ? node_.FindKey(key) : nullptr;
  return k ? k->Location() : node_.Location();
}

std::optional<std::string> FieldReader::String(std::string_view key) const {
  const YamlNode* v = Value(key);
  if (!v || !ExpectScalar(*v, key, diags_) || v->scalar.empty()) return std::nullopt;
  return v->scalar;
}

std::optional<std::string> FieldReader::RequiredString(std::string_view key) const {
  if (!ok_) return std::nullopt;
  if (!Value(key)) {
    diags_.Error(KeyLocation(key), what_ + " needs '" + std::string(key) + "'");
    return std::nullopt;
  }
  auto s = String(key);
  if (!s && Value(key)->IsScalar())
    diags_.Error(Value(key)->Location(), Quote(key) + " must not be empty");
  return s;
}

std::optional<bool> FieldReader::Bool(std::string_view key) const {
  const YamlNode* v = Value(key);
  if (!v || !ExpectScalar(*v, key, diags_)) return std::nullopt;
  auto b = ParseYamlBool(v->scalar);
  if (!b) diags_.Error(v->Location(), Quote(key) + " must be true or false, found '" + v->scalar + "'");
  return b;
}

std::optional<int64_t> FieldReader::Count(std::string_view key) const {
  const YamlNode* v = Value(key);
  if (!v || !ExpectScalar(*v, key, diags_)) return std::nullopt;
  auto n = ParseCount(v->scalar);
  if (!n)
    diags_.Error(v->Location(), Quote(key) + " must be a whole number, found '" + v->scalar + "'",
                 "write digits only, for example 120000 or 120_000");
  return n;
}

std::optional<std::vector<const YamlNode*>> FieldReader::ScalarList(std::string_view key) const {
  const YamlNode* v = Value(key);
  if (!v) return std::nullopt;
  if (!v->IsSequence()) {
    std::string hint = v->IsScalar() ? "write a list, even of one: " + std::string(key) + ": [" + v->scalar + "]" : "";
    diags_.Error(v->Location(), Quote(key) + " expects a list, found " + v->KindName(), hint);
    return std::nullopt;
  }
  std::vector<const YamlNode*> items;
  std::vector<model::Located::Position> positions;
  positions.reserve(v->items.size());
  for (size_t i = 0; i < v->items.size(); ++i) {
    const YamlNode& item = v->items[i];
    positions.push_back({item.line, item.column});
    if (!item.IsScalar()) {
      diags_.Error(item.Location(), "each item of '" + std::string(key) + "' must be a single value, found " +
                                        item.KindName());
      continue;
    }
    items.push_back(&item);
  }
  if (located_) located_->item_locs[std::string(key)] = std::move(positions);
  return items;
}

std::optional<std::vector<std::string>> FieldReader::StringList(std::string_view key) const {
  auto items = ScalarList(key);
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  for (const YamlNode* item : *items) out.push_back(item->scalar);
  return out;
}

}  // namespace gdpr::load
