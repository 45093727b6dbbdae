#include "sql/ddl_lexer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using gdpr::model::Dialect;
using gdpr::sql::DdlLexer;
using gdpr::sql::IdentifierValue;
using gdpr::sql::StringValue;
using gdpr::sql::Token;
using gdpr::sql::TokenKind;

namespace {

std::vector<Token> Lex(std::string_view text, Dialect dialect) {
  DdlLexer lexer(text, dialect);
  std::vector<Token> out;
  for (Token t = lexer.Next(); t.kind != TokenKind::kEnd; t = lexer.Next()) out.push_back(t);
  return out;
}

std::vector<std::string> Texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(t.text);
  return out;
}

}  // namespace

TEST_CASE("sql::DdlLexer splits a statement into kinds with line and column") {
  auto tokens = Lex("CREATE TABLE t (\n  id int4 DEFAULT 'x'::text, \"Na me\" numeric(4,2)\n);",
                    Dialect::kPostgres);
  REQUIRE(tokens.size() == 20);
  CHECK(tokens[0].IsWord("create"));
  CHECK(tokens[3].IsPunct('('));
  CHECK(tokens[4].text == "id");
  CHECK(tokens[4].line == 2);
  CHECK(tokens[4].column == 3);
  CHECK(tokens[7].kind == TokenKind::kString);
  CHECK(tokens[8].text == "::");
  CHECK(tokens[11].kind == TokenKind::kQuotedIdent);
  CHECK(IdentifierValue(tokens[11]) == "Na me");
  CHECK(tokens[14].kind == TokenKind::kNumber);
  CHECK(tokens.back().kind == TokenKind::kDelimiter);
  CHECK(tokens.back().line == 3);
}

TEST_CASE("sql::DdlLexer string escapes depend on the dialect") {
  // MySQL: \' escapes the quote; the ';' inside belongs to the string.
  auto my = Lex("COMMENT 'it\\'s; fine' , 'a''b'", Dialect::kMysql);
  REQUIRE(my.size() == 4);
  CHECK(StringValue(my[1], true) == "it's; fine");
  CHECK(StringValue(my[3], true) == "a'b");
  // PostgreSQL: a backslash is an ordinary character in '' strings, but escapes in E''.
  auto pg = Lex("'C:\\' E'it\\'s'", Dialect::kPostgres);
  REQUIRE(pg.size() == 2);
  CHECK(StringValue(pg[0], false) == "C:\\");
  CHECK(StringValue(pg[1], false) == "it's");
}

TEST_CASE("sql::DdlLexer keeps dollar-quoted bodies whole") {
  auto tokens = Lex("AS $$ BEGIN CREATE TABLE x (a int); END; $$; AS $f$ select '$$'; $f$;",
                    Dialect::kPostgres);
  REQUIRE(tokens.size() == 6);
  CHECK(tokens[1].kind == TokenKind::kString);
  CHECK(StringValue(tokens[1], false) == " BEGIN CREATE TABLE x (a int); END; ");
  CHECK(tokens[2].kind == TokenKind::kDelimiter);
  CHECK(tokens[4].text == "$f$ select '$$'; $f$");
  // "$user" is a quoted identifier, not a dollar quote.
  auto path = Lex("SET search_path TO \"$user\", public;", Dialect::kPostgres);
  CHECK(path[3].kind == TokenKind::kQuotedIdent);
  CHECK(path.back().kind == TokenKind::kDelimiter);
}

TEST_CASE("sql::DdlLexer skips comments of every kind") {
  CHECK(Texts(Lex("a /* x /* nested */ still comment */ b -- c\nd", Dialect::kPostgres)) ==
        std::vector<std::string>{"a", "b", "d"});
  CHECK(Texts(Lex("a # CREATE TABLE x (a int);\nb /*!40101 SET x = 1 */; c", Dialect::kMysql)) ==
        std::vector<std::string>{"a", "b", ";", "c"});
  // MySQL needs a space after --; PostgreSQL does not.
  CHECK(Texts(Lex("1--2", Dialect::kMysql)) == std::vector<std::string>{"1", "-", "-", "2"});
  CHECK(Texts(Lex("1--2", Dialect::kPostgres)) == std::vector<std::string>{"1"});
  // '#' is punctuation outside MySQL.
  CHECK(Texts(Lex("a # b", Dialect::kPostgres)) == std::vector<std::string>{"a", "#", "b"});
}

