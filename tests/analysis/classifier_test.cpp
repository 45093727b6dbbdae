#include "analysis/classifier.h"

#include <doctest/doctest.h>

#include <random>
#include <sstream>

using namespace gdpr;
using analysis::Classifier;
using analysis::ColumnVerdict;

namespace {

const char* kMiniTaxonomy = R"(
data_categories:
  user: { description: Data about a person }
  user.name: { description: A name }
  user.contact: { description: Contact }
  user.contact.email: { description: E-mail }
  user.device: { description: Device }
  user.device.ip_address: { description: IP }
  user.health_and_medical: { description: Health, special: art9 }
  user.government_id: { description: Government id }
  user.government_id.national_identification_number: { description: National id, special: national_id }
data_uses:
  marketing: Marketing
data_subjects:
  customer: A customer
)";

analysis::Taxonomy MiniTaxonomy() {
  model::Diagnostics diags;
  auto t = analysis::Taxonomy::Parse(kMiniTaxonomy, "taxonomy.yaml", diags);
  REQUIRE(t);
  return *t;
}

const analysis::Taxonomy& RealTaxonomy() {
  static const analysis::Taxonomy taxonomy = [] {
    model::Diagnostics diags;
    auto t = analysis::Taxonomy::LoadFile(GDPR_SOURCE_DIR "/rules/taxonomy.yaml", diags);
    REQUIRE(t);
    return *t;
  }();
  return taxonomy;
}

// The classifier built from the real packs of rules/classifiers/.
const Classifier& Packs() {
  static const Classifier classifier = [] {
    model::Diagnostics diags;
    auto c = Classifier::LoadDir(GDPR_SOURCE_DIR "/rules/classifiers", RealTaxonomy(), diags,
                                 "rules/classifiers");
    std::ostringstream out;
    diags.Render(out, false);
    INFO(out.str());
    REQUIRE(c);
    CHECK(diags.all().empty());
    return std::move(*c);
  }();
  return classifier;
}

ColumnVerdict Verdict(const std::string& table, const std::string& column,
                      const std::string& type = "varchar(255)", const std::string& comment = "") {
  model::Table t;
  t.name = table;
  model::Column c;
  c.name = column;
  c.type = type;
  c.comment = comment;
  return Packs().Classify(t, c);
}

// a + b without operator+ (GCC 12 reports a false -Wrestrict on `literal + string`).
std::string Concat(std::string a, const std::string& b) { return a.append(b); }

std::string Category(const std::string& table, const std::string& column,
                     const std::string& type = "varchar(255)", const std::string& comment = "") {
  ColumnVerdict v = Verdict(table, column, type, comment);
  return v.categories.empty() ? "-" : v.categories[0];
}

}  // namespace

TEST_CASE("analysis::Classifier loads every pack of rules/classifiers") {
  CHECK(Packs().pattern_count() > 80);
  CHECK(Packs().ContextOf("users") == "person");
  CHECK(Packs().ContextOf("tbl_Klanten") == "person");
  CHECK(Packs().ContextOf("PREFIX_customer") == "person");
  CHECK(Packs().ContextOf("customer_groups") == "organization");
  CHECK(Packs().ContextOf("products") == "product");
  CHECK(Packs().ContextOf("schema_migrations") == "reference");
  CHECK(Packs().ContextOf("audit_events") == "product");
  CHECK(Packs().ContextOf("xyz") == "");
}

TEST_CASE("analysis::Classifier avoids the classic false positives") {
  CHECK(Category("users", "passport_number") == "user.government_id.passport_number");
  CHECK(Category("users", "password") == "user.authorization.password");
  CHECK(Category("users", "username") == "user.account.username");
  CHECK(Category("sessions", "user_agent") == "-");
  CHECK(Category("users", "user_agent") == "-");
  CHECK(Category("orders", "updated_by_system", "boolean") == "-");
  CHECK(Category("orders", "updated_by") == "-");
  CHECK(Category("products", "product_name") == "-");
  CHECK(Category("products", "name") == "-");
  CHECK(Category("users", "company_name") == "user.workplace");
  CHECK(Category("companies", "company_name") == "-");
  CHECK(Category("uploads", "file_name") == "-");
  CHECK(Category("servers", "host_name") == "-");
  CHECK(Category("users", "email_count", "integer") == "-");
  CHECK(Category("users", "email_verified_at", "timestamp") == "-");
  CHECK(Category("users", "is_email_verified", "boolean") == "-");
  CHECK(Category("customers", "address_id", "integer") == "-");
  CHECK(Category("customers", "user_id", "bigint") == "-");
  CHECK(Category("users", "female", "boolean") == "-");  // whole tokens: not "e_?mail"
  CHECK(Category("users", "reset_password_token") == "-");
  CHECK(Category("settings", "smtp_password") == "-");
  CHECK(Category("users", "phone_type") == "-");
  CHECK(Category("products", "condition") == "-");
  CHECK(Category("stores", "phone") == "-");
  CHECK(Category("keys", "fingerprint", "text") == "-");
}

