// End-to-end security checks through the command line: the scan root boundary, the
// input limits (exit 2 with a clear message), and what error messages may quote.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "../load/load_test_support.h"
#include "cli_runner.h"

namespace fs = std::filesystem;
using gdpr::testing::ScratchDir;

namespace {

using Result = gdpr::test::CliResult;
using gdpr::test::RunCli;

const std::string kRules = "--rules=" GDPR_SOURCE_DIR "/rules";
// A secret of the CI runner, outside the repository under audit.
const std::string kSecretLine = "AWS_SECRET_ACCESS_KEY=hunter2-do-not-print\n";

std::string Declarations(const std::string& schema) {
  return "gdpr_audit: 1\nsystems:\n  - id: shop\n    country: NL\n    datastores:\n"
         "      - id: db\n        schema: " + schema + "\n";
}

}  // namespace

TEST_CASE("cli security: a schema path through '..' is refused unless --allow-outside-root") {
  ScratchDir dir;
  dir.Write("secrets/runner.env", kSecretLine);
  std::string repo = dir.path() + "/repo";
  dir.Write("repo/gdpr-audit.yaml", Declarations("../secrets/runner.env"));

  Result r = RunCli({"validate", kRules, repo});
  CHECK(r.code == 2);
  CHECK(r.err.find("gdpr-audit.yaml:7:17: error: '../secrets/runner.env' resolves outside the scanned folder") !=
        std::string::npos);
  CHECK(r.err.find("--allow-outside-root") != std::string::npos);
  CHECK(r.err.find("hunter2") == std::string::npos);
  CHECK(r.out.find("hunter2") == std::string::npos);

  Result allowed = RunCli({"validate", kRules, "--allow-outside-root", repo});
  CHECK(allowed.err.find("outside the scanned folder") == std::string::npos);
  CHECK(allowed.err.find("hunter2") == std::string::npos);  // validate does not parse schemas
}

TEST_CASE("cli security: a committed symbolic link does not lead outside the root") {
  ScratchDir dir;
  dir.Write("secrets/id_rsa.yaml", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + kSecretLine);
  dir.Write("secrets/schema.sql", kSecretLine);
  std::string repo = dir.path() + "/repo";
  dir.Write("repo/gdpr-audit.yaml", Declarations("db.sql"));
  fs::create_symlink("../secrets/schema.sql", repo + "/db.sql");
  fs::create_symlink("../secrets/id_rsa.yaml", repo + "/gdpr-extra.yaml");
  fs::create_symlink("../secrets", repo + "/linked-folder");

  Result r = RunCli({"validate", kRules, repo});
  CHECK(r.code == 2);
  CHECK(r.err.find("'db.sql' resolves outside the scanned folder") != std::string::npos);
  CHECK(r.err.find("gdpr-extra.yaml' resolves outside the scanned folder") != std::string::npos);
  CHECK(r.err.find("linked-folder") == std::string::npos);  // folder links are not followed
  CHECK(r.err.find("hunter2") == std::string::npos);
  CHECK(r.err.find("OPENSSH") == std::string::npos);

  // Named explicitly on the command line, the user asked for it: read (and quoted).
  Result named = RunCli({"validate", kRules, repo + "/gdpr-extra.yaml"});
  CHECK(named.code == 2);
  CHECK(named.err.find("resolves outside") == std::string::npos);
}

TEST_CASE("cli security: a schema inside the root is accepted, also through an inner link") {
  ScratchDir dir;
  std::string repo = dir.path() + "/repo";
  dir.Write("repo/db/shop.sql", "CREATE TABLE t (id int);\n");
  dir.Write("repo/gdpr-audit.yaml", Declarations("db/../db/shop.sql"));
  fs::create_symlink("db/shop.sql", repo + "/link.sql");
  dir.Write("repo/more/gdpr-audit.yaml", Declarations("../link.sql"));
  Result r = RunCli({"validate", kRules, repo});
  CHECK(r.err.find("resolves outside") == std::string::npos);
  // Validating only the subfolder makes its parent outside.
  Result sub = RunCli({"validate", kRules, repo + "/more"});
  CHECK(sub.code == 2);
  CHECK(sub.err.find("'../link.sql' resolves outside the scanned folder") != std::string::npos);
}

