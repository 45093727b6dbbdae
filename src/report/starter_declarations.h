// StarterDeclarations: the declarations file `gdpr-audit init` writes for a database,
// so a team with nothing but a schema gets a file that validates at once and a scan
// that tells them what to fill in next. A pure function of the schema and the
// classifier's verdicts: no files, no clock.
//
// The file holds: `gdpr_audit: 1`; an organization block whose fields are null with a
// comment each (so it validates, and scan asks for them); one system with one datastore
// pointing at the schema; a `columns:` entry for every column the classifier judged
// personal data, grouped per table, with the classifier's reason and runner-up as
// comments; and a commented template purpose listing the categories found.
#pragma once

#include <string>
#include <vector>

#include "analysis/column_verdict.h"
#include "model/schema.h"

namespace gdpr::report {

struct StarterOptions {
  std::string system_id = "application";
  std::string datastore_id = "db";
  std::string schema_ref;  // `schema:` as written (relative to the output file); empty for live
  std::string url;         // `url:` for a live database (already redacted); empty for a file
  std::string dialect;     // `dialect:` to write, or empty to let the tool sniff it
  std::string source;      // what was read, for the header comment ("db/shop.sql")
};

// Returns the YAML text. `verdicts[t][c]` is the verdict for schema.tables[t].columns[c]
// (missing entries count as not personal). Every name from the schema is written as a
// double-quoted YAML string and comments are kept to one line, so any table or column
// name gives valid YAML.
std::string RenderStarterDeclarations(const model::Schema& schema,
                                      const std::vector<std::vector<analysis::ColumnVerdict>>& verdicts,
                                      const StarterOptions& options);

// `text` as a double-quoted YAML scalar ("a\"b", control characters escaped).
std::string YamlDoubleQuoted(const std::string& text);

// A column annotation's match for a schema column: datastore.table.column (with the
// table's schema when it has one); '.', '*', '?' and '[' inside names become '?', which
// the glob matcher takes as "any one character", so the match stays three or four parts.
std::string ColumnMatch(const std::string& datastore, const model::Table& table, const std::string& column);

}  // namespace gdpr::report
