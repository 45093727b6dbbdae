// The real Fides manifests of shared/corpus/fides (fideslang 1.x demo, 2.x/3.x demo,
// dataset, organization, policy, extended taxonomy): what each maps to.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "load/declarations_loader.h"
#include "load/fides_reader.h"
#include "load/file_reader.h"
#include "load_test_support.h"

using gdpr::model::DiagnosticLevel;
using gdpr::model::Diagnostics;
using gdpr::model::Inventory;
using gdpr::model::Responsibility;
using gdpr::testing::FindDiagnostic;
using gdpr::testing::Rendered;

namespace {

const std::string kCorpus = std::string(GDPR_SHARED_DIR) + "/corpus/fides";

bool HaveCorpus() {
  if (std::filesystem::is_directory(kCorpus)) return true;
  MESSAGE("SKIP: " << kCorpus << " is absent (shared corpus not mounted)");
  return false;
}

// Reads the named corpus files as one set, with display names relative to the corpus.
Inventory ReadSet(const std::vector<std::string>& files, Diagnostics& diags) {
  gdpr::load::FidesReader reader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
  for (const std::string& file : files) {
    auto text = gdpr::load::ReadInputFile(kCorpus + "/" + file, diags);
    REQUIRE(text);
    reader.AddText(*text, file);
  }
  Inventory inventory;
  reader.Finish(inventory);
  return inventory;
}

std::vector<std::string> SystemIds(const Inventory& inv) {
  std::vector<std::string> ids;
  for (const auto& s : inv.systems) ids.push_back(s.id);
  return ids;
}

int Count(const Diagnostics& diags, DiagnosticLevel level) {
  int n = 0;
  for (const auto& d : diags.all()) n += d.level == level;
  return n;
}

}  // namespace

TEST_CASE("load::FidesReader corpus: fideslang 1.x demo system and dataset") {
  if (!HaveCorpus()) return;
  Diagnostics diags;
  Inventory inv = ReadSet({"fides-v1-demo_system.yml", "fides-v1-demo_dataset.yml"}, diags);
  INFO(Rendered(diags));
  CHECK(diags.error_count() == 0);
  CHECK(SystemIds(inv) == std::vector<std::string>{"demo_analytics_system", "demo_analytics_system-transfer-us",
                                                   "demo_analytics_system-transfer-ca",
                                                   "demo_analytics_system-transfer-gb", "demo_marketing_system"});
  const auto* analytics = inv.FindSystem("demo_analytics_system");
  REQUIRE(analytics);
  CHECK(analytics->responsibility == Responsibility::kController);
  REQUIRE(analytics->datastores.size() == 1);  // dataset_references of its privacy declaration
  CHECK(analytics->datastores[0].id == "demo_users_dataset");
  CHECK(inv.FindSystem("demo_marketing_system")->responsibility == Responsibility::kProcessor);
  CHECK(inv.FindSystem("demo_marketing_system")->processor_agreement.empty());
  // third_country_transfers [USA, CAN] of the system and [GBR, CAN] of its dataset
  CHECK(inv.FindSystem("demo_analytics_system-transfer-us")->country == "US");
  CHECK_FALSE(inv.FindSystem("demo_analytics_system-transfer-us")->transfer);
  CHECK(inv.FindSystem("demo_analytics_system-transfer-ca")->At("country").ToString() ==
        "fides-v1-demo_system.yml:10:7");
  CHECK(inv.flows.size() == 3);

  REQUIRE(inv.purposes.size() == 2);
  const auto& analyze = inv.purposes[0];
  CHECK(analyze.id == "demo_analytics_system.analyze-customer-behaviour-for-improvements");
  CHECK(analyze.data_use == "functional.service.improve");
  CHECK(analyze.data_categories == std::vector<std::string>{"user.contact", "user.device.cookie_id"});
  CHECK(analyze.data_subjects == std::vector<std::string>{"customer"});
  CHECK(analyze.legal_basis.empty());  // fideslang 1.x has no legal basis
  CHECK(analyze.dpia == "https://example.org/analytics_system_data_protection_impact_assessment");
  const auto& marketing = inv.purposes[1];
  CHECK(marketing.id == "demo_marketing_system.collect-data-for-marketing");
  CHECK(marketing.data_use == "marketing.advertising");
  CHECK(marketing.legal_basis.empty());
  CHECK(marketing.systems == std::vector<std::string>{"demo_marketing_system"});

  CHECK(inv.columns.size() == 5);  // food_preference has no categories: left to the classifier
  CHECK(inv.columns[0].match == "demo_users_dataset.users.created_at");
  CHECK(inv.columns[0].categories.empty());  // system.operations: not personal data
  CHECK(inv.columns[3].match == "demo_users_dataset.users.state");
  CHECK(inv.columns[3].categories == std::vector<std::string>{"user.contact.address.state"});
  REQUIRE(inv.manifest_schemas.count("demo_users_dataset"));
  CHECK(inv.manifest_schemas.at("demo_users_dataset").tables[0].columns.size() == 6);

  CHECK(FindDiagnostic(diags, "'improve.system' is a deprecated fideslang data use; it now reads "
                              "'functional.service.improve'"));
  CHECK(FindDiagnostic(diags, "'advertising' is a deprecated fideslang data use; it now reads 'marketing.advertising'"));
  const auto* ignored = FindDiagnostic(diags, "ignored Fides fields: system.");
  REQUIRE(ignored);
  CHECK(ignored->message ==
        "ignored Fides fields: system.administrating_department, "
        "system.data_protection_impact_assessment.is_required, system.data_protection_impact_assessment.progress, "
        "system.privacy_declarations.data_qualifier, system.system_dependencies, system.system_type");
  CHECK(FindDiagnostic(diags, "ignored Fides fields: dataset.collections.data_qualifiers, "
                              "dataset.collections.fields.data_qualifier, dataset.collections.fields.retention, "
                              "dataset.data_qualifiers, dataset.organization_fides_key, dataset.retention"));
}

