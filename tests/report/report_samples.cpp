// report_samples: a test-only program that renders the hand-built sample and hostile
// Reports of sample_report.h in every format into a folder, for checks that run outside
// the unit tests (SARIF schema validation, rendering the HTML in a browser).
//   report_samples OUTDIR [RULES_DIR]   writes OUTDIR/{sample,hostile}.{txt,json,sarif,...}
// With RULES_DIR, the country table there colours the HTML data map by zone.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis/country_table.h"
#include "report/reporter.h"
#include "sample_report.h"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: report_samples OUTDIR [RULES_DIR]\n";
    return 2;
  }
  gdpr::report::RenderOptions options;
  std::optional<gdpr::analysis::CountryTable> countries;
  if (argc == 3) {
    gdpr::model::Diagnostics diags;
    countries = gdpr::analysis::CountryTable::LoadFile(std::string(argv[2]) + "/countries.yaml", diags);
    if (countries) options.countries = &*countries;
  }
  std::filesystem::path dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::pair<const char*, gdpr::model::Report> reports[] = {
      {"sample", gdpr::report::testing::SampleReport()},
      {"hostile", gdpr::report::testing::HostileReport()},
      {"estate", gdpr::report::testing::EstateReport()}};
  for (const auto& [name, report] : reports) {
    for (const std::string& format : gdpr::report::Formats()) {
      std::string ext = format == "text" ? "txt" : format == "markdown" ? "md"
                        : format == "junit" ? "xml" : format;
      std::ofstream out(dir / (std::string(name) + "." + ext), std::ios::binary);
      gdpr::report::Render(format, report, options, out);
      if (!out) {
        std::cerr << "report_samples: cannot write " << (dir / name).string() << "\n";
        return 1;
      }
    }
    // The Dutch report as well, for a look at the AVG wording.
    gdpr::report::RenderOptions dutch = options;
    dutch.lang = "nl";
    std::ofstream nl(dir / (std::string(name) + ".nl.html"), std::ios::binary);
    gdpr::report::Render("html", report, dutch, nl);
  }
  return 0;
}
