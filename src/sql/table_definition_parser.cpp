#include "sql/table_definition_parser.h"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace gdpr::sql {
namespace {

using model::Dialect;

// Words that end a column's type and start its options.
constexpr std::array<std::string_view, 21> kColumnOptionWords = {
    "CONSTRAINT", "NOT",     "NULL",         "DEFAULT",   "PRIMARY",        "REFERENCES",
    "UNIQUE",     "CHECK",   "COLLATE",      "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT",
    "COMMENT",    "AS",      "ON",           "KEY",       "IDENTITY",       "VISIBLE",
    "INVISIBLE",  "CHARSET", "COLUMN_FORMAT"};

constexpr size_t kMaxOptionWord = 16;
constexpr size_t kMaxSameShape = 4;  // option words of one length and first letter

// The option words by length and (lower-case) first letter, as indexes + 1 into
// kColumnOptionWords (0: none). EndsColumnType runs for every token of every column type,
// and this rejects nearly all of them (character, varying, integer, text...) with one
// lookup, and leaves at most a few words to compare with the rest.
using OptionWordTable = std::array<std::array<uint8_t, kMaxSameShape>, kMaxOptionWord * 26>;

constexpr OptionWordTable MakeOptionWordTable() {
  OptionWordTable table{};
  for (size_t i = 0; i < kColumnOptionWords.size(); ++i) {
    std::string_view w = kColumnOptionWords[i];
    auto& slots = table[w.size() * 26 + static_cast<size_t>(w[0] - 'A')];
    size_t k = 0;
    while (slots[k] != 0) ++k;  // a fifth word of one shape fails to compile here
    slots[k] = static_cast<uint8_t>(i + 1);
  }
  return table;
}
constexpr OptionWordTable kOptionWordTable = MakeOptionWordTable();

// Words that end a DEFAULT expression (besides the column option words above).
inline bool IsOptionWord(const Token& t) {
  if (t.kind != TokenKind::kWord || t.text.size() >= kMaxOptionWord) return false;
  char c = t.text[0];
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  if (c < 'a' || c > 'z') return false;
  for (uint8_t slot : kOptionWordTable[t.text.size() * 26 + static_cast<size_t>(c - 'a')]) {
    if (slot == 0) return false;
    if (EqualsIgnoreCase(t.text, kColumnOptionWords[slot - 1])) return true;
  }
  return false;
}

// EndsColumnType, inline for the loops of this file that run over every type token.
inline bool EndsType(const TokenSpan& span) {
  const Token& t = span.Peek();
  if (IsOptionWord(t)) return true;
  // CHARACTER starts a type (character varying) but CHARACTER SET is an option.
  return t.IsWord("CHARACTER") && span.PeekWord("SET", 1);
}

// At '(': the tokens inside the matching ')' and moves past it. False when unclosed.
bool TakeGroup(TokenSpan& span, TokenSpan& inner) {
  if (!span.PeekPunct('(')) return false;
  const Token* open = span.position();
  if (!span.SkipOne()) return false;
  inner = TokenSpan(open + 1, span.position() - 1);
  return true;
}

// At '(': cuts the tokens inside its matching ')' into elements at depth-0 commas, as
// TokenSpan::UntilComma() would cut them, and moves `span` past the ')'. One pass over a
// table's body instead of one to find the ')' and one to cut. False, with `span` at its
// end, when the '(' is never closed.
bool TakeElements(TokenSpan& span, ElementCuts& cuts) {
  const Token* open = span.position();
  const Token* end = span.end();
  cuts.reserve(static_cast<size_t>(end - open) / 2 + 1);  // a column takes two tokens or more
  const Token* begin = open + 1;                          // of the current element
  int parens = 0;  // to find the matching ')', as TokenSpan::SkipOne() counts
  int depth = 0;   // '(' and '[' inside the current element, as UntilComma() counts
  for (const Token* p = open; p < end; ++p) {
    if (p->kind != TokenKind::kPunct || p->text.size() != 1) continue;
    switch (p->text[0]) {
      case '(':
        ++parens;
        if (p != open) ++depth;
        break;
      case ')':
        if (--parens == 0) {
          if (begin < p) cuts.emplace_back(begin, p);
          span.Seek(p + 1);
          return true;
        }
        --depth;
        break;
      case '[':
        ++depth;
        break;
      case ']':
        --depth;
        break;
      case ',':
        if (depth <= 0) {
          cuts.emplace_back(begin, p);
          begin = p + 1;
          depth = 0;
        }
        break;
      default:
        break;
    }
  }
  span.Seek(end);
  return false;
}

bool Fail(ParseError& error, const Token& at, std::string message, std::string hint = {}) {
  error.at = at;
  error.message = std::move(message);
  error.hint = std::move(hint);
  return false;
}

bool IsStringToken(const Token& t) { return t.kind == TokenKind::kString; }

}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool EndsColumnType(const TokenSpan& span) { return EndsType(span); }

