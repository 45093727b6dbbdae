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

using gdpr::model::Diagnostics;
using gdpr::model::Dialect;
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

TEST_CASE("sql::DdlParser corpus: PostgreSQL spot checks") {
  if (CorpusMissing()) return;
  Diagnostics diags;
  Schema osm = ParseCorpus("postgres/openstreetmap.sql", diags);
  const auto* email = Col(osm, "public.users", "email");
  CHECK(email->type == "character varying");
  CHECK_FALSE(email->nullable);
  CHECK(Col(osm, "users", "creation_address")->type == "inet");
  CHECK(osm.FindTable("users")->primary_key ==
        std::vector<std::string>{"id"});  // from ALTER TABLE ONLY
  CHECK(Col(osm, "users", "id")->default_value == "nextval('public.users_id_seq'::regclass)");

  Schema pagila = ParseCorpus("postgres/pagila.sql", diags);
  CHECK(pagila.FindTable("tmpCustomer") == nullptr);  // inside a function body
  CHECK(pagila.FindTable("public.payment_p2022_01") != nullptr);
  CHECK(Col(pagila, "film", "special_features")->type == "text[]");
  CHECK(Col(pagila, "film", "release_year")->type == "public.year");

  Schema aw = ParseCorpus("postgres/adventureworks.sql", diags);
  const gdpr::model::Table* employee = aw.FindTable("HumanResources.Employee");
  REQUIRE(employee);
  CHECK(employee->FindColumn("OrganizationLevel") == nullptr);  // ALTER TABLE ... DROP COLUMN
  CHECK(Col(aw, "HumanResources.Employee", "organizationnode")->default_value == "'/'");
  CHECK(employee->primary_key == std::vector<std::string>{"BusinessEntityID"});
  CHECK(Col(aw, "Person.Person", "FirstName")->type == "\"Name\"");
  CHECK(Col(aw, "Person.Person", "FirstName")->comment == "First name of the person.");
  CHECK_FALSE(aw.FindTable("Person.Person")->comment.empty());
  CHECK(diags.error_count() == 0);
}

TEST_CASE("sql::DdlParser corpus: MySQL spot checks") {
  if (CorpusMissing()) return;
  Diagnostics diags;
  Schema sakila = ParseCorpus("mysql/sakila.sql", diags);
  CHECK(sakila.FindTable("tmpCustomer") == nullptr);  // inside a DELIMITER // procedure
  CHECK(Col(sakila, "customer", "email")->type == "VARCHAR(50)");

  Schema friendica = ParseCorpus("mysql/friendica.sql", diags);
  CHECK(friendica.FindTable("user")->comment == "The local users");
  CHECK(Col(friendica, "profile", "postal-code")->type == "varchar(32)");

  Schema orange = ParseCorpus("mysql/orangehrm.sql", diags);
  CHECK(Col(orange, "hs_hr_employee", "emp_ssn_num")->type == "varchar(100)");
  const gdpr::model::Table* employee = orange.FindTable("hs_hr_employee");
  bool nationality_fk = false;  // from `alter table hs_hr_employee add foreign key ...`
  for (const auto& fk : employee->foreign_keys)
    nationality_fk = nationality_fk || fk.ref_table == "ohrm_nationality";
  CHECK(nationality_fk);

  Schema emr = ParseCorpus("mysql/openemr.sql", diags);
  CHECK(Col(emr, "patient_data", "ss")->type == "varchar(255)");
  CHECK(Col(emr, "patient_data", "DOB")->type == "date");

  Schema ninja = ParseCorpus("mysql/invoiceninja.sql", diags);
  CHECK(Col(ninja, "client_contacts", "email") != nullptr);
  CHECK_FALSE(ninja.FindTable("client_contacts")->foreign_keys.empty());
  CHECK(diags.error_count() == 0);
}

TEST_CASE("sql::DdlParser corpus: SQLite spot checks") {
  if (CorpusMissing()) return;
  Diagnostics diags;
  Schema synapse = ParseCorpus("sqlite/synapse.sql", diags);
  CHECK(synapse.FindTable("event_search")->is_virtual);
  CHECK(Col(synapse, "user_threepids", "address")->type == "TEXT");
  Schema zotero = ParseCorpus("sqlite/zotero.sql", diags);
  CHECK(Col(zotero, "settings", "value")->type.empty());  // typeless column
  Schema roundcube = ParseCorpus("sqlite/roundcube.sql", diags);
  CHECK(Col(roundcube, "identities", "reply-to")->type == "varchar(128)");
  CHECK(diags.error_count() == 0);
}
