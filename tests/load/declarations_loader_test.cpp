#include "load/declarations_loader.h"

#include <doctest/doctest.h>

#include <string>

#include "load_test_support.h"

using gdpr::load::DeclarationsLoader;
using gdpr::model::DiagnosticLevel;
using gdpr::model::Diagnostics;
using gdpr::model::Inventory;
using gdpr::testing::FindDiagnostic;
using gdpr::testing::Rendered;
using gdpr::testing::ScratchDir;

namespace {

Inventory LoadText(std::string_view text, Diagnostics& diags, const std::string& base_dir = "") {
  DeclarationsLoader loader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
  loader.AddText(text, "t.yaml", base_dir);
  return loader.Finish();
}

// Checks that a diagnostic containing `message` was reported at line:col with `level`
// and, when given, a hint containing `hint`.
void ExpectDiagnostic(const Diagnostics& diags, std::string_view message, int line, int column,
                      DiagnosticLevel level = DiagnosticLevel::kError, std::string_view hint = {}) {
  INFO("looking for: " << message << "\nreported:\n" << Rendered(diags));
  const gdpr::model::Diagnostic* d = FindDiagnostic(diags, message);
  REQUIRE(d != nullptr);
  CHECK(d->level == level);
  CHECK(d->location.line == line);
  CHECK(d->location.column == column);
  if (!hint.empty()) CHECK(d->hint.find(hint) != std::string::npos);
}

// A file with every field of spec/declarations.md; schema paths resolve in a scratch dir.
const char* kFull = R"(gdpr_audit: 1

organization:
  name: Bakkerij de Balans B.V.
  country: NL
  annual_turnover_eur: 48_000_000
  dpo: { name: J. Jansen, email: dpo@example.nl }
  representative: null

systems:
  - id: webshop
    name: Webshop
    description: The shop front end
    responsibility: controller
    country: NL
    datastores:
      - id: shopdb
        schema: db/shop.sql
      - id: live
        url: postgresql://user@localhost/shop
        dialect: postgresql
  - id: mailer
    name: Newsletter SaaS
    responsibility: processor
    country: US
    processor_agreement: contracts/dpa-mailer.pdf
    transfer: { mechanism: scc, reference: contracts/scc-2021.pdf }

purposes:
  - id: orders
    name: Order handling and delivery
    data_use: essential.service
    legal_basis: contract
    data_subjects: [customer]
    data_categories: [user.name, user.contact.email, user.contact.address]
    systems: [webshop]
    retention: P7Y
    subjects_count: 120000
    privacy_notice: https://example.nl/privacy#orders
  - id: newsletter
    name: Newsletter
    data_use: marketing.communications.email
    legal_basis: consent
    consent:
      opt_in: true
      granular: yes
      withdrawal: false
      record: shopdb.consent_log
      age_verification: true
    data_subjects: [customer]
    data_categories: [user.contact.email, user.name.first]
    systems: [webshop, mailer]
    retention: { period: P30D, from: withdrawal of consent, basis: no longer needed }
  - id: health-questionnaire
    name: Allergy questionnaire
    data_use: essential.service
    legal_basis: legitimate_interests
    special_category_condition: explicit_consent
    legitimate_interest_assessment: docs/lia.pdf
    profiling: false
    automated_decisions: true
    dpia: https://example.nl/dpia.pdf

flows:
  - id: newsletter-sync
    from: webshop
    to: mailer
    purpose: newsletter
    data_categories: [user.contact.email, user.name.first]

columns:
  - match: shopdb.customers.allergies
    categories: [user.health_and_medical]
  - match: shopdb.*.created_at
    categories: []

waivers:
  - rule: RET-001
    subject: purpose:orders
    reason: Retention agreed with the DPO
    expires: 2027-03-01
  - rule: "*"
    reason: Everything accepted during the migration
)";

}  // namespace

