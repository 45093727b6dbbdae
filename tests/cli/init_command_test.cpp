#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../load/load_test_support.h"
#include "cli_runner.h"
#include "load/declarations_loader.h"

using gdpr::testing::ScratchDir;

namespace {

using Result = gdpr::test::CliResult;

Result RunCli(std::vector<std::string> args) {
  args.push_back("--rules=" GDPR_SOURCE_DIR "/rules");
  return gdpr::test::RunCli(std::move(args));
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Loads `path` as the declarations of a run; returns the rendered diagnostics.
std::string Validate(const std::string& path, int& errors, size_t& columns) {
  gdpr::model::Diagnostics diags;
  // The starter file sits in a scratch folder and names a schema elsewhere on purpose.
  gdpr::load::LoadOptions options;
  options.allow_outside_root = true;
  auto inv = gdpr::load::LoadDeclarations({path}, gdpr::testing::ShippedTaxonomy(),
                                          gdpr::testing::ShippedCountries(), diags, options);
  errors = diags.error_count();
  columns = inv.columns.size();
  return gdpr::testing::Rendered(diags);
}

const char* kShop =
    "CREATE TABLE customers (id serial PRIMARY KEY, email varchar(255), first_name text, price numeric);\n"
    "CREATE TABLE products (id serial PRIMARY KEY, sku text);\n";

}  // namespace

TEST_CASE("cli::init writes a starter file that validates") {
  ScratchDir dir;
  std::string schema = dir.Write("db/shop.sql", kShop);
  std::string out = dir.path() + "/gdpr-audit.yaml";
  Result r = RunCli({"init", "--from", schema, "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("wrote " + out + ": 2 personal-data columns in 1 table of 2\n") == 0);
  std::string text = ReadAll(out);
  CHECK(text.find("        schema: \"db/shop.sql\"\n") != std::string::npos);  // relative to the output file
  CHECK(text.find("  - match: \"shop.customers.email\"\n") != std::string::npos);
  int errors = 0;
  size_t columns = 0;
  std::string rendered = Validate(out, errors, columns);
  INFO(rendered);
  CHECK(errors == 0);
  CHECK(columns == 2);
}

TEST_CASE("cli::init never overwrites without --force") {
  ScratchDir dir;
  std::string schema = dir.Write("shop.sql", kShop);
  std::string out = dir.Write("gdpr-audit.yaml", "gdpr_audit: 1\n# mine\n");
  Result r = RunCli({"init", "--from", schema, "-o", out});
  CHECK(r.code == 2);
  CHECK(r.err == "gdpr-audit: error: '" + out + "' already exists; use --force to overwrite it\n");
  CHECK(ReadAll(out) == "gdpr_audit: 1\n# mine\n");
  r = RunCli({"init", "--from", schema, "-o", out, "--force"});
  CHECK(r.code == 0);
  CHECK(ReadAll(out).find("gdpr-audit init") != std::string::npos);
}

TEST_CASE("cli::init reports unreadable input and bad options with exit 2") {
  ScratchDir dir;
  std::string out = dir.path() + "/o.yaml";
  Result r = RunCli({"init", "--from", dir.path() + "/missing.sql", "-o", out});
  CHECK(r.code == 2);
  CHECK_FALSE(std::filesystem::exists(out));
  r = RunCli({"init", "--from", dir.Write("s.sql", kShop), "-o", out, "--dialect", "oracle"});
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown dialect 'oracle'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("cli::init on every corpus schema produces a file that validates") {
  std::string corpus = std::string(GDPR_SHARED_DIR) + "/corpus/schemas";
  if (!std::filesystem::is_directory(corpus)) {
    MESSAGE("SKIP: " << corpus << " is absent (shared corpus not mounted)");
    return;
  }
  std::vector<std::string> schemas;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus))
    if (entry.path().extension() == ".sql") schemas.push_back(entry.path().string());
  std::sort(schemas.begin(), schemas.end());
  REQUIRE(schemas.size() >= 10);
  for (const std::string& schema : schemas) {
    CAPTURE(schema);
    ScratchDir dir;
    std::string out = dir.path() + "/gdpr-audit.yaml";
    Result r = RunCli({"init", "--from", schema, "-o", out});
    INFO(r.err);
    REQUIRE(r.code == 0);
    int errors = 0;
    size_t columns = 0;
    std::string rendered = Validate(out, errors, columns);
    INFO(rendered);
    CHECK(errors == 0);
    CHECK(columns > 0);  // every corpus application holds personal data
  }
}

TEST_CASE("cli::init from a live SQLite database points the datastore at it") {
  ScratchDir dir;
  std::string db = dir.path() + "/app.db";
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
  REQUIRE(sqlite3_exec(handle, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, price REAL)", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(handle);
  std::filesystem::create_directories(dir.path() + "/decl");
  std::string out = dir.path() + "/decl/gdpr-audit.yaml";
  Result r = RunCli({"init", "--from", "sqlite:" + db, "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string text = ReadAll(out);
  CHECK(text.find("        url: \"sqlite:" + db + "\"") != std::string::npos);
  CHECK(text.find("  - match: \"app.users.email\"\n") != std::string::npos);
  int errors = 0;
  size_t columns = 0;
  std::string rendered = Validate(out, errors, columns);
  INFO(rendered);
  CHECK(errors == 0);
  CHECK(columns == 1);
}