void ApplyPrimaryKey(model::Table& table) {
  for (const std::string& key : table.primary_key) {
    for (model::Column& c : table.columns) {
      if (EqualsIgnoreCase(c.name, key)) {
        c.primary_key = true;
        c.nullable = false;
      }
    }
  }
}

std::string TableDefinitionParser::Text(const Token& string_token) const {
  return StringValue(string_token, dialect_ == Dialect::kMysql);
}

bool TableDefinitionParser::ParseQualifiedName(TokenSpan& span, QualifiedName& out,
                                               ParseError& error) const {
  std::string name;    // the last part read
  std::string schema;  // the part before it
  bool first = true;
  do {
    const Token& t = span.Peek();
    if (!t.IsName()) return Fail(error, t, first ? "expected a name" : "expected a name after '.'");
    schema = std::move(name);
    name = IdentifierValue(span.Take());
    first = false;
  } while (span.AcceptPunct('.'));
  out.name = std::move(name);
  out.schema = std::move(schema);
  return true;
}

bool TableDefinitionParser::ParseColumnList(TokenSpan& span, std::vector<std::string>& out,
                                            ParseError& error) const {
  TokenSpan inner;
  const Token& open = span.Peek();
  if (!open.IsPunct('(')) return Fail(error, open, "expected '(' and a column list");
  if (!TakeGroup(span, inner)) return Fail(error, open, "unclosed '(' in a column list");
  while (!inner.AtEnd()) {
    TokenSpan item = inner.UntilComma();
    inner.AcceptPunct(',');
    if (item.Peek().IsName())
      out.push_back(IdentifierValue(item.Peek()));  // expressions are skipped
  }
  return true;
}

bool TableDefinitionParser::ParseReferences(TokenSpan& span, model::ForeignKey& fk,
                                            ParseError& error) const {
  QualifiedName ref;
  if (!ParseQualifiedName(span, ref, error)) return false;
  fk.ref_schema = ref.schema;
  fk.ref_table = ref.name;
  if (span.PeekPunct('(') && !ParseColumnList(span, fk.ref_columns, error)) return false;
  // ON DELETE / ON UPDATE actions: consumed here so that `SET NULL` and `SET DEFAULT`
  // are not read as column options.
  while (span.PeekWord("ON") && (span.PeekWord("DELETE", 1) || span.PeekWord("UPDATE", 1))) {
    span.Take();
    span.Take();
    if (span.AcceptWord("SET") || span.AcceptWord("NO"))
      span.Take();
    else
      span.Take();
  }
  return true;
}

void TableDefinitionParser::SkipDefault(TokenSpan& span) const {
  span.AcceptPunct('-');
  span.AcceptPunct('+');
  span.SkipOne();  // the first token is always part of the value, even NULL
  while (!span.AtEnd() && !EndsType(span)) span.SkipOne();
}

bool TableDefinitionParser::ParseColumnOption(TokenSpan& span, model::Table& table,
                                              model::Column& column, ParseError& error) const {
  if (span.AcceptWord("CONSTRAINT")) {
    if (span.Peek().IsName() && !IsOptionWord(span.Peek())) span.Take();
  } else if (span.AcceptWords("NOT", "NULL")) {
    column.nullable = false;
  } else if (span.AcceptWord("NULL")) {
    column.nullable = true;
  } else if (span.AcceptWords("PRIMARY", "KEY") || span.AcceptWord("KEY")) {
    column.primary_key = true;
    column.nullable = false;
    table.primary_key.push_back(column.name);
  } else if (span.AcceptWord("UNIQUE")) {
    if (!span.AcceptWord("KEY")) span.AcceptWord("INDEX");  // MySQL UNIQUE KEY is not a PK
  } else if (span.AcceptWord("DEFAULT")) {
    if (span.AtEnd()) return Fail(error, span.Peek(), "expected a value after DEFAULT");
    const Token& first = span.Peek();
    SkipDefault(span);
    column.default_value = SourceSlice(first, span.position()[-1]);
  } else if (span.AcceptWord("REFERENCES")) {
    model::ForeignKey fk;
    fk.columns.push_back(column.name);
    if (!ParseReferences(span, fk, error)) return false;
    table.foreign_keys.push_back(std::move(fk));
  } else if (span.AcceptWord("COMMENT")) {
    if (IsStringToken(span.Peek())) column.comment = Text(span.Take());
  } else if (span.AcceptWords("CHARACTER", "SET") || span.AcceptWord("CHARSET") ||
             span.AcceptWord("COLLATE")) {
    span.Take();
  } else {
    const Token& at = span.Peek();
    if (!span.SkipOne())
      return Fail(error, at, "unclosed '(' in the definition of column '" + column.name + "'");
  }
  return true;
}