TEST_CASE("load::DeclarationsLoader loads every field of the spec") {
  ScratchDir dir;
  dir.Write("db/shop.sql", "CREATE TABLE customers (id int);\n");
  Diagnostics diags;
  Inventory inv = LoadText(kFull, diags, dir.path());
  INFO(Rendered(diags));
  CHECK(diags.all().empty());

  REQUIRE(inv.organization);
  const auto& org = *inv.organization;
  CHECK(org.name == "Bakkerij de Balans B.V.");
  CHECK(org.country == "NL");
  CHECK(org.annual_turnover_eur == 48000000);
  REQUIRE(org.dpo);
  CHECK(org.dpo->name == "J. Jansen");
  CHECK(org.dpo->email == "dpo@example.nl");
  CHECK_FALSE(org.representative);
  CHECK(org.loc.ToString() == "t.yaml:4:3");
  CHECK(org.At("country").ToString() == "t.yaml:5:12");

  REQUIRE(inv.systems.size() == 2);
  const auto& web = inv.systems[0];
  CHECK(web.id == "webshop");
  CHECK(web.name == "Webshop");
  CHECK(web.description == "The shop front end");
  CHECK(web.responsibility == gdpr::model::Responsibility::kController);
  CHECK(web.country == "NL");
  REQUIRE(web.datastores.size() == 2);
  CHECK(web.datastores[0].id == "shopdb");
  CHECK(web.datastores[0].system_id == "webshop");
  CHECK(web.datastores[0].schema == "db/shop.sql");
  CHECK(web.datastores[0].schema_path == dir.path() + "/db/shop.sql");
  CHECK(web.datastores[0].base_dir == dir.path());
  CHECK(web.datastores[1].url == "postgresql://user@localhost/shop");
  CHECK(web.datastores[1].dialect == "postgres");
  CHECK(web.datastores[1].schema_path.empty());
  const auto& mailer = inv.systems[1];
  CHECK(mailer.responsibility == gdpr::model::Responsibility::kProcessor);
  CHECK(mailer.country == "US");
  CHECK(mailer.processor_agreement == "contracts/dpa-mailer.pdf");
  REQUIRE(mailer.transfer);
  CHECK(mailer.transfer->mechanism == "scc");
  CHECK(mailer.transfer->reference == "contracts/scc-2021.pdf");
  CHECK(mailer.loc.ToString() == "t.yaml:22:5");

  REQUIRE(inv.purposes.size() == 3);
  const auto& orders = inv.purposes[0];
  CHECK(orders.id == "orders");
  CHECK(orders.name == "Order handling and delivery");
  CHECK(orders.data_use == "essential.service");
  CHECK(orders.legal_basis == "contract");
  CHECK(orders.data_subjects == std::vector<std::string>{"customer"});
  CHECK(orders.data_categories ==
        std::vector<std::string>{"user.name", "user.contact.email", "user.contact.address"});
  CHECK(orders.systems == std::vector<std::string>{"webshop"});
  REQUIRE(orders.retention);
  CHECK(orders.retention->text == "P7Y");
  REQUIRE(orders.retention->period);
  CHECK(orders.retention->period->years == 7);
  CHECK(orders.subjects_count == 120000);
  CHECK(orders.privacy_notice == "https://example.nl/privacy#orders");
  CHECK_FALSE(orders.consent);
  CHECK(orders.At("legal_basis").ToString() == "t.yaml:33:18");
  CHECK(orders.At("data_categories[1]").ToString() == "t.yaml:35:34");

  const auto& news = inv.purposes[1];
  REQUIRE(news.consent);
  CHECK(news.consent->opt_in == true);
  CHECK(news.consent->granular == true);
  CHECK(news.consent->withdrawal == false);
  CHECK(news.consent->record == "shopdb.consent_log");
  CHECK(news.consent->age_verification == true);
  CHECK(news.consent->At("record").ToString() == "t.yaml:48:15");
  CHECK(news.systems == std::vector<std::string>{"webshop", "mailer"});
  REQUIRE(news.retention);
  CHECK(news.retention->text == "P30D");
  CHECK(news.retention->period->days == 30);
  CHECK(news.retention->from == "withdrawal of consent");
  CHECK(news.retention->basis == "no longer needed");

  const auto& health = inv.purposes[2];
  CHECK(health.special_category_condition == "explicit_consent");
  CHECK(health.legitimate_interest_assessment == "docs/lia.pdf");
  CHECK(health.profiling == false);
  CHECK(health.automated_decisions == true);
  CHECK(health.dpia == "https://example.nl/dpia.pdf");
  CHECK_FALSE(health.subjects_count);

  REQUIRE(inv.flows.size() == 1);
  CHECK(inv.flows[0].id == "newsletter-sync");
  CHECK(inv.flows[0].from == "webshop");
  CHECK(inv.flows[0].to == "mailer");
  CHECK(inv.flows[0].purpose == "newsletter");
  CHECK(inv.flows[0].data_categories.size() == 2);

  REQUIRE(inv.columns.size() == 2);
  CHECK(inv.columns[0].match == "shopdb.customers.allergies");
  CHECK(inv.columns[0].categories == std::vector<std::string>{"user.health_and_medical"});
  CHECK(inv.columns[1].categories.empty());

  REQUIRE(inv.waivers.size() == 2);
  CHECK(inv.waivers[0].rule == "RET-001");
  CHECK(inv.waivers[0].subject == "purpose:orders");
  CHECK(inv.waivers[0].reason == "Retention agreed with the DPO");
  CHECK(inv.waivers[0].expires == "2027-03-01");
  CHECK(inv.waivers[1].rule == "*");
  CHECK(inv.waivers[1].subject.empty());
  CHECK(inv.waivers[1].expires.empty());

  REQUIRE(inv.files.size() == 1);
  CHECK(inv.files[0].path == "t.yaml");
  CHECK(inv.files[0].kind == "declarations");
}

