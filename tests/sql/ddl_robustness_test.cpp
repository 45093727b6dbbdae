// Mangled input must never crash or hang the DDL parser: truncated copies, flipped
// and deleted bytes of the real corpus (deterministic), and pathological strings.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/diagnostics.h"
#include "sql/ddl_parser.h"

namespace {

using gdpr::model::Diagnostics;
using gdpr::model::Dialect;

const std::filesystem::path kCorpus = std::filesystem::path(GDPR_SHARED_DIR) / "corpus" / "schemas";

// A fixed linear congruential generator, so every run mangles the same bytes.
struct Lcg {
  uint64_t state;
  uint64_t Next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
};

size_t ParseCount(const std::string& text, Dialect dialect) {
  Diagnostics diags;
  return gdpr::sql::ParseDdl(text, "mangled.sql", dialect, diags).tables.size();
}

}  // namespace

TEST_CASE("sql::DdlParser survives truncated and mangled corpus files") {
  if (!std::filesystem::is_directory(kCorpus)) {
    MESSAGE("skipped: schema corpus not found at " << kCorpus.string());
    return;
  }
  Lcg rng{42};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".sql") continue;
    CAPTURE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const size_t full = ParseCount(text, Dialect::kUnknown);
    for (int cut = 1; cut <= 7; ++cut) {
      std::string truncated = text.substr(0, text.size() * cut / 8 + rng.Next() % 64);
      CHECK(ParseCount(truncated, Dialect::kUnknown) <= full + 1);
    }
    for (int round = 0; round < 4; ++round) {
      std::string mangled = text;
      for (int i = 0; i < 40; ++i) {
        size_t at = rng.Next() % mangled.size();
        switch (rng.Next() % 3) {
          case 0:
            mangled[at] = static_cast<char>(rng.Next() % 256);
            break;  // flip
          case 1:
            mangled.erase(at, 1 + rng.Next() % 16);
            break;  // delete
          default:  // a byte that opens or closes something
            mangled.insert(mangled.begin() + static_cast<std::ptrdiff_t>(at),
                           "'\"`$(;/*\\"[rng.Next() % 10]);
            break;
        }
        if (mangled.empty()) mangled.push_back('x');
      }
      // Every dialect, so each lexer mode sees the damage.
      for (Dialect d : {Dialect::kPostgres, Dialect::kMysql, Dialect::kSqlite, Dialect::kUnknown})
        ParseCount(mangled, d);
    }
  }
}

TEST_CASE("sql::DdlParser survives pathological input") {
  const std::string cases[] = {
      "",
      ";;;;",
      "CREATE",
      "CREATE TABLE",
      "CREATE TABLE t (",
      "CREATE TABLE t (a int,",
      "CREATE TABLE t (a int DEFAULT",
      "CREATE TABLE t (a int REFERENCES",
      "CREATE TABLE t (CONSTRAINT",
      "CREATE TABLE t (PRIMARY KEY (",
      "CREATE SCHEMA s CREATE TABLE",
      "ALTER TABLE",
      "ALTER TABLE t ADD",
      "COMMENT ON COLUMN",
      "COPY t FROM stdin;",
      "DELIMITER",
      "DELIMITER ;;\nCREATE TABLE t (a int);;",
      "CREATE TRIGGER t BEGIN",
      "CREATE TABLE t (a int) COMMENT=",
      std::string(100000, '('),
      "CREATE TABLE t (" + std::string(100000, '('),
      "CREATE TABLE t (a " + std::string(50000, ')') + ");",
      "CREATE TABLE t (a int);" + std::string(100000, '\''),
      std::string(100000, '$'),
      "/*" + std::string(50000, '/') + "*",
      std::string("\0\0\0CREATE TABLE t (a int);", 26),
  };
  for (const std::string& text : cases) {
    CAPTURE(text.substr(0, 40));
    for (Dialect d : {Dialect::kPostgres, Dialect::kMysql, Dialect::kSqlite, Dialect::kUnknown}) {
      Diagnostics diags;
      auto schema = gdpr::sql::ParseDdl(text, "p.sql", d, diags);
      CHECK(schema.tables.size() <= 1);
    }
  }
}
