#include "report/data_map_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "analysis/country_table.h"
#include "report/escape.h"
#include "report/ropa_reporter.h"
#include "util/utf8.h"

namespace gdpr::report {
namespace {

constexpr int kBoxW = 230, kBoxH = 62, kColGap = 170, kRowGap = 34, kMargin = 20, kHeader = 34;

// Column order, left to right: adequate countries, the EEA (or the home country), third
// countries (or, without a country table, "elsewhere"). The EEA sits in the middle so
// every flow out of it runs to a neighbouring column and never crosses a box.
enum class Zone { kAdequate = 0, kHome = 1, kThird = 2, kElsewhere = 3 };

struct Column {
  Zone zone;
  std::string title;
  std::vector<const model::System*> systems;
};

struct Placed {
  int x = 0, y = 0;  // top-left
  int column = 0;
  Zone zone = Zone::kHome;
};

Zone ZoneOf(const model::System& sys, const model::Inventory& inv,
            const analysis::CountryTable* countries) {
  if (sys.country.empty()) return Zone::kHome;
  if (countries) {
    const analysis::Country* c = countries->Find(sys.country);
    if (!c) return Zone::kHome;
    switch (c->Zone()) {
      case analysis::TransferZone::kEea: return Zone::kHome;
      case analysis::TransferZone::kAdequate: return Zone::kAdequate;
      case analysis::TransferZone::kThirdCountry: return Zone::kThird;
    }
  }
  std::string home = inv.organization ? inv.organization->country : "";
  return home.empty() || sys.country == home ? Zone::kHome : Zone::kElsewhere;
}

std::vector<Column> BuildColumns(const model::Inventory& inv, const analysis::CountryTable* countries,
                                 const Strings& s) {
  std::string home = inv.organization ? inv.organization->country : "";
  std::map<Zone, Column> by_zone;
  for (const model::System& sys : inv.systems) {
    Zone z = ZoneOf(sys, inv, countries);
    Column& col = by_zone[z];
    col.zone = z;
    col.systems.push_back(&sys);
  }
  std::vector<Column> columns;
  for (auto& [zone, col] : by_zone) {
    switch (zone) {
      case Zone::kHome: col.title = countries ? s.eea : (home.empty() ? s.unknown : home); break;
      case Zone::kAdequate: col.title = s.adequate; break;
      case Zone::kThird: col.title = s.third_country; break;
      case Zone::kElsewhere: col.title = "\xE2\x89\xA0 " + home; break;  // "≠ NL"
    }
    columns.push_back(col);
  }
  return columns;
}

const char* BoxClass(Zone z) {
  switch (z) {
    case Zone::kHome: return "home";
    case Zone::kAdequate: return "adequate";
    case Zone::kThird: return "third";
    case Zone::kElsewhere: return "elsewhere";
  }
  return "home";
}

void WriteDefs(std::ostream& out) {
  out << "<defs>\n";
  for (const auto& [id, color] : {std::pair{"a-home", "#455a64"}, std::pair{"a-adequate", "#b26a00"},
                                  std::pair{"a-third", "#c62828"}, std::pair{"a-elsewhere", "#455a64"}})
    out << "<marker id=\"" << id << "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
        << "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\""
        << color << "\"/></marker>\n";
  out << "</defs>\n<style>"
      << ".box{fill:#fff;stroke:#455a64;stroke-width:1.5}.box.adequate{stroke:#b26a00;stroke-width:2.5}"
      << ".box.third{stroke:#c62828;stroke-width:3;fill:#fdecea}.box.elsewhere{stroke-dasharray:6 3}"
      << ".name{font:600 13px sans-serif;fill:#1d2330}.sub{font:11px sans-serif;fill:#5b6475}"
      << ".col{font:600 12px sans-serif;fill:#5b6475;text-transform:uppercase}"
      << ".flow{fill:none;stroke:#455a64;stroke-width:1.5}.flow.adequate{stroke:#b26a00;stroke-width:2}"
      << ".flow.third{stroke:#c62828;stroke-width:2.5;stroke-dasharray:7 4}"
      << ".label{font:11px sans-serif;fill:#1d2330;paint-order:stroke;stroke:#fff;stroke-width:4px}"
      << "</style>\n";
}

void WriteBox(const model::System& sys, const Placed& p, const Strings& s, std::ostream& out) {
  std::string sub = sys.id;
  if (!sys.country.empty()) sub += " \xC2\xB7 " + sys.country;
  if (const char* role = ResponsibilityLabel(model::ResponsibilityName(sys.responsibility), s); *role)
    sub += std::string(" \xC2\xB7 ") + role;
  out << "<g><rect class=\"box " << BoxClass(p.zone) << "\" x=\"" << p.x << "\" y=\"" << p.y
      << "\" width=\"" << kBoxW << "\" height=\"" << kBoxH << "\" rx=\"6\"/>"
      << "<text class=\"name\" x=\"" << p.x + 10 << "\" y=\"" << p.y + 24 << "\">"
      << EscapeHtml(util::Shorten(sys.name.empty() ? sys.id : sys.name, 30)) << "</text>"
      << "<text class=\"sub\" x=\"" << p.x + 10 << "\" y=\"" << p.y + 45 << "\">"
      << EscapeHtml(util::Shorten(sub, 38)) << "</text></g>\n";
}

// `bow_left`: a flow inside one column bows out on the left (into the gap towards the
// previous column) instead of the right, when that gap is the quieter one.
void WriteFlow(const model::Flow& flow, const Placed& from, const Placed& to, int nth, bool bow_left,
               std::ostream& out) {
  const char* cls = BoxClass(to.zone);
  int offset = (nth % 3) * 10 - 10;  // several flows between one pair: fan them out
  int y1 = from.y + kBoxH / 2 + offset, y2 = to.y + kBoxH / 2 + offset;
  std::string d;
  int lx, ly;
  const char* anchor = "start";
  if (from.column == to.column) {
    // Same column: bow out beside the boxes; the label just outside the bow's apex.
    int side = bow_left ? -1 : 1;
    int x = bow_left ? from.x : from.x + kBoxW, bulge = x + side * (60 + (nth % 3) * 15);
    d = fmt::format("M{},{} C{},{} {},{} {},{}", x, y1, bulge, y1, bulge, y2, x, y2);
    lx = x + side * 48;
    ly = (y1 + y2) / 2 + 4 + (nth % 3) * 13;
    if (bow_left) anchor = "end";
  } else {
    bool rightwards = to.column > from.column;
    int x1 = rightwards ? from.x + kBoxW : from.x, x2 = rightwards ? to.x : to.x + kBoxW;
    d = fmt::format("M{},{} L{},{}", x1, y1, x2, y2);
    // The label sits on the middle of the arrow; parallel arrows get their own line.
    lx = (x1 + x2) / 2;
    ly = (y1 + y2) / 2 - 4 + (nth % 3) * 13;
    anchor = "middle";
  }
  out << "<path class=\"flow " << cls << "\" d=\"" << d << "\" marker-end=\"url(#a-" << cls
      << ")\"/><text class=\"label\" text-anchor=\"" << anchor << "\" x=\"" << lx << "\" y=\"" << ly << "\">"
      << EscapeHtml(util::Shorten(flow.id, 24)) << "</text>\n";
}

}  // namespace

void WriteDataMapSvg(const model::Inventory& inventory, const analysis::CountryTable* countries,
                     const Strings& s, std::ostream& out) {
  if (inventory.systems.empty()) return;
  std::vector<Column> columns = BuildColumns(inventory, countries, s);
  std::map<std::string, Placed> placed;
  size_t rows = 0;
  for (size_t c = 0; c < columns.size(); ++c) {
    rows = std::max(rows, columns[c].systems.size());
    for (size_t r = 0; r < columns[c].systems.size(); ++r) {
      Placed p{kMargin + static_cast<int>(c) * (kBoxW + kColGap),
               kMargin + kHeader + static_cast<int>(r) * (kBoxH + kRowGap), static_cast<int>(c),
               columns[c].zone};
      placed.emplace(columns[c].systems[r]->id, p);
    }
  }
  // Room on the right for same-column arrows that bow out.
  int width = 2 * kMargin + static_cast<int>(columns.size()) * (kBoxW + kColGap) - kColGap + 110;
  int height = 2 * kMargin + kHeader + static_cast<int>(rows) * (kBoxH + kRowGap) - kRowGap;
  out << "<svg class=\"datamap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width
      << " " << height << "\" role=\"img\" aria-label=\"" << EscapeHtml(s.data_map) << "\">\n";
  WriteDefs(out);
  for (size_t c = 0; c < columns.size(); ++c)
    out << "<text class=\"col\" x=\"" << kMargin + static_cast<int>(c) * (kBoxW + kColGap)
        << "\" y=\"" << kMargin + 14 << "\">" << EscapeHtml(columns[c].title) << "</text>\n";
  for (const Column& col : columns)
    for (const model::System* sys : col.systems) WriteBox(*sys, placed.at(sys->id), s, out);
  // Arrows crossing each gap between columns (gap g lies left of column g).
  std::vector<int> gap_load(columns.size() + 1, 0);
  for (const model::Flow& flow : inventory.flows) {
    auto from = placed.find(flow.from), to = placed.find(flow.to);
    if (from == placed.end() || to == placed.end() || from->second.column == to->second.column) continue;
    ++gap_load[std::max(from->second.column, to->second.column)];
  }
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const model::Flow& flow : inventory.flows) {
    auto from = placed.find(flow.from), to = placed.find(flow.to);
    if (from == placed.end() || to == placed.end() || flow.from == flow.to) continue;
    int c = from->second.column;
    // The first column has no room on its left for a label.
    bool bow_left = c > 0 && gap_load[c] <= gap_load[c + 1];
    WriteFlow(flow, from->second, to->second, seen[{flow.from, flow.to}]++, bow_left, out);
  }
  out << "</svg>\n";
}

}  // namespace gdpr::report