TEST_CASE("cli security: limits end with exit 2 and a clear message") {
  ScratchDir dir;
  SUBCASE("--max-file-size") {
    std::string file = dir.Write("big/gdpr-audit.yaml", "gdpr_audit: 1\n# " + std::string(5000, 'x') + "\n");
    Result r = RunCli({"validate", kRules, "--max-file-size=4096", file});
    CHECK(r.code == 2);
    CHECK(r.err.find("more than the limit of 4096") != std::string::npos);
    CHECK(RunCli({"validate", kRules, "--max-file-size=65536", file}).code == 0);
  }
  SUBCASE("--max-files") {
    for (int i = 0; i < 12; ++i) dir.Write("many/f" + std::to_string(i) + ".yaml", "gdpr_audit: 1\n");
    Result r = RunCli({"validate", kRules, "--max-files=10", dir.path() + "/many"});
    CHECK(r.code == 2);
    CHECK(r.err.find("more than 10 YAML files under") != std::string::npos);
    CHECK(r.err.find("--max-files") != std::string::npos);
    CHECK(RunCli({"validate", kRules, "--max-files=12", dir.path() + "/many"}).code == 0);
  }
  SUBCASE("YAML nesting and alias expansion") {
    std::string deep = dir.Write("deep/gdpr-audit.yaml", "gdpr_audit: 1\nx: " + std::string(10000, '[') + "\n");
    Result r = RunCli({"validate", kRules, deep});
    CHECK(r.code == 2);
    CHECK(r.err.find("nesting is deeper than 64 levels") != std::string::npos);
    std::string bomb = "gdpr_audit: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'k'; ++c)
      bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
              ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    Result b = RunCli({"validate", kRules, dir.Write("bomb/gdpr-audit.yaml", bomb)});
    CHECK(b.code == 2);
    CHECK(b.err.find("expands to more than") != std::string::npos);
  }
}

TEST_CASE("cli security: an error quotes at most one source line") {
  ScratchDir dir;
  std::string file = dir.Write("r/gdpr-audit.yaml", "gdpr_audit: 1\nsystems:\n  - id: a\n    country: XX\n    secret_field_line\n");
  Result r = RunCli({"validate", kRules, "--color=never", file});
  CHECK(r.code == 2);
  // Each diagnostic is "path:line:col: level: message", one quoted line, a caret, maybe a hint.
  std::istringstream lines(r.err);
  std::string line;
  int quoted_in_a_row = 0;
  while (std::getline(lines, line)) {
    bool header = line.find(": error: ") != std::string::npos || line.find(": warning: ") != std::string::npos;
    bool caret = line.find('^') != std::string::npos;
    bool hint = line.find("hint:") != std::string::npos;
    quoted_in_a_row = (header || caret || hint) ? 0 : quoted_in_a_row + 1;
    CHECK(quoted_in_a_row <= 1);
  }
}

TEST_CASE("cli security: a database password never reaches validate's output") {
  ScratchDir dir;
  dir.Write("repo/db.sql", "CREATE TABLE t (id int);\n");
  // Errors on the url line itself (both schema and url) and next to it, so the
  // line holding the password is quoted.
  std::string file = dir.Write("repo/gdpr-audit.yaml",
                               "gdpr_audit: 1\nsystems:\n  - id: shop\n    country: NL\n    datastores:\n"
                               "      - id: db\n        schema: db.sql\n"
                               "        url: postgresql://user:s3cret@127.0.0.1:1/db\n"
                               "        dialect: nosuch\n"
                               "      - id: db2\n        url: postgresql://127.0.0.1:1/db?password=s3cret&sslmode=bogus\n"
                               "        uurl: postgres://u:s3cret@h/x\n");
  for (std::string color : {"--color=never", "--color=always"}) {
    Result r = RunCli({"validate", kRules, color, dir.path() + "/repo"});
    CHECK(r.code == 2);
    CHECK(r.err.find("s3cret") == std::string::npos);
    CHECK(r.out.find("s3cret") == std::string::npos);
    CHECK(r.err.find("postgresql://user:***@127.0.0.1:1/db") != std::string::npos);  // redacted, still useful
  }
}

