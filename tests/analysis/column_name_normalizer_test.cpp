#include "analysis/column_name_normalizer.h"

#include <doctest/doctest.h>

using gdpr::analysis::ColumnNameNormalizer;

namespace {
std::string Joined(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += '_';
    out += t;
  }
  return out;
}
}  // namespace

TEST_CASE("analysis::ColumnNameNormalizer splits snake, camel, Pascal and kebab case") {
  CHECK(Joined(ColumnNameNormalizer::Split("first_name")) == "first_name");
  CHECK(Joined(ColumnNameNormalizer::Split("firstName")) == "first_name");
  CHECK(Joined(ColumnNameNormalizer::Split("FirstName")) == "first_name");
  CHECK(Joined(ColumnNameNormalizer::Split("first-name")) == "first_name");
  CHECK(Joined(ColumnNameNormalizer::Split("FIRST_NAME")) == "first_name");
  CHECK(Joined(ColumnNameNormalizer::Split("NationalIDNumber")) == "national_id_number");
  CHECK(Joined(ColumnNameNormalizer::Split("XMLHttpURL")) == "xml_http_url");
  CHECK(Joined(ColumnNameNormalizer::Split("address2")) == "address_2");
  CHECK(Joined(ColumnNameNormalizer::Split("icd10Code")) == "icd_10_code");
  CHECK(Joined(ColumnNameNormalizer::Split("  e.mail  ")) == "e_mail");
  CHECK(Joined(ColumnNameNormalizer::Split("__")).empty());
  CHECK(ColumnNameNormalizer::Split("").empty());
}

TEST_CASE("analysis::ColumnNameNormalizer::SplitJoined gives Split's tokens joined, reusing its buffer") {
  std::string out = "left over";
  for (const char* raw : {"first_name", "NationalIDNumber", "XMLHttpURL", "icd10Code", "  e.mail  ", "__", "",
                          "prénom", "ticket_261_1", "a", "_a_", "A1b2C3", "x--y", "Straße"}) {
    CAPTURE(raw);
    ColumnNameNormalizer::SplitJoined(raw, out);
    CHECK(out == Joined(ColumnNameNormalizer::Split(raw)));
  }
  ColumnNameNormalizer::SplitJoined("CustomerOrders", out);
  CHECK(out == "customer_orders");
}

TEST_CASE("analysis::ColumnNameNormalizer folds accents to ASCII") {
  CHECK(Joined(ColumnNameNormalizer::Split("prénom")) == "prenom");
  CHECK(Joined(ColumnNameNormalizer::Split("Straße")) == "strasse");
  CHECK(Joined(ColumnNameNormalizer::Split("Staatsangehörigkeit")) == "staatsangehoerigkeit");
  CHECK(Joined(ColumnNameNormalizer::Split("GRÖSSE")) == "groesse");
  CHECK(Joined(ColumnNameNormalizer::Split("Führerschein")) == "fuehrerschein");
  CHECK(Joined(ColumnNameNormalizer::Split("numéro_sécu")) == "numero_secu");
  // Other scripts are separators, not garbage letters; truncated UTF-8 is harmless.
  CHECK(Joined(ColumnNameNormalizer::Split("имя_name")) == "name");
  CHECK(Joined(ColumnNameNormalizer::Split("name\xC3")) == "name");
  CHECK(ColumnNameNormalizer::FoldLower("E-Mail-Adresse des Kunden") == "e-mail-adresse des kunden");
}

TEST_CASE("analysis::ColumnNameNormalizer expands abbreviations and strips noise prefixes") {
  ColumnNameNormalizer n;
  CHECK(n.AddAbbreviation("dob", "date_of_birth"));
  CHECK(n.AddAbbreviation("dri_lice", "drivers_license"));
  CHECK(n.AddAbbreviation("dri", "driver"));
  CHECK(n.AddAbbreviation("emp", "employee"));
  CHECK(n.AddAbbreviation("tel", "telephone"));
  CHECK(n.AddAbbreviation("hm", "home"));
  CHECK_FALSE(n.AddAbbreviation("", "x"));
  CHECK_FALSE(n.AddAbbreviation("x", "--"));
  n.AddStripPrefix("str");
  n.AddStripPrefix("c");
  n.AddKnownWord("first");
  n.AddKnownWord("email");

  CHECK(n.Normalize("DOB") == "date_of_birth");
  CHECK(n.Normalize("emp_dob") == "employee_date_of_birth");
  CHECK(n.Normalize("emp_dri_lice_num") == "employee_drivers_license_num");  // longest first
  CHECK(n.Normalize("dri_id") == "driver_id");
  CHECK(n.Normalize("emp_hm_telephone") == "employee_home_telephone");
  CHECK(n.Normalize("strFirstName") == "first_name");
  CHECK(n.Normalize("c_email") == "email");
  CHECK(n.Normalize("c_tel") == "telephone");   // expansion words are known words
  CHECK(n.Normalize("c") == "c");               // a prefix alone is kept
  CHECK(n.Normalize("c_foo") == "c_foo");       // ... and before an unknown word
  CHECK(n.Normalize("dobby") == "dobby");       // whole tokens only
  CHECK(n.Normalize("!!!").empty());
}

TEST_CASE("analysis::ColumnNameNormalizer splits glued compounds of known words and abbreviations") {
  ColumnNameNormalizer n;
  n.AddKnownWord("name");
  n.AddKnownWord("email");
  n.AddKnownWord("guardian");
  n.AddKnownWord("phone");
  n.AddKnownWord("cell");
  CHECK(n.AddAbbreviation("cust", "customer"));
  CHECK(n.AddAbbreviation("dob", "date_of_birth"));
  CHECK(n.AddAbbreviation("emp", "employee"));
  CHECK(n.Normalize("guardianemail") == "guardian_email");
  CHECK(n.Normalize("phonecell") == "phone_cell");
  CHECK(n.Normalize("CUSTNAME") == "customer_name");
  CHECK(n.Normalize("empdob") == "employee_date_of_birth");
  CHECK(n.Normalize("email") == "email");            // a known word stays whole
  CHECK(n.Normalize("phoneme") == "phoneme");        // `me` is too short to be a part
  CHECK(n.Normalize("namespace") == "namespace");    // `space` is not a known word
}
