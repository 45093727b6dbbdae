#include "analysis/country_table.h"

#include <doctest/doctest.h>

using namespace gdpr::analysis;

TEST_CASE("analysis::CountryTable") {
  gdpr::model::Diagnostics diags;
  auto t = CountryTable::LoadFile(std::string(GDPR_SOURCE_DIR) + "/rules/countries.yaml", diags);
  REQUIRE(t);
  CHECK(t->Codes().size() == 249);
  CHECK(t->Find("NL")->Zone() == TransferZone::kEea);
  CHECK(t->Find("NO")->Zone() == TransferZone::kEea);  // EEA, not EU
  CHECK(t->Find("CH")->Zone() == TransferZone::kAdequate);
  CHECK(t->Find("US")->Zone() == TransferZone::kAdequate);
  CHECK(t->Find("US")->requires_dpf);
  CHECK(t->Find("IN")->Zone() == TransferZone::kThirdCountry);
  CHECK(t->Find("XX") == nullptr);
  CHECK(t->Suggest("nl") == "country codes are upper case: 'NL'");
  CHECK(t->Suggest("Netherlands") == "did you mean 'NL' (Netherlands)?");
  CHECK(t->Suggest("UK") == "did you mean 'GB' (United Kingdom)?");
}
