// report_samples: a test-only program that renders the hand-built sample and hostile
// Reports of sample_report.h in every format into a folder, for checks that run outside
// the unit tests (SARIF schema validation, rendering the HTML in a browser).
//   report_samples OUTDIR   writes OUTDIR/{sample,hostile}.{txt,json,sarif,...}
#include <filesystem>
#include <fstream>
#include <iostream>

#include "report/reporter.h"
#include "sample_report.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: report_samples OUTDIR\n";
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::pair<const char*, gdpr::model::Report> reports[] = {
      {"sample", gdpr::report::testing::SampleReport()},
      {"hostile", gdpr::report::testing::HostileReport()}};
  for (const auto& [name, report] : reports) {
    for (const std::string& format : gdpr::report::Formats()) {
      std::string ext = format == "text" ? "txt" : format == "markdown" ? "md"
                        : format == "junit" ? "xml" : format;
      std::ofstream out(dir / (std::string(name) + "." + ext), std::ios::binary);
      gdpr::report::Render(format, report, {}, out);
      if (!out) {
        std::cerr << "report_samples: cannot write " << (dir / name).string() << "\n";
        return 1;
      }
    }
  }
  return 0;
}