TEST_CASE("analysis::Classifier reads names in English, Dutch, German and French") {
  CHECK(Category("klanten", "achternaam") == "user.name.last");
  CHECK(Category("klanten", "voornaam") == "user.name.first");
  CHECK(Category("klanten", "tussenvoegsel") == "user.name");
  CHECK(Category("klanten", "geboortedatum", "date") == "user.demographic.date_of_birth");
  CHECK(Category("klanten", "bsn", "char(9)") == "user.government_id.national_identification_number");
  CHECK(Category("klanten", "burgerservicenummer") == "user.government_id.national_identification_number");
  CHECK(Category("klanten", "postcode") == "user.contact.address.postal_code");
  CHECK(Category("klanten", "woonplaats") == "user.contact.address.city");
  CHECK(Category("klanten", "telefoonnummer") == "user.contact.phone_number");
  CHECK(Category("kunden", "nachname") == "user.name.last");
  CHECK(Category("kunden", "vorname") == "user.name.first");
  CHECK(Category("kunden", "geburtsdatum", "date") == "user.demographic.date_of_birth");
  CHECK(Category("kunden", "Straße") == "user.contact.address.street");
  CHECK(Category("mitarbeiter", "steuer_id") == "user.government_id.national_identification_number");
  CHECK(Category("mitarbeiter", "Sozialversicherungsnummer") == "user.government_id.national_identification_number");
  CHECK(Category("utilisateurs", "nom") == "user.name");
  CHECK(Category("utilisateurs", "prénom") == "user.name.first");
  CHECK(Category("utilisateurs", "prenom") == "user.name.first");
  CHECK(Category("utilisateurs", "date_de_naissance", "date") == "user.demographic.date_of_birth");
  CHECK(Category("utilisateurs", "adresse") == "user.contact.address");
  CHECK(Category("utilisateurs", "numero_secu") == "user.government_id.national_identification_number");
  CHECK(Category("utilisateurs", "nir") == "user.government_id.national_identification_number");
}

TEST_CASE("analysis::Classifier normalises Hungarian prefixes and abbreviations") {
  CHECK(Category("tblCustomer", "strFirstName") == "user.name.first");
  CHECK(Category("tblCustomer", "dtDOB", "datetime") == "user.demographic.date_of_birth");
  CHECK(Category("hs_hr_employee", "emp_dri_lice_num") == "user.government_id.drivers_license_number");
  CHECK(Category("hs_hr_employee", "emp_hm_telephone") == "user.contact.phone_number");
  CHECK(Category("hs_hr_employee", "emp_ssn_num") == "user.government_id.national_identification_number");
  CHECK(Category("x", "fname") == "user.name.first");
  CHECK(Category("x", "CustomerEmailAddress") == "user.contact.email");
  CHECK(Packs().Normalize("emp_dri_lice_num") == "employee_drivers_license_number");
}

TEST_CASE("analysis::Classifier uses the table as context") {
  CHECK(Category("users", "name") == "user.name");
  CHECK(Category("customers", "name") == "user.name");
  CHECK(Category("medewerkers", "naam") == "user.name");
  CHECK(Category("products", "name") == "-");
  CHECK(Category("departments", "name") == "-");
  CHECK(Category("orders", "name") == "-");
  CHECK(Category("users", "race") == "user.demographic.race_ethnicity");
  CHECK(Category("competitions", "race") == "-");
  CHECK(Category("trips", "latitude", "double precision") == "user.location.precise");
  CHECK(Category("stores", "latitude", "double precision") == "-");
  ColumnVerdict v = Verdict("users", "name");
  CHECK(v.reason == "column name matches '^(name|names|naam|nom|name_[0-9]|name_full|fullname|realname)$', "
                    "in a person table (rules/classifiers/identity.yaml)");
  // Verdicts are cached per table class: another person table gets the same reason.
  CHECK(Verdict("klanten", "name").reason == v.reason);
}

