// The taxonomy we ship (rules/taxonomy.yaml): complete descriptions, the GDPR markings
// the rules rely on, and deprecated fideslang keys that map to current ones.
#include <doctest/doctest.h>

#include "analysis/taxonomy.h"

using namespace gdpr::analysis;

namespace {
const Taxonomy& Shipped() {
  static const Taxonomy taxonomy = [] {
    gdpr::model::Diagnostics diags;
    auto t = Taxonomy::LoadFile(GDPR_SOURCE_DIR "/rules/taxonomy.yaml", diags);
    REQUIRE(t);
    CHECK(diags.all().empty());
    return *t;
  }();
  return taxonomy;
}
}  // namespace

TEST_CASE("analysis::Taxonomy shipped file describes every key") {
  for (TaxonomyKind kind : {TaxonomyKind::kDataCategory, TaxonomyKind::kDataUse, TaxonomyKind::kDataSubject}) {
    CHECK_FALSE(Shipped().Keys(kind).empty());
    for (const std::string& key : Shipped().Keys(kind)) {
      const TaxonomyEntry* e = Shipped().Find(kind, key);
      REQUIRE(e);
      INFO(key);
      CHECK(e->description.size() > 10);
      CHECK(e->description != "TODO");
    }
  }
  CHECK(Shipped().Keys(TaxonomyKind::kDataCategory).size() == 85);
  CHECK(Shipped().Keys(TaxonomyKind::kDataUse).size() == 54);
  CHECK(Shipped().Keys(TaxonomyKind::kDataSubject).size() == 15);
}

TEST_CASE("analysis::Taxonomy shipped file marks what the GDPR treats specially") {
  const Taxonomy& t = Shipped();
  for (const char* art9 : {"user.health_and_medical", "user.health_and_medical.genetic", "user.biometric.fingerprint",
                           "user.authorization.biometric", "user.demographic.race_ethnicity",
                           "user.demographic.religious_belief", "user.demographic.political_opinion",
                           "user.demographic.sexual_orientation"}) {
    INFO(art9);
    CHECK(t.SpecialOf(art9) == Special::kArt9);
  }
  CHECK(t.SpecialOf("user.criminal_history") == Special::kArt10);
  CHECK(t.SpecialOf("user.government_id.national_identification_number") == Special::kNationalId);
  CHECK(t.SpecialOf("user.government_id.passport_number") == Special::kNationalId);
  CHECK(t.SpecialOf("user.government_id.drivers_license_number") == Special::kNationalId);
  CHECK(t.SpecialOf("user.demographic.gender") == Special::kNone);
  CHECK(t.SpecialOf("user.contact.email") == Special::kNone);
  CHECK(t.IsChildrenData("user.childrens"));
  CHECK_FALSE(t.IsChildrenData("user.name"));
  for (const char* subject : {"employee", "patient", "trainee", "job_applicant"}) CHECK(t.IsVulnerableSubject(subject));
  CHECK_FALSE(t.IsVulnerableSubject("customer"));
  // No shipped subject is a child; a custom one named so is (child_subject_words).
  for (const std::string& subject : t.Keys(TaxonomyKind::kDataSubject)) CHECK_FALSE(t.IsChildSubject(subject));
  Taxonomy extended = t;
  CHECK(extended.AddCustom(TaxonomyKind::kDataSubject, {"minor", "Someone under 16"}));
  CHECK(extended.IsChildSubject("minor"));
}

TEST_CASE("analysis::Taxonomy shipped file maps deprecated fideslang keys") {
  const Taxonomy& t = Shipped();
  CHECK(t.Replacement(TaxonomyKind::kDataUse, "advertising") == "marketing.advertising");
  CHECK(t.Replacement(TaxonomyKind::kDataUse, "advertising.third_party") == "marketing.advertising.third_party");
  CHECK(t.Replacement(TaxonomyKind::kDataUse, "improve.system") == "functional.service.improve");
  CHECK(t.Replacement(TaxonomyKind::kDataUse, "provide.service") == "essential.service");
  CHECK(t.Replacement(TaxonomyKind::kDataCategory, "user.cookie_id") == "user.device.cookie_id");
  CHECK(t.Replacement(TaxonomyKind::kDataCategory, "user.ip_address") == "user.device.ip_address");
  CHECK(t.Replacement(TaxonomyKind::kDataCategory, "user.provided.identifiable.contact.email") ==
        "user.contact.email");
  CHECK(t.Replacement(TaxonomyKind::kDataCategory, "user.derived.identifiable.device.ip_address") ==
        "user.device.ip_address");
  CHECK(t.Replacement(TaxonomyKind::kDataCategory, "user.provided.identifiable.genetic") ==
        "user.health_and_medical.genetic");
  CHECK_FALSE(t.Replacement(TaxonomyKind::kDataCategory, "user.contact.email"));
}

TEST_CASE("analysis::Taxonomy shipped file marks the fine estimate's distress data and monitoring uses") {
  const Taxonomy& t = Shipped();
  for (const char* c : {"user.financial", "user.financial.bank_account", "user.payment", "user.location",
                        "user.content.private"}) {
    INFO(c);
    CHECK(t.IsDistressData(c));
  }
  CHECK_FALSE(t.IsDistressData("user.contact.email"));
  CHECK_FALSE(t.IsDistressData("user.content"));  // only the private part
  for (const char* use : {"marketing.advertising", "marketing.advertising.third_party.targeted",
                          "personalize.content.profiling", "personalize.content.profiled"}) {
    INFO(use);
    CHECK(t.IsMonitoringUse(use));
  }
  CHECK_FALSE(t.IsMonitoringUse("marketing.communications.email"));
  CHECK_FALSE(t.IsMonitoringUse("essential.service"));
}
