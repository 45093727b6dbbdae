#include "report/ropa_reporter.h"

#include <algorithm>

#include "report/escape.h"
#include "report/html_page.h"

namespace gdpr::report {
namespace {

// One labelled field of a row, as plain text items (empty: not declared).
struct Field {
  std::string label;
  std::vector<std::string> items;
  const char* when_empty;  // "not declared" or "none"
};

std::vector<std::string> Items(const std::string& one) {
  return one.empty() ? std::vector<std::string>{} : std::vector<std::string>{one};
}

std::vector<Field> RowFields(const RopaRow& row, const Strings& s) {
  std::vector<std::string> recipients, transfers;
  for (const RopaRecipient& r : row.recipients) recipients.push_back(FormatRecipient(r, s));
  for (const RopaTransfer& t : row.transfers) transfers.push_back(FormatTransfer(t, s));
  std::string purpose = row.purpose == row.purpose_id ? row.purpose : row.purpose + " (" + row.purpose_id + ")";
  return {
      {std::string("(b) ") + s.purpose, Items(purpose), s.not_declared},
      {std::string("(b) ") + s.data_use, Items(row.data_use), s.not_declared},
      {s.legal_basis, Items(LegalBasisLabel(row.legal_basis, s)), s.not_declared},
      {std::string("(c) ") + s.data_subjects, row.data_subjects, s.not_declared},
      {std::string("(c) ") + s.data_categories, row.data_categories, s.not_declared},
      // No external system is a real answer (nothing disclosed), not a gap.
      {std::string("(d) ") + s.recipients, recipients, s.none},
      {std::string("(e) ") + s.transfers, transfers, s.none},
      {std::string("(f) ") + s.retention, Items(FormatRetention(row.retention, s)), s.not_declared},
      {std::string("(g) ") + s.security_measures, Items(row.security_measures), s.not_declared},
  };
}

std::vector<Field> ControllerFields(const Ropa& ropa, const Strings& s) {
  return {
      {std::string("(a) ") + s.controller, Items(ropa.controller), s.not_declared},
      {std::string("(a) ") + s.dpo, Items(ropa.dpo), s.not_declared},
      {std::string("(a) ") + s.representative, Items(ropa.representative), s.not_declared},
  };
}

std::string JoinPlain(const Field& f) {
  if (f.items.empty()) return f.when_empty;
  std::string out;
  for (const std::string& item : f.items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

// Escaped text that may wrap after a dot or an underscore, so long taxonomy keys
// ("marketing.communications.email") break at their segments, not mid-word.
std::string Breakable(const std::string& text) {
  std::string out;
  for (char c : EscapeHtml(text)) {
    out += c;
    if (c == '.' || c == '_') out += "<wbr>";
  }
  return out;
}

std::string HtmlCell(const Field& f) {
  if (f.items.empty()) return std::string("<span class=\"blank\">") + f.when_empty + "</span>";
  std::string out;
  for (size_t i = 0; i < f.items.size(); ++i) out += (i ? "<br>" : "") + Breakable(f.items[i]);
  return out;
}

}  // namespace

std::string LegalBasisLabel(std::string_view legal_basis, const Strings& s) {
  struct Basis {
    const char* key;
    const char* point;  // Art. 6(1) point
    const char* en;
    const char* nl;
  };
  static constexpr Basis kBases[] = {
      {"consent", "a", "consent", "toestemming"},
      {"contract", "b", "contract", "overeenkomst"},
      {"legal_obligation", "c", "legal obligation", "wettelijke verplichting"},
      {"vital_interests", "d", "vital interests", "vitale belangen"},
      {"public_task", "e", "public task", "taak van algemeen belang"},
      {"legitimate_interests", "f", "legitimate interests", "gerechtvaardigd belang"},
  };
  bool dutch = std::string_view(s.lang) == "nl";
  for (const Basis& b : kBases)
    if (legal_basis == b.key)
      return dutch ? std::string(b.nl) + " (art. 6 lid 1 sub " + b.point + ")"
                   : std::string(b.en) + " (Art. 6(1)(" + b.point + "))";
  return std::string(legal_basis);
}

const char* ResponsibilityLabel(std::string_view responsibility, const Strings& s) {
  if (responsibility == "controller") return s.resp_controller;
  if (responsibility == "joint_controller") return s.resp_joint_controller;
  if (responsibility == "processor") return s.resp_processor;
  if (responsibility == "sub_processor") return s.resp_sub_processor;
  if (responsibility == "third_party") return s.resp_third_party;
  return "";
}

std::string FormatRecipient(const RopaRecipient& r, const Strings& s) {
  std::vector<std::string> details;
  if (r.name != r.system_id) details.push_back(r.system_id);
  if (const char* label = ResponsibilityLabel(r.responsibility, s); *label) details.push_back(label);
  if (!r.country.empty()) details.push_back(r.country);
  std::string out = r.name;
  for (size_t i = 0; i < details.size(); ++i) out += (i ? "; " : " (") + details[i];
  return details.empty() ? out : out + ")";
}

std::string FormatTransfer(const RopaTransfer& t, const Strings& s) {
  std::string out = t.name + " " + s.in_country + " " + t.country;
  if (t.zone == "third_country") out += std::string(" (") + s.third_country + ")";
  if (t.zone == "adequate") out += std::string(" (") + s.adequate + ")";
  if (t.zone == "adequate_dpf") out += std::string(" (") + s.adequate_dpf + ")";
  if (t.mechanism.empty()) return out + ": " + s.no_safeguard;
  out += ": " + t.mechanism;
  if (!t.reference.empty()) out += " (" + t.reference + ")";
  return out;
}

std::string FormatRetention(const RopaRetention& r, const Strings& s) {
  if (r.period.empty()) return "";
  std::string out = r.period;
  if (!r.from.empty()) out += std::string(" ") + s.retention_from + " " + r.from;
  if (!r.basis.empty()) out += " (" + r.basis + ")";
  return out;
}

const std::vector<std::string>& RopaFormats() {
  static const std::vector<std::string> kFormats = {"csv", "markdown", "html"};
  return kFormats;
}

bool IsKnownRopaFormat(std::string_view format) {
  const auto& f = RopaFormats();
  return std::find(f.begin(), f.end(), format) != f.end();
}

void RenderRopa(std::string_view format, const Ropa& ropa, const std::string& lang, std::ostream& out) {
  const Strings& s = StringsFor(lang);
  if (format == "csv") RenderRopaCsv(ropa, s, out);
  if (format == "markdown") RenderRopaMarkdown(ropa, s, out);
  if (format == "html") RenderRopaHtml(ropa, s, out);
}

void RenderRopaCsv(const Ropa& ropa, const Strings& s, std::ostream& out) {
  RopaRow header_row;
  std::vector<Field> head = ControllerFields(ropa, s);
  std::vector<Field> row_head = RowFields(header_row, s);
  head.insert(head.end(), row_head.begin(), row_head.end());
  // RFC 4180: CRLF line ends; the header names the columns with their Art. 30(1) letter.
  for (size_t i = 0; i < head.size(); ++i) out << (i ? "," : "") << CsvField(head[i].label);
  out << "\r\n";
  for (const RopaRow& row : ropa.rows) {
    std::vector<Field> fields = ControllerFields(ropa, s);
    std::vector<Field> rest = RowFields(row, s);
    fields.insert(fields.end(), rest.begin(), rest.end());
    for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << CsvField(JoinPlain(fields[i]));
    out << "\r\n";
  }
}

void RenderRopaMarkdown(const Ropa& ropa, const Strings& s, std::ostream& out) {
  auto table = [&](const std::vector<Field>& fields) {
    out << "| " << s.field << " | " << s.value << " |\n|---|---|\n";
    for (const Field& f : fields) {
      out << "| " << f.label << " | ";
      if (f.items.empty()) {
        out << "_" << f.when_empty << "_";
      } else {
        for (size_t i = 0; i < f.items.size(); ++i) out << (i ? "<br>" : "") << EscapeMarkdown(f.items[i]);
      }
      out << " |\n";
    }
    out << '\n';
  };
  out << "# " << s.ropa_title << "\n\n";
  table(ControllerFields(ropa, s));
  for (const RopaRow& row : ropa.rows) {
    out << "## " << EscapeMarkdown(row.purpose);
    if (row.purpose != row.purpose_id) out << " (" << EscapeMarkdown(row.purpose_id) << ")";
    out << "\n\n";
    std::vector<Field> fields = RowFields(row, s);
    fields.erase(fields.begin());  // the purpose is the heading
    table(fields);
  }
  out << "_" << s.ropa_note << "_\n";
}

void WriteRopaHtmlSection(const Ropa& ropa, const Strings& s, std::ostream& out) {
  out << "<table class=\"controller\">\n";
  for (const Field& f : ControllerFields(ropa, s))
    out << "<tr><th>" << EscapeHtml(f.label) << "</th><td>" << HtmlCell(f) << "</td></tr>\n";
  out << "</table>\n<table class=\"ropa\">\n<thead><tr>";
  for (const Field& f : RowFields(RopaRow{}, s)) out << "<th>" << EscapeHtml(f.label) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const RopaRow& row : ropa.rows) {
    out << "<tr>";
    for (const Field& f : RowFields(row, s)) out << "<td>" << HtmlCell(f) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void RenderRopaHtml(const Ropa& ropa, const Strings& s, std::ostream& out) {
  HtmlPageStart(s.ropa_title, s.lang, out);
  out << "<h1>" << EscapeHtml(s.ropa_title) << "</h1>\n";
  WriteRopaHtmlSection(ropa, s, out);
  out << "<p class=\"meta\">" << EscapeHtml(s.ropa_note) << "</p>\n";
  HtmlPageEnd(out);
}

}  // namespace gdpr::report