TEST_CASE("load::DeclarationsLoader checks the header") {
  SUBCASE("empty file") {
    Diagnostics diags;
    LoadText("", diags);
    ExpectDiagnostic(diags, "the file is empty", 1, 1, DiagnosticLevel::kError, "gdpr_audit: 1");
  }
  SUBCASE("comments only") {
    Diagnostics diags;
    LoadText("# nothing here\n", diags);
    CHECK(FindDiagnostic(diags, "the file is empty"));
  }
  SUBCASE("missing version") {
    Diagnostics diags;
    LoadText("systems: []\n", diags);
    ExpectDiagnostic(diags, "'gdpr_audit: 1' is missing", 1, 1);
  }
  SUBCASE("wrong version") {
    Diagnostics diags;
    LoadText("gdpr_audit: 2\nsystems: [{ id: x }]\n", diags);
    ExpectDiagnostic(diags, "unsupported declarations version '2'", 1, 13);
    CHECK(diags.error_count() == 1);  // the rest of a version-2 file is not judged
  }
  SUBCASE("not a mapping") {
    Diagnostics diags;
    LoadText("- gdpr_audit: 1\n", diags);
    ExpectDiagnostic(diags, "a declarations file is a mapping, found a list", 1, 1);
  }
  SUBCASE("YAML syntax error") {
    Diagnostics diags;
    LoadText("gdpr_audit: 1\nsystems: [ { id: a }\nflows: []\n", diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("invalid YAML") == 0);
    CHECK(diags.all()[0].location.line >= 2);
  }
}

TEST_CASE("load::DeclarationsLoader warns about unknown fields with a suggestion") {
  Diagnostics diags;
  LoadText("gdpr_audit: 1\nsystems:\n  - id: a\n    countyr: NL\npurposez: []\n", diags);
  ExpectDiagnostic(diags, "unknown field 'countyr' in a system", 4, 5, DiagnosticLevel::kWarning,
                   "did you mean 'country'?");
  ExpectDiagnostic(diags, "unknown field 'purposez'", 5, 1, DiagnosticLevel::kWarning, "did you mean 'purposes'?");
  CHECK(diags.error_count() == 0);
}

TEST_CASE("load::DeclarationsLoader reports a field written twice") {
  Diagnostics diags;
  Inventory inv = LoadText("gdpr_audit: 1\nsystems:\n  - id: a\n    country: NL\n    country: DE\n", diags);
  ExpectDiagnostic(diags, "'country' is written twice in a system", 5, 5, DiagnosticLevel::kError,
                   "the first is at line 4");
  CHECK(inv.systems.at(0).country == "NL");
}

