#include "sql/token_span.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using gdpr::model::Dialect;
using gdpr::sql::DdlLexer;
using gdpr::sql::JoinTokens;
using gdpr::sql::Token;
using gdpr::sql::TokenKind;
using gdpr::sql::TokenSpan;

namespace {

std::vector<Token> Lex(std::string_view text, Dialect dialect = Dialect::kPostgres) {
  DdlLexer lexer(text, dialect);
  std::vector<Token> out;
  for (Token t = lexer.Next(); t.kind != TokenKind::kEnd; t = lexer.Next()) out.push_back(t);
  return out;
}

std::string Join(std::string_view text) {
  std::vector<Token> tokens = Lex(text);
  return JoinTokens(tokens.data(), tokens.data() + tokens.size());
}

}  // namespace

TEST_CASE("sql::JoinTokens gives the canonical spacing however the source is spaced") {
  // Already canonical: the source text itself.
  CHECK(Join("character varying(255)") == "character varying(255)");
  CHECK(Join("numeric(10,2)") == "numeric(10,2)");
  CHECK(Join("int") == "int");
  // Extra, missing or other whitespace is normalised.
  CHECK(Join("character   varying ( 255 )") == "character varying(255)");
  CHECK(Join("numeric(10, 2)") == "numeric(10,2)");
  CHECK(Join("timestamp\twith\ntime zone") == "timestamp with time zone");
  CHECK(Join("int(10)unsigned") == "int(10) unsigned");
  CHECK(Join("text [ ]") == "text[]");
  CHECK(Join("public . my_type") == "public.my_type");
  CHECK(Join("x :: text") == "x::text");
  CHECK(Join("x::text") == "x::text");
  // A lone ':' is no cast: it keeps its spaces.
  CHECK(Join("odd : \"x-id\" integer") == "odd : \"x-id\" integer");
  CHECK(Join("odd:\"x-id\"") == "odd : \"x-id\"");
  // A comment between the tokens is not part of the type.
  CHECK(Join("character /* c */ varying") == "character varying");
  std::vector<Token> none;
  CHECK(JoinTokens(none.data(), none.data()).empty());
}

TEST_CASE("sql::TokenSpan cuts elements at depth-0 commas and skips groups") {
  std::vector<Token> tokens = Lex("a numeric(4,2), b text[], c int) , d");
  TokenSpan span(tokens.data(), tokens.data() + tokens.size());
  TokenSpan first = span.UntilComma();
  CHECK(first.end() - first.position() == 7);
  CHECK(span.AcceptPunct(','));
  TokenSpan second = span.UntilComma();
  CHECK(second.end() - second.position() == 4);
  CHECK(span.AcceptPunct(','));
  // An unbalanced ')' does not hide the comma after it.
  TokenSpan third = span.UntilComma();
  CHECK(third.end() - third.position() == 3);
  CHECK(span.AcceptPunct(','));
  CHECK(span.Take().text == "d");
  CHECK(span.AtEnd());

  std::vector<Token> group = Lex("(a, (b)) c (d");
  TokenSpan g(group.data(), group.data() + group.size());
  CHECK(g.SkipOne());
  CHECK(g.Peek().text == "c");
  CHECK(g.SkipOne());
  CHECK_FALSE(g.SkipOne());  // "(d" is never closed
  CHECK(g.AtEnd());
  CHECK_FALSE(g.SkipOne());
}
