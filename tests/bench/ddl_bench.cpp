// ddl_bench: parses the largest corpus schema (mysql/openemr.sql, 1.5 MB) repeatedly
// and prints the parser's throughput in MB/s. Not part of ctest (timing is not a test).
//   usage: ddl_bench [file.sql] [repetitions]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "model/diagnostics.h"
#include "sql/ddl_parser.h"

int main(int argc, char** argv) {
  std::string path =
      argc > 1 ? argv[1] : std::string(GDPR_SHARED_DIR) + "/corpus/schemas/mysql/openemr.sql";
  int repetitions = argc > 2 ? std::atoi(argv[2]) : 50;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "ddl_bench: cannot read %s\n", path.c_str());
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  size_t tables = 0;
  std::clock_t cpu_start = std::clock();
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < repetitions; ++i) {
    gdpr::model::Diagnostics diags;
    tables += gdpr::sql::ParseDdl(text, path, gdpr::model::Dialect::kUnknown, diags).tables.size();
  }
  std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double megabytes = static_cast<double>(text.size()) * repetitions / 1e6;
  // CPU time is reported too because wall time suffers when other jobs share the machine.
  std::printf(
      "%s: %zu bytes x %d: %.1f MB/s wall (%.3f s), %.1f MB/s CPU (%.3f s), %zu tables per parse\n",
      path.c_str(), text.size(), repetitions, megabytes / seconds.count(), seconds.count(),
      megabytes / cpu_seconds, cpu_seconds, tables / (repetitions > 0 ? repetitions : 1));
  return 0;
}
