#include "load/scan_root.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using gdpr::load::ScanRoot;
using gdpr::model::Diagnostics;

namespace {

// tmp/root/{gdpr-audit.yaml, db/shop.sql, evil.sql -> ../outside/secret.txt,
//           escape -> ../outside}, tmp/outside/secret.txt, tmp/root-sibling/x.sql
struct Estate {
  fs::path base = fs::temp_directory_path() / ("gdpr_scan_root_test_" + std::to_string(getpid()));
  fs::path root = base / "root";
  Estate() {
    fs::remove_all(base);
    fs::create_directories(root / "db");
    fs::create_directories(base / "outside");
    fs::create_directories(base / "root-sibling");
    std::ofstream(root / "gdpr-audit.yaml") << "gdpr_audit: 1\n";
    std::ofstream(root / "db" / "shop.sql") << "CREATE TABLE t (id int);\n";
    std::ofstream(base / "outside" / "secret.txt") << "AWS_SECRET=hunter2\n";
    std::ofstream(base / "root-sibling" / "x.sql") << "\n";
    fs::create_symlink("../outside/secret.txt", root / "evil.sql");
    fs::create_symlink("../outside", root / "escape");
    fs::create_symlink("db/shop.sql", root / "inner-link.sql");
  }
  ~Estate() { fs::remove_all(base); }
};

}  // namespace

TEST_CASE("load::ScanRoot accepts files inside the named folder") {
  Estate e;
  ScanRoot root = ScanRoot::FromPaths({e.root.string()});
  REQUIRE(root.roots().size() == 1);
  CHECK(root.Contains(e.root / "db" / "shop.sql"));
  CHECK(root.Contains(e.root / "db" / ".." / "gdpr-audit.yaml"));
  CHECK(root.Contains(e.root / "inner-link.sql"));  // a link that stays inside
  CHECK(root.Contains(e.root / "db" / "not-yet.sql"));  // judged by its folder
}

TEST_CASE("load::ScanRoot refuses '..', symbolic links and look-alike siblings") {
  Estate e;
  ScanRoot root = ScanRoot::FromPaths({e.root.string()});
  CHECK_FALSE(root.Contains(e.root / ".." / "outside" / "secret.txt"));
  CHECK_FALSE(root.Contains(e.root / "db" / ".." / ".." / "outside" / "secret.txt"));
  CHECK_FALSE(root.Contains(e.root / "evil.sql"));
  CHECK_FALSE(root.Contains(e.root / "escape" / "secret.txt"));
  CHECK_FALSE(root.Contains(e.root / "escape" / "missing.sql"));
  CHECK_FALSE(root.Contains(e.base / "root-sibling" / "x.sql"));  // "/root-sibling" is not under "/root"
  CHECK_FALSE(root.Contains("/etc/passwd"));
}

TEST_CASE("load::ScanRoot takes a named file's folder as a root") {
  Estate e;
  ScanRoot root = ScanRoot::FromPaths({(e.root / "gdpr-audit.yaml").string()});
  CHECK(root.Contains(e.root / "db" / "shop.sql"));
  CHECK_FALSE(root.Contains(e.root / "evil.sql"));
}

TEST_CASE("load::ScanRoot with --allow-outside-root or without roots accepts everything") {
  Estate e;
  ScanRoot root = ScanRoot::FromPaths({e.root.string()});
  root.AllowOutside(true);
  CHECK(root.Contains(e.root / "evil.sql"));
  CHECK(ScanRoot().Contains("/etc/passwd"));
  // Named paths that do not exist give no root, so nothing is inside.
  CHECK_FALSE(ScanRoot::FromPaths({(e.base / "missing").string()}).Contains(e.root / "db"));
}

TEST_CASE("load::ScanRoot::Check reports at the declaration without quoting the file") {
  Estate e;
  ScanRoot root = ScanRoot::FromPaths({e.root.string()});
  Diagnostics diags;
  CHECK(root.Check(e.root / "db" / "shop.sql", "db/shop.sql", {"gdpr-audit.yaml", 3, 13}, diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK_FALSE(root.Check(e.root / "evil.sql", "evil.sql", {"gdpr-audit.yaml", 4, 13}, diags));
  REQUIRE(diags.all().size() == 1);
  const auto& d = diags.all()[0];
  CHECK(d.location.ToString() == "gdpr-audit.yaml:4:13");
  CHECK(d.message.find("outside the scanned folder") != std::string::npos);
  CHECK(d.hint.find("--allow-outside-root") != std::string::npos);
  CHECK(d.message.find("hunter2") == std::string::npos);
}
