// Schema: the tables and columns of one database, as read from SQL DDL or from a
// live database's catalog. Plain data; the parsers in sql/ and load/ fill it.
#pragma once

#include <string>
#include <vector>

namespace gdpr::model {

enum class Dialect { kUnknown, kPostgres, kMysql, kSqlite };

// "postgres", "mysql", "sqlite" or "unknown" (the names used in JSON output).
const char* DialectName(Dialect d);
// Parses a dialect name as the user writes it ("postgres", "postgresql", "pg",
// "mysql", "mariadb", "sqlite", "sqlite3"); kUnknown when not recognised.
Dialect ParseDialect(const std::string& name);

struct Column {
  std::string name;
  std::string type;           // as written, normalised to single spaces ("character varying(255)")
  bool nullable = true;
  bool primary_key = false;   // part of the table's primary key
  std::string default_value;  // as written; empty when none
  std::string comment;        // COMMENT ON COLUMN / MySQL COMMENT '...'
  int line = 0;               // 1-based line of the column definition; 0 when unknown
};

struct ForeignKey {
  std::vector<std::string> columns;
  std::string ref_schema;  // empty when unqualified
  std::string ref_table;
  std::vector<std::string> ref_columns;
};

struct Table {
  std::string schema;  // "public", a MySQL database name, or empty when unqualified
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;
  std::string comment;
  int line = 0;  // line of CREATE TABLE
  bool temporary = false;     // CREATE TEMPORARY TABLE
  bool is_virtual = false;    // SQLite CREATE VIRTUAL TABLE ... USING module(...)
  bool columns_known = true;  // false for CREATE TABLE ... AS SELECT / OF type

  // "schema.name" when qualified, else "name".
  std::string QualifiedName() const;
  const Column* FindColumn(const std::string& column_name) const;
};

struct Schema {
  std::string path;  // display path of the DDL file, or the redacted URL of a live database
  Dialect dialect = Dialect::kUnknown;
  std::vector<Table> tables;

  const Table* FindTable(const std::string& name) const;  // matches name or schema.name
};

}  // namespace gdpr::model
