// ClassificationReport: renders what `gdpr-audit classify` decided about every column
// of every schema, as text for a terminal or as the JSON of spec/cli.md:
//   { "format_version": 1,
//     "schemas": [ { "path", "dialect",
//                    "tables": [ { "schema", "name", "line",
//                                  "columns": [ { "name", "type", "categories",
//                                                 "special", "reason" } ] } ] } ] }
// `special` is "art9", "art10", "national_id" or null; `reason` is null for a column
// judged not personal; `schema` and `line` are null when unknown (unqualified table,
// live database). Both renderers are pure functions of their input: schemas, tables
// and columns come out in the order given (the order of the DDL), byte-identical
// between runs.
#pragma once

#include <ostream>
#include <vector>

#include "analysis/column_verdict.h"
#include "model/schema.h"

namespace gdpr::report {

struct SchemaClassification {
  const model::Schema* schema = nullptr;
  // verdicts[t][c] belongs to schema->tables[t].columns[c] (Classifier::ClassifySchema);
  // a missing verdict renders as "not personal".
  std::vector<std::vector<analysis::ColumnVerdict>> verdicts;
};

// JSON as in spec/cli.md, indented by two spaces, ending with a newline.
void WriteClassificationJson(const std::vector<SchemaClassification>& schemas, std::ostream& out);

// Text: per schema a heading, per table its columns aligned in three columns (name,
// type, categories with the special marking) and the reason on the same line, then a
// summary line. Control characters in names are shown escaped, never sent to the
// terminal.
void WriteClassificationText(const std::vector<SchemaClassification>& schemas, std::ostream& out);

}  // namespace gdpr::report
