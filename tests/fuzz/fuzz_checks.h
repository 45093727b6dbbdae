// The properties the fuzz targets check, one function per component, shared by the
// libFuzzer targets (tests/fuzz/fuzz_*.cpp) and by the unit test that replays every
// input in tests/fuzz/regressions/<target>/ (tests/fuzz/regressions_test.cpp).
//
// Each function feeds `text` to a component the way an untrusted file would reach it
// and returns nullptr when the component behaved (a result or a diagnostic, no crash,
// no hang), or a short description of the broken property. Crashes, leaks and
// undefined behaviour are caught by the sanitizers around the call.
#pragma once

#include <cctype>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <re2/re2.h>

#include "analysis/builtin_checks.h"
#include "analysis/country_table.h"
#include "analysis/literal_name_index.h"
#include "analysis/rule_pack.h"
#include "analysis/taxonomy.h"
#include "load/declarations_loader.h"
#include "load/yaml_parser.h"
#include "sql/ddl_parser.h"
#include "util/iso_duration.h"
#include "util/json_writer.h"

namespace gdpr::fuzz {

inline const analysis::Taxonomy& ShippedTaxonomy() {
  static const analysis::Taxonomy taxonomy = [] {
    model::Diagnostics diags;
    auto t = analysis::Taxonomy::LoadFile(GDPR_DEFAULT_RULES_DIR "/taxonomy.yaml", diags);
    return t ? *t : analysis::Taxonomy{};
  }();
  return taxonomy;
}

inline const analysis::CountryTable& ShippedCountries() {
  static const analysis::CountryTable countries = [] {
    model::Diagnostics diags;
    auto c = analysis::CountryTable::LoadFile(GDPR_DEFAULT_RULES_DIR "/countries.yaml", diags);
    return c ? *c : analysis::CountryTable{};
  }();
  return countries;
}

inline const char* CheckYaml(std::string_view text) {
  model::Diagnostics diags;
  auto root = load::ParseYaml(text, "fuzz.yaml", diags);
  if (!root && !diags.HasErrors()) return "ParseYaml failed without an error";
  return nullptr;
}

inline const char* CheckDuration(std::string_view text) {
  std::string error;
  auto d = util::ParseIsoDuration(text, &error);
  if (!d) return error.empty() ? "ParseIsoDuration failed without an explanation" : nullptr;
  // A parsed duration prints back to something that parses to the same length.
  auto again = util::ParseIsoDuration(d->ToString());
  if (!again || again->ApproxSeconds() != d->ApproxSeconds()) return "duration does not round-trip";
  return nullptr;
}

inline const char* CheckTaxonomy(std::string_view text) {
  model::Diagnostics diags;
  auto taxonomy = analysis::Taxonomy::Parse(text, "taxonomy.yaml", diags);
  if (!taxonomy) return diags.HasErrors() ? nullptr : "Taxonomy::Parse failed without an error";
  using analysis::TaxonomyKind;
  for (TaxonomyKind kind : {TaxonomyKind::kDataCategory, TaxonomyKind::kDataUse, TaxonomyKind::kDataSubject}) {
    const auto& keys = taxonomy->Keys(kind);
    if (keys.empty()) continue;
    (void)taxonomy->Suggest(kind, keys.front() + "x");
    (void)taxonomy->SpecialOf(keys.back());
    if (!taxonomy->Contains(kind, keys.back())) return "a listed key is not found";
  }
  return nullptr;
}

inline const char* CheckCountries(std::string_view text) {
  model::Diagnostics diags;
  auto table = analysis::CountryTable::Parse(text, "countries.yaml", diags);
  if (!table) return diags.HasErrors() ? nullptr : "CountryTable::Parse failed without an error";
  (void)table->Suggest(text.substr(0, 8));
  for (const auto& code : table->Codes()) {
    const analysis::Country* country = table->Find(code);
    if (!country) return "a listed country code is not found";
    (void)country->Zone();
  }
  return nullptr;
}

// One declarations file through the whole loader (parse, per-file and cross-file
// checks) against the shipped taxonomy and country table.
inline const char* CheckDeclarations(std::string_view text) {
  model::Diagnostics diags;
  load::DeclarationsLoader loader(ShippedTaxonomy(), ShippedCountries(), diags);
  loader.AddText(text, "gdpr-audit.yaml", "fuzz-base-dir-that-does-not-exist");
  model::Inventory inventory = loader.Finish();
  if (inventory.files.size() != 1) return "the loaded file is not listed in the inventory";
  std::ostringstream rendered;
  diags.Render(rendered, true);
  return nullptr;
}

// A rule pack through the pack loader (conditions, RE2 patterns, templates, fixtures)
// against the shipped taxonomy, countries and built-in checks: a broken pack must be
// reported, never crash, and a pack that loads must have ids.
inline const char* CheckRulePack(std::string_view text) {
  model::Diagnostics diags;
  analysis::RuleSet rules;
  analysis::ConditionScope scope{"", &ShippedTaxonomy(), &ShippedCountries(),
                                 &analysis::CheckRegistry::Builtins()};
  bool ok = rules.AddPack(text, "pack.yaml", scope, diags, "fuzz-base-dir-that-does-not-exist");
  if (!ok && !diags.HasErrors()) return "a pack was refused without an error";
  for (const analysis::Rule& rule : rules.rules())
    if (rule.id.empty()) return "a rule without an id was accepted";
  std::ostringstream rendered;
  diags.Render(rendered, false);
  return nullptr;
}

// A DDL text through the parser of one dialect (kUnknown: sniffed). The result must
// hold the display name and no table without a name; lines stay within the text.
inline const char* CheckDdl(std::string_view text, model::Dialect dialect) {
  model::Diagnostics diags;
  model::Schema schema = sql::ParseDdl(text, "fuzz.sql", dialect, diags);
  if (schema.path != "fuzz.sql") return "Schema::path is not the display name";
  if (dialect != model::Dialect::kUnknown && schema.dialect != dialect) return "the forced dialect was not kept";
  int lines = 1;
  for (char c : text) lines += c == '\n';
  for (const model::Table& table : schema.tables) {
    if (table.name.empty()) return "a table without a name";
    if (table.line < 0 || table.line > lines) return "a table line outside the text";
    for (const model::Column& column : table.columns) {
      if (column.name.empty()) return "a column without a name";
      if (column.line < 0 || column.line > lines) return "a column line outside the text";
    }
  }
  std::ostringstream rendered;
  diags.Render(rendered, false);
  return nullptr;
}
inline const char* CheckDdlPostgres(std::string_view text) { return CheckDdl(text, model::Dialect::kPostgres); }
inline const char* CheckDdlMysql(std::string_view text) { return CheckDdl(text, model::Dialect::kMysql); }
inline const char* CheckDdlSqlite(std::string_view text) { return CheckDdl(text, model::Dialect::kSqlite); }
inline const char* CheckDdlSniffed(std::string_view text) { return CheckDdl(text, model::Dialect::kUnknown); }

// True when `text` is valid UTF-8 (no overlong forms, surrogates or code points
// above U+10FFFF).
inline bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) return false;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

