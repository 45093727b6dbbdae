#include "report/markdown_reporter.h"

#include "report/escape.h"
#include "report/strings.h"
#include "util/utf8.h"
#include "util/text.h"

namespace gdpr::report {
namespace {

// A pull-request comment holds at most 65,536 characters: long input strings are cut.
constexpr size_t kMarkdownCellChars = 300;


using util::Capitalized;
using util::Join;

void WriteCounts(const FindingCounts& counts, const Strings& s, std::ostream& out) {
  out << "| " << s.severity << " | " << s.count << " |\n|---|---:|\n";
  for (int sev = 4; sev >= 0; --sev)
    out << "| " << Capitalized(SeverityLabel(s, static_cast<model::Severity>(sev))) << " | "
        << counts.by_severity[sev] << " |\n";
  out << "| " << s.waived << " | " << counts.waived << " |\n\n";
}

void WriteExposure(const model::Exposure& e, const Strings& s, std::ostream& out) {
  if (e.organization_max_eur == 0 && e.high_eur == 0) return;
  out << "**" << s.exposure_range << ":** " << FormatEur(e.low_eur, s) << " \xE2\x80\x93 "
      << FormatEur(e.high_eur, s) << "; " << s.legal_maximum << ": "
      << FormatEur(e.organization_max_eur, s) << "\n\n";
}

void WriteTopFindings(const model::Report& report, const FindingCounts& counts, const Strings& s,
                      std::ostream& out) {
  if (counts.active == 0) return;
  out << "### " << s.top_findings << "\n\n";
  out << "| " << s.severity << " | " << s.rule << " | " << s.subject << " | " << s.message
      << " | " << s.articles << " | " << s.location << " |\n|---|---|---|---|---|---|\n";
  int shown = 0;
  for (const model::Finding& f : report.findings) {
    if (f.suppressed) continue;
    if (shown++ == kMarkdownTopFindings) break;
    out << "| " << SeverityLabel(s, f.severity) << " | " << EscapeMarkdown(f.rule_id) << " | "
        << EscapeMarkdown(util::Shorten(f.subject.ToString(), kMarkdownCellChars)) << " | **"
        << EscapeMarkdown(util::Shorten(f.title, kMarkdownCellChars)) << "**";
    if (!f.message.empty()) out << ": " << EscapeMarkdown(util::Shorten(f.message, kMarkdownCellChars));
    out << " | " << EscapeMarkdown(util::Shorten(Join(f.articles), kMarkdownCellChars)) << " | "
        << EscapeMarkdown(util::Shorten(f.location.ToString(), kMarkdownCellChars)) << " |\n";
  }
  out << '\n';
  if (counts.active > kMarkdownTopFindings) {
    std::string more = s.and_more;
    more.replace(more.find("{}"), 2, std::to_string(counts.active - kMarkdownTopFindings));
    out << "_" << more << "_\n\n";
  }
}

void WriteWaived(const model::Report& report, const FindingCounts& counts, const Strings& s,
                 std::ostream& out) {
  if (counts.waived == 0) return;
  out << "### " << s.waived << "\n\n";
  for (const model::Finding& f : report.findings) {
    if (!f.suppressed) continue;
    out << "- " << EscapeMarkdown(f.rule_id) << " "
        << EscapeMarkdown(util::Shorten(f.subject.ToString(), kMarkdownCellChars)) << ": "
        << EscapeMarkdown(util::Shorten(f.suppression_reason, kMarkdownCellChars)) << "\n";
  }
  out << '\n';
}

}  // namespace

void RenderMarkdown(const model::Report& report, const std::string& lang, std::ostream& out) {
  const Strings& s = StringsFor(lang);
  FindingCounts counts = CountFindings(report.findings);
  out << "## " << s.report_title << ": " << SummaryLine(counts, s) << "\n\n";
  WriteCounts(counts, s, out);
  WriteExposure(report.exposure, s, out);
  WriteTopFindings(report, counts, s, out);
  WriteWaived(report, counts, s, out);
  // The version is ours, not an input's: not escaped, so "0.1.0" reads as such.
  out << "_gdpr-audit " << report.tool_version << ". " << s.exposure_disclaimer
      << "_\n";
}

}  // namespace gdpr::report