TEST_CASE("load::FidesReader corpus: fideslang 2.x demo system and dataset") {
  if (!HaveCorpus()) return;
  Diagnostics diags;
  Inventory inv = ReadSet({"fideslang-demo_system.yml", "fideslang-demo_dataset.yml"}, diags);
  INFO(Rendered(diags));
  CHECK(diags.error_count() == 0);
  CHECK(SystemIds(inv) == std::vector<std::string>{"demo_analytics_system", "demo_marketing_system"});
  const auto* analytics = inv.FindSystem("demo_analytics_system");
  CHECK(analytics->responsibility == Responsibility::kUnspecified);
  REQUIRE(analytics->datastores.size() == 1);  // ingress of type dataset
  CHECK(analytics->datastores[0].id == "demo_users_dataset");
  CHECK(inv.flows.empty());
  REQUIRE(inv.purposes.size() == 2);
  CHECK(inv.purposes[1].data_categories == std::vector<std::string>{"user.device.cookie_id"});
  CHECK(FindDiagnostic(diags, "'user.cookie_id' is a deprecated fideslang data category"));
  CHECK(FindDiagnostic(diags, "'user.contact.state' is a deprecated fideslang data category; it now reads "
                              "'user.contact.address.state'"));
  CHECK(FindDiagnostic(diags, "ignored Fides fields: system.administrating_department, system.system_type"));
}

TEST_CASE("load::FidesReader corpus: organization, policy and extended taxonomy") {
  if (!HaveCorpus()) return;
  Diagnostics diags;
  gdpr::load::FidesReader reader(gdpr::testing::ShippedTaxonomy(), gdpr::testing::ShippedCountries(), diags);
  for (const char* file : {"fideslang-demo_organization.yml", "fideslang-demo_policy.yml",
                           "fideslang-demo_extended_taxonomy.yml"})
    reader.AddText(*gdpr::load::ReadInputFile(kCorpus + "/" + file, diags), file);
  Inventory inv;
  gdpr::load::FidesResult result = reader.Finish(inv);
  INFO(Rendered(diags));
  CHECK(diags.error_count() == 0);
  REQUIRE(inv.organization);
  CHECK(inv.organization->name == "Demo Organization");
  CHECK(inv.organization->description == "An e-commerce organization");
  CHECK(inv.organization->dpo->email == "dpo@demo_company.com");
  CHECK(inv.organization->representative->name == "Rep Resentative");
  CHECK(inv.organization->country.empty());  // Fides has no country of establishment
  CHECK(FindDiagnostic(diags, "ignored Fides fields: organization.controller, organization.data_protection_officer.address, "
                              "organization.data_protection_officer.phone, organization.representative.address, "
                              "organization.representative.phone, organization.security_policy"));
  CHECK(FindDiagnostic(diags, "ignored Fides fields: policy"));
  using gdpr::analysis::TaxonomyKind;
  CHECK(result.taxonomy.Contains(TaxonomyKind::kDataSubject, "potential_customer"));
  CHECK(result.taxonomy.Contains(TaxonomyKind::kDataUse, "marketing.advertising.third_party.targeted.direct_marketing"));
  CHECK(result.taxonomy.Replacement(TaxonomyKind::kDataUse,
                                    "third_party_sharing.personalized_advertising.direct_marketing") ==
        "marketing.advertising.third_party.targeted.direct_marketing");
  CHECK(FindDiagnostic(diags, "ignored Fides fields: data_subject.automated_decisions_or_profiling, data_subject.rights"));
}

TEST_CASE("load::LoadDeclarations reads the whole Fides corpus folder without errors") {
  if (!HaveCorpus()) return;
  Diagnostics diags;
  Inventory inv = gdpr::load::LoadDeclarations({kCorpus}, gdpr::testing::ShippedTaxonomy(),
                                               gdpr::testing::ShippedCountries(), diags);
  INFO(Rendered(diags));
  CHECK(diags.error_count() == 0);
  CHECK(inv.files.size() == 7);
  for (const auto& f : inv.files) CHECK(f.kind == "fides");
  // The 2.x demo repeats the 1.x demo's fides_keys: the first copy (in file order) is read.
  CHECK(FindDiagnostic(diags, "Fides system 'demo_analytics_system' is declared again; this copy is not read"));
  CHECK(inv.systems.size() == 5);
  CHECK(inv.purposes.size() == 2);
  CHECK(inv.organization);
  CHECK(Count(diags, DiagnosticLevel::kWarning) == 11);
}
