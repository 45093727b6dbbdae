#include "sql/dialect_sniffer.h"

#include <doctest/doctest.h>

using gdpr::model::Dialect;
using gdpr::sql::SniffDialect;

TEST_CASE("sql::SniffDialect recognises PostgreSQL") {
  CHECK(SniffDialect(
            "SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\nCREATE TABLE a (b int);") ==
        Dialect::kPostgres);
  CHECK(SniffDialect("CREATE TABLE a (b character varying DEFAULT ''::character varying);") ==
        Dialect::kPostgres);
  CHECK(SniffDialect("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;") ==
        Dialect::kPostgres);
  CHECK(SniffDialect("\\pset tuples_only on\nCREATE TABLE a (b int);") == Dialect::kPostgres);
}

TEST_CASE("sql::SniffDialect recognises MySQL") {
  CHECK(SniffDialect("CREATE TABLE `a` (`b` int) ENGINE=InnoDB;") == Dialect::kMysql);
  CHECK(SniffDialect("/*!40101 SET NAMES utf8 */;\nCREATE TABLE a (b int);") == Dialect::kMysql);
  CHECK(SniffDialect("create table a (id int not null auto_increment, primary key (id));") ==
        Dialect::kMysql);
}

TEST_CASE("sql::SniffDialect recognises SQLite") {
  CHECK(SniffDialect("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);") == Dialect::kSqlite);
  CHECK(SniffDialect(".schema\nCREATE TABLE a(b);") == Dialect::kSqlite);
  CHECK(SniffDialect("CREATE VIRTUAL TABLE s USING fts4(a);") == Dialect::kSqlite);
  CHECK(SniffDialect("CREATE TABLE a (b) WITHOUT ROWID;") == Dialect::kSqlite);
}

TEST_CASE("sql::SniffDialect returns unknown without evidence") {
  CHECK(SniffDialect("") == Dialect::kUnknown);
  CHECK(SniffDialect("CREATE TABLE a (b int, c varchar(10));") == Dialect::kUnknown);
}

TEST_CASE("sql::SniffDialect counts word signals only at the start of a word") {
  // `serial`, `unsigned` and `bytea` inside longer names are no evidence.
  CHECK(SniffDialect("CREATE TABLE a (myserial int, notunsigned int, x_bytea int);") ==
        Dialect::kUnknown);
  CHECK(SniffDialect("CREATE TABLE a (b SERIAL);") == Dialect::kPostgres);
  CHECK(SniffDialect("CREATE TABLE a (b int UNSIGNED);") == Dialect::kMysql);
  // After a digit or '_' a letter is inside a word; after other bytes it starts one.
  CHECK(SniffDialect("CREATE TABLE a (b1serial int, _serial int);") == Dialect::kUnknown);
  CHECK(SniffDialect("CREATE TABLE a (b int,serial int);") == Dialect::kPostgres);
  CHECK(SniffDialect("CREATE TABLE a (\xc3\xa9serial int);") == Dialect::kPostgres);
}

TEST_CASE("sql::SniffDialect finds signals at every position of a long text") {
  // Signals at the very start, across 16-byte boundaries and in the last bytes.
  for (size_t pad = 0; pad < 40; ++pad) {
    std::string filler(pad, ' ');
    CHECK(SniffDialect(filler + "`a`") == Dialect::kMysql);
    CHECK(SniffDialect("CREATE TABLE a (b int" + filler + ") WITHOUT ROWID;") == Dialect::kSqlite);
    CHECK(SniffDialect("x" + filler + "::int") == Dialect::kPostgres);
    CHECK(SniffDialect(filler + "Serial") == Dialect::kPostgres);
    CHECK(SniffDialect(filler + "xserial") == Dialect::kUnknown);
  }
}

TEST_CASE("sql::SniffDialect stops early once the evidence is decisive") {
  // Decisive PostgreSQL evidence in the first 4 KiB; MySQL noise after it is not read.
  std::string text = "SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n";
  for (int i = 0; i < 10; ++i) text += "CREATE TABLE t (a character varying, b timestamptz);\n";
  text += std::string(5000, ' ');
  for (int i = 0; i < 200; ++i) text += "CREATE TABLE `t` (a int) ENGINE=InnoDB;\n";
  CHECK(SniffDialect(text) == Dialect::kPostgres);
  // Without that early lead, the MySQL evidence wins.
  CHECK(SniffDialect(std::string(5000, ' ') + text.substr(text.find("CREATE TABLE `t`"))) ==
        Dialect::kMysql);
}