TEST_CASE("analysis::Classifier uses the column type as evidence") {
  ColumnVerdict ip = Verdict("users", "creation_address", "inet");
  REQUIRE(ip.personal());
  CHECK(ip.categories[0] == "user.device.ip_address");
  ColumnVerdict inet = Verdict("changes", "origin", "inet");
  REQUIRE(inet.personal());
  CHECK(inet.categories[0] == "user.device.ip_address");
  CHECK(inet.reason == "column type 'inet' matches '^inet$' (rules/classifiers/online.yaml)");
  // A boolean is no e-mail address, but a boolean `smoker` is health data.
  CHECK(Category("users", "email", "boolean") == "-");
  CHECK(Category("users", "smoker", "boolean") == "user.health_and_medical");
  CHECK(Category("users", "mobile", "tinyint(1)") == "-");
  CHECK(Category("users", "fingerprint", "bytea") == "user.biometric.fingerprint");
}

TEST_CASE("analysis::Classifier uses column comments as evidence") {
  ColumnVerdict v = Verdict("contacts_import", "col7", "text", "E-mail address of the customer");
  REQUIRE(v.personal());
  CHECK(v.categories[0] == "user.contact.email");
  CHECK(v.reason.rfind("column comment matches '", 0) == 0);
  CHECK(v.reason.find("(rules/classifiers/contact.yaml)") != std::string::npos);
  CHECK(Category("x", "f12", "date", "Geburtsdatum des Mitarbeiters") == "user.demographic.date_of_birth");
  CHECK(Category("x", "f12", "date", "Date the row was loaded") == "-");
  // The same name without the comment is not personal; the cache must not mix them up.
  CHECK(Category("contacts_import", "col7", "text") == "-");
  // A name match that a comment confirms says so.
  ColumnVerdict both = Verdict("users", "email", "text", "the e-mail address");
  CHECK(both.reason.find(", and its comment matches") != std::string::npos);
}

TEST_CASE("analysis::Classifier caches commented columns by their comment too") {
  for (int round = 0; round < 2; ++round) {  // the second round is answered from the caches
    INFO("round " << round);
    CHECK(Category("staging", "c9", "date", "E-mail address of the customer") == "user.contact.email");
    CHECK(Category("staging", "c9", "date", "Geburtsdatum des Mitarbeiters") == "user.demographic.date_of_birth");
    CHECK(Category("staging", "c9", "date", "Date the row was loaded") == "-");
    CHECK(Category("staging", "c9", "date") == "-");
  }
}

TEST_CASE("analysis::Classifier explains each verdict") {
  ColumnVerdict email = Verdict("customers", "email");
  CHECK(email.reason == "column name matches 'e_?mails?(_?addr(ess)?(es)?)?' (rules/classifiers/contact.yaml)");
  CHECK(email.source == "classifier");
  ColumnVerdict dob = Verdict("hs_hr_employee", "emp_dob", "date");
  CHECK(dob.reason.find("as 'employee_date_of_birth'") != std::string::npos);
  // A vetoed candidate shows up as the runner-up, with the veto.
  ColumnVerdict flag = Verdict("users", "email_opt_in", "boolean");
  CHECK_FALSE(flag.personal());
  CHECK(flag.reason.empty());
  CHECK(flag.runner_up.rfind("user.contact.email: column name matches", 0) == 0);
  CHECK(flag.runner_up.find("overruled by") != std::string::npos);
  CHECK(Verdict("products", "price", "numeric").runner_up.empty());
}

