#include "report/classification_report.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "util/json_writer.h"

namespace gdpr::report {
namespace {

const analysis::ColumnVerdict& VerdictAt(const SchemaClassification& sc, size_t t, size_t c) {
  static const analysis::ColumnVerdict kNotPersonal;
  if (t < sc.verdicts.size() && c < sc.verdicts[t].size()) return sc.verdicts[t][c];
  return kNotPersonal;
}

void WriteColumnJson(util::JsonWriter& w, const model::Column& column,
                     const analysis::ColumnVerdict& v) {
  w.BeginObject();
  w.Key("name");
  w.String(column.name);
  w.Key("type");
  w.String(column.type);
  w.Key("categories");
  w.BeginArray();
  for (const auto& c : v.categories) w.String(c);
  w.EndArray();
  w.Key("special");
  w.StringOrNull(analysis::SpecialName(v.special));
  w.Key("reason");
  w.StringOrNull(v.personal() ? v.reason : std::string());
  w.EndObject();
}

void WriteTableJson(util::JsonWriter& w, const SchemaClassification& sc, size_t t) {
  const model::Table& table = sc.schema->tables[t];
  w.BeginObject();
  w.Key("schema");
  w.StringOrNull(table.schema);
  w.Key("name");
  w.String(table.name);
  w.Key("line");
  if (table.line > 0) w.Int(table.line);
  else w.Null();
  w.Key("columns");
  w.BeginArray();
  for (size_t c = 0; c < table.columns.size(); ++c) WriteColumnJson(w, table.columns[c], VerdictAt(sc, t, c));
  w.EndArray();
  w.EndObject();
}

// Printable text for a terminal: control bytes and DEL become \xNN.
std::string Printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Display width of UTF-8 text, counting code points (good enough for alignment).
size_t Width(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string Pad(const std::string& s, size_t width) {
  const size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string CategoriesText(const analysis::ColumnVerdict& v) {
  if (!v.personal()) return "-";
  std::string out;
  for (const auto& c : v.categories) {
    if (!out.empty()) out += ", ";
    out += c;
  }
  if (v.special != analysis::Special::kNone) out += std::string(" [") + analysis::SpecialName(v.special) + "]";
  return out;
}

struct Counts {
  size_t tables = 0, columns = 0, personal = 0, special = 0;
};

void WriteTableText(const SchemaClassification& sc, size_t t, std::ostream& out, Counts& counts) {
  const model::Table& table = sc.schema->tables[t];
  out << "  " << Printable(table.QualifiedName());
  if (table.line > 0) out << " (line " << table.line << ")";
  out << "\n";
  std::vector<std::string> names, types, cats;
  size_t wn = 0, wt = 0, wc = 0;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    names.push_back(Printable(table.columns[c].name));
    types.push_back(Printable(table.columns[c].type));
    cats.push_back(CategoriesText(VerdictAt(sc, t, c)));
    wn = std::max(wn, Width(names.back()));
    wt = std::max(wt, Width(types.back()));
    wc = std::max(wc, Width(cats.back()));
  }
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const analysis::ColumnVerdict& v = VerdictAt(sc, t, c);
    std::string line = "    " + Pad(names[c], wn) + "  " + Pad(types[c], wt) + "  ";
    if (v.personal()) line += Pad(cats[c], wc) + "  " + Printable(v.reason);
    else line += cats[c];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
    ++counts.columns;
    if (v.personal()) ++counts.personal;
    if (v.special != analysis::Special::kNone) ++counts.special;
  }
  ++counts.tables;
}

}  // namespace

void WriteClassificationJson(const std::vector<SchemaClassification>& schemas, std::ostream& out) {
  util::JsonWriter w(out);
  w.BeginObject();
  w.Key("format_version");
  w.Int(1);
  w.Key("schemas");
  w.BeginArray();
  for (const auto& sc : schemas) {
    if (!sc.schema) continue;
    w.BeginObject();
    w.Key("path");
    w.String(sc.schema->path);
    w.Key("dialect");
    w.String(model::DialectName(sc.schema->dialect));
    w.Key("tables");
    w.BeginArray();
    for (size_t t = 0; t < sc.schema->tables.size(); ++t) WriteTableJson(w, sc, t);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteClassificationText(const std::vector<SchemaClassification>& schemas, std::ostream& out) {
  Counts counts;
  for (const auto& sc : schemas) {
    if (!sc.schema) continue;
    const size_t n = sc.schema->tables.size();
    out << Printable(sc.schema->path) << " (" << model::DialectName(sc.schema->dialect) << ", " << n
        << (n == 1 ? " table)" : " tables)") << "\n";
    for (size_t t = 0; t < n; ++t) WriteTableText(sc, t, out, counts);
  }
  out << counts.columns << (counts.columns == 1 ? " column" : " columns") << " in " << counts.tables
      << (counts.tables == 1 ? " table" : " tables") << ": " << counts.personal << " personal data, "
      << counts.special << " special category or national identifier\n";
}

}  // namespace gdpr::report
