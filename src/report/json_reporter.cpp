#include "report/json_reporter.h"

#include "util/json_writer.h"

namespace gdpr::report {
namespace {

void WriteInputs(const model::Report& report, util::JsonWriter& w) {
  w.Key("inputs");
  w.BeginArray();
  for (const model::ReportInput& input : report.inputs) {
    w.BeginObject();
    w.Field("path", input.path);
    w.Field("kind", input.kind);
    if (!input.dialect.empty()) w.Field("dialect", input.dialect);
    if (input.tables >= 0) w.Field("tables", input.tables);
    w.EndObject();
  }
  w.EndArray();
}

void WriteLocation(const model::SourceLocation& loc, util::JsonWriter& w) {
  w.Key("location");
  w.BeginObject();
  w.Field("path", loc.path);
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
  w.Field("tier", fine->tier);
  w.Field("legal_max_eur", fine->legal_max_eur);
  w.Field("seriousness", fine->seriousness);
  w.Field("turnover_band", fine->turnover_band);
  w.Field("low_eur", fine->low_eur);
  w.Field("high_eur", fine->high_eur);
  w.Field("conduct", fine->conduct);
  w.EndObject();
}

void WriteFinding(const model::Finding& f, util::JsonWriter& w) {
  w.BeginObject();
  w.Field("rule_id", f.rule_id);
  w.Field("severity", model::SeverityName(f.severity));
  w.Field("title", f.title);
  w.Field("message", f.message);
  w.StringArray("articles", f.articles);
  w.Key("subject");
  w.BeginObject();
  w.Field("kind", f.subject.kind);
  w.Field("id", f.subject.id);
  w.EndObject();
  WriteLocation(f.location, w);
  w.Field("fingerprint", f.fingerprint);
  w.Field("suppressed", f.suppressed);
  if (f.suppressed) w.Field("suppression_reason", f.suppression_reason);
  w.Field("remediation", f.remediation);
  w.StringArray("references", f.references);
  WriteFine(f.fine, w);
  w.EndObject();
}

void WriteConduct(const model::ConductExposure& c, util::JsonWriter& w) {
  w.BeginObject();
  w.Field("id", c.id);
  w.Field("tier", c.tier);
  w.Field("legal_max_eur", c.legal_max_eur);
  w.Field("seriousness", c.seriousness);
  w.Field("low_eur", c.low_eur);
  w.Field("high_eur", c.high_eur);
  w.StringArray("reasoning", c.reasoning);
  w.StringArray("findings", c.findings);
  w.EndObject();
}

void WriteExposure(const model::Exposure& e, util::JsonWriter& w) {
  w.Key("exposure");
  w.BeginObject();
  w.Field("organization_max_eur", e.organization_max_eur);
  w.Field("low_eur", e.low_eur);
  w.Field("high_eur", e.high_eur);
  w.Key("conducts");
  w.BeginArray();
  for (const model::ConductExposure& c : e.conducts) WriteConduct(c, w);
  w.EndArray();
  w.StringArray("assumptions", e.assumptions);
  w.EndObject();
}

}  // namespace

void RenderJson(const model::Report& report, std::ostream& out) {
  util::JsonWriter w(out);
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  w.Field("name", "gdpr-audit");
  w.Field("version", report.tool_version);
  w.EndObject();
  w.Field("format_version", 1);
  WriteInputs(report, w);
  w.Key("findings");
  w.BeginArray();
  for (const model::Finding& f : report.findings) WriteFinding(f, w);
  w.EndArray();
  WriteExposure(report.exposure, w);
  w.EndObject();
}

}  // namespace gdpr::report
