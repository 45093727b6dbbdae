#include "load/declarations_parser.h"

#include <filesystem>
#include <utility>
#include <system_error>

#include "load/database_url.h"
#include "load/yaml_fields.h"

namespace gdpr::load {
namespace {

using analysis::TaxonomyKind;

model::Responsibility ResponsibilityFromName(std::string_view name) {
  if (name == "controller") return model::Responsibility::kController;
  if (name == "joint_controller") return model::Responsibility::kJointController;
  if (name == "processor") return model::Responsibility::kProcessor;
  if (name == "sub_processor") return model::Responsibility::kSubProcessor;
  if (name == "third_party") return model::Responsibility::kThirdParty;
  return model::Responsibility::kUnspecified;
}

// Splits "a.b.c" at dots; empty parts are kept so callers can reject them.
std::vector<std::string> SplitDots(std::string_view s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    parts.emplace_back(s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool AllNonEmpty(const std::vector<std::string>& parts) {
  for (const std::string& p : parts)
    if (p.empty()) return false;
  return true;
}

std::string Named(std::string_view kind, const std::string& id) {
  return std::string(kind) + (id.empty() ? "" : " '" + id + "'");
}

}  // namespace

model::Inventory DeclarationsParser::Parse(const YamlNode& root, const std::string& base_dir) {
  model::Inventory inventory;
  if (!CheckHeader(root)) return inventory;
  FieldReader top(root, "a declarations file", diags_);
  top.WarnUnknownKeys({"gdpr_audit", "organization", "systems", "purposes", "flows", "columns", "waivers"});
  if (const YamlNode* org = top.Value("organization")) inventory.organization = ReadOrganization(*org);
  ForEachItem(root, "systems", [&](const YamlNode& n) { inventory.systems.push_back(ReadSystem(n, base_dir)); });
  ForEachItem(root, "purposes", [&](const YamlNode& n) { inventory.purposes.push_back(ReadPurpose(n)); });
  ForEachItem(root, "flows", [&](const YamlNode& n) { inventory.flows.push_back(ReadFlow(n)); });
  ForEachItem(root, "columns", [&](const YamlNode& n) { inventory.columns.push_back(ReadColumn(n)); });
  ForEachItem(root, "waivers", [&](const YamlNode& n) { inventory.waivers.push_back(ReadWaiver(n)); });
  return inventory;
}

bool DeclarationsParser::CheckHeader(const YamlNode& root) {
  const std::string kStart = "a declarations file starts with the line 'gdpr_audit: 1'";
  if (root.IsNull()) {
    diags_.Error({*root.path, 1, 1}, "the file is empty", kStart);
    return false;
  }
  if (!root.IsMap()) {
    diags_.Error(root.Location(), std::string("a declarations file is a mapping, found ") + root.KindName(), kStart);
    return false;
  }
  const YamlNode* version = root.Find("gdpr_audit");
  if (!version) {
    diags_.Error(root.Location(), "not a declarations file: 'gdpr_audit: 1' is missing", kStart);
    return false;
  }
  if (!version->IsScalar() || version->scalar != "1") {
    diags_.Error(version->Location(),
                 "unsupported declarations version '" + (version->IsScalar() ? version->scalar : "") + "'",
                 "this gdpr-audit reads version 1: write 'gdpr_audit: 1'");
    return false;
  }
  return true;
}

template <typename Read>
void DeclarationsParser::ForEachItem(const YamlNode& root, std::string_view key, Read read) {
  const YamlNode* list = root.Find(key);
  if (!list || list->IsNull()) return;
  if (!list->IsSequence()) {
    diags_.Error(list->Location(), Quote(key) + " expects a list, found " + list->KindName(),
                 "start each entry with '- ' on its own line");
    return;
  }
  for (const YamlNode& item : list->items) read(item);
}

std::string DeclarationsParser::ReadChoice(const FieldReader& fields, std::string_view key,
                                           const std::vector<std::string>& allowed) {
  const YamlNode* v = fields.Value(key);
  if (!v || !ExpectScalar(*v, key, diags_)) return {};
  return vocabulary_.OneOf(*v, key, allowed) ? v->scalar : std::string();
}

std::string DeclarationsParser::ReadCountry(const FieldReader& fields) {
  const YamlNode* v = fields.Value("country");
  if (!v || !ExpectScalar(*v, "country", diags_)) return {};
  return vocabulary_.Country(*v, "country").value_or("");
}

model::Organization DeclarationsParser::ReadOrganization(const YamlNode& node) {
  model::Organization org;
  FieldReader f(node, "the organization", diags_, &org);
  if (!f.ok()) return org;
  f.WarnUnknownKeys({"name", "country", "annual_turnover_eur", "dpo", "representative"});
  org.name = f.String("name").value_or("");
  org.country = ReadCountry(f);
  org.annual_turnover_eur = f.Count("annual_turnover_eur");
  org.dpo = ReadContact(f, "dpo");
  org.representative = ReadContact(f, "representative");
  return org;
}

std::optional<model::Contact> DeclarationsParser::ReadContact(const FieldReader& parent, std::string_view key) {
  const YamlNode* v = parent.Value(key);
  if (!v) return std::nullopt;
  if (v->IsScalar()) return model::Contact{v->scalar, ""};  // a bare name
  FieldReader f(*v, Quote(key), diags_);
  if (!f.ok()) return std::nullopt;
  f.WarnUnknownKeys({"name", "email"});
  return model::Contact{f.String("name").value_or(""), f.String("email").value_or("")};
}

model::System DeclarationsParser::ReadSystem(const YamlNode& node, const std::string& base_dir) {
  model::System system;
  FieldReader f(node, "a system", diags_, &system);
  if (!f.ok()) return system;
  f.WarnUnknownKeys({"id", "name", "description", "responsibility", "country", "datastores",
                     "processor_agreement", "transfer"});
  system.id = f.RequiredString("id").value_or("");
  system.name = f.String("name").value_or("");
  system.description = f.String("description").value_or("");
  system.responsibility = ResponsibilityFromName(ReadChoice(f, "responsibility", kResponsibilities));
  system.country = ReadCountry(f);
  system.processor_agreement = f.String("processor_agreement").value_or("");
  system.transfer = ReadTransfer(f);
  if (const YamlNode* stores = f.Value("datastores")) {
    if (!stores->IsSequence())
      diags_.Error(stores->Location(), std::string("'datastores' expects a list, found ") + stores->KindName(),
                   "start each datastore with '- id: ...'");
    else
      for (const YamlNode& item : stores->items)
        system.datastores.push_back(ReadDatastore(item, system.id, base_dir));
  }
  return system;
}

std::optional<model::Transfer> DeclarationsParser::ReadTransfer(const FieldReader& parent) {
  const YamlNode* v = parent.Value("transfer");
  if (!v) return std::nullopt;
  FieldReader f(*v, "'transfer'", diags_);
  if (!f.ok()) return std::nullopt;
  f.WarnUnknownKeys({"mechanism", "reference"});
  model::Transfer transfer;
  if (!f.Value("mechanism"))
    diags_.Error(v->Location(), "'transfer' needs a 'mechanism'", "one of: adequacy | dpf | scc | bcr | derogation");
  transfer.mechanism = ReadChoice(f, "mechanism", kTransferMechanisms);
  transfer.reference = f.String("reference").value_or("");
  return transfer;
}

model::Datastore DeclarationsParser::ReadDatastore(const YamlNode& node, const std::string& system_id,
                                                   const std::string& base_dir) {
  model::Datastore store;
  store.system_id = system_id;
  store.base_dir = base_dir;
  FieldReader f(node, "a datastore", diags_, &store);
  if (!f.ok()) return store;
  f.WarnUnknownKeys({"id", "schema", "url", "dialect"});
  store.id = f.RequiredString("id").value_or("");
  if (store.id.find('.') != std::string::npos)
    diags_.Error(f.Value("id")->Location(), "datastore id '" + store.id + "' contains a dot",
                 "datastore ids appear in datastore.table references; use '-' or '_' instead");
  store.dialect = CanonicalDialect(ReadChoice(f, "dialect", kDialects));
  ReadSchemaPath(f, store, base_dir);
  ReadUrl(f, store);
  if (!store.schema.empty() && !store.url.empty())
    diags_.Error(f.KeyLocation("url"), Named("datastore", store.id) + " has both 'schema' and 'url'",
                 "keep one: a DDL file (schema) or a live database (url)");
  return store;
}

void DeclarationsParser::ReadSchemaPath(const FieldReader& fields, model::Datastore& store,
                                        const std::string& base_dir) {
  namespace fs = std::filesystem;
  auto schema = fields.String("schema");
  if (!schema) return;
  store.schema = *schema;
  fs::path resolved = fs::path(*schema).is_absolute() ? fs::path(*schema) : fs::path(base_dir) / *schema;
  std::string shown = resolved.lexically_normal().generic_string();
  std::error_code ec;
  auto status = fs::status(resolved, ec);
  const YamlNode* at = fields.Value("schema");
  // Judged before existence, so that nothing about files outside leaks out.
  if (!root_.Check(resolved, *schema, at->Location(), diags_)) return;
  if (ec || !fs::exists(status)) {
    diags_.Error(at->Location(), "schema file '" + *schema + "' does not exist",
                 "looked for '" + shown + "'; paths are relative to the declaring file");
  } else if (fs::is_directory(status)) {
    diags_.Error(at->Location(), "schema '" + *schema + "' is a directory, not a DDL file");
  } else {
    store.schema_path = shown;
  }
}

// Database URLs may carry a password; no message of ours may repeat it.
void DeclarationsParser::ReadUrl(const FieldReader& fields, model::Datastore& store) {
  auto url = fields.String("url");
  if (!url) return;
  store.url = *url;
  bool has_password = RedactUrl(*url) != *url;
  // The source line of the url would be quoted under a diagnostic: point at the id instead.
  model::SourceLocation at = has_password ? fields.KeyLocation("id") : fields.Value("url")->Location();
  if (has_password)
    diags_.Warning(at, Named("datastore", store.id) + " has a password in its url",
                   "keep secrets out of declarations files: use PGPASSWORD, ~/.pgpass or a service file");
  if (!IsDatabaseUrl(*url))
    diags_.Error(at, "unsupported database URL '" + RedactUrl(*url) + "'",
                 "use sqlite:PATH or postgresql://user@host/database");
}

model::Purpose DeclarationsParser::ReadPurpose(const YamlNode& node) {
  model::Purpose purpose;
  FieldReader f(node, "a purpose", diags_, &purpose);
  if (!f.ok()) return purpose;
  f.WarnUnknownKeys({"id", "name", "data_use", "legal_basis", "consent", "data_subjects", "data_categories",
                     "systems", "retention", "subjects_count", "privacy_notice", "special_category_condition",
                     "legitimate_interest_assessment", "profiling", "automated_decisions", "dpia"});
  purpose.id = f.RequiredString("id").value_or("");
  purpose.name = f.String("name").value_or("");
  ReadPurposeVocabulary(f, purpose);
  purpose.legal_basis = ReadChoice(f, "legal_basis", kLegalBases);
  purpose.special_category_condition = ReadChoice(f, "special_category_condition", kSpecialCategoryConditions);
  purpose.consent = ReadConsent(f, purpose.id);
  purpose.systems = f.StringList("systems").value_or(std::vector<std::string>{});
  purpose.retention = ReadRetention(f);
  purpose.subjects_count = f.Count("subjects_count");
  purpose.privacy_notice = f.String("privacy_notice").value_or("");
  purpose.legitimate_interest_assessment = f.String("legitimate_interest_assessment").value_or("");
  purpose.profiling = f.Bool("profiling");
  purpose.automated_decisions = f.Bool("automated_decisions");
  purpose.dpia = f.String("dpia").value_or("");
  return purpose;
}

void DeclarationsParser::ReadPurposeVocabulary(const FieldReader& f, model::Purpose& purpose) {
  if (const YamlNode* use = f.Value("data_use"); use && ExpectScalar(*use, "data_use", diags_))
    purpose.data_use = vocabulary_.TaxonomyKey(TaxonomyKind::kDataUse, *use).value_or("");
  if (auto subjects = f.ScalarList("data_subjects"))
    purpose.data_subjects = vocabulary_.TaxonomyKeys(TaxonomyKind::kDataSubject, *subjects);
  if (auto categories = f.ScalarList("data_categories"))
    purpose.data_categories = vocabulary_.TaxonomyKeys(TaxonomyKind::kDataCategory, *categories);
}

std::optional<model::Consent> DeclarationsParser::ReadConsent(const FieldReader& parent,
                                                              const std::string& purpose_id) {
  const YamlNode* v = parent.Value("consent");
  if (!v) return std::nullopt;
  model::Consent consent;
  FieldReader f(*v, "the consent of " + Named("purpose", purpose_id), diags_, &consent);
  if (!f.ok()) return std::nullopt;
  f.WarnUnknownKeys({"opt_in", "granular", "withdrawal", "record", "age_verification"});
  consent.opt_in = f.Bool("opt_in");
  consent.granular = f.Bool("granular");
  consent.withdrawal = f.Bool("withdrawal");
  consent.age_verification = f.Bool("age_verification");
  if (auto record = f.String("record")) {
    consent.record = *record;
    std::vector<std::string> parts = SplitDots(*record);
    if (parts.size() < 2 || parts.size() > 3 || !AllNonEmpty(parts))
      diags_.Error(f.Value("record")->Location(), "'record' must name datastore.table, found '" + *record + "'",
                   "for example shopdb.consent_log: the datastore id, a dot, the table");
  }
  return consent;
}

std::optional<model::Retention> DeclarationsParser::ReadRetention(const FieldReader& parent) {
  const YamlNode* v = parent.Value("retention");
  if (!v) return std::nullopt;
  model::Retention retention;
  if (v->IsScalar()) {  // short form: retention: P7Y
    retention.loc = v->Location();
    retention.text = v->scalar;
    retention.period = vocabulary_.Duration(*v, "retention");
    return retention;
  }
  FieldReader f(*v, "'retention'", diags_, &retention);
  if (!f.ok()) return std::nullopt;
  f.WarnUnknownKeys({"period", "from", "basis"});
  if (auto period = f.RequiredString("period")) {
    retention.text = *period;
    retention.period = vocabulary_.Duration(*f.Value("period"), "period");
  }
  retention.from = f.String("from").value_or("");
  retention.basis = f.String("basis").value_or("");
  return retention;
}

model::Flow DeclarationsParser::ReadFlow(const YamlNode& node) {
  model::Flow flow;
  FieldReader f(node, "a flow", diags_, &flow);
  if (!f.ok()) return flow;
  f.WarnUnknownKeys({"id", "from", "to", "purpose", "data_categories"});
  flow.from = f.RequiredString("from").value_or("");
  flow.to = f.RequiredString("to").value_or("");
  flow.purpose = f.String("purpose").value_or("");
  // The spec's flows have ids, but a list of flows reads naturally without them:
  // name an anonymous flow after its ends (and purpose) so findings can still say which.
  flow.id = f.String("id").value_or(flow.from + "->" + flow.to + (flow.purpose.empty() ? "" : ":" + flow.purpose));
  if (auto categories = f.ScalarList("data_categories"))
    flow.data_categories = vocabulary_.TaxonomyKeys(TaxonomyKind::kDataCategory, *categories);
  return flow;
}

model::ColumnAnnotation DeclarationsParser::ReadColumn(const YamlNode& node) {
  model::ColumnAnnotation column;
  FieldReader f(node, "a 'columns' entry", diags_, &column);
  if (!f.ok()) return column;
  f.WarnUnknownKeys({"match", "categories"});
  if (auto match = f.RequiredString("match")) {
    column.match = *match;
    std::vector<std::string> parts = SplitDots(*match);
    if (parts.size() < 3 || parts.size() > 4 || !AllNonEmpty(parts))
      diags_.Error(f.Value("match")->Location(), "'match' must be datastore.table.column, found '" + *match + "'",
                   "for example shopdb.customers.email; '*' matches any name: shopdb.*.created_at");
  }
  if (!f.Value("categories"))
    diags_.Error(f.KeyLocation("categories"), "a 'columns' entry needs 'categories'",
                 "list the data categories, or write 'categories: []' for columns that are not personal data");
  else if (auto categories = f.ScalarList("categories"))
    column.categories = vocabulary_.TaxonomyKeys(TaxonomyKind::kDataCategory, *categories);
  return column;
}

model::Waiver DeclarationsParser::ReadWaiver(const YamlNode& node) {
  model::Waiver waiver;
  FieldReader f(node, "a waiver", diags_, &waiver);
  if (!f.ok()) return waiver;
  f.WarnUnknownKeys({"rule", "subject", "reason", "expires"});
  waiver.rule = f.RequiredString("rule").value_or("");
  waiver.reason = f.RequiredString("reason").value_or("");
  if (auto subject = f.String("subject")) {
    waiver.subject = *subject;
    size_t colon = subject->find(':');
    const YamlNode& at = *f.Value("subject");
    if (colon == std::string::npos || colon + 1 == subject->size())
      diags_.Error(at.Location(), "'subject' must be kind:id, found '" + *subject + "'",
                   "for example purpose:analytics or system:mailer");
    else
      vocabulary_.OneOf(subject->substr(0, colon), at.Location(), "subject", kSubjectKinds);
  }
  if (auto expires = f.String("expires")) {
    waiver.expires = *expires;
    vocabulary_.Date(*f.Value("expires"), "expires");
  }
  return waiver;
}

}  // namespace gdpr::load
