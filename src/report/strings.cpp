#include "report/strings.h"

namespace gdpr::report {
namespace {

constexpr Strings kEnglish{
    .lang = "en",
    .report_title = "GDPR audit report",
    .executive_summary = "Executive summary",
    .findings = "Findings",
    .findings_by_article = "Findings by GDPR article",
    .waived = "Waived",
    .waivers = "Waivers",
    .data_map = "Data map",
    .ropa_title = "Record of processing activities (Art. 30(1) GDPR)",
    .dpia_screening = "DPIA screening (Art. 35 GDPR)",
    .inputs = "Inputs",
    .exposure = "Fine exposure",
    .top_findings = "Top findings",
    .no_findings = "No findings.",
    .severity = "Severity",
    .rule = "Rule",
    .subject = "Subject",
    .location = "Location",
    .message = "Finding",
    .articles = "Articles",
    .remediation = "Remediation",
    .references = "References",
    .reason = "Reason",
    .expires = "Expires",
    .never_expires = "does not expire",
    .count = "Count",
    .and_more = "and {} more",
    .other_articles = "No article",
    .sev_critical = "critical",
    .sev_high = "high",
    .sev_medium = "medium",
    .sev_low = "low",
    .sev_info = "info",
    .finding_one = "finding",
    .finding_many = "findings",
    .waived_word = "waived",
    .exposure_range = "Estimated fine exposure",
    .legal_maximum = "legal maximum for this organisation (Art. 83(5))",
    .conducts = "Conducts (Art. 83(3))",
    .assumptions = "Assumptions",
    .exposure_disclaimer =
        "An estimate under the EDPB Guidelines 04/2022 method, not legal advice.",
    .controller = "Controller",
    .dpo = "Data protection officer",
    .purpose = "Purpose",
    .legal_basis = "Legal basis",
    .data_subjects = "Categories of data subjects",
    .data_categories = "Categories of personal data",
    .recipients = "Recipients",
    .transfers = "Third-country transfers and safeguards",
    .retention = "Retention period",
    .security_measures = "Security measures (Art. 32)",
    .not_declared = "not declared",
    .none = "none",
    .profiling = "Profiling",
    .automated_decisions = "Automated decisions (Art. 22)",
    .special_categories = "Special categories",
    .subjects_count = "Data subjects (approx.)",
    .dpia_declared = "DPIA declared",
    .dpia_flagged = "Flagged by rules",
    .yes = "yes",
    .no = "no",
    .unknown = "unknown",
    .third_country = "third country",
    .adequate = "adequacy decision",
    .eea = "EEA",
    .system = "System",
    .flow = "Flow",
    .country = "Country",
    .kind = "Kind",
    .path = "Path",
    .generated_for = "Prepared for",
    .authority_note = "Supervisory authority: the authority of the main establishment (Art. 56).",
};

constexpr Strings kDutch{
    .lang = "nl",
    .report_title = "AVG-auditrapport",
    .executive_summary = "Samenvatting voor het management",
    .findings = "Bevindingen",
    .findings_by_article = "Bevindingen per AVG-artikel",
    .waived = "Geaccepteerd risico",
    .waivers = "Uitzonderingen (geaccepteerde risico's)",
    .data_map = "Gegevensstromen",
    .ropa_title = "Verwerkingsregister (art. 30 lid 1 AVG)",
    .dpia_screening = "DPIA-toets (art. 35 AVG)",
    .inputs = "Bronnen",
    .exposure = "Boeterisico",
    .top_findings = "Belangrijkste bevindingen",
    .no_findings = "Geen bevindingen.",
    .severity = "Ernst",
    .rule = "Regel",
    .subject = "Onderwerp",
    .location = "Plaats",
    .message = "Bevinding",
    .articles = "Artikelen",
    .remediation = "Herstelmaatregel",
    .references = "Bronnen",
    .reason = "Reden",
    .expires = "Vervalt",
    .never_expires = "vervalt niet",
    .count = "Aantal",
    .and_more = "en nog {}",
    .other_articles = "Geen artikel",
    .sev_critical = "kritiek",
    .sev_high = "hoog",
    .sev_medium = "gemiddeld",
    .sev_low = "laag",
    .sev_info = "info",
    .finding_one = "bevinding",
    .finding_many = "bevindingen",
    .waived_word = "geaccepteerd",
    .exposure_range = "Geschat boeterisico",
    .legal_maximum = "wettelijk maximum voor deze organisatie (art. 83 lid 5)",
    .conducts = "Gedragingen (art. 83 lid 3)",
    .assumptions = "Aannames",
    .exposure_disclaimer =
        "Een schatting volgens de methode van EDPB-richtsnoeren 04/2022, geen juridisch advies.",
    .controller = "Verwerkingsverantwoordelijke",
    .dpo = "Functionaris gegevensbescherming",
    .purpose = "Verwerkingsdoel",
    .legal_basis = "Rechtsgrond",
    .data_subjects = "Categorie\xC3\xABn van betrokkenen",
    .data_categories = "Categorie\xC3\xABn van persoonsgegevens",
    .recipients = "Ontvangers",
    .transfers = "Doorgifte naar derde landen en waarborgen",
    .retention = "Bewaartermijn",
    .security_measures = "Beveiligingsmaatregelen (art. 32)",
    .not_declared = "niet opgegeven",
    .none = "geen",
    .profiling = "Profilering",
    .automated_decisions = "Geautomatiseerde besluiten (art. 22)",
    .special_categories = "Bijzondere persoonsgegevens",
    .subjects_count = "Betrokkenen (ca.)",
    .dpia_declared = "DPIA aanwezig",
    .dpia_flagged = "Gemeld door regels",
    .yes = "ja",
    .no = "nee",
    .unknown = "onbekend",
    .third_country = "derde land",
    .adequate = "adequaatheidsbesluit",
    .eea = "EER",
    .system = "Systeem",
    .flow = "Stroom",
    .country = "Land",
    .kind = "Soort",
    .path = "Pad",
    .generated_for = "Opgesteld voor",
    .authority_note = "Toezichthouder: de Autoriteit Persoonsgegevens (bij vestiging in Nederland).",
};

}  // namespace

const Strings& StringsFor(std::string_view lang) {
  return lang == "nl" ? kDutch : kEnglish;
}

const char* SeverityLabel(const Strings& s, model::Severity severity) {
  switch (severity) {
    case model::Severity::kCritical: return s.sev_critical;
    case model::Severity::kHigh: return s.sev_high;
    case model::Severity::kMedium: return s.sev_medium;
    case model::Severity::kLow: return s.sev_low;
    case model::Severity::kInfo: return s.sev_info;
  }
  return s.sev_info;
}

std::string FormatEur(int64_t amount, const Strings& s) {
  bool dutch = std::string_view(s.lang) == "nl";
  uint64_t magnitude = amount < 0 ? 0 - static_cast<uint64_t>(amount) : static_cast<uint64_t>(amount);
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += dutch ? '.' : ',';
    grouped += digits[i];
  }
  return std::string(dutch ? "\xE2\x82\xAC " : "EUR ") + (amount < 0 ? "-" : "") + grouped;
}

std::string SummaryLine(const FindingCounts& counts, const Strings& s) {
  std::string line = std::to_string(counts.active) + " " +
                     (counts.active == 1 ? s.finding_one : s.finding_many);
  std::string parts;
  for (int sev = 4; sev >= 0; --sev) {
    int n = counts.by_severity[sev];
    if (n == 0) continue;
    if (!parts.empty()) parts += ", ";
    parts += std::to_string(n) + " " + SeverityLabel(s, static_cast<model::Severity>(sev));
  }
  if (!parts.empty()) line += ": " + parts;
  if (counts.waived > 0) line += "; " + std::to_string(counts.waived) + " " + s.waived_word;
  return line;
}

}  // namespace gdpr::report
