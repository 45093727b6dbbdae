#include "load/file_reader.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using gdpr::load::ParseByteSize;
using gdpr::load::ReadInputFile;
using gdpr::load::ReadLimits;
using gdpr::model::Diagnostics;

TEST_CASE("load::ParseByteSize reads sizes with binary units") {
  CHECK(ParseByteSize("4096") == 4096u);
  CHECK(ParseByteSize("64k") == 64u * 1024);
  CHECK(ParseByteSize("256M") == 256ull << 20);
  CHECK(ParseByteSize("256MiB") == 256ull << 20);
  CHECK(ParseByteSize("1GB") == 1ull << 30);
  CHECK(ParseByteSize("10b") == 10u);
  CHECK_FALSE(ParseByteSize(""));
  CHECK_FALSE(ParseByteSize("0"));
  CHECK_FALSE(ParseByteSize("M"));
  CHECK_FALSE(ParseByteSize("12 parsecs"));
  CHECK_FALSE(ParseByteSize("-1"));
  CHECK_FALSE(ParseByteSize("99999999999999999999"));
  CHECK_FALSE(ParseByteSize("17179869184G"));  // overflows 64 bits
}

TEST_CASE("load::ReadInputFile refuses files over the size limit, folders and binaries") {
  fs::path dir = fs::temp_directory_path() / ("gdpr_file_reader_test_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "dir.yaml");
  std::ofstream(dir / "big.sql") << std::string(2000, 'x');
  std::ofstream(dir / "bin.yaml") << std::string("abc\0def", 7);
  ReadLimits limits;
  limits.max_file_bytes = 1000;

  Diagnostics diags;
  CHECK_FALSE(ReadInputFile((dir / "big.sql").string(), diags, limits));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message.find("more than the limit of 1000") != std::string::npos);
  CHECK(diags.all()[0].hint.find("--max-file-size") != std::string::npos);

  limits.max_file_bytes = 2000;  // the limit itself is allowed
  CHECK(ReadInputFile((dir / "big.sql").string(), diags, limits));
  CHECK_FALSE(ReadInputFile((dir / "dir.yaml").string(), diags));
  CHECK_FALSE(ReadInputFile((dir / "bin.yaml").string(), diags));
  CHECK_FALSE(ReadInputFile((dir / "missing.yaml").string(), diags));
  CHECK(diags.error_count() == 4);
  // A FIFO is refused at once: opening it must not wait for a writer.
  REQUIRE(mkfifo((dir / "pipe.sql").c_str(), 0600) == 0);
  CHECK_FALSE(ReadInputFile((dir / "pipe.sql").string(), diags));
  CHECK(diags.all().back().message.find("is not a regular file") != std::string::npos);
  CHECK(diags.all()[3].message.find("no such file") != std::string::npos);  // missing.yaml
  CHECK(ReadLimits{}.max_file_bytes == 256ull << 20);
  CHECK(ReadLimits{}.max_files == 10'000u);
  fs::remove_all(dir);
}