TEST_CASE("load::DeclarationsLoader reports wrong types") {
  Diagnostics diags;
  LoadText(R"(gdpr_audit: 1
systems: { id: a }
purposes:
  - id: p
    data_categories: user.contact.email
    systems: [[a]]
    profiling: maybe
    subjects_count: 12.5
    name: [x]
  - just a string
)",
           diags);
  ExpectDiagnostic(diags, "'systems' expects a list, found a mapping", 2, 10);
  ExpectDiagnostic(diags, "'data_categories' expects a list, found a single value", 5, 22,
                   DiagnosticLevel::kError, "data_categories: [user.contact.email]");
  ExpectDiagnostic(diags, "each item of 'systems' must be a single value", 6, 15);
  ExpectDiagnostic(diags, "'profiling' must be true or false, found 'maybe'", 7, 16);
  ExpectDiagnostic(diags, "'subjects_count' must be a whole number", 8, 21);
  ExpectDiagnostic(diags, "'name' expects a single value, found a list", 9, 11);
  ExpectDiagnostic(diags, "a purpose must be a mapping of fields, found a single value", 10, 5);
}

TEST_CASE("load::DeclarationsLoader checks taxonomy keys") {
  Diagnostics diags;
  Inventory inv = LoadText(R"(gdpr_audit: 1
purposes:
  - id: p
    data_use: marketing.advertsing
    data_subjects: [custmer]
    data_categories: [user.contact.emial, user.name]
flows:
  - { id: f, from: a, to: a, data_categories: [user.contct] }
columns:
  - { match: s.t.c, categories: [user.helth_and_medical] }
systems: [{ id: a, datastores: [{ id: s }] }]
)",
                           diags);
  ExpectDiagnostic(diags, "unknown data use 'marketing.advertsing'", 4, 15, DiagnosticLevel::kError,
                   "did you mean 'marketing.advertising'?");
  ExpectDiagnostic(diags, "unknown data subject 'custmer'", 5, 21, DiagnosticLevel::kError,
                   "did you mean 'customer'?");
  ExpectDiagnostic(diags, "unknown data category 'user.contact.emial'", 6, 23, DiagnosticLevel::kError,
                   "did you mean 'user.contact.email'?");
  ExpectDiagnostic(diags, "unknown data category 'user.contct'", 8, 48);
  ExpectDiagnostic(diags, "unknown data category 'user.helth_and_medical'", 10, 34);
  CHECK(diags.error_count() == 5);
  REQUIRE(inv.purposes.size() == 1);
  CHECK(inv.purposes[0].data_categories == std::vector<std::string>{"user.name"});
}

TEST_CASE("load::DeclarationsLoader names a taxonomy key used in the wrong field") {
  Diagnostics diags;
  LoadText("gdpr_audit: 1\npurposes:\n  - id: p\n    data_use: user.contact.email\n    data_categories: [customer]\n",
           diags);
  ExpectDiagnostic(diags, "unknown data use 'user.contact.email'", 4, 15, DiagnosticLevel::kError,
                   "'user.contact.email' is a data category, not a data use");
  ExpectDiagnostic(diags, "unknown data category 'customer'", 5, 23, DiagnosticLevel::kError,
                   "'customer' is a data subject, not a data category");
}

TEST_CASE("load::DeclarationsLoader maps deprecated taxonomy keys") {
  Diagnostics diags;
  Inventory inv = LoadText(R"(gdpr_audit: 1
purposes:
  - id: p
    data_use: advertising
    data_categories: [user.cookie_id]
)",
                           diags);
  ExpectDiagnostic(diags, "'advertising' is a deprecated fideslang data use", 4, 15, DiagnosticLevel::kWarning,
                   "'marketing.advertising'");
  ExpectDiagnostic(diags, "'user.cookie_id' is a deprecated fideslang data category", 5, 23,
                   DiagnosticLevel::kWarning, "'user.device.cookie_id'");
  CHECK(diags.error_count() == 0);
  REQUIRE(inv.purposes.size() == 1);
  CHECK(inv.purposes[0].data_use == "marketing.advertising");
  CHECK(inv.purposes[0].data_categories == std::vector<std::string>{"user.device.cookie_id"});
}

