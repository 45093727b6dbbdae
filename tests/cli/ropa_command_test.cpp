#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli_runner.h"

namespace fs = std::filesystem;

namespace {

using RunResult = gdpr::test::CliResult;
using gdpr::test::RunCli;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Folder {
  fs::path path;
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "gdpr-ropa-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
    std::ofstream(path / "gdpr-audit.yaml") << "gdpr_audit: 1\n"
                                               "organization: { name: Acme, country: NL }\n"
                                               "systems:\n  - { id: app, responsibility: controller, country: NL }\n"
                                               "purposes:\n  - id: orders\n    legal_basis: contract\n"
                                               "    data_subjects: [customer]\n    data_categories: [user.name]\n"
                                               "    systems: [app]\n    retention: P7Y\n";
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("cli::RopaCommand writes the record to stdout or atomically to -o") {
  Folder dir;
  std::string decl = (dir.path / "gdpr-audit.yaml").string();
  RunResult md = RunCli({"ropa", decl, "--lang", "nl"});
  CHECK(md.code == 0);
  CHECK(md.out.rfind("# Verwerkingsregister (art. 30 lid 1 AVG)\n", 0) == 0);
  CHECK(md.out.find("| (f) Bewaartermijn | P7Y |") != std::string::npos);

  fs::path csv = dir.path / "record.csv";
  RunResult written = RunCli({"ropa", decl, "--format", "csv", "-o", csv.string()});
  CHECK(written.code == 0);
  CHECK(written.out.empty());
  CHECK(Slurp(csv).find("Acme (NL),not declared,not declared,orders,") != std::string::npos);
}

TEST_CASE("cli::RopaCommand exits 2 and leaves the old record when it cannot do the job") {
  Folder dir;
  fs::path csv = dir.path / "record.csv";
  std::ofstream(csv) << "old";
  std::ofstream(dir.path / "gdpr-audit.yaml", std::ios::app) << "flows:\n  - { from: app, to: nowhere }\n";
  RunResult broken = RunCli({"ropa", (dir.path / "gdpr-audit.yaml").string(), "--format", "csv", "-o", csv.string()});
  CHECK(broken.code == 2);
  CHECK(broken.err.find("nowhere") != std::string::npos);
  CHECK(Slurp(csv) == "old");

  RunResult missing = RunCli({"ropa", (dir.path / "nothing-here").string()});
  CHECK(missing.code == 2);
  RunResult bad_format = RunCli({"ropa", dir.path.string(), "--format", "pdf"});
  CHECK(bad_format.code == 2);
}

TEST_CASE("cli ropa on a folder without declarations says so and names it") {
  Folder folder;
  fs::path empty = folder.path / "empty";
  fs::create_directory(empty);
  RunResult r = RunCli({"ropa", empty.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("no declarations files found in '" + empty.string() + "'") != std::string::npos);
  CHECK(r.out.empty());
}
