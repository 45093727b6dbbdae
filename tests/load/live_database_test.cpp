#include "load/live_database.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "load/database_url.h"

using gdpr::load::DatabaseUrl;
using gdpr::load::IntrospectDatabase;
using gdpr::load::LiveOptions;
using gdpr::model::Column;
using gdpr::model::Diagnostics;
using gdpr::model::Schema;
using gdpr::model::Table;
namespace fs = std::filesystem;

namespace {

// A fresh folder whose name needs URI escaping, removed at the end of the test.
struct TempDir {
  fs::path path = fs::temp_directory_path() / "gdpr live?db #1";
  TempDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

void CreateSqlite(const fs::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

std::vector<std::string> TableNames(const Schema& schema) {
  std::vector<std::string> names;
  for (const Table& t : schema.tables) names.push_back(t.QualifiedName());
  return names;
}

bool DiagnosticsMention(const Diagnostics& diags, const std::string& needle) {
  for (const auto& d : diags.all())
    if (d.message.find(needle) != std::string::npos || d.hint.find(needle) != std::string::npos ||
        d.location.path.find(needle) != std::string::npos)
      return true;
  return false;
}

constexpr const char* kShopSqlite = R"SQL(
CREATE TABLE customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email   VARCHAR( 255 )   NOT NULL,
  full_name TEXT,
  created_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers,
                     total NUMERIC);
CREATE TABLE order_lines (order_id INTEGER, line_no INTEGER, product TEXT,
  PRIMARY KEY (order_id, line_no), FOREIGN KEY (order_id) REFERENCES orders (id));
CREATE TABLE "odd name?" ("col one" TEXT, doubled INTEGER GENERATED ALWAYS AS ("col one" || 'x') STORED);
CREATE VIEW customer_emails AS SELECT email FROM customers;
INSERT INTO customers (email) VALUES ('a@example.org');
)SQL";

}  // namespace

TEST_CASE("load::IntrospectDatabase reads a SQLite file") {
  TempDir dir;
  fs::path file = dir.path / "shop.db";
  CreateSqlite(file, kShopSqlite);
  auto written = fs::last_write_time(file);
  auto size = fs::file_size(file);

  Diagnostics diags;
  std::vector<std::string> progress;
  LiveOptions options;
  options.progress = [&](const std::string& table) { progress.push_back(table); };
  std::string url = "sqlite:" + file.string();
  auto schema = IntrospectDatabase(url, diags, options);
  REQUIRE_MESSAGE(schema, (diags.all().empty() ? "" : diags.all()[0].message));
  CHECK_FALSE(diags.HasErrors());
  CHECK(schema->path == url);
  CHECK(schema->dialect == gdpr::model::Dialect::kSqlite);

  // Sorted by name; no view, no sqlite_sequence.
  std::vector<std::string> expected = {"customers", "odd name?", "order_lines", "orders"};
  CHECK(TableNames(*schema) == expected);
  CHECK(progress == expected);

  const Table* customers = schema->FindTable("customers");
  REQUIRE(customers);
  REQUIRE(customers->columns.size() == 4);
  CHECK(customers->primary_key == std::vector<std::string>{"id"});
  CHECK(customers->columns[0].primary_key);
  CHECK_FALSE(customers->columns[0].nullable);
  const Column* email = customers->FindColumn("email");
  REQUIRE(email);
  CHECK(email->type == "VARCHAR( 255 )");
  CHECK_FALSE(email->nullable);
  CHECK(customers->FindColumn("full_name")->nullable);
  CHECK(customers->FindColumn("created_at")->default_value == "CURRENT_TIMESTAMP");

  const Table* orders = schema->FindTable("orders");
  REQUIRE(orders);
  REQUIRE(orders->foreign_keys.size() == 1);
  CHECK(orders->foreign_keys[0].columns == std::vector<std::string>{"customer_id"});
  CHECK(orders->foreign_keys[0].ref_table == "customers");
  // "REFERENCES customers" names no column: the parent's primary key is meant.
  CHECK(orders->foreign_keys[0].ref_columns == std::vector<std::string>{"id"});

  const Table* lines = schema->FindTable("order_lines");
  REQUIRE(lines);
  CHECK(lines->primary_key == std::vector<std::string>{"order_id", "line_no"});
  REQUIRE(lines->foreign_keys.size() == 1);
  CHECK(lines->foreign_keys[0].ref_columns == std::vector<std::string>{"id"});

  const Table* odd = schema->FindTable("odd name?");
  REQUIRE(odd);
  REQUIRE(odd->columns.size() == 2);  // the generated column is a column too
  CHECK(odd->columns[0].name == "col one");

  // Read-only: the file is untouched and no journal appeared.
  CHECK(fs::last_write_time(file) == written);
  CHECK(fs::file_size(file) == size);
  CHECK_FALSE(fs::exists(dir.path / "shop.db-journal"));
  CHECK_FALSE(fs::exists(dir.path / "shop.db-wal"));
}