TEST_CASE("load::DeclarationsLoader checks closed vocabularies") {
  Diagnostics diags;
  LoadText(R"(gdpr_audit: 1
organization: { name: X, country: Netherlands, annual_turnover_eur: -5 }
systems:
  - id: a
    responsibility: processer
    country: uk
    transfer: { mechanism: contract }
    datastores: [{ id: s, dialect: oracle, url: mysql://h/db }]
  - id: b
    transfer: { reference: x.pdf }
purposes:
  - id: p
    legal_basis: legitimate_interest
    special_category_condition: explicit
    retention: 7 years
  - id: q
    retention: { period: P7X, from: end of contract }
  - id: r
    retention: { from: end of contract }
waivers:
  - { rule: R-1, reason: ok, subject: purpos:p, expires: 2027-02-30 }
  - { rule: R-2, reason: ok, subject: p, expires: 1 March 2027 }
  - { subject: system:a }
)",
           diags);
  ExpectDiagnostic(diags, "'Netherlands' is not an ISO 3166-1 alpha-2 country code", 2, 35, DiagnosticLevel::kError,
                   "did you mean 'NL'");
  ExpectDiagnostic(diags, "'annual_turnover_eur' must be a whole number", 2, 69);
  ExpectDiagnostic(diags, "'responsibility': unknown value 'processer'", 5, 21, DiagnosticLevel::kError,
                   "did you mean 'processor'?");
  ExpectDiagnostic(diags, "'uk' is not an ISO 3166-1 alpha-2", 6, 14, DiagnosticLevel::kError, "did you mean 'GB'");
  ExpectDiagnostic(diags, "'mechanism': unknown value 'contract'", 7, 28, DiagnosticLevel::kError,
                   "adequacy | dpf | scc | bcr | derogation");
  ExpectDiagnostic(diags, "'dialect': unknown value 'oracle'", 8, 36);
  ExpectDiagnostic(diags, "unsupported database URL 'mysql://h/db'", 8, 49);
  ExpectDiagnostic(diags, "'transfer' needs a 'mechanism'", 10, 15);
  ExpectDiagnostic(diags, "'legal_basis': unknown value 'legitimate_interest'", 13, 18, DiagnosticLevel::kError,
                   "did you mean 'legitimate_interests'?");
  ExpectDiagnostic(diags, "'special_category_condition': unknown value 'explicit'", 14, 33);
  ExpectDiagnostic(diags, "'7 years' is not an ISO 8601 duration", 15, 16, DiagnosticLevel::kError, "P7Y");
  ExpectDiagnostic(diags, "'P7X' is not an ISO 8601 duration", 17, 26);
  CHECK(FindDiagnostic(diags, "'7 years'")->hint == "did you mean 'P7Y'?");
  ExpectDiagnostic(diags, "'retention' needs 'period'", 19, 16);
  ExpectDiagnostic(diags, "'subject': unknown value 'purpos'", 21, 39, DiagnosticLevel::kError,
                   "did you mean 'purpose'?");
  ExpectDiagnostic(diags, "'2027-02-30' is not a date", 21, 58, DiagnosticLevel::kError, "YYYY-MM-DD");
  ExpectDiagnostic(diags, "'subject' must be kind:id, found 'p'", 22, 39);
  ExpectDiagnostic(diags, "'1 March 2027' is not a date", 22, 51);
  ExpectDiagnostic(diags, "a waiver needs 'rule'", 23, 5);
  ExpectDiagnostic(diags, "a waiver needs 'reason'", 23, 5);
}

TEST_CASE("load::DeclarationsLoader checks datastores") {
  ScratchDir dir;
  dir.Write("db/real.sql", "");
  std::filesystem::create_directories(dir.path() + "/db/folder.sql");
  Diagnostics diags;
  Inventory inv = LoadText(R"(gdpr_audit: 1
systems:
  - id: a
    datastores:
      - { id: missing, schema: db/nope.sql }
      - { id: both, schema: db/real.sql, url: "sqlite:app.db" }
      - { id: folder, schema: db/folder.sql }
      - { id: dotted.id }
      - { schema: db/real.sql }
)",
                           diags, dir.path());
  ExpectDiagnostic(diags, "schema file 'db/nope.sql' does not exist", 5, 32, DiagnosticLevel::kError,
                   "relative to the declaring file");
  ExpectDiagnostic(diags, "datastore 'both' has both 'schema' and 'url'", 6, 42);
  ExpectDiagnostic(diags, "is a directory", 7, 31);
  ExpectDiagnostic(diags, "datastore id 'dotted.id' contains a dot", 8, 15);
  ExpectDiagnostic(diags, "a datastore needs 'id'", 9, 9);
  REQUIRE(inv.systems.size() == 1);
  REQUIRE(inv.systems[0].datastores.size() == 5);
  CHECK(inv.systems[0].datastores[0].schema_path.empty());
  CHECK(inv.systems[0].datastores[1].schema_path == dir.path() + "/db/real.sql");
}

