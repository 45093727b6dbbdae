#include "sql/ddl_parser.h"

#include <algorithm>

#include "sql/dialect_sniffer.h"

namespace gdpr::sql {
namespace {

using model::DiagnosticLevel;
using model::Dialect;

bool SameName(const std::string& a, const std::string& b) { return EqualsIgnoreCase(a, b); }

// Skips what may stand between CREATE and the object kind: OR REPLACE, MySQL
// DEFINER=user@host / ALGORITHM=x / SQL SECURITY x. Returns TEMPORARY/VIRTUAL flags.
void SkipCreatePrefix(TokenSpan& span, bool& temporary, bool& is_virtual) {
  for (;;) {
    if (span.AcceptWords("OR", "REPLACE")) continue;
    if (span.PeekWord("DEFINER") || span.PeekWord("ALGORITHM")) {
      span.Take();
      span.AcceptPunct('=');
      span.Take();
      if (span.AcceptPunct('@')) span.Take();
      span.SkipOne();  // CURRENT_USER() parentheses, or a harmless word
      continue;
    }
    if (span.AcceptWords("SQL", "SECURITY")) {
      span.Take();
      continue;
    }
    if (span.AcceptWord("TEMPORARY") || span.AcceptWord("TEMP")) {
      temporary = true;
      continue;
    }
    if (span.AcceptWord("VIRTUAL")) {
      is_virtual = true;
      continue;
    }
    if (span.AcceptWord("GLOBAL") || span.AcceptWord("LOCAL") || span.AcceptWord("UNLOGGED"))
      continue;
    return;
  }
}

void SkipIfExists(TokenSpan& span) {
  if (span.PeekWord("IF") && span.PeekWord("EXISTS", 1)) {
    span.Take();
    span.Take();
  } else if (span.PeekWord("IF") && span.PeekWord("NOT", 1) && span.PeekWord("EXISTS", 2)) {
    span.Take();
    span.Take();
    span.Take();
  }
}

}  // namespace

model::Schema ParseDdl(std::string_view text, std::string_view name, Dialect dialect,
                       model::Diagnostics& diags) {
  return ParseDdl(text, name, dialect, diags, DdlParseOptions{});
}

model::Schema ParseDdl(std::string_view text, std::string_view name, Dialect dialect,
                       model::Diagnostics& diags, const DdlParseOptions& options) {
  if (dialect == Dialect::kUnknown) dialect = SniffDialect(text);
  return DdlParser(text, name, dialect, diags, options).Parse();
}

DdlParser::DdlParser(std::string_view text, std::string_view name, Dialect dialect,
                     model::Diagnostics& diags, const DdlParseOptions& options)
    : text_(text),
      name_(name),
      dialect_(dialect),
      diags_(diags),
      options_(options),
      definitions_(dialect) {}

model::Schema DdlParser::Parse() {
  schema_.path = std::string(name_);
  schema_.dialect = dialect_;
  DdlLexer lexer(text_, dialect_);
  StatementReader reader(lexer, options_.max_statement_bytes);
  Statement statement;
  // Room for the tokens of a big table up front, instead of growing through ten sizes.
  statement.tokens.reserve(std::min<size_t>(text_.size() / 2 + 1, 1024));
  while (reader.Next(statement)) HandleStatement(statement);
  return std::move(schema_);
}

void DdlParser::Report(DiagnosticLevel level, const Token& at, std::string message,
                       std::string hint) {
  if (!source_added_) {
    diags_.AddSource(name_, text_);
    source_added_ = true;
  }
  model::Diagnostic d;
  d.level = level;
  d.location = model::SourceLocation{std::string(name_), at.line, at.column};
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags_.Add(std::move(d));
}

void DdlParser::HandleStatement(const Statement& statement) {
  if (statement.too_long) {
    Report(DiagnosticLevel::kError, statement.first,
           "statement is longer than the limit of " + std::to_string(options_.max_statement_bytes) +
               " bytes (or has too many tokens); it was skipped",
           "is a ';' or a closing quote missing?");
    return;
  }
  if (statement.unterminated) {
    Report(DiagnosticLevel::kWarning, statement.unterminated_at,
           "unterminated string, quoted name or comment runs to the end of the file",
           "is a closing quote or '*/' missing?");
  }
  if (statement.tokens.empty()) return;
  TokenSpan span(statement.tokens.data(), statement.tokens.data() + statement.tokens.size());
  if (span.AcceptWord("CREATE")) {
    HandleCreate(span);
    while (span.PeekWord("CREATE")) {  // left over after a table: a missing ';'
      Report(DiagnosticLevel::kError, span.Peek(), "missing ';' before this statement",
             "end each statement with ';'");
      span.Take();
      HandleCreate(span);
    }
  } else if (span.AcceptWord("ALTER")) {
    HandleAlterTable(span);
  } else if (span.AcceptWord("COMMENT")) {
    HandleComment(span);
  }
}

void DdlParser::HandleCreate(TokenSpan& span) {
  const Token& create = span.position()[-1];
  bool temporary = false;
  bool is_virtual = false;
  SkipCreatePrefix(span, temporary, is_virtual);
  if (span.AcceptWord("TABLE"))
    HandleCreateTable(span, create, std::string(), temporary, is_virtual);
  else if (span.AcceptWord("SCHEMA"))
    HandleCreateSchema(span);
}

void DdlParser::HandleCreateTable(TokenSpan& span, const Token& create,
                                  const std::string& default_schema, bool temporary,
                                  bool is_virtual) {
  TableDefinition definition;
  ParseError error;
  if (!definitions_.ParseCreateTable(span, default_schema, is_virtual, definition, error)) {
    std::string what =
        definition.table.name.empty() ? "CREATE TABLE" : "CREATE TABLE " + definition.table.name;
    Report(DiagnosticLevel::kError, error.at, "cannot parse " + what + ": " + error.message,
           error.hint);
    return;
  }
  model::Table& table = definition.table;
  table.line = create.line;
  table.temporary = temporary;
  table.is_virtual = is_virtual;
  if (definition.copies_columns) {
    // PARTITION OF / LIKE: the columns are the parent's, when we have seen it.
    if (const model::Table* parent =
            FindTable(definition.copy_from.schema, definition.copy_from.name)) {
      std::vector<model::Column> own = std::move(table.columns);
      table.columns = parent->columns;
      for (model::Column& c : own) ReplaceColumn(table, c.name, std::move(c));
      if (table.primary_key.empty()) table.primary_key = parent->primary_key;
    } else {
      table.columns_known = !table.columns.empty();
    }
  }
  AddTable(std::move(table));
}

// CREATE SCHEMA name [AUTHORIZATION role] CREATE TABLE ... CREATE VIEW ... ;
void DdlParser::HandleCreateSchema(TokenSpan span) {
  SkipIfExists(span);
  std::string schema;
  if (span.AcceptWord("AUTHORIZATION")) {
    if (span.Peek().IsName()) schema = IdentifierValue(span.Take());
  } else if (span.Peek().IsName()) {
    schema = IdentifierValue(span.Take());
    if (span.AcceptWord("AUTHORIZATION")) span.Take();
  }
  span.UntilWord("CREATE");
  while (span.AcceptWord("CREATE")) {
    const Token& create = span.position()[-1];
    TokenSpan element = span.UntilWord("CREATE");
    if (element.AcceptWord("TABLE")) HandleCreateTable(element, create, schema, false, false);
  }
}

void DdlParser::HandleAlterTable(TokenSpan span) {
  span.AcceptWord("ONLINE");
  span.AcceptWord("IGNORE");
  if (!span.AcceptWord("TABLE")) return;
  SkipIfExists(span);
  span.AcceptWord("ONLY");
  QualifiedName name;
  ParseError error;
  if (!definitions_.ParseQualifiedName(span, name, error)) return;
  span.AcceptPunct('*');
  model::Table* table = FindTable(name.schema, name.name);
  if (!table) return;  // altering a table defined elsewhere: nothing to update
  while (!span.AtEnd()) {
    TokenSpan action = span.UntilComma();
    span.AcceptPunct(',');
    HandleAlterAction(action, *table);
  }
}

void DdlParser::HandleAlterAction(TokenSpan action, model::Table& table) {
  if (action.AcceptWord("ADD")) {
    HandleAddColumn(action, table);
  } else if (action.AcceptWord("DROP")) {
    HandleDrop(action, table);
  } else if (action.AcceptWord("MODIFY")) {
    HandleModifyColumn(action, table, false);
  } else if (action.AcceptWord("CHANGE")) {
    HandleModifyColumn(action, table, true);
  } else if (action.AcceptWord("COMMENT")) {  // MySQL ALTER TABLE t COMMENT = '...'
    action.AcceptPunct('=');
    if (action.Peek().kind == TokenKind::kString)
      table.comment = StringValue(action.Peek(), dialect_ == Dialect::kMysql);
  } else if (action.AcceptWord("ALTER")) {
    HandleAlterColumn(action, table);
  } else if (action.AcceptWords("RENAME", "COLUMN")) {
    HandleRenameColumn(action, table);
  }
}

// DROP [COLUMN] [IF EXISTS] name | DROP PRIMARY KEY; other DROPs change nothing we keep.
void DdlParser::HandleDrop(TokenSpan& action, model::Table& table) {
  if (action.AcceptWords("PRIMARY", "KEY")) {
    for (model::Column& c : table.columns) c.primary_key = false;
    table.primary_key.clear();
    return;
  }
  bool column = action.AcceptWord("COLUMN");
  const Token& t = action.Peek();
  if (!column &&
      (t.IsWord("CONSTRAINT") || t.IsWord("INDEX") || t.IsWord("KEY") || t.IsWord("FOREIGN") ||
       t.IsWord("CHECK") || t.IsWord("PARTITION") || t.IsWord("DEFAULT") || t.IsWord("UNIQUE")))
    return;
  SkipIfExists(action);
  if (!action.Peek().IsName()) return;
  std::string dropped = IdentifierValue(action.Take());
  std::erase_if(table.columns, [&](const model::Column& c) { return SameName(c.name, dropped); });
  std::erase_if(table.primary_key, [&](const std::string& c) { return SameName(c, dropped); });
}

// MySQL MODIFY [COLUMN] definition | CHANGE [COLUMN] old_name definition
void DdlParser::HandleModifyColumn(TokenSpan& action, model::Table& table, bool change) {
  action.AcceptWord("COLUMN");
  std::string old_name;
  if (change && action.Peek().IsName()) old_name = IdentifierValue(action.Take());
  model::Column column;
  ParseError error;
  if (!definitions_.ParseColumn(action, table, column, error)) return;
  ReplaceColumn(table, change ? old_name : column.name, std::move(column));
  ApplyPrimaryKey(table);
}

void DdlParser::HandleRenameColumn(TokenSpan& action, model::Table& table) {
  if (!action.Peek().IsName()) return;
  std::string from = IdentifierValue(action.Take());
  if (!action.AcceptWord("TO") || !action.Peek().IsName()) return;
  std::string to = IdentifierValue(action.Take());
  for (model::Column& c : table.columns)
    if (SameName(c.name, from)) c.name = to;
  for (std::string& c : table.primary_key)
    if (SameName(c, from)) c = to;
}

void DdlParser::HandleAddColumn(TokenSpan& action, model::Table& table) {
  action.AcceptWord("COLUMN");
  SkipIfExists(action);
  ParseError error;
  if (definitions_.StartsConstraint(action)) {
    if (!definitions_.ParseConstraint(action, table, error))
      Report(DiagnosticLevel::kWarning, error.at,
             "cannot parse ALTER TABLE ... ADD: " + error.message, error.hint);
    return;
  }
  model::Column column;
  if (!definitions_.ParseColumn(action, table, column, error)) {
    Report(DiagnosticLevel::kWarning, error.at,
           "cannot parse ALTER TABLE ... ADD: " + error.message, error.hint);
    return;
  }
  ReplaceColumn(table, column.name, std::move(column));
  ApplyPrimaryKey(table);
}

// ALTER [COLUMN] name SET DEFAULT x | DROP DEFAULT | SET/DROP NOT NULL | [SET DATA] TYPE t
void DdlParser::HandleAlterColumn(TokenSpan& action, model::Table& table) {
  action.AcceptWord("COLUMN");
  if (!action.Peek().IsName()) return;
  std::string name = IdentifierValue(action.Take());
  auto it = std::find_if(table.columns.begin(), table.columns.end(),
                         [&](const model::Column& c) { return SameName(c.name, name); });
  if (it == table.columns.end()) return;
  if (action.AcceptWords("SET", "DEFAULT")) {
    if (!action.AtEnd()) it->default_value = SourceSlice(action.Peek(), action.end()[-1]);
  } else if (action.AcceptWords("DROP", "DEFAULT")) {
    it->default_value.clear();
  } else if (action.AcceptWord("SET") && action.AcceptWords("NOT", "NULL")) {
    it->nullable = false;
  } else if (action.AcceptWords("DROP", "NOT")) {
    it->nullable = true;
  } else if (action.AcceptWords("SET", "DATA") || action.PeekWord("TYPE")) {
    action.AcceptWord("TYPE");
    TokenSpan type = action.UntilWord("USING");
    const Token* begin = type.position();
    while (!type.AtEnd() && !EndsColumnType(type)) type.SkipOne();
    it->type = JoinTokens(begin, type.position());
  }
}

// COMMENT ON TABLE t IS '...';  COMMENT ON COLUMN [schema.]t.c IS '...';
void DdlParser::HandleComment(TokenSpan span) {
  if (!span.AcceptWord("ON")) return;
  bool column = span.AcceptWord("COLUMN");
  if (!column && !span.AcceptWord("TABLE")) return;
  std::vector<std::string> parts;
  do {
    if (!span.Peek().IsName()) return;
    parts.push_back(IdentifierValue(span.Take()));
  } while (span.AcceptPunct('.'));
  if (!span.AcceptWord("IS") || span.Peek().kind != TokenKind::kString) return;
  std::string text = StringValue(span.Peek(), dialect_ == Dialect::kMysql);
  size_t table_index = column ? 2 : 1;
  if (parts.size() < table_index) return;
  const std::string& table_name = parts[parts.size() - table_index];
  std::string schema =
      parts.size() > table_index ? parts[parts.size() - table_index - 1] : std::string();
  model::Table* table = FindTable(schema, table_name);
  if (!table) return;
  if (!column) {
    table->comment = std::move(text);
    return;
  }
  for (model::Column& c : table->columns)
    if (SameName(c.name, parts.back())) c.comment = text;
}

void DdlParser::ReplaceColumn(model::Table& table, const std::string& old_name,
                              model::Column column) {
  for (model::Column& c : table.columns) {
    if (SameName(c.name, old_name)) {
      if (column.line == 0) column.line = c.line;
      c = std::move(column);
      return;
    }
  }
  table.columns.push_back(std::move(column));
}

model::Table* DdlParser::FindTable(const std::string& schema, const std::string& name) {
  if (!schema.empty()) {
    auto it = by_qualified_name_.find(FoldCase(schema) + "." + FoldCase(name));
    if (it != by_qualified_name_.end()) return &schema_.tables[it->second];
  }
  auto it = by_name_.find(FoldCase(name));
  if (it != by_name_.end()) return &schema_.tables[it->second];
  return nullptr;
}

// A later CREATE TABLE of the same name (a migration script that drops and recreates
// it) becomes the one ALTER TABLE and COMMENT ON refer to.
void DdlParser::AddTable(model::Table table) {
  size_t index = schema_.tables.size();
  by_qualified_name_[FoldCase(table.schema) + "." + FoldCase(table.name)] = index;
  by_name_[FoldCase(table.name)] = index;
  schema_.tables.push_back(std::move(table));
}

}  // namespace gdpr::sql
