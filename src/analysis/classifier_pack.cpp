#include "analysis/classifier_pack.h"

#include <charconv>

#include "load/yaml_parser.h"
#include "util/edit_distance.h"

namespace gdpr::analysis {
namespace {

using load::YamlNode;

const std::vector<std::string> kSections = {"normalizer", "contexts", "patterns"};
const std::vector<std::string> kNormalizerFields = {"abbreviations", "strip_prefixes", "known_words"};
const std::vector<std::string> kPatternFields = {
    "id", "category", "name", "comment", "types", "not_types", "not",
    "table", "not_table", "confidence", "description"};

void UnknownField(const YamlNode& key, const char* where, const std::vector<std::string>& known,
                  model::Diagnostics& diags) {
  diags.Error(key.Location(), "unknown field '" + key.scalar + "' in " + where,
              util::DidYouMean(key.scalar, known));
}

// A scalar, or a list of scalars; anything else is reported.
std::vector<const YamlNode*> ScalarList(const YamlNode& node, const std::string& field,
                                        model::Diagnostics& diags) {
  std::vector<const YamlNode*> out;
  if (node.IsScalar()) {
    out.push_back(&node);
  } else if (node.IsSequence()) {
    for (const YamlNode& item : node.items) {
      if (item.IsScalar()) out.push_back(&item);
      else diags.Error(item.Location(), "'" + field + "' items must be single values, found " + item.KindName());
    }
  } else {
    diags.Error(node.Location(), "'" + field + "' must be a value or a list, found " + node.KindName());
  }
  return out;
}

PackRegex ReadRegex(const YamlNode& node, const std::string& field, model::Diagnostics& diags) {
  if (!node.IsScalar() || node.scalar.empty()) {
    diags.Error(node.Location(), "'" + field + "' must be a non-empty regular expression");
    return {};
  }
  return {node.scalar, node.Location()};
}

std::vector<PackRegex> ReadRegexList(const YamlNode& node, const std::string& field,
                                     model::Diagnostics& diags) {
  std::vector<PackRegex> out;
  for (const YamlNode* item : ScalarList(node, field, diags)) {
    PackRegex r = ReadRegex(*item, field, diags);
    if (r.present()) out.push_back(std::move(r));
  }
  return out;
}

// Several regexes for one field become one alternation; a bad one is still located.
PackRegex ReadJoinedRegex(const YamlNode& node, const std::string& field, model::Diagnostics& diags) {
  std::vector<PackRegex> list = ReadRegexList(node, field, diags);
  if (list.size() <= 1) return list.empty() ? PackRegex{} : list[0];
  PackRegex joined{"", list[0].where};
  for (const PackRegex& r : list) {
    if (!joined.source.empty()) joined.source += '|';
    joined.source.append("(?:").append(r.source).append(")");
  }
  return joined;
}

PackNames ReadNames(const YamlNode& node, const std::string& field, model::Diagnostics& diags) {
  PackNames out{{}, node.Location()};
  for (const YamlNode* item : ScalarList(node, field, diags)) out.names.push_back(item->scalar);
  return out;
}

void ReadCategories(const YamlNode& node, const Taxonomy& taxonomy, ClassifierPattern& p,
                    model::Diagnostics& diags) {
  for (const YamlNode* item : ScalarList(node, "category", diags)) {
    const std::string& key = item->scalar;
    if (key == "none") continue;  // a negative pattern
    if (taxonomy.Contains(TaxonomyKind::kDataCategory, key)) {
      p.categories.push_back(key);
    } else if (auto repl = taxonomy.Replacement(TaxonomyKind::kDataCategory, key)) {
      diags.Warning(item->Location(), "data category '" + key + "' is deprecated", "use '" + *repl + "'");
      p.categories.push_back(*repl);
    } else {
      std::string hint = taxonomy.Suggest(TaxonomyKind::kDataCategory, key);
      diags.Error(item->Location(), "unknown data category '" + key + "'",
                  hint.empty() ? "use a key of rules/taxonomy.yaml, or 'none' for a negative pattern" : hint);
    }
  }
}

void ReadConfidence(const YamlNode& node, ClassifierPattern& p, model::Diagnostics& diags) {
  int value = -1;
  const std::string& s = node.scalar;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (!node.IsScalar() || ec != std::errc() || ptr != s.data() + s.size() || value < 0 || value > 100) {
    diags.Error(node.Location(), "confidence must be a whole number from 0 to 100");
    return;
  }
  p.confidence = value;
}

void ReadPatternField(const YamlNode& key, const YamlNode& value, const Taxonomy& taxonomy,
                      ClassifierPattern& p, model::Diagnostics& diags) {
  const std::string& k = key.scalar;
  if (k == "id") p.id = value.scalar;
  else if (k == "category") ReadCategories(value, taxonomy, p, diags);
  else if (k == "name") p.name = ReadJoinedRegex(value, k, diags);
  else if (k == "comment") p.comment = ReadJoinedRegex(value, k, diags);
  else if (k == "types") p.types = ReadJoinedRegex(value, k, diags);
  else if (k == "not_types") p.not_types = ReadJoinedRegex(value, k, diags);
  else if (k == "not") p.nots = ReadRegexList(value, k, diags);
  else if (k == "table") p.tables = ReadNames(value, k, diags);
  else if (k == "not_table") p.not_tables = ReadNames(value, k, diags);
  else if (k == "confidence") ReadConfidence(value, p, diags);
  else if (k == "description") p.description = value.scalar;
  else UnknownField(key, "a classifier pattern", kPatternFields, diags);
}

std::optional<ClassifierPattern> ReadPattern(const YamlNode& node, const Taxonomy& taxonomy,
                                             const std::string& pack, model::Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(node.Location(), std::string("a pattern is a mapping, found ") + node.KindName());
    return std::nullopt;
  }
  ClassifierPattern p;
  p.pack = pack;
  p.where = node.Location();
  for (const auto& [k, v] : node.entries) ReadPatternField(k, v, taxonomy, p, diags);
  if (const YamlNode* id = node.Find("id")) p.where = id->Location();
  bool ok = true;
  if (p.id.empty()) {
    diags.Error(node.Location(), "pattern has no 'id'");
    ok = false;
  }
  if (!node.Find("category")) {
    diags.Error(p.where, "pattern '" + p.id + "' has no 'category'", "use 'none' for a negative pattern");
    ok = false;
  }
  if (!p.name.present() && !p.comment.present() && !p.types.present()) {
    diags.Error(p.where, "pattern '" + p.id + "' needs a 'name', 'comment' or 'types'");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

void ReadNormalizer(const YamlNode& node, ClassifierPack& pack, model::Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(node.Location(), "'normalizer' must be a mapping");
    return;
  }
  for (const auto& [k, v] : node.entries) {
    if (k.scalar == "abbreviations") {
      if (!v.IsMap()) {
        diags.Error(v.Location(), "'abbreviations' maps an abbreviation to its expansion");
        continue;
      }
      for (const auto& [from, to] : v.entries)
        pack.abbreviations.push_back({PackRegex{from.scalar, from.Location()}, to.scalar});
    } else if (k.scalar == "strip_prefixes") {
      for (const YamlNode* item : ScalarList(v, k.scalar, diags)) pack.strip_prefixes.push_back(item->scalar);
    } else if (k.scalar == "known_words") {
      for (const YamlNode* item : ScalarList(v, k.scalar, diags)) pack.known_words.push_back(item->scalar);
    } else {
      UnknownField(k, "'normalizer'", kNormalizerFields, diags);
    }
  }
}

// Either a mapping (class -> patterns) or a list of one-entry mappings, which lets a
// class appear twice (an exception listed before a broader class).
void ReadContexts(const YamlNode& node, ClassifierPack& pack, model::Diagnostics& diags) {
  std::vector<const YamlNode*> maps;
  if (node.IsMap()) maps.push_back(&node);
  else if (node.IsSequence())
    for (const YamlNode& item : node.items) maps.push_back(&item);
  for (const YamlNode* m : maps) {
    if (!m->IsMap()) {
      diags.Error(m->Location(), "'contexts' maps a class name to table-name patterns");
      continue;
    }
    for (const auto& [k, v] : m->entries)
      pack.contexts.push_back({k.scalar, ReadRegexList(v, k.scalar, diags)});
  }
  if (maps.empty()) diags.Error(node.Location(), "'contexts' maps a class name to table-name patterns");
}

void ReadPatterns(const YamlNode& node, const Taxonomy& taxonomy, ClassifierPack& pack,
                  model::Diagnostics& diags) {
  if (!node.IsSequence()) {
    diags.Error(node.Location(), "'patterns' must be a list");
    return;
  }
  for (const YamlNode& item : node.items)
    if (auto p = ReadPattern(item, taxonomy, pack.path, diags)) pack.patterns.push_back(std::move(*p));
}

}  // namespace

std::optional<ClassifierPack> ClassifierPack::Parse(std::string_view text, std::string_view name,
                                                    const Taxonomy& taxonomy,
                                                    model::Diagnostics& diags) {
  auto root = load::ParseYaml(text, name, diags);
  if (!root) return std::nullopt;
  ClassifierPack pack;
  pack.path = std::string(name);
  if (root->IsNull()) return pack;  // an empty pack is allowed
  if (!root->IsMap()) {
    diags.Error(root->Location(), "a classifier pack is a mapping with 'patterns' (and optionally 'normalizer', 'contexts')");
    return std::nullopt;
  }
  for (const auto& [k, v] : root->entries) {
    if (k.scalar == "normalizer") ReadNormalizer(v, pack, diags);
    else if (k.scalar == "contexts") ReadContexts(v, pack, diags);
    else if (k.scalar == "patterns") ReadPatterns(v, taxonomy, pack, diags);
    else UnknownField(k, "a classifier pack", kSections, diags);
  }
  return pack;
}

}  // namespace gdpr::analysis
