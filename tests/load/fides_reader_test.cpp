#include "load/fides_reader.h"
#include "load/yaml_parser.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using gdpr::analysis::CountryTable;
using gdpr::analysis::Taxonomy;
using gdpr::analysis::TaxonomyKind;
using gdpr::load::FidesReader;
using gdpr::load::FidesResult;
using gdpr::load::ReadFides;
using gdpr::model::DiagnosticLevel;
using gdpr::model::Diagnostics;
using gdpr::model::Inventory;
using gdpr::model::Responsibility;

namespace {

const char* kTaxonomy = R"(
data_categories:
  system: x
  system.operations: x
  user: x
  user.contact: x
  user.contact.email: x
  user.contact.address: x
  user.contact.address.city: x
  user.name: x
  user.health_and_medical: { description: x, special: art9 }
  user.device: x
  user.device.cookie_id: x
data_uses:
  essential: x
  essential.service: x
  marketing: x
  marketing.advertising: x
  functional: x
  functional.service: x
  functional.service.improve: x
data_subjects:
  customer: x
  employee: x
deprecated:
  data_uses:
    advertising: marketing.advertising
    improve.system: functional.service.improve
  data_categories:
    user.cookie_id: user.device.cookie_id
)";

const char* kCountries = R"(
countries:
  NL: { name: "Netherlands", eea: true }
  US: { name: "United States", adequacy: { scope: "dpf", decision: "x" }, requires_dpf: true }
  CA: { name: "Canada", adequacy: { scope: "PIPEDA", decision: "x" } }
  IN: { name: "India" }
alpha3:
  NLD: NL
  USA: US
  CAN: CA
  IND: IN
)";

struct Fixture {
  Diagnostics diags;
  Taxonomy taxonomy = *Taxonomy::Parse(kTaxonomy, "taxonomy.yaml", diags);
  CountryTable countries = *CountryTable::Parse(kCountries, "countries.yaml", diags);
  Inventory inventory;

  FidesResult Read(const std::string& text, const std::string& name = "fides.yml") {
    return ReadFides(text, name, taxonomy, countries, inventory, diags);
  }
  // The first diagnostic of `level` whose message contains `part`, or nullptr.
  const gdpr::model::Diagnostic* Find(DiagnosticLevel level, const std::string& part) const {
    for (const auto& d : diags.all())
      if (d.level == level && d.message.find(part) != std::string::npos) return &d;
    return nullptr;
  }
  std::string Dump() const {
    std::string s;
    for (const auto& d : diags.all()) s += d.location.ToString() + ": " + d.message + "\n";
    return s;
  }
};

const char* kSystemV3 = R"(system:
  - fides_key: shop
    name: Web shop
    responsibility: [Controller]
    dpa_location: contracts/dpa.pdf
    system_type: Service
    third_country_transfers: [USA, IND, NLD]
    legal_basis_for_transfers: [SCCs]
    uses_profiling: true
    privacy_policy: https://example.org/privacy
    egress:
      - fides_key: mailer
        type: system
        data_categories: [user.contact.email]
    privacy_declarations:
      - name: Order handling
        data_use: essential.service
        data_categories: [user.contact.email, user.name]
        data_subjects: [customer]
        legal_basis_for_processing: Contract
        retention_period: 7 years after the last order
      - name: Health questionnaire
        data_use: essential.service
        data_categories: [user.health_and_medical]
        data_subjects: [customer]
        legal_basis_for_processing: Consent
        special_category_legal_basis: Consent
        retention_period: Account termination
        impact_assessment_location: https://example.org/dpia
  - fides_key: mailer
    name: Mailer
    responsibility: [Processor]
    privacy_declarations:
      - data_use: advertising
        data_categories: [user.cookie_id]
        data_subjects: [customer]
        legal_basis_for_processing: Legitimate interests
)";

}  // namespace