TEST_CASE("load::DeclarationsLoader never repeats a database password") {
  Diagnostics diags;
  LoadText(R"(gdpr_audit: 1
systems:
  - id: a
    datastores:
      - id: pg
        url: postgresql://app:s3cret@db.example/shop
      - id: my
        url: mysql://root:hunter2@db/shop?sslmode=require
      - id: q
        url: postgres://db/shop?user=app&password=pa55
)",
           diags);
  std::string all = Rendered(diags);
  INFO(all);
  CHECK(all.find("s3cret") == std::string::npos);
  CHECK(all.find("hunter2") == std::string::npos);
  CHECK(all.find("pa55") == std::string::npos);
  ExpectDiagnostic(diags, "datastore 'pg' has a password in its url", 5, 9, DiagnosticLevel::kWarning, "PGPASSWORD");
  ExpectDiagnostic(diags, "unsupported database URL 'mysql://root:***@db/shop?sslmode=require'", 7, 9);
  ExpectDiagnostic(diags, "datastore 'q' has a password in its url", 9, 9, DiagnosticLevel::kWarning);
  CHECK(diags.error_count() == 1);
}

TEST_CASE("load::DeclarationsLoader checks references") {
  Diagnostics diags;
  LoadText(R"(gdpr_audit: 1
systems:
  - id: webshop
    datastores: [{ id: shopdb }]
  - id: mailer
purposes:
  - id: newsletter
    systems: [webshop, mailr]
    consent: { record: shpdb.consent_log }
  - id: other
    consent: { record: consent_log }
flows:
  - { id: f1, from: webshop, to: crm, purpose: newsleter }
  - { id: f2, from: nowhere, to: mailer }
columns:
  - { match: shop.customers.x, categories: [] }
  - { match: "*.customers.x", categories: [] }
  - { match: customers.x, categories: [] }
waivers:
  - { rule: R, reason: r, subject: purpose:newsleter }
  - { rule: R, reason: r, subject: "purpose:*" }
  - { rule: R, reason: r, subject: "column:shopdb.customers.email" }
)",
           diags);
  ExpectDiagnostic(diags, "purpose 'newsletter' names system 'mailr', which is not declared", 8, 24,
                   DiagnosticLevel::kError, "did you mean 'mailer'?");
  ExpectDiagnostic(diags, "names datastore 'shpdb'", 9, 24, DiagnosticLevel::kError, "did you mean 'shopdb'?");
  ExpectDiagnostic(diags, "'record' must name datastore.table, found 'consent_log'", 11, 24);
  ExpectDiagnostic(diags, "flow 'f1' names system 'crm'", 13, 34);
  ExpectDiagnostic(diags, "flow 'f1' names purpose 'newsleter'", 13, 48, DiagnosticLevel::kError,
                   "did you mean 'newsletter'?");
  ExpectDiagnostic(diags, "flow 'f2' names system 'nowhere'", 14, 21, DiagnosticLevel::kError, "declare it");
  ExpectDiagnostic(diags, "'columns' entry 'shop.customers.x' names datastore 'shop'", 16, 14);
  ExpectDiagnostic(diags, "'match' must be datastore.table.column, found 'customers.x'", 18, 14);
  ExpectDiagnostic(diags, "waiver subject 'purpose:newsleter' names no declared purpose", 20, 36,
                   DiagnosticLevel::kWarning, "did you mean 'newsletter'?");
  CHECK(diags.error_count() == 8);
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("load::DeclarationsLoader names flows without an id after their ends") {
  Diagnostics diags;
  Inventory inv = LoadText(R"(gdpr_audit: 1
systems: [{ id: a }, { id: b }]
purposes: [{ id: p }]
flows:
  - { from: a, to: b }
  - { from: a, to: b, purpose: p }
  - { from: a, to: b }
)",
                           diags);
  INFO(Rendered(diags));
  CHECK(diags.all().empty());
  REQUIRE(inv.flows.size() == 3);
  CHECK(inv.flows[0].id == "a->b");
  CHECK(inv.flows[1].id == "a->b:p");
  CHECK(inv.flows[2].id == "a->b");
}

