// DataMapSvg: the inventory's systems and flows drawn as an inline SVG diagram for the
// HTML report. Systems are boxes (name, id, country, role) placed in columns by Chapter V
// zone: EEA, adequacy decision, third country. Flows are arrows labelled with their id;
// arrows into a third country are red, into an adequate country amber, and
// third-country boxes are outlined in red. Without a country table, systems outside
// the organisation's country get their own column with a neutral dashed outline.
// Every text from the inventory is escaped and shortened to fit its box.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "model/inventory.h"
#include "report/strings.h"

namespace gdpr::analysis {
class CountryTable;
}

namespace gdpr::report {

// Writes an <svg> element (nothing when the inventory declares no systems).
void WriteDataMapSvg(const model::Inventory& inventory, const analysis::CountryTable* countries,
                     const Strings& s, std::ostream& out);

}  // namespace gdpr::report
