// StatementReader: cuts a DDL text into statements, the unit the DDL parser works on.
//
// A statement ends at the delimiter in force (`;`, or a MySQL DELIMITER such as `;;`),
// at a client command line (psql `\copy`, SQLite `.schema`, `DELIMITER`), or at the
// end of input. Routines written without a DELIMITER change (SQLite triggers,
// `BEGIN ATOMIC` functions) keep going past the `;` inside their BEGIN ... END. The
// data block of `COPY ... FROM stdin` is skipped. Only statements that can define or
// change tables (CREATE, ALTER, COMMENT) keep their tokens; the rest (INSERT data,
// SET, GRANT...) are scanned and dropped, which keeps memory flat on big dumps.
#pragma once

#include <cstddef>
#include <vector>

#include "sql/ddl_lexer.h"

namespace gdpr::sql {

struct Statement {
  std::vector<Token> tokens;  // empty unless the statement is kept (see above)
  Token first;                // its first token (kEnd for an empty statement)
  size_t bytes = 0;           // source length, from the first token to the last
  bool too_long = false;      // over the byte or token limit: tokens were dropped
  bool unterminated = false;  // it runs into an unclosed string, identifier or comment
  Token unterminated_at;      // where that unclosed token starts
};

class StatementReader {
 public:
  StatementReader(DdlLexer& lexer, size_t max_statement_bytes);

  // Fills `out` with the next non-empty statement; false at the end of input.
  bool Next(Statement& out);

 private:
  void Reset();
  Token SkipRest(Statement& out);
  void TrackRoutine(const Token& t);

  // Kept tokens are capped too (max_bytes / 16, at least 64 Ki), so a mangled file of
  // one-character tokens cannot make a statement take 50 times its size in memory.
  static constexpr size_t kBytesPerToken = 16;
  static constexpr size_t kMinTokens = 1 << 16;

  DdlLexer& lexer_;
  size_t max_bytes_;
  size_t max_tokens_;
  bool keep_ = false;
  bool copy_ = false;                // statement is COPY ...
  bool stdin_ = false;               // ... FROM stdin
  bool routine_ = false;             // CREATE TRIGGER/FUNCTION/PROCEDURE/EVENT
  bool blocked_ = false;             // the statement turned out not to be a routine
  bool after_current_user_ = false;  // previous token was CURRENT_USER (its "()" is fine)
  int block_depth_ = 0;              // BEGIN/CASE ... END nesting inside a routine
  bool after_end_ = false;           // the previous token was END (END IF, END CASE, END LOOP...)
};

}  // namespace gdpr::sql
