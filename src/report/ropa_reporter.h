// RopaReporter: renders the Art. 30(1) record (report/ropa.h) as CSV (RFC 4180, one row
// per purpose, for spreadsheets), Markdown (one section per purpose) or a self-contained
// HTML page, in English or Dutch. Blanks are written out as "not declared" / "niet
// opgegeven", so a DPO sees what is missing rather than an empty cell.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/ropa.h"
#include "report/strings.h"

namespace gdpr::report {

// "csv", "markdown", "html".
const std::vector<std::string>& RopaFormats();
bool IsKnownRopaFormat(std::string_view format);
// Renders `ropa` in `format`; an unknown format writes nothing.
void RenderRopa(std::string_view format, const Ropa& ropa, const std::string& lang, std::ostream& out);

void RenderRopaCsv(const Ropa& ropa, const Strings& s, std::ostream& out);
void RenderRopaMarkdown(const Ropa& ropa, const Strings& s, std::ostream& out);
void RenderRopaHtml(const Ropa& ropa, const Strings& s, std::ostream& out);
// The record as an HTML <table> (plus the controller details), for the audit report.
void WriteRopaHtmlSection(const Ropa& ropa, const Strings& s, std::ostream& out);

// Plain (unescaped) text of the record's structured entries, localized.
std::string FormatRecipient(const RopaRecipient& r, const Strings& s);  // "Mailer (mailer; processor; US)"
std::string FormatTransfer(const RopaTransfer& t, const Strings& s);    // "Mailer in US (third country): scc (ref)"
std::string FormatRetention(const RopaRetention& r, const Strings& s);  // "P7Y from end of contract (basis)"
// "consent (Art. 6(1)(a))" / "toestemming (art. 6 lid 1 sub a)"; unknown keys as given.
std::string LegalBasisLabel(std::string_view legal_basis, const Strings& s);
const char* ResponsibilityLabel(std::string_view responsibility, const Strings& s);

}  // namespace gdpr::report
