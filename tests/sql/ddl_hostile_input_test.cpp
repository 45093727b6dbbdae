#include <doctest/doctest.h>

#include <string>

#include "model/diagnostics.h"
#include "sql/ddl_parser.h"

using gdpr::model::Diagnostics;
using gdpr::model::Dialect;

// Found by fuzz_ddl_mysql (tests/fuzz/regressions/fuzz_ddl_mysql/empty-quoted-column-name.sql):
// an empty quoted identifier became a column with no name. Every dialect rejects it.
TEST_CASE("sql::DdlParser refuses empty quoted names in every dialect") {
  struct Case {
    Dialect dialect;
    std::string quotes;
  };
  for (const Case& c : {Case{Dialect::kMysql, "``"}, Case{Dialect::kPostgres, "\"\""}, Case{Dialect::kSqlite, "[]"}}) {
    INFO("quotes: ", c.quotes);
    Diagnostics diags;
    auto schema = gdpr::sql::ParseDdl("CREATE TABLE t (a int, " + c.quotes + " int, b text);\nCREATE TABLE " +
                                          c.quotes + " (x int);\nCREATE TABLE u (id int);\n",
                                      "x.sql", c.dialect, diags);
    CHECK(diags.HasErrors());
    for (const auto& table : schema.tables) {
      CHECK(!table.name.empty());
      for (const auto& column : table.columns) CHECK(!column.name.empty());
    }
    CHECK(schema.FindTable("u") != nullptr);  // parsing goes on after the bad statements
  }
}