TEST_CASE("load::DeclarationsLoader reports duplicate ids across files, naming both places") {
  Diagnostics diags;
  DeclarationsLoader loader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
  loader.AddText(R"(gdpr_audit: 1
organization: { name: A }
systems:
  - id: webshop
    datastores: [{ id: db }]
purposes: [{ id: p }]
flows: [{ id: f, from: webshop, to: webshop }]
)",
                 "a.yaml", "");
  loader.AddText(R"(gdpr_audit: 1
organization: { name: B }
systems:
  - id: crm
    datastores: [{ id: db }]
  - id: webshop
purposes: [{ id: p }]
flows: [{ id: f, from: crm, to: webshop }]
)",
                 "b.yaml", "");
  Inventory inv = loader.Finish();
  ExpectDiagnostic(diags, "the organization is declared a second time", 2, 15, DiagnosticLevel::kError,
                   "first declared at a.yaml:2:15");
  ExpectDiagnostic(diags, "duplicate system id 'webshop'", 6, 9, DiagnosticLevel::kError,
                   "first declared at a.yaml:4:9");
  ExpectDiagnostic(diags, "duplicate datastore id 'db'", 5, 24, DiagnosticLevel::kError, "a.yaml:5:24");
  ExpectDiagnostic(diags, "duplicate purpose id 'p'", 7, 18, DiagnosticLevel::kError, "a.yaml:6:18");
  ExpectDiagnostic(diags, "duplicate flow id 'f'", 8, 15, DiagnosticLevel::kError, "a.yaml:7:15");
  CHECK(FindDiagnostic(diags, "duplicate system id")->location.path == "b.yaml");
  CHECK(diags.error_count() == 5);
  CHECK(inv.organization->name == "A");
  CHECK(inv.systems.size() == 2);
  CHECK(inv.systems[1].datastores.empty());
  CHECK(inv.purposes.size() == 1);
  CHECK(inv.flows.size() == 1);
  CHECK(inv.files.size() == 2);
}

TEST_CASE("load::DeclarationsLoader checks inventories from other readers too") {
  Diagnostics diags;
  DeclarationsLoader loader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
  loader.AddText("gdpr_audit: 1\nsystems: [{ id: shop }]\n", "a.yaml", "");
  Inventory fides;
  fides.files.push_back({"fides.yaml", "fides"});
  fides.systems.emplace_back();
  fides.systems.back().id = "shop";
  fides.systems.back().loc = {"fides.yaml", 3, 5};
  fides.systems.back().field_locs.Set("id", {3, 18});
  fides.flows.emplace_back();
  fides.flows.back().id = "f";
  fides.flows.back().from = "shop";
  fides.flows.back().to = "warehouse";
  loader.AddInventory(std::move(fides));
  Inventory inv = loader.Finish();
  ExpectDiagnostic(diags, "duplicate system id 'shop'", 3, 18, DiagnosticLevel::kError, "a.yaml:2:17");
  CHECK(FindDiagnostic(diags, "names system 'warehouse'"));
  REQUIRE(inv.files.size() == 2);
  CHECK(inv.files[1].kind == "fides");
}

TEST_CASE("load::DeclarationsLoader refuses hostile and broken files without crashing") {
  ScratchDir dir;
  SUBCASE("binary file") {
    Diagnostics diags;
    DeclarationsLoader loader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
    loader.AddFile(dir.Write("bin.yaml", std::string("gdpr_audit: 1\n\0\x01\x02", 17)));
    CHECK(FindDiagnostic(diags, "looks like a binary file"));
  }
  SUBCASE("directory named like a YAML file") {
    std::filesystem::create_directories(dir.path() + "/x.yaml");
    Diagnostics diags;
    DeclarationsLoader loader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
    loader.AddFile(dir.path() + "/x.yaml");
    CHECK(FindDiagnostic(diags, "is a directory"));
  }
  SUBCASE("missing file") {
    Diagnostics diags;
    DeclarationsLoader loader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
    loader.AddFile(dir.path() + "/nope.yaml");
    CHECK(FindDiagnostic(diags, "no such file"));
  }
  SUBCASE("10,000 levels of nesting") {
    Diagnostics diags;
    LoadText("gdpr_audit: 1\nsystems: " + std::string(10000, '[') + std::string(10000, ']') + "\n", diags);
    CHECK(FindDiagnostic(diags, "nesting"));
    CHECK(diags.HasErrors());
  }
  SUBCASE("alias bomb") {
    std::string bomb = "gdpr_audit: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; ++c, ++prev) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
      bomb += "]\n";
    }
    Diagnostics diags;
    LoadText(bomb, diags);
    CHECK(FindDiagnostic(diags, "expands to more than"));
  }
  SUBCASE("every field of the wrong kind") {
    Diagnostics diags;
    LoadText("gdpr_audit: 1\norganization: [1]\nsystems: [1, [2], {id: [3]}]\npurposes: 7\nflows: {}\n"
             "columns: [~]\nwaivers: [\"\"]\n",
             diags);
    CHECK(diags.error_count() >= 7);
  }
}