TEST_CASE("analysis::Classifier sets the special marking from the taxonomy") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  model::Diagnostics diags;
  auto c = Classifier::Parse(R"(
patterns:
  - id: health
    category: user.health_and_medical
    name: diagnosis
  - id: nid
    category: user.government_id.national_identification_number
    name: bsn
  - id: mail
    category: user.contact.email
    name: e_?mail
)", "pack.yaml", taxonomy, diags);
  REQUIRE(c);
  model::Table t;
  t.name = "patients";
  model::Column col;
  col.name = "diagnosis";
  CHECK(c->Classify(t, col).special == analysis::Special::kArt9);
  col.name = "bsn";
  CHECK(c->Classify(t, col).special == analysis::Special::kNationalId);
  col.name = "email";
  CHECK(c->Classify(t, col).special == analysis::Special::kNone);
  CHECK(c->Classify(t, col).reason == "column name matches 'e_?mail' (pack.yaml)");
}

TEST_CASE("analysis::Classifier reports bad packs at their line and column") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  model::Diagnostics diags;
  auto c = Classifier::Parse(R"(contexts:
  person: '(users'
patterns:
  - id: a
    category: user.contact.emial
    name: email
  - id: b
    category: user.name
    name: 'name('
    table: [persn]
  - id: c
    category: user.name
    confidence: 120
    colour: red
  - category: none
    name: x
)", "bad.yaml", taxonomy, diags);
  CHECK_FALSE(c);
  std::ostringstream out;
  diags.Render(out, false);
  const std::string text = out.str();
  INFO(text);
  CHECK(text.find("bad.yaml:2:11: error: invalid regular expression") != std::string::npos);
  CHECK(text.find("bad.yaml:5:15: error: unknown data category 'user.contact.emial'") != std::string::npos);
  CHECK(text.find("did you mean 'user.contact.email'?") != std::string::npos);
  CHECK(text.find("bad.yaml:9:11: error: invalid regular expression in 'name'") != std::string::npos);
  CHECK(text.find("bad.yaml:10:12: error: unknown table context class 'persn'") != std::string::npos);
  CHECK(text.find("did you mean 'person'?") != std::string::npos);
  CHECK(text.find("bad.yaml:13:17: error: confidence must be") != std::string::npos);
  CHECK(text.find("bad.yaml:14:5: error: unknown field 'colour'") != std::string::npos);
  CHECK(text.find("pattern 'c' needs a 'name', 'comment' or 'types'") != std::string::npos);
  CHECK(text.find("pattern has no 'id'") != std::string::npos);
}

// Patterns are only parsed one by one (and compiled once, in the set): a pattern that is
// invalid alone but would parse inside the token wrapping must still be an error.
TEST_CASE("analysis::Classifier checks each pattern alone, not only inside its set") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  model::Diagnostics diags;
  auto c = Classifier::Parse(R"(contexts:
  person: ['users?', 'a)|(b']
patterns:
  - id: a
    category: user.name
    name: 'a)|(b'
  - id: b
    category: user.name
    comment: 'b)|(c'
  - id: c
    category: user.name
    name: ok
    not: ['fine', 'x)|(y']
)", "wrap.yaml", taxonomy, diags);
  CHECK_FALSE(c);
  std::ostringstream out;
  diags.Render(out, false);
  const std::string text = out.str();
  INFO(text);
  CHECK(text.find("wrap.yaml:2:22: error: invalid regular expression in 'person': unexpected ): a)|(b") != std::string::npos);
  CHECK(text.find("wrap.yaml:6:11: error: invalid regular expression in 'name': unexpected ): a)|(b") != std::string::npos);
  CHECK(text.find("wrap.yaml:9:14: error: invalid regular expression in 'comment': unexpected ): b)|(c") != std::string::npos);
  CHECK(text.find("wrap.yaml:13:19: error: invalid regular expression in 'not': unexpected ): x)|(y") != std::string::npos);
  CHECK(diags.error_count() == 4);
}

