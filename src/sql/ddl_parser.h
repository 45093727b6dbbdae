// DdlParser: a tolerant parser that turns SQL DDL text (PostgreSQL, MySQL/MariaDB,
// SQLite) into a model::Schema.
//
// It reads CREATE TABLE (also TEMPORARY, UNLOGGED, IF NOT EXISTS, PARTITION OF, LIKE,
// AS SELECT, SQLite VIRTUAL tables and tables nested in CREATE SCHEMA), ALTER TABLE
// (ADD/DROP/MODIFY/CHANGE/ALTER/RENAME COLUMN, ADD [CONSTRAINT] PRIMARY KEY / FOREIGN
// KEY, several comma-separated actions) and COMMENT ON TABLE/COLUMN. Everything else
// (INSERT, COPY data, SET, GRANT, functions, triggers, views...) is skipped whole, and
// CREATE TABLE inside a routine body is not a table. A CREATE TABLE it cannot parse is
// an error at path:line:col and parsing goes on with the next statement.
#pragma once

#include <cstddef>
#include <string_view>
#include <unordered_map>

#include "model/diagnostics.h"
#include "model/schema.h"
#include "sql/dialect_sniffer.h"  // SniffDialect, for callers that include only this header
#include "sql/statement_reader.h"
#include "sql/table_definition_parser.h"

namespace gdpr::sql {

struct DdlParseOptions {
  // Longer statements are skipped with an error (protects memory on mangled input).
  size_t max_statement_bytes = 16u << 20;
};

// Parses DDL text. `name` is the display path for diagnostics and Schema::path;
// Dialect::kUnknown means "sniff it" (see dialect_sniffer.h), and the sniffed dialect is
// stored in Schema::dialect. Never throws; problems go to `diags`.
model::Schema ParseDdl(std::string_view text, std::string_view name, model::Dialect dialect,
                       model::Diagnostics& diags);
model::Schema ParseDdl(std::string_view text, std::string_view name, model::Dialect dialect,
                       model::Diagnostics& diags, const DdlParseOptions& options);

class DdlParser {
 public:
  DdlParser(std::string_view text, std::string_view name, model::Dialect dialect,
            model::Diagnostics& diags, const DdlParseOptions& options);

  // Runs once over the whole text and returns the schema.
  model::Schema Parse();

 private:
  void HandleStatement(const Statement& statement);
  void HandleCreate(TokenSpan& span);  // leaves `span` after what it read
  void HandleCreateTable(TokenSpan& span, const Token& create, const std::string& default_schema,
                         bool temporary, bool is_virtual);
  void HandleCreateSchema(TokenSpan span);
  void HandleAlterTable(TokenSpan span);
  void HandleAlterAction(TokenSpan action, model::Table& table);
  void HandleAddColumn(TokenSpan& action, model::Table& table);
  void HandleDrop(TokenSpan& action, model::Table& table);
  void HandleModifyColumn(TokenSpan& action, model::Table& table, bool change);
  void HandleRenameColumn(TokenSpan& action, model::Table& table);
  void HandleAlterColumn(TokenSpan& action, model::Table& table);
  void HandleComment(TokenSpan span);
  void ReplaceColumn(model::Table& table, const std::string& old_name, model::Column column);
  model::Table* FindTable(const std::string& schema, const std::string& name);
  void AddTable(model::Table table);
  void Report(model::DiagnosticLevel level, const Token& at, std::string message,
              std::string hint = {});

  std::string_view text_;
  std::string_view name_;
  model::Dialect dialect_;
  model::Diagnostics& diags_;
  DdlParseOptions options_;
  TableDefinitionParser definitions_;
  model::Schema schema_;
  std::unordered_map<std::string, size_t> by_qualified_name_;  // folded "schema.name"
  std::unordered_map<std::string, size_t> by_name_;            // folded "name"
  bool source_added_ = false;
};

}  // namespace gdpr::sql
