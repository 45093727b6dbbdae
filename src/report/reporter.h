// Reporter: the one entry point the CLI uses to print a Report in any output format.
// Every format is a pure function of the Report and these options: reporters never read
// files, decide exit codes or look at the terminal (the CLI decides colour and language).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace gdpr::analysis {
class Taxonomy;
class CountryTable;
}  // namespace gdpr::analysis

namespace gdpr::report {

struct RenderOptions {
  bool color = false;          // ANSI colour in the text format
  std::string lang = "en";     // "en" or "nl" for the human-readable formats
  bool quiet = false;          // text: only the summary line
  std::string generated_for;   // HTML: who the report was prepared for (cover line)
  // Optional reference tables, already loaded by the caller. With them the HTML report
  // marks special-category data and colours countries by Chapter V zone; without them
  // it says "unknown" rather than guessing.
  const analysis::Taxonomy* taxonomy = nullptr;
  const analysis::CountryTable* countries = nullptr;
};

// The known format names, in the order --help lists them.
const std::vector<std::string>& Formats();
bool IsKnownFormat(std::string_view format);

// Renders `report` in `format` to `out`. An unknown format writes nothing (callers check
// IsKnownFormat first and report the error).
void Render(std::string_view format, const model::Report& report, const RenderOptions& options,
            std::ostream& out);

}  // namespace gdpr::report
