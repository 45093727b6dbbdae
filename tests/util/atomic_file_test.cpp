#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"

namespace fs = std::filesystem;
using gdpr::util::WriteFileAtomically;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gdpr-atomic-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }
  size_t Entries() const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

}  // namespace

TEST_CASE("util::WriteFileAtomically writes and replaces a file, leaving no temp file") {
  TempDir dir;
  fs::path target = dir.path / "report.json";
  std::string error;
  REQUIRE(WriteFileAtomically(target.string(), "first", &error));
  CHECK(Slurp(target) == "first");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  REQUIRE(WriteFileAtomically(target.string(), "second", &error));
  CHECK(Slurp(target) == "second");
  CHECK(fs::status(target).permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  CHECK(dir.Entries() == 1);
}

TEST_CASE("util::WriteFileAtomically reports errors and leaves an existing file untouched") {
  TempDir dir;
  std::string error;
  CHECK_FALSE(WriteFileAtomically((dir.path / "missing" / "r.html").string(), "x", &error));
  CHECK(error.find("cannot create '") == 0);
  CHECK(error.find("No such file or directory") != std::string::npos);

  fs::create_directory(dir.path / "adir");
  CHECK_FALSE(WriteFileAtomically((dir.path / "adir").string(), "x", &error));
  CHECK(fs::is_directory(dir.path / "adir"));
  CHECK(error.find("Is a directory") != std::string::npos);

  // A folder where nothing can be created: the old report must survive. Root ignores
  // permissions, so this part only runs as an ordinary user.
  fs::path target = dir.path / "report.html";
  std::ofstream(target) << "old";
  if (::geteuid() != 0) {
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_FALSE(WriteFileAtomically(target.string(), "new", &error));
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(Slurp(target) == "old");
  }
  CHECK(dir.Entries() == 2);  // adir and report.html: no temp file left behind
}

TEST_CASE("util::WriteFileAtomically streams a producer's output larger than its buffer") {
  TempDir dir;
  fs::path target = dir.path / "big.json";
  std::string expected;
  for (int i = 0; i < 20000; ++i) expected += "line " + std::to_string(i) + "\n";  // ~190 KB
  std::string error;
  REQUIRE(WriteFileAtomically(
      target.string(), [&](std::ostream& out) { out << expected; }, &error));
  CHECK(Slurp(target) == expected);
  CHECK(dir.Entries() == 1);
  // A folder as the target: nothing is written and no temporary file stays behind.
  fs::create_directory(dir.path / "sub");
  CHECK_FALSE(WriteFileAtomically((dir.path / "sub").string(), [](std::ostream& out) { out << "x"; }, &error));
  CHECK(error.find("sub") != std::string::npos);
  CHECK(dir.Entries() == 2);
}