TEST_CASE("load::IntrospectDatabase leaves no -wal or -shm file beside a WAL database") {
  TempDir dir;
  fs::path file = dir.path / "wal.db";
  CreateSqlite(
      file, "PRAGMA journal_mode = WAL; CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);");
  REQUIRE_FALSE(fs::exists(dir.path / "wal.db-wal"));  // a clean close removes it
  Diagnostics diags;
  auto schema = IntrospectDatabase("sqlite:" + file.string(), diags);
  REQUIRE(schema);
  CHECK(TableNames(*schema) == std::vector<std::string>{"people"});
  CHECK_FALSE(fs::exists(dir.path / "wal.db-wal"));
  CHECK_FALSE(fs::exists(dir.path / "wal.db-shm"));
}

TEST_CASE("load::IntrospectDatabase reads a SQLite file another process is writing") {
  TempDir dir;
  fs::path file = dir.path / "busy.db";
  CreateSqlite(file, "PRAGMA journal_mode = WAL; CREATE TABLE a (x INTEGER);");
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &writer) == SQLITE_OK);
  // Committed to the WAL, not yet to the main file: only a non-immutable open sees it.
  REQUIRE(sqlite3_exec(writer, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE b (y TEXT);", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  Diagnostics diags;
  auto schema = IntrospectDatabase("sqlite:" + file.string(), diags);
  sqlite3_close(writer);
  REQUIRE(schema);
  CHECK(TableNames(*schema) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("load::IntrospectDatabase accepts the sqlite:// forms") {
  TempDir dir;
  fs::path file = dir.path / "a.db";
  CreateSqlite(file, "CREATE TABLE t (x INTEGER);");
  Diagnostics diags;
  CHECK(IntrospectDatabase("sqlite://" + file.string(), diags));  // sqlite:///abs/a.db
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("load::IntrospectDatabase refuses a missing SQLite file without creating it") {
  TempDir dir;
  fs::path file = dir.path / "missing.db";
  Diagnostics diags;
  CHECK_FALSE(IntrospectDatabase("sqlite:" + file.string(), diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("does not exist") != std::string::npos);
  CHECK(diags.all()[0].location.path == "sqlite:" + file.string());
  CHECK_FALSE(fs::exists(file));
}

TEST_CASE("load::IntrospectDatabase reports a file that is not a SQLite database") {
  TempDir dir;
  fs::path file = dir.path / "notes.db";
  std::ofstream(file) << "this is not a database, just some text that is long enough to look like "
                         "a header of a file but is not one at all, really.\n";
  Diagnostics diags;
  CHECK_FALSE(IntrospectDatabase("sqlite:" + file.string(), diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("not a database") != std::string::npos);
}

TEST_CASE("load::IntrospectDatabase reports an unsupported URL") {
  Diagnostics diags;
  CHECK_FALSE(IntrospectDatabase("mysql://root:hunter22@localhost/shop", diags));
  CHECK(diags.HasErrors());
  CHECK_FALSE(DiagnosticsMention(diags, "hunter22"));
}

TEST_CASE(
    "load::IntrospectDatabase reports an unreachable PostgreSQL server without its password") {
  Diagnostics diags;
  // Port 1 on localhost: refused at once, no network needed.
  CHECK_FALSE(
      IntrospectDatabase("postgresql://u:N0tPrinted@127.0.0.1:1/db?connect_timeout=2", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("cannot connect: ") == 0);
  CHECK(diags.all()[0].location.path == "postgresql://u:***@127.0.0.1:1/db?connect_timeout=2");
  CHECK_FALSE(DiagnosticsMention(diags, "N0tPrinted"));
}

// ---- Against a real server: .ci/postgres-setup prints GDPR_TEST_PG_URL. ----

namespace {

const char* PgUrl() {
  const char* url = std::getenv("GDPR_TEST_PG_URL");
  return url && *url ? url : nullptr;
}

std::string PasswordOf(const std::string& url) {
  Diagnostics diags;
  auto parsed = DatabaseUrl::Parse(url, diags);
  if (parsed)
    for (const auto& [key, value] : parsed->PostgresParams())
      if (key == "password") return value;
  return "";
}

// The URL with its user-info password removed (host and the rest kept).
std::string WithoutPassword(const std::string& url) {
  size_t colon = url.find(':', url.find("://") + 3);
  size_t at = url.rfind('@');
  return url.substr(0, colon) + url.substr(at);
}

}  // namespace

TEST_CASE("load::IntrospectDatabase reads a live PostgreSQL catalog") {
  const char* url = PgUrl();
  if (!url) {
    MESSAGE(
        "GDPR_TEST_PG_URL not set: PostgreSQL introspection not tested (run .ci/postgres-setup)");
    return;
  }
  std::string password = PasswordOf(url);
  REQUIRE_FALSE(password.empty());
  Diagnostics diags;
  std::vector<std::string> progress;
  LiveOptions options;
  options.progress = [&](const std::string& table) { progress.push_back(table); };
  auto schema = IntrospectDatabase(url, diags, options);
  REQUIRE_MESSAGE(schema, (diags.all().empty() ? "" : diags.all()[0].message));
  CHECK(schema->dialect == gdpr::model::Dialect::kPostgres);
  CHECK(schema->path.find(password) == std::string::npos);
  CHECK(schema->path.find(":***@") != std::string::npos);

  std::vector<std::string> expected = {
      "hr.Sick Leave",         "hr.employees",       "public.customers",
      "public.event_flags",    "public.events",      "public.events_2026_01",
      "public.events_2026_02", "public.order_lines", "public.orders"};
  CHECK(TableNames(*schema) == expected);  // views left out, partitions in, "C" order
  CHECK(progress == expected);

  const Table* customers = schema->FindTable("public.customers");
  REQUIRE(customers);
  CHECK(customers->comment == "People who bought something");
  CHECK(customers->primary_key == std::vector<std::string>{"id"});
  REQUIRE(customers->columns.size() == 7);
  CHECK(customers->columns[0].name == "id");
  CHECK(customers->columns[0].primary_key);
  CHECK(customers->columns[0].type == "bigint");
  CHECK(customers->columns[0].default_value == "generated always as identity");
  const Column* email = customers->FindColumn("email");
  REQUIRE(email);
  CHECK(email->type == "character varying(255)");
  CHECK_FALSE(email->nullable);
  CHECK(email->comment == "Primary contact address");
  CHECK(customers->FindColumn("last_login_ip")->type == "inet");
  CHECK(customers->FindColumn("smoker")->default_value == "false");
  CHECK(customers->FindColumn("created_at")->type == "timestamp with time zone");
  CHECK(customers->FindColumn("full_name")->nullable);

  const Table* orders = schema->FindTable("public.orders");
  REQUIRE(orders);
  CHECK(orders->FindColumn("id")->default_value.find("nextval(") == 0);
  REQUIRE(orders->foreign_keys.size() == 1);
  CHECK(orders->foreign_keys[0].ref_schema == "public");
  CHECK(orders->foreign_keys[0].ref_table == "customers");
  CHECK(orders->foreign_keys[0].ref_columns == std::vector<std::string>{"id"});

  // One composite key to the partitioned parent, not one per partition.
  const Table* flags = schema->FindTable("public.event_flags");
  REQUIRE(flags);
  REQUIRE(flags->foreign_keys.size() == 1);
  CHECK(flags->foreign_keys[0].columns == std::vector<std::string>{"event_id", "occurred_at"});
  CHECK(flags->foreign_keys[0].ref_table == "events");
  CHECK(flags->foreign_keys[0].ref_columns == std::vector<std::string>{"id", "occurred_at"});

  const Table* partition = schema->FindTable("public.events_2026_01");
  REQUIRE(partition);
  CHECK(partition->primary_key == std::vector<std::string>{"id", "occurred_at"});
  CHECK(partition->foreign_keys.size() == 1);
  CHECK(partition->FindColumn("client_ip")->type == "inet");

  const Table* employees = schema->FindTable("hr.employees");
  REQUIRE(employees);
  CHECK(employees->comment == "Staff records");
  CHECK(employees->FindColumn("bsn")->type == "character(9)");
  CHECK(employees->FindColumn("bsn")->comment == "Burgerservicenummer (Dutch national id)");
  REQUIRE(employees->foreign_keys.size() == 2);  // by constraint name
  CHECK(employees->foreign_keys[0].ref_table == "customers");
  CHECK(employees->foreign_keys[0].ref_schema == "public");
  CHECK(employees->foreign_keys[1].ref_table == "employees");
  CHECK(employees->foreign_keys[1].ref_schema == "hr");

  const Table* sick = schema->FindTable("hr.Sick Leave");
  REQUIRE(sick);
  CHECK(sick->primary_key == std::vector<std::string>{"Employee", "From"});
  CHECK(sick->FindColumn("Reason")->comment == "Diagnosis as told by the employee");
  CHECK_FALSE(DiagnosticsMention(diags, password));
}

TEST_CASE("load::IntrospectDatabase keeps a PostgreSQL password out of every output") {
  const char* url = PgUrl();
  if (!url) {
    MESSAGE("GDPR_TEST_PG_URL not set: PostgreSQL password handling not tested");
    return;
  }
  std::string password = PasswordOf(url);
  std::string bare = WithoutPassword(url);
  fs::path dir = fs::temp_directory_path() / "gdpr_live_pg_test";
  fs::create_directories(dir);

  SUBCASE("a wrong password in the URL is neither printed nor the right one leaked") {
    Diagnostics diags;
    std::string wrong =
        bare.substr(0, bare.find('@')) + ":Wr0ngPassw0rd" + bare.substr(bare.find('@'));
    CHECK_FALSE(IntrospectDatabase(wrong, diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("password authentication failed") != std::string::npos);
    CHECK(diags.all()[0].hint.find("--db-password-file") != std::string::npos);
    CHECK_FALSE(DiagnosticsMention(diags, "Wr0ngPassw0rd"));
    CHECK_FALSE(DiagnosticsMention(diags, password));
  }
  SUBCASE("--db-password-file supplies the password") {
    std::ofstream(dir / "pw") << password << "\n";
    Diagnostics diags;
    LiveOptions options;
    options.password_file = (dir / "pw").string();
    auto schema = IntrospectDatabase(bare, diags, options);
    REQUIRE_MESSAGE(schema, (diags.all().empty() ? "" : diags.all()[0].message));
    CHECK(schema->path == bare);
    CHECK(schema->tables.size() == 9);
  }
  SUBCASE("a missing password file is an error before connecting") {
    Diagnostics diags;
    LiveOptions options;
    options.password_file = (dir / "nope").string();
    CHECK_FALSE(IntrospectDatabase(bare, diags, options));
    CHECK(DiagnosticsMention(diags, "cannot read password file"));
  }
  fs::remove_all(dir);
}