TEST_CASE("load::LoadDeclarations merges a folder and resolves paths per file") {
  ScratchDir dir;
  dir.Write("a/gdpr-audit.yaml", "gdpr_audit: 1\nsystems:\n  - id: shop\n    datastores: [{ id: db, schema: ../db/shop.sql }]\n");
  dir.Write("db/shop.sql", "CREATE TABLE t (a int);\n");
  dir.Write("b/more.yaml", "gdpr_audit: 1\npurposes: [{ id: p, systems: [shop] }]\n");
  dir.Write("c/fides.yaml", "system:\n  - fides_key: x\n");
  Diagnostics diags;
  Inventory inv = gdpr::load::LoadDeclarations({dir.path()}, gdpr::testing::ShippedTaxonomy(),
                                               gdpr::testing::ShippedCountries(), diags);
  INFO(Rendered(diags));
  CHECK(diags.error_count() == 0);
  REQUIRE(inv.systems.size() == 2);
  CHECK(inv.systems[0].datastores[0].schema_path == dir.path() + "/db/shop.sql");
  CHECK(inv.systems[1].id == "x");  // the Fides manifest, read by load/fides_reader
  CHECK(inv.purposes.size() == 1);
  REQUIRE(inv.files.size() == 3);
  CHECK(inv.files[2].kind == "fides");
  CHECK(inv.files[0].path == dir.path() + "/a/gdpr-audit.yaml");
}

TEST_CASE("load::LoadDeclarations gives the same result on one thread and on several") {
  // Twelve files parsed by worker threads: ids repeat across files and one file is broken,
  // so what is kept and the order of the diagnostics depend on the merge being in file order.
  ScratchDir dir;
  for (int i = 0; i < 12; ++i) {
    std::string id = "s" + std::to_string(i % 5);
    dir.Write("f" + std::to_string(10 + i) + ".yaml",
              i == 7
                  ? std::string("gdpr_audit: 1\nsystems: [ {\n")
                  : "gdpr_audit: 1\nsystems:\n  - id: " + id + "\n    datastores: [{ id: db" + std::to_string(i % 3) +
                        " }]\npurposes: [{ id: p" + std::to_string(i % 4) + ", systems: [" + id + ", missing] }]\n");
  }
  auto load = [&](const char* threads) {
    setenv("GDPR_AUDIT_THREADS", threads, 1);
    Diagnostics diags;
    Inventory inv = gdpr::load::LoadDeclarations({dir.path()}, gdpr::testing::ShippedTaxonomy(),
                                                 gdpr::testing::ShippedCountries(), diags);
    unsetenv("GDPR_AUDIT_THREADS");
    std::string ids;
    for (const auto& system : inv.systems) {
      ids += system.id + ":";
      for (const auto& store : system.datastores) ids += store.id + ",";
    }
    for (const auto& purpose : inv.purposes) ids += purpose.id + " ";
    return std::pair(ids, Rendered(diags));
  };
  auto one = load("1");
  auto two = load("2");
  CHECK(one.first == "s0:db0,s1:db1,s2:db2,s3:s4:p0 p1 p2 p3 ");  // db0 and db1 are taken
  CHECK(one.first == two.first);
  CHECK(one.second == two.second);
  CHECK(one.second.find("duplicate system id 's0'") != std::string::npos);
  CHECK(one.second.find("f17.yaml") != std::string::npos);
}
