#include "report/html_reporter.h"

#include <algorithm>
#include <map>

#include "analysis/taxonomy.h"
#include "report/data_map_svg.h"
#include "report/escape.h"
#include "report/html_page.h"
#include "report/ropa.h"
#include "report/ropa_reporter.h"
#include "report/strings.h"
#include "util/text.h"

namespace gdpr::report {
namespace {

using Html = std::string;

using util::Capitalized;
using util::Join;


Html Blank(const char* text) { return std::string("<span class=\"blank\">") + text + "</span>"; }
Html OrBlank(const std::string& value, const char* blank) { return value.empty() ? Blank(blank) : EscapeHtml(value); }

Html SeverityBadge(model::Severity sev, const Strings& s) {
  return std::string("<span class=\"sev sev-") + model::SeverityName(sev) + "\">" +
         SeverityLabel(s, sev) + "</span>";
}

// A reference becomes a link only when it is plainly a web address.
Html Reference(const std::string& ref) {
  bool web = ref.rfind("https://", 0) == 0 || ref.rfind("http://", 0) == 0;
  if (!web) return EscapeHtml(ref);
  return "<a href=\"" + EscapeHtml(ref) + "\">" + EscapeHtml(ref) + "</a>";
}

void WriteHeader(const model::Report& report, const HtmlOptions& o, const Strings& s, std::ostream& out) {
  std::string org = report.inventory && report.inventory->organization ? report.inventory->organization->name : "";
  out << "<header>\n<h1>" << EscapeHtml(s.report_title) << "</h1>\n<p class=\"meta\">";
  if (!org.empty()) out << EscapeHtml(s.organisation) << ": <b>" << EscapeHtml(org) << "</b> &middot; ";
  if (!o.generated_for.empty()) out << EscapeHtml(s.generated_for) << ": " << EscapeHtml(o.generated_for) << " &middot; ";
  out << EscapeHtml(s.generated_by) << " gdpr-audit " << EscapeHtml(report.tool_version) << "</p>\n</header>\n";
}

void WriteExposure(const model::Exposure& e, const Strings& s, std::ostream& out) {
  out << "<p class=\"exposure\">" << EscapeHtml(s.exposure_range) << ": <b>" << FormatEur(e.low_eur, s)
      << " &ndash; " << FormatEur(e.high_eur, s) << "</b></p>\n<p>" << EscapeHtml(Capitalized(s.legal_maximum)) << ": "
      << FormatEur(e.organization_max_eur, s) << "</p>\n";
  if (!e.conducts.empty()) {
    out << "<h3>" << EscapeHtml(s.conducts) << "</h3>\n<table><thead><tr><th>" << s.purpose << "</th><th>"
        << s.tier << "</th><th>" << s.seriousness << "</th><th>" << s.range << "</th><th>" << s.findings
        << "</th></tr></thead><tbody>\n";
    for (const model::ConductExposure& c : e.conducts) {
      out << "<tr><td>" << EscapeHtml(c.id) << "</td><td>Art. " << EscapeHtml(c.tier) << "</td><td>"
          << EscapeHtml(c.seriousness);
      for (const std::string& r : c.reasoning) out << "<br><span class=\"muted\">" << EscapeHtml(r) << "</span>";
      out << "</td><td class=\"num\">" << FormatEur(c.low_eur, s) << " &ndash; " << FormatEur(c.high_eur, s)
          << "</td><td class=\"num\">" << c.findings.size() << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }
  if (!e.assumptions.empty()) {
    out << "<p><b>" << EscapeHtml(s.assumptions) << ":</b></p>\n<ul>\n";
    for (const std::string& a : e.assumptions) out << "<li>" << EscapeHtml(a) << "</li>\n";
    out << "</ul>\n";
  }
  out << "<p class=\"muted\">" << EscapeHtml(s.exposure_disclaimer) << " " << EscapeHtml(s.authority_note) << "</p>\n";
}

void WriteExecutiveSummary(const model::Report& report, const Strings& s, std::ostream& out) {
  FindingCounts counts = CountFindings(report.findings);
  out << "<section id=\"summary\">\n<h2>" << EscapeHtml(s.executive_summary) << "</h2>\n<p><b>"
      << EscapeHtml(SummaryLine(counts, s)) << "</b></p>\n<div class=\"cards\">\n";
  for (int sev = 4; sev >= 0; --sev) {
    auto severity = static_cast<model::Severity>(sev);
    out << "<div class=\"card\"><b>" << counts.by_severity[sev] << "</b>" << SeverityBadge(severity, s) << "</div>\n";
  }
  out << "<div class=\"card\"><b>" << counts.waived << "</b>" << EscapeHtml(s.waived) << "</div>\n</div>\n";
  WriteExposure(report.exposure, s, out);
  out << "</section>\n";
}

void WriteFinding(const model::Finding& f, const Strings& s, std::ostream& out) {
  out << "<div class=\"finding " << model::SeverityName(f.severity) << "\">\n<p>" << SeverityBadge(f.severity, s)
      << " <code>" << EscapeHtml(f.rule_id) << "</code> <b>" << EscapeHtml(f.title) << "</b></p>\n<p>"
      << EscapeHtml(f.message) << "</p>\n<p class=\"muted\">" << EscapeHtml(s.subject) << ": <code>"
      << EscapeHtml(f.subject.ToString()) << "</code>";
  if (!f.location.path.empty()) out << " &middot; " << EscapeHtml(s.location) << ": <code>" << EscapeHtml(f.location.ToString()) << "</code>";
  if (!f.articles.empty()) out << " &middot; " << EscapeHtml(s.articles) << ": " << EscapeHtml(Join(f.articles));
  if (f.fine) out << " &middot; " << FormatEur(f.fine->low_eur, s) << " &ndash; " << FormatEur(f.fine->high_eur, s);
  out << "</p>\n";
  if (!f.remediation.empty())
    out << "<p class=\"fix\"><b>" << EscapeHtml(s.remediation) << ":</b> " << EscapeHtml(f.remediation) << "</p>\n";
  if (!f.references.empty()) {
    out << "<p class=\"muted\">" << EscapeHtml(s.references) << ": ";
    for (size_t i = 0; i < f.references.size(); ++i) out << (i ? ", " : "") << Reference(f.references[i]);
    out << "</p>\n";
  }
  out << "</div>\n";
}

// Sort key of a base article: "Art. 6" -> 6; no article last.
int ArticleNumber(const std::string& base) {
  size_t digit = base.find_first_of("0123456789");
  if (digit == std::string::npos) return 100000;
  int n = 0;
  for (size_t i = digit; i < base.size() && base[i] >= '0' && base[i] <= '9' && n < 10000; ++i) n = n * 10 + (base[i] - '0');
  return n;
}

void WriteFindingsByArticle(const model::Report& report, const Strings& s, std::ostream& out) {
  std::map<std::pair<int, std::string>, std::vector<const model::Finding*>> groups;
  for (const model::Finding& f : report.findings) {
    if (f.suppressed) continue;
    std::string base = f.articles.empty() ? s.other_articles : BaseArticle(f.articles.front());
    groups[{ArticleNumber(base), base}].push_back(&f);
  }
  out << "<section id=\"findings\">\n<h2>" << EscapeHtml(s.findings_by_article) << "</h2>\n";
  if (groups.empty()) out << "<p>" << EscapeHtml(s.no_findings) << "</p>\n";
  for (const auto& [key, findings] : groups) {
    out << "<h3>" << EscapeHtml(key.second) << " (" << findings.size() << ")</h3>\n";
    for (const model::Finding* f : findings) WriteFinding(*f, s, out);
  }
  out << "</section>\n";
}

void WriteDataMap(const model::Inventory& inv, const HtmlOptions& o, const Strings& s, std::ostream& out) {
  out << "<section id=\"datamap\">\n<h2>" << EscapeHtml(s.data_map) << "</h2>\n";
  if (inv.systems.empty()) {
    out << "<p>" << EscapeHtml(s.no_systems) << "</p>\n</section>\n";
    return;
  }
  WriteDataMapSvg(inv, o.countries, s, out);
  out << "<p class=\"legend muted\">";
  auto swatch = [&](const char* style, const std::string& label) {
    out << "<span><i class=\"swatch\" style=\"" << style << "\"></i>" << EscapeHtml(label) << "</span>";
  };
  if (o.countries) {
    swatch("border-color:#455a64", s.eea);
    swatch("border-color:#b26a00", s.adequate);
    swatch("border-color:#c62828;background:#fdecea", s.third_country);
  } else {
    // Without the country table the map can only tell home from elsewhere.
    std::string home = inv.organization ? inv.organization->country : "";
    swatch("border-color:#455a64", home.empty() ? s.unknown : home);
    swatch("border-color:#455a64;border-style:dashed", "\xE2\x89\xA0 " + home);
  }
  out << "</p>\n</section>\n";
}

// Purpose ids that active rules flagged under Art. 35 (the DPIA article).
std::map<std::string, std::vector<std::string>> DpiaFlags(const model::Report& report) {
  std::map<std::string, std::vector<std::string>> flags;
  for (const model::Finding& f : report.findings) {
    if (f.suppressed) continue;
    bool art35 = std::any_of(f.articles.begin(), f.articles.end(),
                             [](const std::string& a) { return BaseArticle(a) == "Art. 35"; });
    if (!art35) continue;
    std::vector<std::string> purposes = f.related_purposes;
    if (f.subject.kind == "purpose") purposes.push_back(f.subject.id);
    for (const std::string& p : purposes) {
      auto& rules = flags[p];
      if (std::find(rules.begin(), rules.end(), f.rule_id) == rules.end()) rules.push_back(f.rule_id);
    }
  }
  return flags;
}

Html YesNo(const std::optional<bool>& v, const Strings& s) {
  if (!v) return Blank(s.not_declared);
  return *v ? std::string("<b>") + s.yes + "</b>" : std::string(s.no);
}

void WriteDpiaScreening(const model::Report& report, const HtmlOptions& o, const Strings& s, std::ostream& out) {
  const model::Inventory& inv = *report.inventory;
  auto flags = DpiaFlags(report);
  out << "<section id=\"dpia\">\n<h2>" << EscapeHtml(s.dpia_screening) << "</h2>\n<p class=\"muted\">"
      << EscapeHtml(s.dpia_note) << "</p>\n<table><thead><tr><th>" << s.purpose << "</th><th>" << s.profiling
      << "</th><th>" << s.automated_decisions << "</th><th>" << s.special_categories << "</th><th>"
      << s.subjects_count << "</th><th>" << s.dpia_declared << "</th><th>" << s.dpia_flagged
      << "</th></tr></thead><tbody>\n";
  for (const model::Purpose& p : inv.purposes) {
    Html special;
    if (!o.taxonomy) {
      special = Blank(s.unknown);
    } else {
      std::vector<std::string> found;
      for (const std::string& c : p.data_categories)
        if (o.taxonomy->SpecialOf(c) != analysis::Special::kNone) found.push_back(c);
      special = found.empty() ? std::string(s.no) : "<b>" + EscapeHtml(Join(found)) + "</b>";
    }
    auto flagged = flags.find(p.id);
    out << "<tr><td>" << EscapeHtml(p.name.empty() ? p.id : p.name) << "<br><code>" << EscapeHtml(p.id)
        << "</code></td><td>" << YesNo(p.profiling, s) << "</td><td>" << YesNo(p.automated_decisions, s)
        << "</td><td>" << special << "</td><td class=\"num\">"
        << (p.subjects_count ? FormatNumber(*p.subjects_count, s) : Blank(s.not_declared)) << "</td><td>"
        << OrBlank(p.dpia, s.no) << "</td><td>"
        << (flagged == flags.end() ? std::string(s.no) : "<b>" + EscapeHtml(Join(flagged->second)) + "</b>")
        << "</td></tr>\n";
  }
  out << "</tbody></table>\n</section>\n";
}

void WriteWaivers(const model::Report& report, const Strings& s, std::ostream& out) {
  out << "<section id=\"waivers\">\n<h2>" << EscapeHtml(s.waivers) << "</h2>\n";
  if (report.inventory && !report.inventory->waivers.empty()) {
    out << "<table><thead><tr><th>" << s.rule << "</th><th>" << s.subject << "</th><th>" << s.reason
        << "</th><th>" << s.expires << "</th></tr></thead><tbody>\n";
    for (const model::Waiver& w : report.inventory->waivers)
      out << "<tr><td><code>" << EscapeHtml(w.rule) << "</code></td><td>" << OrBlank(w.subject, "*")
          << "</td><td>" << OrBlank(w.reason, s.not_declared) << "</td><td>" << OrBlank(w.expires, s.never_expires)
          << "</td></tr>\n";
    out << "</tbody></table>\n";
  }
  std::vector<const model::Finding*> waived;
  for (const model::Finding& f : report.findings)
    if (f.suppressed) waived.push_back(&f);
  out << "<h3>" << EscapeHtml(s.waived_findings) << " (" << waived.size() << ")</h3>\n";
  if (!waived.empty()) {
    out << "<table><thead><tr><th>" << s.severity << "</th><th>" << s.rule << "</th><th>" << s.subject
        << "</th><th>" << s.message << "</th><th>" << s.reason << "</th></tr></thead><tbody>\n";
    for (const model::Finding* f : waived)
      out << "<tr><td>" << SeverityBadge(f->severity, s) << "</td><td><code>" << EscapeHtml(f->rule_id)
          << "</code></td><td><code>" << EscapeHtml(f->subject.ToString()) << "</code></td><td>"
          << EscapeHtml(f->title) << "</td><td>" << EscapeHtml(f->suppression_reason) << "</td></tr>\n";
    out << "</tbody></table>\n";
  }
  out << "</section>\n";
}

void WriteInputs(const model::Report& report, const Strings& s, std::ostream& out) {
  out << "<section id=\"inputs\">\n<h2>" << EscapeHtml(s.inputs) << "</h2>\n<table><thead><tr><th>" << s.path
      << "</th><th>" << s.kind << "</th><th>" << s.dialect << "</th><th>" << s.tables << "</th></tr></thead><tbody>\n";
  for (const model::ReportInput& in : report.inputs)
    out << "<tr><td><code>" << EscapeHtml(in.path) << "</code></td><td>" << EscapeHtml(in.kind) << "</td><td>"
        << EscapeHtml(in.dialect) << "</td><td class=\"num\">" << (in.tables >= 0 ? std::to_string(in.tables) : "")
        << "</td></tr>\n";
  out << "</tbody></table>\n</section>\n";
}

}  // namespace

std::string BaseArticle(const std::string& article) {
  size_t paren = article.find('(');
  std::string base = article.substr(0, paren);
  while (!base.empty() && base.back() == ' ') base.pop_back();
  return base;
}

void RenderHtml(const model::Report& report, const HtmlOptions& options, std::ostream& out) {
  const Strings& s = StringsFor(options.lang);
  HtmlPageStart(s.report_title, s.lang, out);
  WriteHeader(report, options, s, out);
  WriteExecutiveSummary(report, s, out);
  WriteFindingsByArticle(report, s, out);
  if (report.inventory) {
    WriteDataMap(*report.inventory, options, s, out);
    out << "<section id=\"ropa\">\n<h2>" << EscapeHtml(s.ropa_title) << "</h2>\n";
    WriteRopaHtmlSection(BuildRopa(*report.inventory, options.countries), s, out);
    out << "</section>\n";
    WriteDpiaScreening(report, options, s, out);
  } else {
    out << "<p class=\"muted\">" << EscapeHtml(s.no_inventory) << "</p>\n";
  }
  WriteWaivers(report, s, out);
  WriteInputs(report, s, out);
  HtmlPageEnd(out);
}

}  // namespace gdpr::report
