#include "report/json_reporter.h"

#include "report/json_fields.h"
#include "util/json_writer.h"

namespace gdpr::report {
namespace {

void WriteInputs(const model::Report& report, util::JsonWriter& w) {
  w.Key("inputs");
  w.BeginArray();
  for (const model::ReportInput& input : report.inputs) {
    w.BeginObject();
    Field(w, "path", input.path);
    Field(w, "kind", input.kind);
    if (!input.dialect.empty()) Field(w, "dialect", input.dialect);
    if (input.tables >= 0) Field(w, "tables", input.tables);
    w.EndObject();
  }
  w.EndArray();
}

void WriteLocation(const model::SourceLocation& loc, util::JsonWriter& w) {
  w.Key("location");
  w.BeginObject();
  Field(w, "path", loc.path);
  // 0 means unknown (a live database); null says so without inventing a line.
  w.Key("line");
  loc.line > 0 ? w.Int(loc.line) : w.Null();
  w.Key("column");
  loc.column > 0 ? w.Int(loc.column) : w.Null();
  w.EndObject();
}

void WriteFine(const std::optional<model::FineEstimate>& fine, util::JsonWriter& w) {
  w.Key("fine");
  if (!fine) return w.Null();
  w.BeginObject();
  Field(w, "tier", fine->tier);
  Field(w, "legal_max_eur", fine->legal_max_eur);
  Field(w, "seriousness", fine->seriousness);
  Field(w, "turnover_band", fine->turnover_band);
  Field(w, "low_eur", fine->low_eur);
  Field(w, "high_eur", fine->high_eur);
  Field(w, "conduct", fine->conduct);
  w.EndObject();
}

void WriteFinding(const model::Finding& f, util::JsonWriter& w) {
  w.BeginObject();
  Field(w, "rule_id", f.rule_id);
  Field(w, "severity", model::SeverityName(f.severity));
  Field(w, "title", f.title);
  Field(w, "message", f.message);
  StringArray(w, "articles", f.articles);
  w.Key("subject");
  w.BeginObject();
  Field(w, "kind", f.subject.kind);
  Field(w, "id", f.subject.id);
  w.EndObject();
  WriteLocation(f.location, w);
  Field(w, "fingerprint", f.fingerprint);
  Field(w, "suppressed", f.suppressed);
  if (f.suppressed) Field(w, "suppression_reason", f.suppression_reason);
  Field(w, "remediation", f.remediation);
  StringArray(w, "references", f.references);
  WriteFine(f.fine, w);
  w.EndObject();
}

void WriteConduct(const model::ConductExposure& c, util::JsonWriter& w) {
  w.BeginObject();
  Field(w, "id", c.id);
  Field(w, "tier", c.tier);
  Field(w, "legal_max_eur", c.legal_max_eur);
  Field(w, "seriousness", c.seriousness);
  Field(w, "low_eur", c.low_eur);
  Field(w, "high_eur", c.high_eur);
  StringArray(w, "reasoning", c.reasoning);
  StringArray(w, "findings", c.findings);
  w.EndObject();
}

void WriteExposure(const model::Exposure& e, util::JsonWriter& w) {
  w.Key("exposure");
  w.BeginObject();
  Field(w, "organization_max_eur", e.organization_max_eur);
  Field(w, "low_eur", e.low_eur);
  Field(w, "high_eur", e.high_eur);
  w.Key("conducts");
  w.BeginArray();
  for (const model::ConductExposure& c : e.conducts) WriteConduct(c, w);
  w.EndArray();
  StringArray(w, "assumptions", e.assumptions);
  w.EndObject();
}

}  // namespace

void RenderJson(const model::Report& report, std::ostream& out) {
  util::JsonWriter w(out);
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  Field(w, "name", "gdpr-audit");
  Field(w, "version", report.tool_version);
  w.EndObject();
  Field(w, "format_version", 1);
  WriteInputs(report, w);
  w.Key("findings");
  w.BeginArray();
  for (const model::Finding& f : report.findings) WriteFinding(f, w);
  w.EndArray();
  WriteExposure(report.exposure, w);
  w.EndObject();
}

}  // namespace gdpr::report
