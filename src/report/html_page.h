// HtmlPage: the shell shared by the HTML outputs (the audit report and the Art. 30
// record): doctype, language, inline print-friendly CSS, and nothing that loads from
// the network. No <script> ever: the pages are documents, not applications.
#pragma once

#include <ostream>
#include <string_view>

namespace gdpr::report {

// Writes everything up to and including <body>. `title` is escaped here.
void HtmlPageStart(std::string_view title, std::string_view lang, std::ostream& out);
// Closes </body></html>.
void HtmlPageEnd(std::ostream& out);

}  // namespace gdpr::report