TEST_CASE("cli security: a database password never reaches ropa or classify output") {
  ScratchDir dir;
  dir.Write("repo/gdpr-audit.yaml",
            "gdpr_audit: 1\norganization: {name: Shop B.V., country: NL}\nsystems:\n  - id: shop\n"
            "    country: NL\n    datastores:\n      - id: db\n"
            "        url: postgresql://user:s3cret@127.0.0.1:1/db\n"
            "purposes:\n  - id: orders\n    name: Orders\n    systems: [shop]\n    legal_basis: contract\n"
            "    data_categories: [user.contact.email]\n    data_subjects: [customer]\n");
  for (std::string format : {"csv", "markdown", "html"}) {
    INFO("ropa --format ", format);
    Result r = RunCli({"ropa", kRules, "--format", format, dir.path() + "/repo"});
    CHECK(r.out.find("s3cret") == std::string::npos);
    CHECK(r.err.find("s3cret") == std::string::npos);
  }
  std::string pw = dir.Write("pw", "s3cret-from-file\n");
  for (std::string format : {"text", "json"}) {
    INFO("classify --format ", format);
    Result r = RunCli({"classify", kRules, "--format", format, "postgresql://user:s3cret@127.0.0.1:1/db"});
    CHECK(r.code == 2);  // nothing listens on port 1
    CHECK(r.out.find("s3cret") == std::string::npos);
    CHECK(r.err.find("s3cret") == std::string::npos);
    CHECK(r.err.find("user:***@127.0.0.1:1") != std::string::npos);
    Result f = RunCli({"classify", kRules, "--format", format, "--db-password-file", pw,
                       "postgresql://user@127.0.0.1:1/db"});
    CHECK(f.code == 2);
    CHECK(f.out.find("s3cret") == std::string::npos);
    CHECK(f.err.find("s3cret") == std::string::npos);
  }
}

TEST_CASE("cli security: a database password never reaches scan output, in any format") {
  ScratchDir dir;
  dir.Write("repo/gdpr-audit.yaml",
            "gdpr_audit: 1\norganization: {name: Shop B.V., country: NL}\nsystems:\n  - id: shop\n"
            "    name: Shop\n    country: NL\n    datastores:\n      - id: db\n"
            "        url: postgresql://user:s3cret@127.0.0.1:1/db\n"
            "purposes:\n  - id: orders\n    name: Orders\n    systems: [shop]\n    legal_basis: contract\n"
            "    data_use: essential.service\n"
            "    data_categories: [user.contact.email]\n    data_subjects: [customer]\n");
  for (std::string format : {"text", "json", "sarif", "markdown", "html", "junit"}) {
    INFO("scan --format ", format);
    Result r = RunCli({"scan", "--format", format, "--color=never", dir.path() + "/repo"});
    CHECK(r.code != 2);  // not connected without --live: a note, and the report is written
    CHECK_FALSE(r.out.empty());
    CHECK(r.out.find("s3cret") == std::string::npos);
    CHECK(r.err.find("s3cret") == std::string::npos);
    Result live = RunCli({"scan", "--live", "--format", format, "--color=never", dir.path() + "/repo"});
    CHECK(live.code == 2);  // nothing listens on port 1
    CHECK(live.out.find("s3cret") == std::string::npos);
    CHECK(live.err.find("s3cret") == std::string::npos);
  }
}
