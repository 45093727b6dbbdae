#include "analysis/taxonomy.h"

#include <doctest/doctest.h>

using namespace gdpr::analysis;

namespace {
const char* kMini = R"(
data_categories:
  user: { description: Data about a person }
  user.contact: { description: Ways to reach a person }
  user.contact.email: { description: An e-mail address }
  user.health_and_medical: { description: Health, special: art9 }
  user.health_and_medical.genetic: { description: Genes }
  user.childrens: { description: About children, children: true }
data_uses:
  marketing: Marketing
data_subjects:
  customer: A customer
  employee: { description: An employee, vulnerable: true }
deprecated:
  data_categories:
    user.cookie_id: user.contact
)";
}

TEST_CASE("analysis::Taxonomy") {
  gdpr::model::Diagnostics diags;
  auto t = Taxonomy::Parse(kMini, "mini.yaml", diags);
  REQUIRE(t);
  CHECK(t->Contains(TaxonomyKind::kDataCategory, "user.contact.email"));
  CHECK_FALSE(t->Contains(TaxonomyKind::kDataCategory, "user.contact.emial"));
  CHECK(t->Suggest(TaxonomyKind::kDataCategory, "user.contact.emial") ==
        "did you mean 'user.contact.email'?");
  CHECK(t->Replacement(TaxonomyKind::kDataCategory, "user.cookie_id") == "user.contact");
  CHECK(t->SpecialOf("user.health_and_medical.genetic") == Special::kArt9);
  CHECK(t->SpecialOf("user.contact.email") == Special::kNone);
  CHECK(t->IsChildrenData("user.childrens"));
  CHECK(t->IsVulnerableSubject("employee"));
  CHECK_FALSE(t->IsVulnerableSubject("customer"));
  CHECK(Taxonomy::IsUnder("user.contact.email", "user.contact"));
  CHECK(Taxonomy::IsUnder("user.contact", "user.contact"));
  CHECK_FALSE(Taxonomy::IsUnder("user.contactless", "user.contact"));
}

TEST_CASE("analysis::Taxonomy rejects bad files with a location") {
  gdpr::model::Diagnostics diags;
  auto t = Taxonomy::Parse("data_categories:\n  user: { special: art99 }\ndata_uses: {}\ndata_subjects: {}\n",
                           "bad.yaml", diags);
  CHECK_FALSE(t);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].location.line == 2);
}

TEST_CASE("analysis::Taxonomy marks children among data subjects: by marking, or custom keys by word") {
  gdpr::model::Diagnostics diags;
  auto t = Taxonomy::Parse(
      "data_categories: {}\ndata_uses: {}\n"
      "data_subjects:\n  customer: A customer\n  young_visitor: { description: Under 16, children: true }\n"
      "child_subject_words: [child, pupil, Kid]\n",
      "words.yaml", diags);
  REQUIRE(t);
  CHECK(t->IsChildSubject("young_visitor"));
  CHECK_FALSE(t->IsChildSubject("customer"));
  CHECK_FALSE(t->IsChildSubject("not_declared"));
  // Custom keys (Fides taxonomy extensions) are marked by the words, as whole parts.
  CHECK(t->AddCustom(TaxonomyKind::kDataSubject, {"school_pupil", "A pupil"}));
  CHECK(t->AddCustom(TaxonomyKind::kDataSubject, {"kid", "A kid"}));
  CHECK(t->AddCustom(TaxonomyKind::kDataSubject, {"kidney_patient", "Not a kid"}));
  CHECK(t->AddCustom(TaxonomyKind::kDataCategory, {"user.child_name", "A category, not a subject"}));
  CHECK(t->IsChildSubject("school_pupil"));
  CHECK(t->IsChildSubject("kid"));
  CHECK_FALSE(t->IsChildSubject("kidney_patient"));
  CHECK_FALSE(t->IsChildrenData("user.child_name"));
}

TEST_CASE("analysis::Taxonomy refuses child_subject_words that are not a list of words") {
  gdpr::model::Diagnostics diags;
  CHECK_FALSE(Taxonomy::Parse("data_categories: {}\ndata_uses: {}\ndata_subjects: {}\nchild_subject_words: child\n",
                              "bad.yaml", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].location.ToString() == "bad.yaml:4:22");
}
