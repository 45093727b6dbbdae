// The real-world schema corpus (../shared/corpus/schemas, see its SOURCES.md) is the
// acceptance test of the DDL parser: every file parses without errors, with exactly
// the number of tables SOURCES.md documents, and with the dialect sniffed right.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/diagnostics.h"
#include "sql/ddl_parser.h"
#include "sql/dialect_sniffer.h"

namespace {

using gdpr::model::Dialect;
using gdpr::model::Diagnostics;
using gdpr::model::Schema;

const std::filesystem::path kCorpus = std::filesystem::path(GDPR_SHARED_DIR) / "corpus" / "schemas";

struct CorpusFile {
  const char* path;
  Dialect dialect;
  size_t tables;
};

// Counts from SOURCES.md: partitions and tables nested in CREATE SCHEMA count; SQLite
// virtual tables count; temporary tables inside routines do not.
const CorpusFile kFiles[] = {
    {"postgres/openstreetmap.sql", Dialect::kPostgres, 57},
    {"postgres/pagila.sql", Dialect::kPostgres, 71},
    {"postgres/synapse.sql", Dialect::kPostgres, 134},
    {"postgres/adventureworks.sql", Dialect::kPostgres, 68},
    {"postgres/guacamole.sql", Dialect::kPostgres, 23},
    {"mysql/openemr.sql", Dialect::kMysql, 283},
    {"mysql/friendica.sql", Dialect::kMysql, 91},
    {"mysql/prestashop.sql", Dialect::kMysql, 220},
    {"mysql/orangehrm.sql", Dialect::kMysql, 145},
    {"mysql/sakila.sql", Dialect::kMysql, 16},
    {"mysql/invoiceninja.sql", Dialect::kMysql, 70},
    {"sqlite/synapse.sql", Dialect::kSqlite, 132},
    {"sqlite/zotero.sql", Dialect::kSqlite, 54},
    {"sqlite/roundcube.sql", Dialect::kSqlite, 18},
};

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool CorpusMissing() {
  if (std::filesystem::is_directory(kCorpus)) return false;
  MESSAGE("skipped: schema corpus not found at " << kCorpus.string());
  return true;
}

Schema ParseCorpus(const char* path, Diagnostics& diags) {
  std::string text = ReadAll(kCorpus / path);
  REQUIRE_FALSE(text.empty());
  return gdpr::sql::ParseDdl(text, path, Dialect::kUnknown, diags);
}

const gdpr::model::Column* Col(const Schema& s, const char* table, const char* column) {
  const gdpr::model::Table* t = s.FindTable(table);
  REQUIRE_MESSAGE(t, "table " << table);
  const gdpr::model::Column* c = t->FindColumn(column);
  REQUIRE_MESSAGE(c, "column " << table << "." << column);
  return c;
}

}  // namespace

TEST_CASE("sql::DdlParser corpus: every file parses with its documented table count") {
  if (CorpusMissing()) return;
  for (const CorpusFile& f : kFiles) {
    CAPTURE(f.path);
    std::string text = ReadAll(kCorpus / f.path);
    CHECK(gdpr::sql::SniffDialect(text) == f.dialect);
    Diagnostics diags;
    Schema schema = gdpr::sql::ParseDdl(text, f.path, Dialect::kUnknown, diags);
    if (diags.HasErrors() || diags.warning_count() > 0) {
      std::ostringstream out;
      diags.Render(out, false);
      MESSAGE(out.str());
    }
    CHECK(diags.error_count() == 0);
    CHECK(diags.warning_count() == 0);
    CHECK(schema.dialect == f.dialect);
    CHECK(schema.tables.size() == f.tables);
    for (const auto& t : schema.tables) {
      CHECK(t.line > 0);
      CHECK_FALSE(t.name.empty());
    }
  }
}
