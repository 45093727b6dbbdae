#include "report/html_page.h"

#include "report/escape.h"

namespace gdpr::report {
namespace {

// One stylesheet for screen and paper: A4 margins, tables that break between rows,
// section headings that stay with their content.
constexpr const char* kCss = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --line: #d6dae3; --bg: #f6f7fa;
  --critical: #7b1fa2; --high: #c62828; --medium: #b26a00; --low: #00796b; --info: #546e7a;
  --third: #c62828; --adequate: #b26a00; --eea: #2e7d32; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px 32px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 36px;
  break-after: avoid; }
h3 { font-size: 16px; margin: 22px 0 8px; break-after: avoid; }
p.meta, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
th { background: var(--bg); }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
table.ropa { font-size: 12px; table-layout: fixed; }
table.ropa th, table.ropa td { padding: 4px 5px; }
table.ropa th { overflow-wrap: anywhere; }  /* long Dutch compounds in nine narrow columns */
.blank { color: var(--muted); font-style: italic; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 130px; background: var(--bg); }
.card b { display: block; font-size: 22px; }
.sev { display: inline-block; border-radius: 3px; padding: 0 6px; color: #fff; font-size: 12px;
  font-weight: 600; text-transform: uppercase; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); }
.sev-medium { background: var(--medium); } .sev-low { background: var(--low); }
.sev-info { background: var(--info); }
.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 10px 0; break-inside: avoid; }
.finding.critical { border-color: var(--critical); } .finding.high { border-color: var(--high); }
.finding.medium { border-color: var(--medium); } .finding.low { border-color: var(--low); }
.finding.info { border-color: var(--info); }
.finding .fix { background: var(--bg); padding: 4px 8px; border-radius: 4px; }
.exposure { font-size: 18px; }
svg.datamap { width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
.legend span { margin-right: 16px; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 2px solid; vertical-align: middle; margin-right: 4px; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
@page { size: A4; margin: 16mm 14mm; }
@media print { body { padding: 0; max-width: none; font-size: 11px; } h2 { break-before: auto; }
  a { color: inherit; text-decoration: none; } }
)css";

}  // namespace

void HtmlPageStart(std::string_view title, std::string_view lang, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"" << EscapeHtml(lang) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Belt and braces: even if something slipped through escaping, nothing may run or load.
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">\n"
      << "<title>" << EscapeHtml(title) << "</title>\n<style>" << kCss << "</style>\n"
      << "</head>\n<body>\n";
}

void HtmlPageEnd(std::ostream& out) { out << "</body>\n</html>\n"; }

}  // namespace gdpr::report