TEST_CASE("load::FidesReader maps a fideslang 3 system") {
  Fixture f;
  f.Read(kSystemV3, "systems.yml");
  CAPTURE(f.Dump());
  CHECK_FALSE(f.diags.HasErrors());
  const auto* shop = f.inventory.FindSystem("shop");
  REQUIRE(shop);
  CHECK(shop->name == "Web shop");
  CHECK(shop->responsibility == Responsibility::kController);
  CHECK(shop->processor_agreement == "contracts/dpa.pdf");
  CHECK(shop->loc.ToString() == "systems.yml:2:5");
  CHECK(f.inventory.FindSystem("mailer")->responsibility == Responsibility::kProcessor);

  const auto* orders = f.inventory.FindPurpose("shop.order-handling");
  REQUIRE(orders);
  CHECK(orders->legal_basis == "contract");
  CHECK(orders->At("legal_basis").ToString() == "systems.yml:20:37");
  CHECK(orders->systems == std::vector<std::string>{"shop"});
  CHECK(orders->data_categories == std::vector<std::string>{"user.contact.email", "user.name"});
  REQUIRE(orders->retention);
  REQUIRE(orders->retention->period);
  CHECK(orders->retention->period->ToString() == "P7Y");
  CHECK(orders->retention->from == "the last order");
  CHECK(orders->profiling == true);
  CHECK(orders->privacy_notice == "https://example.org/privacy");

  const auto* health = f.inventory.FindPurpose("shop.health-questionnaire");
  REQUIRE(health);
  CHECK(health->legal_basis == "consent");
  CHECK(health->special_category_condition == "explicit_consent");
  CHECK(health->dpia == "https://example.org/dpia");
  REQUIRE(health->retention);
  CHECK_FALSE(health->retention->period);
  CHECK(f.Find(DiagnosticLevel::kWarning, "retention_period 'Account termination' is not machine-checkable"));

  const auto* ads = f.inventory.FindPurpose("mailer.marketing-advertising");
  REQUIRE(ads);  // named after its data use when it has no name
  CHECK(ads->data_use == "marketing.advertising");
  CHECK(ads->data_categories == std::vector<std::string>{"user.device.cookie_id"});
  CHECK(ads->legal_basis == "legitimate_interests");
  CHECK(f.Find(DiagnosticLevel::kWarning, "'advertising' is a deprecated fideslang data use; it now reads 'marketing.advertising'"));
  CHECK(f.Find(DiagnosticLevel::kWarning, "'user.cookie_id' is a deprecated fideslang data category"));
}

TEST_CASE("load::FidesReader turns egress and third-country transfers into flows") {
  Fixture f;
  f.Read(kSystemV3, "systems.yml");
  const auto* us = f.inventory.FindSystem("shop-transfer-us");
  REQUIRE(us);
  CHECK(us->country == "US");
  REQUIRE(us->transfer);
  CHECK(us->transfer->mechanism == "scc");
  CHECK(us->At("country").ToString() == "systems.yml:7:31");
  CHECK(f.inventory.FindSystem("shop-transfer-in"));
  CHECK_FALSE(f.inventory.FindSystem("shop-transfer-nl"));  // inside the EEA: not a transfer
  std::vector<std::string> flows;
  for (const auto& flow : f.inventory.flows) flows.push_back(flow.id + " " + flow.from + "->" + flow.to);
  CHECK(flows == std::vector<std::string>{"shop-to-mailer shop->mailer", "shop-to-shop-transfer-us shop->shop-transfer-us",
                                          "shop-to-shop-transfer-in shop->shop-transfer-in"});
  CHECK(f.inventory.flows[0].data_categories == std::vector<std::string>{"user.contact.email"});
}

TEST_CASE("load::FidesReader names every field it cannot map") {
  Fixture f;
  f.Read(kSystemV3, "systems.yml");
  const auto* ignored = f.Find(DiagnosticLevel::kWarning, "ignored Fides fields: ");
  REQUIRE(ignored);
  CHECK(ignored->message == "ignored Fides fields: system.system_type");
  CHECK(ignored->location.ToString() == "systems.yml:6:5");
}

