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
