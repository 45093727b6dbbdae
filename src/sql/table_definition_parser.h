// TableDefinitionParser: reads the pieces of a table definition out of a statement's
// tokens: the CREATE TABLE body after the TABLE keyword, single column definitions and
// table constraints (also as they appear in ALTER TABLE ... ADD), and qualified names.
//
// It is tolerant: column options and table options it does not know are skipped as
// long as their parentheses balance. It fails (returns false and fills a ParseError)
// only when the shape of the definition itself is broken: no table name, no column
// list, an unclosed parenthesis, a column without a name, a FOREIGN KEY without
// REFERENCES.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/schema.h"
#include "sql/token_span.h"

namespace gdpr::sql {

struct ParseError {
  Token at;             // where the problem is
  std::string message;  // "expected '(' after the table name"
  std::string hint;     // optional
};

// The elements of a parenthesised list, as [begin, end) token ranges.
using ElementCuts = std::vector<std::pair<const Token*, const Token*>>;

struct QualifiedName {
  std::string schema;  // empty when unqualified
  std::string name;
};

// The result of a CREATE TABLE body.
struct TableDefinition {
  model::Table table;
  // Set for PARTITION OF / LIKE / (LIKE ...) / INHERITS (first parent): the table whose
  // columns this one copies.
  bool copies_columns = false;
  QualifiedName copy_from;
};

class TableDefinitionParser {
 public:
  explicit TableDefinitionParser(model::Dialect dialect) : dialect_(dialect) {}

  // Parses `[IF NOT EXISTS] name ( elements ) [options]` and the other CREATE TABLE
  // forms (AS SELECT, LIKE, PARTITION OF, and for `is_virtual` SQLite's
  // `USING module(args)`), with `span` just past the TABLE keyword. An unqualified
  // table gets `default_schema`. Fills `out` (except line/temporary, which the caller
  // knows) and returns true, or fills `error` and returns false.
  bool ParseCreateTable(TokenSpan& span, const std::string& default_schema, bool is_virtual,
                        TableDefinition& out, ParseError& error) const;

  // Parses a column definition (`name [type] [options]`) filling `column`, and adds any
  // inline PRIMARY KEY / REFERENCES to `table` (but not the column itself).
  bool ParseColumn(TokenSpan element, model::Table& table, model::Column& column,
                   ParseError& error) const;

  // True when `element` is a table constraint or index rather than a column
  // (CONSTRAINT, PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK, EXCLUDE; MySQL KEY/INDEX...).
  bool StartsConstraint(const TokenSpan& element) const;

  // Parses a table constraint, recording PRIMARY KEY and FOREIGN KEY in `table`.
  bool ParseConstraint(TokenSpan element, model::Table& table, ParseError& error) const;

  // Parses `a`, `a.b` or `a.b.c` (schema is the part before the last).
  bool ParseQualifiedName(TokenSpan& span, QualifiedName& out, ParseError& error) const;

  // Reads the names of a parenthesised column list `(a, b(10) DESC, ...)`.
  bool ParseColumnList(TokenSpan& span, std::vector<std::string>& out, ParseError& error) const;

 private:
  bool ParseElements(const ElementCuts& elements, TableDefinition& out, ParseError& error) const;
  void ParseTableOptions(TokenSpan& span, TableDefinition& out) const;
  void ParseVirtualArgs(TokenSpan& span, model::Table& table) const;
  bool ParseReferences(TokenSpan& span, model::ForeignKey& fk, ParseError& error) const;
  bool ParseColumnOption(TokenSpan& span, model::Table& table, model::Column& column,
                         ParseError& error) const;
  void SkipDefault(TokenSpan& span) const;
  std::string Text(const Token& string_token) const;

  model::Dialect dialect_;
  // Scratch for the element cuts of the table being parsed (never two at once), kept so
  // that its memory is allocated once per parse, not once per table.
  mutable ElementCuts cuts_;
};

// Marks the columns named in table.primary_key as primary-key and NOT NULL.
void ApplyPrimaryKey(model::Table& table);

// ASCII lower-case copy, for case-insensitive name lookups.
std::string FoldCase(std::string_view s);

// Whether `t` starts a column option, i.e. ends a column's type.
bool EndsColumnType(const TokenSpan& span);

}  // namespace gdpr::sql