bool TableDefinitionParser::ParseColumn(TokenSpan element, model::Table& table,
                                        model::Column& column, ParseError& error) const {
  const Token& name = element.Peek();
  if (!name.IsName())
    return Fail(error, name, "expected a column name", "quote names that are keywords");
  element.Take();
  column.name = IdentifierValue(name);
  column.line = name.line;
  const Token* type_begin = element.position();
  while (!element.AtEnd() && !EndsType(element)) {
    const Token& at = element.Peek();
    if (!element.SkipOne())
      return Fail(error, at, "unclosed '(' in the type of column '" + column.name + "'");
  }
  column.type = JoinTokens(type_begin, element.position());
  while (!element.AtEnd())
    if (!ParseColumnOption(element, table, column, error)) return false;
  return true;
}

bool TableDefinitionParser::StartsConstraint(const TokenSpan& element) const {
  const Token& t = element.Peek();
  if (t.kind != TokenKind::kWord) return false;
  if (t.IsWord("CONSTRAINT") || t.IsWord("UNIQUE") || t.IsWord("EXCLUDE")) return true;
  if (t.IsWord("PRIMARY") || t.IsWord("FOREIGN")) return element.PeekWord("KEY", 1);
  if (t.IsWord("CHECK")) return element.PeekPunct('(', 1);
  if (t.IsWord("LIKE")) return dialect_ != Dialect::kMysql;
  bool index_word =
      t.IsWord("KEY") || t.IsWord("INDEX") || t.IsWord("FULLTEXT") || t.IsWord("SPATIAL");
  if (!index_word) return false;
  // MySQL reserves these words; elsewhere `key TEXT` is a column named key.
  if (dialect_ == Dialect::kMysql) return true;
  return dialect_ == Dialect::kUnknown &&
         (element.PeekPunct('(', 1) || (element.Peek(1).IsName() && element.PeekPunct('(', 2)));
}

bool TableDefinitionParser::ParseConstraint(TokenSpan element, model::Table& table,
                                            ParseError& error) const {
  if (element.AcceptWord("CONSTRAINT")) {
    const Token& t = element.Peek();
    bool keyword = t.IsWord("PRIMARY") || t.IsWord("FOREIGN") || t.IsWord("UNIQUE") ||
                   t.IsWord("CHECK") || t.IsWord("EXCLUDE");
    if (t.IsName() && !keyword) element.Take();
  }
  if (element.AcceptWords("PRIMARY", "KEY")) {
    while (!element.AtEnd() && !element.PeekPunct('(')) element.Take();  // index name, USING BTREE
    std::vector<std::string> columns;
    if (!ParseColumnList(element, columns, error)) return false;
    table.primary_key = std::move(columns);
    ApplyPrimaryKey(table);
  } else if (element.AcceptWords("FOREIGN", "KEY")) {
    while (!element.AtEnd() && !element.PeekPunct('(')) element.Take();  // MySQL index name
    model::ForeignKey fk;
    if (!ParseColumnList(element, fk.columns, error)) return false;
    const Token& at = element.Peek();
    if (!element.AcceptWord("REFERENCES"))
      return Fail(error, at, "expected REFERENCES after FOREIGN KEY (...)");
    if (!ParseReferences(element, fk, error)) return false;
    table.foreign_keys.push_back(std::move(fk));
  }
  // UNIQUE, CHECK, KEY, INDEX, EXCLUDE: nothing we record, but parentheses must balance.
  while (!element.AtEnd()) {
    const Token& at = element.Peek();
    if (!element.SkipOne()) return Fail(error, at, "unclosed '(' in a table constraint");
  }
  return true;
}