TEST_CASE("sql::DdlLexer follows MySQL DELIMITER changes") {
  std::string text =
      "DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET a = 1; END;;\n"
      "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 2;";
  auto tokens = Lex(text, Dialect::kMysql);
  std::vector<std::string> delimiters;
  int metas = 0;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kDelimiter) delimiters.emplace_back(t.text);
    if (t.kind == TokenKind::kMeta) ++metas;
  }
  CHECK(metas == 3);
  CHECK(delimiters == std::vector<std::string>{";;", "//", ";"});
}

TEST_CASE("sql::DdlLexer treats client commands as statement ends") {
  auto pg = Lex("\\copy Person.Address FROM './Address.csv' DELIMITER E'\\t' CSV;\nSELECT 1;",
                Dialect::kPostgres);
  REQUIRE(pg.size() == 4);
  CHECK(pg[0].kind == TokenKind::kMeta);
  CHECK(pg[1].IsWord("SELECT"));
  auto lite = Lex(".schema\nCREATE TABLE a(b);", Dialect::kSqlite);
  CHECK(lite[0].kind == TokenKind::kMeta);
  CHECK(lite[1].IsWord("CREATE"));
}

TEST_CASE("sql::DdlLexer keeps quoted identifiers whole") {
  auto tokens =
      Lex("`registered-users` \"reply-to\" \"b\xc4\xb1g\xc4\xb1nt\" `a``b`", Dialect::kSqlite);
  REQUIRE(tokens.size() == 4);
  CHECK(IdentifierValue(tokens[0]) == "registered-users");
  CHECK(IdentifierValue(tokens[1]) == "reply-to");
  CHECK(IdentifierValue(tokens[2]) == "b\xc4\xb1g\xc4\xb1nt");
  CHECK(IdentifierValue(tokens[3]) == "a`b");
  // Bare non-ASCII names are words too.
  CHECK(Lex("pr\xc3\xa9nom int", Dialect::kPostgres)[0].kind == TokenKind::kWord);
}

TEST_CASE("sql::DdlLexer counts CRLF lines") {
  auto tokens = Lex("create table a (\r\n  b int\r\n);\r\n", Dialect::kMysql);
  CHECK(tokens[4].text == "b");
  CHECK(tokens[4].line == 2);
  CHECK(tokens[4].column == 3);
}

TEST_CASE("sql::DdlLexer reports unclosed strings and comments as one token") {
  auto s = Lex("a 'never closed; b", Dialect::kPostgres);
  REQUIRE(s.size() == 2);
  CHECK(s[1].kind == TokenKind::kUnterminated);
  auto c = Lex("a /* never closed", Dialect::kPostgres);
  REQUIRE(c.size() == 2);
  CHECK(c[1].kind == TokenKind::kUnterminated);
  auto d = Lex("a $$ never closed", Dialect::kPostgres);
  REQUIRE(d.size() == 2);
  CHECK(d[1].kind == TokenKind::kUnterminated);
}

TEST_CASE("sql::DdlLexer skips COPY data up to the \\. line") {
  std::string text = "COPY t (a) FROM stdin;\n1\t'x;\nCREATE TABLE fake (a int);\n\\.\nSELECT 1;";
  DdlLexer lexer(text, Dialect::kPostgres);
  Token t;
  do t = lexer.Next();
  while (t.kind != TokenKind::kDelimiter);
  lexer.SkipCopyData();
  Token next = lexer.Next();
  CHECK(next.IsWord("SELECT"));
  CHECK(next.line == 5);
}

TEST_CASE("sql::DdlLexer SkipStatement agrees with Next on strings, comments and delimiters") {
  std::string text =
      "INSERT INTO t VALUES ('a;b', \"c;\", `d;`) /* ; */ -- ;\n, (E'\\';');\nCREATE TABLE x (a "
      "int);";
  DdlLexer lexer(text, Dialect::kPostgres);
  CHECK(lexer.Next().IsWord("INSERT"));
  size_t content_end = 0;
  Token unterminated;
  Token end = lexer.SkipStatement(content_end, unterminated);
  CHECK(end.kind == TokenKind::kDelimiter);
  CHECK(end.line == 2);
  CHECK(unterminated.kind != TokenKind::kUnterminated);
  CHECK(lexer.Next().IsWord("CREATE"));
}

