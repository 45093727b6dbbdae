#include "load/database_url.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using gdpr::load::DatabaseKind;
using gdpr::load::DatabaseUrl;
using gdpr::load::IsDatabaseUrl;
using gdpr::load::RedactUrl;
using gdpr::model::Diagnostics;

namespace {

std::string Param(const DatabaseUrl& url, const std::string& key) {
  for (const auto& [k, v] : url.PostgresParams())
    if (k == key) return v;
  return "<none>";
}

bool AnyDiagnosticContains(const Diagnostics& diags, const std::string& needle) {
  for (const auto& d : diags.all())
    if (d.message.find(needle) != std::string::npos || d.hint.find(needle) != std::string::npos ||
        d.location.path.find(needle) != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE("load::DatabaseUrl parses SQLite forms") {
  Diagnostics diags;
  auto rel = DatabaseUrl::Parse("sqlite:data/app.db", diags);
  REQUIRE(rel);
  CHECK(rel->kind() == DatabaseKind::kSqlite);
  CHECK(rel->sqlite_path() == "data/app.db");
  CHECK(rel->Redacted() == "sqlite:data/app.db");

  auto abs = DatabaseUrl::Parse("sqlite:///var/lib/app.db", diags);
  REQUIRE(abs);
  CHECK(abs->sqlite_path() == "/var/lib/app.db");

  auto slashes = DatabaseUrl::Parse("SQLite://app.db", diags);
  REQUIRE(slashes);
  CHECK(slashes->sqlite_path() == "app.db");
  CHECK_FALSE(diags.HasErrors());

  CHECK_FALSE(DatabaseUrl::Parse("sqlite:", diags));
  CHECK(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("names no SQLite file") != std::string::npos);
}

TEST_CASE("load::DatabaseUrl refuses unknown schemes with a hint") {
  Diagnostics diags;
  CHECK_FALSE(DatabaseUrl::Parse("mysql://root:hunter22@db/shop", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("unsupported database URL") != std::string::npos);
  CHECK(diags.all()[0].hint.find("postgresql://") != std::string::npos);
  CHECK_FALSE(AnyDiagnosticContains(diags, "hunter22"));
}

TEST_CASE("load::DatabaseUrl keeps the PostgreSQL password out of printable forms") {
  Diagnostics diags;
  auto url =
      DatabaseUrl::Parse("postgresql://alice:s3cr%40t@db.example:5433/shop?sslmode=require", diags);
  REQUIRE(url);
  CHECK(url->kind() == DatabaseKind::kPostgres);
  CHECK(url->has_password());
  CHECK(url->Redacted() == "postgresql://alice:***@db.example:5433/shop?sslmode=require");
  CHECK(Param(*url, "dbname") == "postgresql://alice@db.example:5433/shop?sslmode=require");
  CHECK(Param(*url, "password") == "s3cr@t");
  CHECK(Param(*url, "connect_timeout") == "10");

  SUBCASE("postgres:// alias without credentials") {
    auto plain = DatabaseUrl::Parse("postgres://localhost/shop", diags);
    REQUIRE(plain);
    CHECK_FALSE(plain->has_password());
    CHECK(plain->Redacted() == "postgres://localhost/shop");
    CHECK(Param(*plain, "password") == "<none>");
    CHECK(Param(*plain, "dbname") == "postgresql://localhost/shop");
  }
  SUBCASE("password as a query parameter") {
    auto q = DatabaseUrl::Parse(
        "postgresql://bob@h/db?password=pa%26ss&connect_timeout=3&sslmode=disable", diags);
    REQUIRE(q);
    CHECK(q->Redacted() == "postgresql://bob@h/db?password=***&connect_timeout=3&sslmode=disable");
    CHECK(Param(*q, "password") == "pa&ss");
    CHECK(Param(*q, "dbname") == "postgresql://bob@h/db?connect_timeout=3&sslmode=disable");
    CHECK(Param(*q, "connect_timeout") == "<none>");  // the URL's own wins
  }
  SUBCASE("unencoded '/' and '@' in the password") {
    auto odd = DatabaseUrl::Parse("postgresql://carol:a/b@c@host/db", diags);
    REQUIRE(odd);
    CHECK(odd->Redacted() == "postgresql://carol:***@host/db");
    auto at_in_query = DatabaseUrl::Parse("postgresql://u:p@host/db?application_name=a@b", diags);
    REQUIRE(at_in_query);
    CHECK(at_in_query->Redacted() == "postgresql://u:***@host/db?application_name=a@b");
    CHECK(Param(*at_in_query, "password") == "p");
    CHECK(Param(*odd, "password") == "a/b@c");
    CHECK(Param(*odd, "dbname") == "postgresql://carol@host/db");
  }
  SUBCASE("an unencoded '?' in the password is refused, not leaked") {
    CHECK_FALSE(DatabaseUrl::Parse("postgresql://dave:wh?atever@host/db", diags));
    CHECK(diags.HasErrors());
    CHECK_FALSE(AnyDiagnosticContains(diags, "atever"));
  }
  CHECK_FALSE(AnyDiagnosticContains(diags, "s3cr"));
}

TEST_CASE("load::DatabaseUrl never shows a password, whatever characters it holds") {
  const std::string specials = "@/:#%&=? +;'\"";
  for (char a : specials)
    for (char b : specials) {
      std::string password = std::string("Zq") + a + "x7" + b + "Kw";
      for (const std::string& url :
           {"postgresql://user:" + password + "@host:5432/db?sslmode=disable",
            "postgres://user@host/db?password=" + password,
            "postgresql://user:" + password + "@host"}) {
        CAPTURE(url);
        Diagnostics diags;
        auto parsed = DatabaseUrl::Parse(url, diags);
        CHECK_FALSE(AnyDiagnosticContains(diags, "x7"));
        if (!parsed) continue;
        CHECK(parsed->Redacted().find("x7") == std::string::npos);
        CHECK(parsed->Redacted().find("host") != std::string::npos);
        CHECK(parsed->Scrub("echo: " + password).find("x7") == std::string::npos);
        if (password.find_first_of("%&?") == std::string::npos)
          CHECK(Param(*parsed, "password") == password);
      }
    }
}

TEST_CASE("load::RedactUrl masks passwords in free text") {
  CHECK(RedactUrl("could not connect to postgresql://u:pw@h/db: refused") ==
        "could not connect to postgresql://u:***@h/db: refused");
  CHECK(RedactUrl("host=h password='a b' user=u") == "host=h password=*** user=u");
  CHECK(RedactUrl("x?sslpassword=k&y=1") == "x?sslpassword=***&y=1");
  CHECK(RedactUrl("PGPASSWORD=abc make test") == "PGPASSWORD=*** make test");
  CHECK(RedactUrl("no secrets at http://example.org/a@b") ==
        "no secrets at http://example.org/a@b");
  CHECK(RedactUrl("postgresql://u:***@h/db") == "postgresql://u:***@h/db");
}

TEST_CASE("load::DatabaseUrl::Scrub hides the password in driver messages") {
  Diagnostics diags;
  auto url = DatabaseUrl::Parse("postgresql://u:Tr0ub4dor@h/db", diags);
  REQUIRE(url);
  CHECK(url->Scrub("password authentication failed (Tr0ub4dor)\n") ==
        "password authentication failed (***)?");
}

TEST_CASE("load::DatabaseUrl::LoadPasswordFile takes the first line only") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "gdpr_database_url_test";
  fs::create_directories(dir);
  Diagnostics diags;
  auto url = DatabaseUrl::Parse("postgresql://u:inurl@h/db", diags);
  REQUIRE(url);

  std::ofstream(dir / "pw") << "from-file\r\nsecond line\n";
  CHECK(url->LoadPasswordFile((dir / "pw").string(), diags));
  CHECK(Param(*url, "password") == "from-file");
  CHECK(url->Redacted() == "postgresql://u:***@h/db");

  std::ofstream(dir / "empty") << "\n";
  CHECK_FALSE(url->LoadPasswordFile((dir / "empty").string(), diags));
  CHECK(diags.all().back().message.find("is empty") != std::string::npos);
  CHECK_FALSE(url->LoadPasswordFile((dir / "missing").string(), diags));
  CHECK(diags.all().back().message.find("cannot read password file") != std::string::npos);
  CHECK(Param(*url, "password") == "from-file");  // a failed load keeps the last good one
  CHECK_FALSE(AnyDiagnosticContains(diags, "from-file"));
  fs::remove_all(dir);
}

TEST_CASE("load::IsDatabaseUrl tells URLs from schema files") {
  CHECK(IsDatabaseUrl("sqlite:app.db"));
  CHECK(IsDatabaseUrl("PostgreSQL://h/db"));
  CHECK(IsDatabaseUrl("postgres://h/db"));
  CHECK_FALSE(IsDatabaseUrl("db/schema.sql"));
  CHECK_FALSE(IsDatabaseUrl("postgres.sql"));
}