// Loading takes a fast path that skips the check of patterns that cannot break out of
// their wrapping; any failure there must still end in the full report, each error once.
TEST_CASE("analysis::Classifier reports broken patterns once, whichever way they break") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  auto errors = [&](const std::string& field, const std::string& regex) {
    model::Diagnostics diags;
    auto c = Classifier::Parse("patterns:\n  - id: a\n    category: user.name\n    name: ok\n  - id: b\n"
                               "    category: user.name\n    types: text\n    " + field + ": '" + regex + "'\n",
                               "fast.yaml", taxonomy, diags);
    CHECK_FALSE(c);
    CHECK(diags.error_count() == 1);
    std::ostringstream out;
    diags.Render(out, false);
    return out.str();
  };
  CHECK(errors("name", "a**").find("fast.yaml:8:11: error: invalid regular expression in 'name': bad repetition operator: **") == 0);
  CHECK(errors("name", "[](]a)|(b[])]").find("fast.yaml:8:11: error: invalid regular expression in 'name': unexpected ): [](]a)|(b[])]") == 0);
  CHECK(errors("not", "x{2,1}").find("fast.yaml:8:10: error: invalid regular expression in 'not': invalid repetition size: {2,1}") == 0);
  CHECK(errors("comment", "fine|x{1001}").find("fast.yaml:8:14: error: invalid regular expression in 'comment': invalid repetition size: {1001}") == 0);
  CHECK(errors("comment", "fine\\").find("fast.yaml:8:14: error: invalid regular expression in 'comment': trailing \\") == 0);
}

// Reasons quote the alternative that matched; alternatives are compiled lazily, in order.
TEST_CASE("analysis::Classifier quotes the first matching alternative") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  model::Diagnostics diags;
  auto c = Classifier::Parse(R"(
patterns:
  - id: mail
    category: user.contact.email
    name: 'mail|e_?mail|email_addr'
    comment: 'e-?mail|courriel'
)", "alts.yaml", taxonomy, diags);
  REQUIRE(c);
  model::Table t;
  t.name = "x";
  model::Column col;
  col.name = "email_addr";
  CHECK(c->Classify(t, col).reason == "column name matches 'e_?mail' (alts.yaml)");
  col.name = "mail";
  CHECK(c->Classify(t, col).reason == "column name matches 'mail' (alts.yaml)");
  col.name = "f1";
  col.comment = "Courriel du client";
  CHECK(c->Classify(t, col).reason == "column comment matches 'courriel' (alts.yaml)");
}

TEST_CASE("analysis::Classifier reports a missing pack folder") {
  model::Diagnostics diags;
  CHECK_FALSE(Classifier::LoadDir("/nonexistent/classifiers", MiniTaxonomy(), diags));
  CHECK(diags.HasErrors());
}

TEST_CASE("analysis::Classifier survives hostile names and stays deterministic") {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string name(static_cast<size_t>(rng() % 40), '\0'), comment(static_cast<size_t>(rng() % 30), '\0');
    for (char& c : name) c = static_cast<char>(rng() & 0xFF);
    for (char& c : comment) c = static_cast<char>(rng() & 0xFF);
    const std::string table = Concat("t", std::to_string(round % 7));
    const ColumnVerdict a = Verdict(table, name, "text", comment);
    const ColumnVerdict b = Verdict(table, name, "text", comment);
    CHECK(a.categories == b.categories);
    CHECK(a.reason == b.reason);
  }
  const std::string huge(100000, 'a');
  CHECK(Category("users", huge) == "-");
  CHECK(Category("users", Concat(huge, "_email")) == "user.contact.email");
  CHECK(Category(huge, "email") == "user.contact.email");
  CHECK(Category("users", "", "") == "-");
  CHECK(Category("users", "___---...") == "-");
  std::string words;
  for (int i = 0; i < 10000; ++i) words += "word ";
  CHECK(Category("users", "x", "text", Concat(words, "e-mail")) == "-");  // not a leading word
  CHECK(Category("users", "x", "text", Concat(std::string(50000, ' '), "e-mail")) == "user.contact.email");
}

// ClassifyShared keeps a per-thread cache: a second classifier (even one built where a
// destroyed one lived) must never see the first one's verdicts.
TEST_CASE("analysis::Classifier::ClassifyShared keeps classifiers' caches apart") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  auto pack = [&](const char* category) {
    model::Diagnostics diags;
    auto c = Classifier::Parse(std::string("patterns:\n  - id: p\n    category: ") + category + "\n    name: code\n",
                               "pack.yaml", taxonomy, diags);
    REQUIRE(c);
    return std::move(*c);
  };
  model::Table table;
  table.name = "people";
  model::Column column;
  column.name = "code";
  column.type = "text";
  for (int round = 0; round < 3; ++round) {
    auto first = std::make_unique<Classifier>(pack("user.name"));
    CHECK(first->ClassifyShared(table, column)->categories == std::vector<std::string>{"user.name"});
    first.reset();
    auto second = std::make_unique<Classifier>(pack("user.contact.email"));
    CHECK(second->ClassifyShared(table, column)->categories == std::vector<std::string>{"user.contact.email"});
    CHECK(second->ClassifyShared(table, column)->categories == std::vector<std::string>{"user.contact.email"});
  }
}