TEST_CASE("sql::DdlLexer fast path keeps prefixed strings, delimiters and lines right") {
  auto tokens =
      Lex("CREATE TABLE t (\n  a text DEFAULT E'x\\'y', b text DEFAULT _utf8mb4'z',\n"
          "  c int) ;\nn",
          Dialect::kPostgres);
  REQUIRE(tokens.size() == 19);
  CHECK(tokens[7].kind == TokenKind::kString);
  CHECK(tokens[7].text == "E'x\\'y'");
  CHECK(tokens[12].kind == TokenKind::kString);
  CHECK(tokens[12].text == "_utf8mb4'z'");
  CHECK(tokens[14].text == "c");
  CHECK(tokens[14].line == 3);
  CHECK(tokens[14].column == 3);
  CHECK(tokens[16].IsPunct(')'));
  CHECK(tokens[17].kind == TokenKind::kDelimiter);
  CHECK(tokens[18].text == "n");
  CHECK(tokens[18].line == 4);
  CHECK(tokens[18].column == 1);
  // A delimiter that starts like a word or a parenthesis still ends the statement.
  auto my = Lex("DELIMITER )\nCREATE x)\nDELIMITER ;\nz;", Dialect::kMysql);
  REQUIRE(my.size() == 7);
  CHECK(my[0].kind == TokenKind::kMeta);
  CHECK(my[2].text == "x");
  CHECK(my[3].kind == TokenKind::kDelimiter);
  CHECK(my[4].kind == TokenKind::kMeta);
  CHECK(my[5].text == "z");
  CHECK(my[6].kind == TokenKind::kDelimiter);
}

TEST_CASE("sql::IdentifierValue undoes doubled quotes only where the quote allows them") {
  auto tokens = Lex("\"plain\" \"a\"\"b\" `c``d` [e]]", Dialect::kSqlite);
  REQUIRE(tokens.size() >= 4);
  CHECK(IdentifierValue(tokens[0]) == "plain");
  CHECK(IdentifierValue(tokens[1]) == "a\"b");
  CHECK(IdentifierValue(tokens[2]) == "c`d");
  CHECK(IdentifierValue(tokens[3]) == "e");
}

TEST_CASE("sql::DdlLexer closes quoted text of any length at the same place") {
  // Around the length where the lexer changes its way of looking for the closing quote,
  // with a doubled quote or an escape right at that spot, and newlines inside.
  for (size_t n = 55; n < 75; ++n) {
    for (const char* middle : {"''", "\\'", "\n", "x"}) {
      std::string body(n, 'a');
      body.append(middle).append("b");
      std::string quoted = std::string(1, '\'').append(body).append(1, '\'');
      std::string text = quoted + " next";
      for (Dialect d : {Dialect::kPostgres, Dialect::kMysql}) {
        auto tokens = Lex(text, d);
        bool backslash_escapes = d == Dialect::kMysql;
        bool escaped_quote = std::string(middle) == "\\'";
        if (escaped_quote && !backslash_escapes) {
          // PostgreSQL: the backslash is a character and the quote closes the string.
          REQUIRE(tokens.size() >= 2);
          CHECK(tokens[0].text.size() == n + 3);
          continue;
        }
        REQUIRE(tokens.size() == 2);
        CHECK(tokens[0].kind == TokenKind::kString);
        CHECK(tokens[0].text == quoted);
        CHECK(tokens[1].text == "next");
        CHECK(tokens[1].line == (std::string(middle) == "\n" ? 2 : 1));
      }
    }
  }
}

TEST_CASE("sql::DdlLexer closes quoted names of any length at the same place") {
  for (size_t n = 55; n < 75; ++n) {
    for (const char* middle : {"\"\"", "``", "\n", "x"}) {
      for (char quote : {'"', '`'}) {
        std::string body(n, 'a');
        body.append(middle).append("b");
        std::string quoted = std::string(1, quote).append(body).append(1, quote);
        std::string text = "(" + quoted + " next";
        auto tokens = Lex(text, Dialect::kPostgres);
        // A doubled quote of the other kind is two ordinary characters.
        REQUIRE(tokens.size() == 3);
        CHECK(tokens[1].kind == TokenKind::kQuotedIdent);
        CHECK(tokens[1].text == quoted);
        CHECK(tokens[2].text == "next");
        CHECK(tokens[2].line == (std::string(middle) == "\n" ? 2 : 1));
        CHECK(tokens[2].column ==
              static_cast<int>(std::string(middle) == "\n" ? 4 : text.size() - 3));
      }
    }
  }
}
