#include "report/sarif_reporter.h"

#include <cstdio>
#include <map>

#include "report/escape.h"
#include "report/json_fields.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace gdpr::report {
namespace {

// What SARIF says about a rule, taken from the findings it produced.
struct RuleInfo {
  const model::Finding* first = nullptr;  // title, articles, remediation, references
  model::Severity severity = model::Severity::kInfo;
  int index = 0;
};

std::map<std::string, RuleInfo> CollectRules(const model::Report& report) {
  std::map<std::string, RuleInfo> rules;  // sorted by rule id: a stable ruleIndex
  for (const model::Finding& f : report.findings) {
    RuleInfo& info = rules[f.rule_id];
    if (!info.first) {
      info.first = &f;
      info.severity = f.severity;
    } else if (f.severity > info.severity) {
      info.severity = f.severity;
    }
  }
  int index = 0;
  for (auto& [id, info] : rules) info.index = index++;
  return rules;
}

// "Consent without proof" -> "ConsentWithoutProof": SARIF's readable rule name.
std::string CamelName(std::string_view title, std::string_view fallback) {
  std::string out;
  bool upper = true;
  for (char c : title) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += (upper && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out.empty() ? std::string(fallback) : out;
}

using util::Join;

// The rule's help: remediation, articles and references, as text and as Markdown.
void WriteHelp(const model::Finding& f, util::JsonWriter& w) {
  std::vector<std::string> text, md;
  if (!f.remediation.empty()) {
    text.push_back(f.remediation);
    md.push_back(EscapeMarkdown(f.remediation));
  }
  if (!f.articles.empty()) {
    text.push_back("GDPR: " + Join(f.articles));
    md.push_back("**GDPR:** " + EscapeMarkdown(Join(f.articles)));
  }
  if (!f.references.empty()) {
    std::string t = "References:", m = "**References:**";
    for (const std::string& r : f.references) {
      t += "\n- " + r;
      m += "\n- " + EscapeMarkdown(r);
    }
    text.push_back(t);
    md.push_back(m);
  }
  if (text.empty()) {
    text.push_back(f.title);
    md.push_back(EscapeMarkdown(f.title));
  }
  w.Key("help");
  w.BeginObject();
  Field(w, "text", Join(text, "\n\n"));
  Field(w, "markdown", Join(md, "\n\n"));
  w.EndObject();
}

void WriteRule(const std::string& id, const RuleInfo& info, util::JsonWriter& w) {
  const model::Finding& f = *info.first;
  w.BeginObject();
  Field(w, "id", id);
  Field(w, "name", CamelName(f.title, id));
  w.Key("shortDescription");
  w.BeginObject();
  Field(w, "text", f.title.empty() ? id : f.title);
  w.EndObject();
  w.Key("fullDescription");
  w.BeginObject();
  Field(w, "text", (f.title.empty() ? id : f.title) +
                      (f.articles.empty() ? "" : " (" + Join(f.articles) + ")"));
  w.EndObject();
  if (!f.references.empty()) Field(w, "helpUri", f.references.front());
  WriteHelp(f, w);
  w.Key("defaultConfiguration");
  w.BeginObject();
  Field(w, "level", SarifLevel(info.severity));
  w.EndObject();
  w.Key("properties");
  w.BeginObject();
  w.Key("tags");
  w.BeginArray();
  for (const std::string& a : f.articles) w.String(a);
  w.String("privacy");
  w.EndArray();
  Field(w, "security-severity", SecuritySeverity(info.severity));
  w.EndObject();
  w.EndObject();
}

bool IsUrl(std::string_view path) { return path.find("://") != std::string_view::npos; }

void WriteLocations(const model::SourceLocation& loc, util::JsonWriter& w) {
  if (loc.path.empty()) return;  // nothing to point at
  w.Key("locations");
  w.BeginArray();
  w.BeginObject();
  w.Key("physicalLocation");
  w.BeginObject();
  w.Key("artifactLocation");
  w.BeginObject();
  if (IsUrl(loc.path) || (!loc.path.empty() && loc.path[0] == '/')) {
    // A live database or an absolute path: not relative to the repository root.
    Field(w, "uri", IsUrl(loc.path) ? loc.path : "file://" + PathToUri(loc.path));
  } else {
    Field(w, "uri", PathToUri(loc.path));
    Field(w, "uriBaseId", "%SRCROOT%");
  }
  w.EndObject();
  if (loc.line > 0) {
    w.Key("region");
    w.BeginObject();
    Field(w, "startLine", loc.line);
    if (loc.column > 0) Field(w, "startColumn", loc.column);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  w.EndArray();
}

void WriteResult(const model::Finding& f, const RuleInfo& rule, util::JsonWriter& w) {
  w.BeginObject();
  Field(w, "ruleId", f.rule_id);
  Field(w, "ruleIndex", rule.index);
  Field(w, "level", SarifLevel(f.severity));
  w.Key("message");
  w.BeginObject();
  Field(w, "text", f.message.empty() ? f.title : f.message);
  w.EndObject();
  WriteLocations(f.location, w);
  w.Key("partialFingerprints");
  w.BeginObject();
  Field(w, "gdprAudit/v1", f.fingerprint);
  w.EndObject();
  if (f.suppressed) {
    w.Key("suppressions");
    w.BeginArray();
    w.BeginObject();
    Field(w, "kind", "external");
    Field(w, "justification", f.suppression_reason);
    w.EndObject();
    w.EndArray();
  }
  w.Key("properties");
  w.BeginObject();
  Field(w, "severity", model::SeverityName(f.severity));
  Field(w, "subject", f.subject.ToString());
  w.EndObject();
  w.EndObject();
}

}  // namespace

const char* SarifLevel(model::Severity severity) {
  switch (severity) {
    case model::Severity::kCritical:
    case model::Severity::kHigh: return "error";
    case model::Severity::kMedium:
    case model::Severity::kLow: return "warning";
    case model::Severity::kInfo: return "note";
  }
  return "note";
}

const char* SecuritySeverity(model::Severity severity) {
  switch (severity) {
    case model::Severity::kCritical: return "9.5";
    case model::Severity::kHigh: return "8.0";
    case model::Severity::kMedium: return "5.5";
    case model::Severity::kLow: return "3.0";
    case model::Severity::kInfo: return "1.0";
  }
  return "1.0";
}

std::string PathToUri(std::string_view path) {
  std::string out;
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~/").find(c) != std::string_view::npos;
    if (c == '\\') {
      out += '/';
    } else if (keep) {
      out += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    }
  }
  return out;
}

void RenderSarif(const model::Report& report, std::ostream& out) {
  std::map<std::string, RuleInfo> rules = CollectRules(report);
  util::JsonWriter w(out);
  w.BeginObject();
  Field(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  Field(w, "version", "2.1.0");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  Field(w, "name", "gdpr-audit");
  Field(w, "version", report.tool_version);
  Field(w, "informationUri", kInformationUri);
  w.Key("rules");
  w.BeginArray();
  for (const auto& [id, info] : rules) WriteRule(id, info, w);
  w.EndArray();
  w.EndObject();
  w.EndObject();
  w.Key("results");
  w.BeginArray();
  for (const model::Finding& f : report.findings) WriteResult(f, rules.at(f.rule_id), w);
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.EndObject();
}

}  // namespace gdpr::report