TEST_CASE("load::FidesReader reports unknown keys and values with a hint") {
  Fixture f;
  f.Read(R"(system:
  - fides_key: a
    data_responsibility_title: Controler
    privacy_declarations:
      - data_use: essential.servise
        data_categories: [user.contact.emial]
        legal_basis_for_processing: Contrat
        special_category_legal_basis: Medicine
    third_country_transfers: [XXX]
    egress:
      - { fides_key: nowhere, type: system }
)");
  CHECK(f.diags.error_count() == 7);
  const auto* use = f.Find(DiagnosticLevel::kError, "unknown data use 'essential.servise'");
  REQUIRE(use);
  CHECK(use->hint == "did you mean 'essential.service'?");
  CHECK(use->location.ToString() == "fides.yml:5:19");
  CHECK(f.Find(DiagnosticLevel::kError, "unknown data category 'user.contact.emial'")->hint ==
        "did you mean 'user.contact.email'?");
  CHECK(f.Find(DiagnosticLevel::kError, "unknown legal_basis_for_processing 'Contrat'")->hint ==
        "did you mean 'Contract'?");
  CHECK(f.Find(DiagnosticLevel::kError, "unknown Fides responsibility 'Controler'"));
  CHECK(f.Find(DiagnosticLevel::kError, "unknown special_category_legal_basis 'Medicine'"));
  CHECK(f.Find(DiagnosticLevel::kError, "unknown country 'XXX'"));
  CHECK(f.Find(DiagnosticLevel::kError, "unknown system 'nowhere' in egress of system 'a'"));
}

TEST_CASE("load::FidesReader maps a dataset to a datastore, annotations and a schema") {
  Fixture f;
  FidesReader reader(f.taxonomy, f.countries, f.diags);
  reader.AddText(R"(system:
  - fides_key: crm
    dataset_references: [crm_db]
    privacy_declarations:
      - { name: Support, data_use: essential.service, data_categories: [user.contact] }
)", "system.yml");
  reader.AddText(R"(dataset:
  - fides_key: crm_db
    data_qualifiers: [aggregated]
    collections:
      - name: customers
        fields:
          - name: email
            data_categories: [user.contact.email]
            fides_meta: { data_type: string, primary_key: true }
          - name: address
            fields:
              - name: city
                data_categories: [user.contact.address.city]
          - name: notes
            data_categories: []
)", "dataset.yml");
  reader.Finish(f.inventory);
  CAPTURE(f.Dump());
  CHECK_FALSE(f.diags.HasErrors());
  const auto* store = f.inventory.FindDatastore("crm_db");
  REQUIRE(store);
  CHECK(store->system_id == "crm");
  REQUIRE(f.inventory.columns.size() == 2);
  CHECK(f.inventory.columns[0].match == "crm_db.customers.email");
  CHECK(f.inventory.columns[0].categories == std::vector<std::string>{"user.contact.email"});
  CHECK(f.inventory.columns[1].match == "crm_db.customers.address.city");
  CHECK(f.inventory.columns[1].loc.ToString() == "dataset.yml:12:17");
  REQUIRE(f.inventory.manifest_schemas.count("crm_db"));
  const auto& schema = f.inventory.manifest_schemas.at("crm_db");
  CHECK(schema.path == "dataset.yml");
  REQUIRE(schema.tables.size() == 1);
  std::vector<std::string> columns;
  for (const auto& c : schema.tables[0].columns) columns.push_back(c.name);
  CHECK(columns == std::vector<std::string>{"email", "address", "address.city", "notes"});
  CHECK(schema.tables[0].columns[0].type == "string");
  CHECK(schema.tables[0].columns[0].primary_key);
  CHECK(f.Find(DiagnosticLevel::kWarning, "ignored Fides fields: dataset.data_qualifiers"));
  REQUIRE(f.inventory.files.size() == 2);
  CHECK(f.inventory.files[1].kind == "fides");
}