// Name patterns are matched by several RE2::Sets (kNameSetBytes of source each): a
// match in any set counts, and ties still go to the earlier pattern, whichever set
// holds it.
TEST_CASE("analysis::Classifier matches names across its several name sets") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  std::string filler;  // 400 alternatives of 23 bytes: more than a set of its own
  for (int i = 0; i < 400; ++i) filler += (i ? "|" : "") + std::string("filler_word_number_") + std::to_string(1000 + i);
  auto pattern = [](const std::string& id, const std::string& category, const std::string& name) {
    return "  - id: " + id + "\n    category: " + category + "\n    name: '" + name + "'\n    confidence: 80\n";
  };
  const std::string pack = "patterns:\n" + pattern("first", "user.name", "shared_name|" + filler) +
                           pattern("middle", "user.contact.email", filler + "|only_in_middle") +
                           pattern("last", "user.contact.email", "shared_name|last_only|huisnummer") +
                           pattern("device", "user.device.ip_address", "ip(_address)?");
  model::Diagnostics diags;
  auto c = Classifier::Parse(pack, "sets.yaml", taxonomy, diags);
  REQUIRE(c);
  model::Table t;
  t.name = "things";
  model::Column col;
  auto verdict = [&](const std::string& name) {
    col.name = name;
    return c->Classify(t, col);
  };
  CHECK(verdict("shared_name").categories == std::vector<std::string>{"user.name"});
  CHECK(verdict("shared_name").runner_up == "user.contact.email: column name matches 'shared_name' (sets.yaml)");
  CHECK(verdict("only_in_middle").categories == std::vector<std::string>{"user.contact.email"});
  CHECK(verdict("filler_word_number_1399").categories == std::vector<std::string>{"user.name"});
  CHECK(verdict("work_last_only").categories == std::vector<std::string>{"user.contact.email"});
  CHECK(verdict("huisNummer").reason == "column name matches 'huisnummer' (sets.yaml)");  // glued
  CHECK(verdict("ip_address").categories == std::vector<std::string>{"user.device.ip_address"});
  CHECK(verdict("unrelated").categories.empty());
}

// The literal index takes the alternatives it can spell out (`email`); a broken
// alternative beside them must still fail the load, at the pattern.
TEST_CASE("analysis::Classifier reports a broken alternative beside spelled-out ones") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  model::Diagnostics diags;
  auto c = Classifier::Parse(R"(patterns:
  - id: a
    category: user.contact.email
    name: 'email|e_mail|a**'
)", "alt.yaml", taxonomy, diags);
  CHECK_FALSE(c);
  std::ostringstream out;
  diags.Render(out, false);
  INFO(out.str());
  CHECK(out.str().find("alt.yaml:4:11: error: invalid regular expression in 'name': bad repetition operator: **") !=
        std::string::npos);
  CHECK(diags.error_count() == 1);
}

// `not` patterns are partly spelled out (LiteralNameIndex) and partly RE2: both veto.
TEST_CASE("analysis::Classifier vetoes a name by a spelled-out or a regex 'not'") {
  const analysis::Taxonomy taxonomy = MiniTaxonomy();
  model::Diagnostics diags;
  auto c = Classifier::Parse(R"(patterns:
  - id: email
    category: user.contact.email
    name: 'e_?mail'
    not: ['e_?mail_(body|subject)', 'e_?mail_[0-9]+_x']
)", "not.yaml", taxonomy, diags);
  REQUIRE(c);
  model::Table t;
  t.name = "messages";
  model::Column col;
  auto category = [&](const char* name) {
    col.name = name;
    const ColumnVerdict v = c->Classify(t, col);
    return v.categories.empty() ? std::string("-") : v.categories[0];
  };
  CHECK(category("email") == "user.contact.email");
  CHECK(category("email_address") == "user.contact.email");
  CHECK(category("email_body") == "-");
  CHECK(category("work_e_mail_subject") == "-");
  CHECK(category("email_12_x") == "-");
  CHECK(category("email_12_y") == "user.contact.email");
}
