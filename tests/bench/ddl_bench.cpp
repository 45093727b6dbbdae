// ddl_bench: parses SQL DDL files repeatedly and prints the parser's throughput in MB/s,
// overall and per (sniffed) dialect. Not part of ctest (timing is not a test).
//   usage: ddl_bench [PATH...] [REPETITIONS]
// Each PATH is a .sql file or a folder (searched recursively for *.sql); with no PATH it
// parses the largest corpus schema (mysql/openemr.sql). A purely numeric argument is the
// number of passes over all files (default 50 for one file, else 5).
//
// Times are CPU time of this process (CLOCK_PROCESS_CPUTIME_ID), because wall time
// suffers when other jobs share the machine. "best" is the fastest single pass, the
// figure least disturbed by neighbours; "mean" is over all passes.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "sql/ddl_parser.h"

namespace {

struct Input {
  std::string path;
  std::string text;
  gdpr::model::Dialect dialect = gdpr::model::Dialect::kUnknown;
};

struct Tally {
  size_t bytes = 0;        // per pass
  size_t tables = 0;       // per pass
  size_t diagnostics = 0;  // per pass
  double total_seconds = 0;
  double best_seconds = std::numeric_limits<double>::infinity();
};

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool IsNumber(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ReadFile(const std::string& path, std::vector<Input>& inputs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "ddl_bench: cannot read %s\n", path.c_str());
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  inputs.push_back(Input{path, buffer.str()});
  return true;
}

// Files of a folder in sorted order, so runs are comparable.
bool AddPath(const std::string& path, std::vector<Input>& inputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return ReadFile(path, inputs);
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(path, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".sql")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files)
    if (!ReadFile(f, inputs)) return false;
  return true;
}

void Print(const char* label, const Tally& t, int passes) {
  double mb = static_cast<double>(t.bytes) / 1e6;
  std::printf("%-9s %9.2f MB  %6zu tables  best %7.1f MB/s  mean %7.1f MB/s  (%.3f s CPU)%s\n",
              label, mb, t.tables, mb / t.best_seconds, mb * passes / t.total_seconds,
              t.total_seconds, t.diagnostics ? "  [diagnostics!]" : "");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  int passes = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (IsNumber(arg))
      passes = std::atoi(arg.c_str());
    else
      paths.push_back(arg);
  }
  if (paths.empty())
    paths.push_back(std::string(GDPR_SHARED_DIR) + "/corpus/schemas/mysql/openemr.sql");
  std::vector<Input> inputs;
  for (const std::string& p : paths)
    if (!AddPath(p, inputs)) return 1;
  if (inputs.empty()) {
    std::fprintf(stderr, "ddl_bench: no .sql files found\n");
    return 1;
  }
  if (passes <= 0) passes = inputs.size() == 1 ? 50 : 5;
  for (Input& in : inputs) in.dialect = gdpr::sql::SniffDialect(in.text);

  // Sniffing is part of ParseDdl (the dialect is passed as kUnknown, as the CLI does).
  std::map<std::string, Tally> by_dialect;
  Tally all;
  for (int pass = 0; pass < passes; ++pass) {
    std::map<std::string, double> pass_seconds;
    double pass_start = CpuSeconds();
    for (const Input& in : inputs) {
      gdpr::model::Diagnostics diags;
      double start = CpuSeconds();
      size_t tables = gdpr::sql::ParseDdl(in.text, in.path, gdpr::model::Dialect::kUnknown, diags)
                          .tables.size();
      pass_seconds[gdpr::model::DialectName(in.dialect)] += CpuSeconds() - start;
      if (pass == 0) {
        Tally& t = by_dialect[gdpr::model::DialectName(in.dialect)];
        t.bytes += in.text.size();
        t.tables += tables;
        t.diagnostics += diags.all().size();
        all.bytes += in.text.size();
        all.tables += tables;
        all.diagnostics += diags.all().size();
      }
    }
    double pass_total = CpuSeconds() - pass_start;
    all.total_seconds += pass_total;
    all.best_seconds = std::min(all.best_seconds, pass_total);
    for (const auto& [dialect, seconds] : pass_seconds) {
      Tally& t = by_dialect[dialect];
      t.total_seconds += seconds;
      t.best_seconds = std::min(t.best_seconds, seconds);
    }
  }
  std::printf("%zu file(s), %d pass(es), CPU time\n", inputs.size(), passes);
  for (const auto& [dialect, t] : by_dialect) Print(dialect.c_str(), t, passes);
  if (by_dialect.size() > 1) Print("all", all, passes);
  return 0;
}