TEST_CASE("load::FidesReader maps the organization and skips repeated resources") {
  Fixture f;
  FidesReader reader(f.taxonomy, f.countries, f.diags);
  reader.AddText(R"(organization:
  - fides_key: org
    name: Demo
    description: A shop
    data_protection_officer: { name: D. Pro, email: dpo@example.org, phone: "+1" }
system:
  - { fides_key: a, name: First }
)", "a.yml");
  reader.AddText("system:\n  - { fides_key: a, name: Second }\n", "b.yml");
  reader.Finish(f.inventory);
  REQUIRE(f.inventory.organization);
  CHECK(f.inventory.organization->name == "Demo");
  CHECK(f.inventory.organization->description == "A shop");
  REQUIRE(f.inventory.organization->dpo);
  CHECK(f.inventory.organization->dpo->email == "dpo@example.org");
  REQUIRE(f.inventory.systems.size() == 1);
  CHECK(f.inventory.systems[0].name == "First");
  const auto* again = f.Find(DiagnosticLevel::kWarning, "Fides system 'a' is declared again");
  REQUIRE(again);
  CHECK(again->location.path == "b.yml");
  CHECK_FALSE(f.diags.HasErrors());
}

TEST_CASE("load::FidesReader adds custom taxonomy keys before reading systems") {
  Fixture f;
  FidesReader reader(f.taxonomy, f.countries, f.diags);
  reader.AddText(R"(system:
  - fides_key: a
    privacy_declarations:
      - data_use: improve.system.ab_testing
        data_subjects: [prospect]
)", "system.yml");
  reader.AddText(R"(data_use:
  - fides_key: improve.system.ab_testing
    parent_key: improve.system
data_subject:
  - fides_key: prospect
    name: Prospect
    rights: { strategy: ALL }
)", "taxonomy.yml");
  FidesResult result = reader.Finish(f.inventory);
  CAPTURE(f.Dump());
  CHECK_FALSE(f.diags.HasErrors());
  REQUIRE(f.inventory.purposes.size() == 1);
  CHECK(f.inventory.purposes[0].data_use == "functional.service.improve.ab_testing");
  CHECK(f.inventory.purposes[0].data_subjects == std::vector<std::string>{"prospect"});
  CHECK(result.taxonomy.Contains(TaxonomyKind::kDataSubject, "prospect"));
  CHECK(result.taxonomy.Contains(TaxonomyKind::kDataUse, "functional.service.improve.ab_testing"));
  CHECK(f.Find(DiagnosticLevel::kWarning, "ignored Fides fields: data_subject.rights"));
}

TEST_CASE("load::IsFidesManifest recognises Fides resource lists") {
  Diagnostics diags;
  auto fides = gdpr::load::ParseYaml("policy:\n  - fides_key: p\n", "p.yml", diags);
  auto ours = gdpr::load::ParseYaml("gdpr_audit: 1\nsystems: []\n", "g.yml", diags);
  auto other = gdpr::load::ParseYaml("services:\n  web: {}\n", "c.yml", diags);
  CHECK(gdpr::load::IsFidesManifest(*fides));
  CHECK_FALSE(gdpr::load::IsFidesManifest(*ours));
  CHECK_FALSE(gdpr::load::IsFidesManifest(*other));
}

TEST_CASE("load::FidesReader survives malformed manifests with errors, not crashes") {
  const char* docs[] = {
      "system: 5\n",
      "system: [1, \"x\", [2]]\n",
      "system:\n  - fides_key: [a]\n",
      "system:\n  - fides_key: a\n    privacy_declarations: 7\n    egress: 5\n    ingress: [{type: system}]\n",
      "system:\n  - fides_key: a\n    responsibility: []\n    third_country_transfers: {x: 1}\n",
      "dataset:\n  - fides_key: d\n    collections: 7\n",
      "dataset:\n  - fides_key: d\n    collections:\n      - name: c\n        fields: [1, {fields: 2}, {name: n, fields: {name: m}}]\n",
      "organization: [1, {name: [x]}, {data_protection_officer: 5}]\n",
      "data_use: [{parent_key: x}, {fides_key: a.b, parent_key: nope}]\n",
      "- just a list\n",
      "policy:\n",
  };
  for (const char* doc : docs) {
    CAPTURE(doc);
    Fixture f;
    f.Read(doc);
    CHECK(f.inventory.files.size() <= 1);
  }
  Fixture f;
  f.Read("system:\n  - fides_key: a\n    privacy_declarations: 7\n");
  CHECK(f.Find(DiagnosticLevel::kError, "a privacy declaration is a mapping"));
}