bool TableDefinitionParser::ParseElements(const ElementCuts& elements, TableDefinition& out,
                                          ParseError& error) const {
  // The elements were cut first (TakeElements), so that the columns vector can be
  // reserved for all of them: nearly every element is a column, and reserving spares the
  // vector its repeated growth and the slack it leaves (up to half the capacity; about
  // 40 MB of the 40,000-table benchmark estate).
  out.table.columns.reserve(out.table.columns.size() + elements.size());
  for (const auto& [begin, end] : elements) {
    TokenSpan element(begin, end);
    if (element.AtEnd()) continue;  // a stray comma: harmless
    if (element.AcceptWord("LIKE")) {
      out.copies_columns = true;
      if (!ParseQualifiedName(element, out.copy_from, error)) return false;
    } else if (StartsConstraint(element)) {
      if (!ParseConstraint(element, out.table, error)) return false;
    } else {
      // Parsed in place: ParseColumn adds keys to the table but never reads its columns.
      model::Column& column = out.table.columns.emplace_back();
      if (!ParseColumn(element, out.table, column, error)) {
        out.table.columns.pop_back();
        return false;
      }
    }
  }
  ApplyPrimaryKey(out.table);
  return true;
}

void TableDefinitionParser::ParseTableOptions(TokenSpan& span, TableDefinition& out) const {
  // A CREATE here means the ';' before the next statement is missing: stop so that the
  // caller can report it and read that statement too.
  while (!span.AtEnd() && !span.PeekWord("CREATE")) {
    if (span.AcceptWord("COMMENT")) {
      span.AcceptPunct('=');
      if (IsStringToken(span.Peek())) out.table.comment = Text(span.Take());
    } else if (span.PeekWord("INHERITS") && span.PeekPunct('(', 1) && span.Peek(2).IsName()) {
      span.Take();  // PostgreSQL: the parent's columns come first
      span.Take();
      ParseError ignored;
      if (ParseQualifiedName(span, out.copy_from, ignored)) out.copies_columns = true;
      while (!span.AtEnd() && !span.AcceptPunct(')')) span.SkipOne();
    } else {
      span.SkipOne();
    }
  }
}

// SQLite `USING fts4(a, b, tokenize=porter)`: plain names are the columns.
void TableDefinitionParser::ParseVirtualArgs(TokenSpan& span, model::Table& table) const {
  TokenSpan inner;
  if (!TakeGroup(span, inner)) return;
  while (!inner.AtEnd()) {
    TokenSpan arg = inner.UntilComma();
    inner.AcceptPunct(',');
    const Token* begin = arg.position();
    bool option = false;
    for (const Token* t = begin; t < arg.end(); ++t) option = option || t->IsPunct('=');
    if (option || !arg.Peek().IsName()) continue;
    model::Column column;
    column.name = IdentifierValue(arg.Take());
    column.line = begin->line;
    column.type = JoinTokens(arg.position(), arg.end());
    table.columns.push_back(std::move(column));
  }
}

bool TableDefinitionParser::ParseCreateTable(TokenSpan& span, const std::string& default_schema,
                                             bool is_virtual, TableDefinition& out,
                                             ParseError& error) const {
  if (span.PeekWord("IF") && span.PeekWord("NOT", 1) && span.PeekWord("EXISTS", 2)) {
    span.Take();
    span.Take();
    span.Take();
  }
  QualifiedName name;
  if (!ParseQualifiedName(span, name, error)) {
    error.message = "expected a table name";
    return false;
  }
  out.table.name = std::move(name.name);
  out.table.schema = name.schema.empty() ? default_schema : std::move(name.schema);
  const Token& next = span.Peek();
  if (is_virtual) {
    if (span.AcceptWord("USING")) {
      span.Take();  // module name
      ParseVirtualArgs(span, out.table);
    }
    return true;
  }
  if (next.IsPunct('(')) {
    ElementCuts& elements = cuts_;  // reused: one allocation for all tables
    elements.clear();
    if (!TakeElements(span, elements))
      return Fail(error, next, "this '(' is never closed", "is a ')' missing?");
    if (!ParseElements(elements, out, error)) return false;
    ParseTableOptions(span, out);
    return true;
  }
  if (span.AcceptWords("PARTITION", "OF") || span.AcceptWord("LIKE") ||
      span.AcceptWord("INHERITS")) {
    out.copies_columns = true;
    if (!ParseQualifiedName(span, out.copy_from, error)) return false;
    if (span.PeekPunct('(')) {  // partition constraints
      ElementCuts& elements = cuts_;
      elements.clear();
      const Token& open = span.Peek();
      if (!TakeElements(span, elements)) return Fail(error, open, "this '(' is never closed");
      if (!ParseElements(elements, out, error)) return false;
    }
    return true;
  }
  if (span.AcceptWord("AS") || span.PeekWord("SELECT") || span.AcceptWord("OF")) {
    out.table.columns_known = false;
    return true;
  }
  return Fail(error, next, "expected '(' and a column list after the table name",
              "CREATE TABLE name (column type, ...), AS SELECT, LIKE or PARTITION OF");
}

}  // namespace gdpr::sql
