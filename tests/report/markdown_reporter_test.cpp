#include <doctest/doctest.h>

#include <sstream>

#include "golden_file.h"
#include "report/markdown_reporter.h"
#include "sample_report.h"

using namespace gdpr::report::testing;
using gdpr::report::RenderMarkdown;

namespace {

std::string Markdown(const gdpr::model::Report& report, const std::string& lang = "en") {
  std::ostringstream out;
  RenderMarkdown(report, lang, out);
  return out.str();
}

}  // namespace

TEST_CASE("report::MarkdownReporter golden output, English and Dutch") {
  CheckGolden("sample.md", Markdown(SampleReport()));
  CheckGolden("sample.nl.md", Markdown(SampleReport(), "nl"));
}

TEST_CASE("report::MarkdownReporter keeps hostile strings inert") {
  std::string md = Markdown(HostileReport());
  CHECK(md.find("<script") == std::string::npos);
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find("\xFF") == std::string::npos);
  // Every table row still has exactly the table's seven unescaped pipes.
  std::istringstream lines(md);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| high |", 0) != 0) continue;
    int pipes = 0;
    for (size_t i = 0; i < line.size(); ++i)
      if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
    CHECK(pipes == 7);
  }
}

TEST_CASE("report::MarkdownReporter shows the top findings and says how many more") {
  gdpr::model::Report report = SampleReport();
  for (int i = 0; i < 12; ++i)
    report.findings.push_back(MakeFinding("X-" + std::to_string(100 + i), gdpr::model::Severity::kLow,
                                          "system", "s", i + 1));
  std::string md = Markdown(report);
  CHECK(md.find("_and 5 more_") != std::string::npos);
  CHECK(md.find("X-106") != std::string::npos);
  CHECK(md.find("X-107") == std::string::npos);
}

TEST_CASE("report::MarkdownReporter cuts very long input strings to keep a comment postable") {
  gdpr::model::Report report = SampleReport();
  report.findings[0].message = std::string(100000, 'x');
  std::string md = Markdown(report);
  CHECK(md.size() < 10000);
  CHECK(md.find(std::string(299, 'x') + "\xE2\x80\xA6") != std::string::npos);
}
