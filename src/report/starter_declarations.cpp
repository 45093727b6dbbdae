#include "report/starter_declarations.h"

#include <cstdio>
#include <set>
#include <sstream>

namespace gdpr::report {
namespace {

// The length of the valid UTF-8 sequence at s[i], or 0 when the byte starts none
// (YAML must be valid UTF-8; a schema dumped in Latin-1 need not be).
size_t Utf8Length(const std::string& s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// `text` with every byte outside a valid UTF-8 sequence replaced by `replacement`.
std::string ValidUtf8(const std::string& text, char replacement) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t n = Utf8Length(text, i);
    if (n == 0) {
      out += replacement;
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

// One line of comment text: line breaks and tabs become spaces.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : ValidUtf8(text, '?')) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

// A name inside a match: glob characters, dots and stray bytes match as '?' (one byte).
std::string GlobSafe(const std::string& name) {
  std::string out;
  for (char c : ValidUtf8(name, '?')) out += (c == '.' || c == '*' || c == '?' || c == '[') ? '?' : c;
  return out;
}

std::string FlowList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

const analysis::ColumnVerdict* VerdictAt(const std::vector<std::vector<analysis::ColumnVerdict>>& verdicts,
                                         size_t t, size_t c) {
  if (t >= verdicts.size() || c >= verdicts[t].size()) return nullptr;
  return &verdicts[t][c];
}

void WriteHeader(std::ostream& out, const StarterOptions& o) {
  out << "# Starter declarations written by `gdpr-audit init` from " << OneLine(o.source) << ".\n"
      << "# Every category below is a suggestion from column names and types: check each one.\n"
      << "# Then fill in what the comments ask and run `gdpr-audit scan` to see what is still missing.\n"
      << "gdpr_audit: 1\n\n";
}

void WriteOrganization(std::ostream& out) {
  out << "organization:\n"
      << "  name: null                 # TODO the controller's legal name\n"
      << "  country: null              # TODO ISO 3166-1 alpha-2 code of the main establishment, e.g. NL\n"
      << "  annual_turnover_eur: null  # worldwide turnover of the group last year (drives the fine estimate)\n"
      << "  dpo: null                  # { name: ..., email: ... } when you have a DPO (Art. 37)\n"
      << "  representative: null       # Art. 27: needed when you are not established in the EU\n\n";
}

void WriteSystem(std::ostream& out, const StarterOptions& o) {
  out << "systems:\n"
      << "  - id: " << YamlDoubleQuoted(o.system_id) << "  # rename freely; purposes refer to it\n"
      << "    name: null                # TODO what people call this application\n"
      << "    responsibility: controller  # controller | joint_controller | processor | sub_processor | third_party\n"
      << "    country: null             # TODO where the data is stored, e.g. NL\n"
      << "    datastores:\n"
      << "      - id: " << YamlDoubleQuoted(o.datastore_id) << "  # the first part of every match below\n";
  if (!o.url.empty()) {
    out << "        url: " << YamlDoubleQuoted(o.url) << "  # no password is ever written here\n";
  } else {
    out << "        schema: " << YamlDoubleQuoted(o.schema_ref) << "\n";
  }
  if (!o.dialect.empty()) out << "        dialect: " << YamlDoubleQuoted(o.dialect) << "\n";
  out << "\n";
}

// Writes the `columns:` entries; returns every category suggested, sorted.
std::set<std::string> WriteColumns(std::ostream& out, const model::Schema& schema,
                                   const std::vector<std::vector<analysis::ColumnVerdict>>& verdicts,
                                   const StarterOptions& o) {
  std::set<std::string> all;
  std::ostringstream body;
  for (size_t t = 0; t < schema.tables.size(); ++t) {
    const model::Table& table = schema.tables[t];
    std::vector<std::string> plain;
    std::ostringstream entries;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const analysis::ColumnVerdict* v = VerdictAt(verdicts, t, c);
      if (!v || !v->personal()) {
        plain.push_back(table.columns[c].name);
        continue;
      }
      entries << "  - match: " << YamlDoubleQuoted(ColumnMatch(o.datastore_id, table, table.columns[c].name)) << "\n";
      if (!v->reason.empty()) entries << "    # why: " << OneLine(v->reason) << "\n";
      if (!v->runner_up.empty()) entries << "    # runner-up: " << OneLine(v->runner_up) << "\n";
      entries << "    categories: " << FlowList(v->categories) << "\n";
      all.insert(v->categories.begin(), v->categories.end());
    }
    if (entries.str().empty()) continue;
    body << "  # table " << OneLine(table.QualifiedName());
    if (table.line > 0) body << " (" << OneLine(schema.path) << ":" << table.line << ")";
    body << "\n" << entries.str();
    if (!plain.empty()) {
      body << "  # judged not personal data:";
      for (const std::string& name : plain) body << " " << OneLine(name);
      body << "\n";
    }
  }
  if (body.str().empty()) {
    out << "columns: []  # the classifier found no personal data; annotate columns it missed here\n\n";
  } else {
    out << "# What each column holds, as the classifier suggests. Correct a category by editing it;\n"
        << "# write `categories: []` for a column that is not personal data after all.\n"
        << "columns:\n"
        << body.str() << "\n";
  }
  return all;
}

void WriteTemplatePurpose(std::ostream& out, const StarterOptions& o, const std::set<std::string>& categories) {
  std::vector<std::string> cats(categories.begin(), categories.end());
  out << "# One entry per processing activity (a row of the Art. 30 record). Every personal-data\n"
      << "# column above must be covered by a purpose of its system, or scan reports it as undeclared.\n"
      << "purposes: []\n"
      << "#  - id: orders\n"
      << "#    name: Order handling and delivery\n"
      << "#    data_use: essential.service\n"
      << "#    legal_basis: contract    # consent | contract | legal_obligation | vital_interests\n"
      << "#                             # | public_task | legitimate_interests   (Art. 6(1))\n"
      << "#    data_subjects: [customer]\n"
      << "#    data_categories: " << FlowList(cats) << "\n"
      << "#    systems: [" << o.system_id << "]\n"
      << "#    retention: P7Y           # ISO 8601, or { period: P7Y, from: end of contract }\n"
      << "#    privacy_notice: https://example.org/privacy\n";
}

}  // namespace

std::string YamlDoubleQuoted(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : ValidUtf8(text, '?')) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string ColumnMatch(const std::string& datastore, const model::Table& table, const std::string& column) {
  std::string match = GlobSafe(datastore) + ".";
  if (!table.schema.empty()) match += GlobSafe(table.schema) + ".";
  return match + GlobSafe(table.name) + "." + GlobSafe(column);
}

std::string RenderStarterDeclarations(const model::Schema& schema,
                                      const std::vector<std::vector<analysis::ColumnVerdict>>& verdicts,
                                      const StarterOptions& options) {
  std::ostringstream out;
  WriteHeader(out, options);
  WriteOrganization(out);
  WriteSystem(out, options);
  std::set<std::string> categories = WriteColumns(out, schema, verdicts, options);
  WriteTemplatePurpose(out, options, categories);
  return out.str();
}

}  // namespace gdpr::report
