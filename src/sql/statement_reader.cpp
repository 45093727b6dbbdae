#include "sql/statement_reader.h"

#include <algorithm>
#include <new>

namespace gdpr::sql {

StatementReader::StatementReader(DdlLexer& lexer, size_t max_statement_bytes)
    : lexer_(lexer),
      max_bytes_(max_statement_bytes),
      max_tokens_(std::max<size_t>(max_statement_bytes / kBytesPerToken, kMinTokens)) {}

void StatementReader::Reset() {
  keep_ = copy_ = stdin_ = routine_ = blocked_ = after_current_user_ = after_end_ = false;
  block_depth_ = 0;
}

// Routine bodies without a DELIMITER change contain `;`: count BEGIN/CASE ... END so
// the statement ends only at the `;` after the outermost END. `END IF`, `END LOOP`,
// `END WHILE` and `END REPEAT` close blocks that were never counted, so they are undone.
void StatementReader::TrackRoutine(const Token& t) {
  if (!routine_) {
    if (blocked_) return;  // a table, view or index: nothing later can make it a routine
    // The routine keyword comes right after CREATE and its prefixes (OR REPLACE,
    // DEFINER=user@host or DEFINER=CURRENT_USER(), ...). Once the statement shows it is
    // a table, view or index, a later `event` or `function` is just a name.
    bool blocks = t.IsWord("TABLE") || t.IsWord("VIEW") || t.IsWord("INDEX") || t.IsWord("AS") ||
                  t.IsWord("ON") || t.IsWord("SELECT") || (t.IsPunct('(') && !after_current_user_);
    if (blocks) blocked_ = true;
    if (!blocked_ &&
        (t.IsWord("TRIGGER") || t.IsWord("FUNCTION") || t.IsWord("PROCEDURE") || t.IsWord("EVENT")))
      routine_ = true;
    after_current_user_ = t.IsWord("CURRENT_USER");
    return;
  }
  if (t.kind != TokenKind::kWord) {
    after_end_ = false;
    return;
  }
  if (t.IsWord("BEGIN")) {
    ++block_depth_;
  } else if (t.IsWord("CASE")) {
    if (!after_end_) ++block_depth_;
  } else if (t.IsWord("END")) {
    if (block_depth_ > 0) --block_depth_;
  } else if (after_end_ &&
             (t.IsWord("IF") || t.IsWord("LOOP") || t.IsWord("WHILE") || t.IsWord("REPEAT"))) {
    ++block_depth_;
  }
  after_end_ = t.IsWord("END");
}

// The rest of a statement we do not keep: skipped without making tokens.
Token StatementReader::SkipRest(Statement& out) {
  size_t content_end = 0;
  Token unterminated;
  Token end = lexer_.SkipStatement(content_end, unterminated);
  if (unterminated.kind == TokenKind::kUnterminated && !out.unterminated) {
    out.unterminated = true;
    out.unterminated_at = unterminated;
  }
  if (content_end > out.first.offset)
    out.bytes = std::max(out.bytes, content_end - out.first.offset);
  if (out.bytes > max_bytes_) out.too_long = true;
  return end;
}

bool StatementReader::Next(Statement& out) {
  std::vector<Token>& tokens = out.tokens;
  for (;;) {
    tokens.clear();
    out.first = Token{};
    out.bytes = 0;
    out.too_long = out.unterminated = false;
    Reset();
    bool any = false;
    TokenKind end = TokenKind::kEnd;
    for (;;) {
      // Each token is lexed straight into the vector (guaranteed copy elision) and taken
      // out again when it is not kept: copying a token that was just written field by
      // field stalls the CPU's store forwarding, and this runs for every token.
      const size_t kept = tokens.size();
      Token& t = *::new (static_cast<void*>(&tokens.emplace_back())) Token(lexer_.Next());
      if (t.kind == TokenKind::kEnd || t.kind == TokenKind::kMeta ||
          (t.kind == TokenKind::kDelimiter && !(routine_ && block_depth_ > 0))) {
        end = t.kind;
        tokens.pop_back();
        break;
      }
      if (!any) {
        any = true;
        out.first = t;
        keep_ = t.IsWord("CREATE") || t.IsWord("ALTER") || t.IsWord("COMMENT");
        copy_ = t.IsWord("COPY");
      } else if (copy_ && t.IsWord("STDIN")) {
        stdin_ = true;
      }
      if (t.kind == TokenKind::kUnterminated) {
        out.unterminated = true;
        out.unterminated_at = t;
      }
      out.bytes = t.offset + t.text.size() - out.first.offset;
      if ((out.bytes > max_bytes_ || kept >= max_tokens_) && !out.too_long) {
        out.too_long = true;
        keep_ = false;
        tokens.clear();
      } else if (keep_) {
        if (routine_ || !blocked_) TrackRoutine(t);  // a table's tokens need no tracking
        // A routine is only scanned for its end; its body is never parsed.
        if (routine_) tokens.pop_back();
        continue;
      } else {
        tokens.pop_back();
      }
      if (!copy_) {
        end = SkipRest(out).kind;
        break;
      }
    }
    if (copy_ && stdin_ && end == TokenKind::kDelimiter) lexer_.SkipCopyData();
    if (any) return true;
    if (end == TokenKind::kEnd) return false;
  }
}

}  // namespace gdpr::sql