// True when `text` is exactly one JSON string literal (RFC 8259: no raw control
// characters, only the defined escapes).
inline bool IsJsonStringLiteral(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"') return false;
    if (c != '\\') continue;
    if (++i + 1 >= text.size()) return false;
    char e = text[i];
    if (e == 'u') {
      if (i + 4 >= text.size() - 1) return false;
      for (int k = 1; k <= 4; ++k)
        if (!std::isxdigit(static_cast<unsigned char>(text[i + k]))) return false;
      i += 4;
    } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// Any bytes written as a JSON string (as a key, a value, and inside a document)
// come out as valid UTF-8 and a valid JSON string literal.
inline const char* CheckJsonWriter(std::string_view text) {
  std::string quoted = util::JsonWriter::Quote(text);
  if (!IsValidUtf8(quoted)) return "JsonWriter::Quote output is not valid UTF-8";
  if (!IsJsonStringLiteral(quoted)) return "JsonWriter::Quote output is not a JSON string literal";
  std::ostringstream out;
  util::JsonWriter w(out, 0);
  w.BeginObject();
  w.Key(text);
  w.String(text);
  w.EndObject();
  std::string doc = out.str();
  if (!IsValidUtf8(doc)) return "JsonWriter document is not valid UTF-8";
  if (doc.find(quoted) == std::string::npos)
    return "JsonWriter document does not hold the quoted string";
  return nullptr;
}

// A name pattern (the first line) matches each name (every further line) through the
// LiteralNameIndex and the regex it leaves exactly where RE2 alone matches it, as whole
// tokens; and what it leaves of a valid pattern is a valid regex.
inline const char* CheckLiteralNameIndex(std::string_view text) {
  const size_t eol = text.find('\n');
  const std::string pattern(text.substr(0, std::min<size_t>(eol, 1024)));  // bounds RE2's work
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 alone(pattern, options), whole(analysis::WrapTokens(pattern), options);
  if (!alone.ok() || !whole.ok()) return nullptr;  // the classifier refuses it
  analysis::LiteralNameIndex index;
  const std::string rest = index.Add(0, pattern);
  std::unique_ptr<RE2> rest_re;
  if (!rest.empty()) {
    rest_re = std::make_unique<RE2>(analysis::WrapTokens(rest), options);
    if (!rest_re->ok()) return "what the index leaves of a valid pattern does not compile";
  }
  std::string_view names = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
  for (int tried = 0; tried < 64 && !names.empty(); ++tried) {
    const size_t end = names.find('\n');
    const std::string name(names.substr(0, end));
    names = end == std::string_view::npos ? std::string_view() : names.substr(end + 1);
    std::vector<int> found;
    index.Match(name, found);
    const bool by_index = !found.empty() || (rest_re && RE2::PartialMatch(name, *rest_re));
    if (by_index != RE2::PartialMatch(name, whole)) return "the index and RE2 disagree on a name";
  }
  return nullptr;
}

}  // namespace gdpr::fuzz
