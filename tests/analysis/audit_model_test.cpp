#include "analysis/audit_model.h"

#include "analysis/glob_match.h"
#include "audit_fixtures.h"

using namespace gdpr;
using namespace gdpr::analysis;
using gdpr::testing::BuildShop;
using gdpr::testing::FindSubject;
using gdpr::testing::ShopInventory;

TEST_CASE("analysis::GlobMatch") {
  CHECK(GlobMatch("RET-*", "RET-001"));
  CHECK_FALSE(GlobMatch("RET-*", "LAW-001"));
  CHECK(GlobMatch("*", "anything"));
  CHECK(GlobMatch("shopdb.*.created_at", "shopdb.customers.created_at"));
  CHECK_FALSE(GlobMatch("shopdb.*.created_at", "shopdb.customers.created"));
  CHECK(GlobMatch("a?c", "abc"));
  CHECK(GlobMatch("*a*b*c", "xxaxxbxxc"));
}

TEST_CASE("analysis::AuditModel coverage and retention") {
  model::Inventory inv = ShopInventory();
  AuditModel m = BuildShop(inv);
  const SubjectRecord* email = FindSubject(m, "column", "shopdb.customers.email");
  REQUIRE(email);
  // orders declares user.contact (an ancestor) and newsletter user.contact.email.
  CHECK(email->Get("purposes").items == std::vector<std::string>{"newsletter", "orders"});
  CHECK(email->Get("covered").flag);
  CHECK(email->Get("retention").text == "P7Y");  // the longest of P7Y and P30D
  CHECK(email->loc.path == "db/shop.sql");
  CHECK(email->loc.line == 3);

  const SubjectRecord* allergies = FindSubject(m, "column", "shopdb.customers.allergies");
  REQUIRE(allergies);
  CHECK_FALSE(allergies->Get("covered").flag);
  CHECK(allergies->Get("special").items == std::vector<std::string>{"art9"});
  CHECK_FALSE(allergies->Get("retention").Exists());

  const SubjectRecord* id = FindSubject(m, "column", "shopdb.customers.id");
  REQUIRE(id);
  CHECK_FALSE(id->Get("personal").flag);

  const SubjectRecord* products = FindSubject(m, "table", "shopdb.products");
  REQUIRE(products);
  CHECK_FALSE(products->Get("personal").flag);
  const SubjectRecord* customers = FindSubject(m, "table", "shopdb.customers");
  REQUIRE(customers);
  CHECK(customers->Get("personal").flag);
  CHECK(customers->Get("retention").text == "P7Y");
}

TEST_CASE("analysis::AuditModel annotations win over the classifier, first match wins") {
  model::Inventory inv = ShopInventory();
  model::ColumnAnnotation first, second;
  first.match = "shopdb.customers.allergies";
  first.categories = {"user.name"};
  second.match = "shopdb.*.allergies";
  second.categories = {};
  inv.columns = {first, second};
  AuditModel m = BuildShop(inv);
  const SubjectRecord* allergies = FindSubject(m, "column", "shopdb.customers.allergies");
  REQUIRE(allergies);
  CHECK(allergies->Get("categories").items == std::vector<std::string>{"user.name"});
  CHECK(allergies->Get("source").text == "annotation");
  CHECK(allergies->Get("covered").flag);  // orders declares user.name

  std::swap(inv.columns[0], inv.columns[1]);
  AuditModel m2 = BuildShop(inv);
  const SubjectRecord* hidden = FindSubject(m2, "column", "shopdb.customers.allergies");
  REQUIRE(hidden);
  CHECK_FALSE(hidden->Get("personal").flag);  // explicitly not personal data
}

TEST_CASE("analysis::AuditModel systems, flows and purposes") {
  model::Inventory inv = ShopInventory();
  AuditModel m = BuildShop(inv);
  const SubjectRecord* mailer = FindSubject(m, "system", "mailer");
  REQUIRE(mailer);
  CHECK(mailer->Get("zone").text == "adequate");
  CHECK(mailer->Get("requires_dpf").flag);
  CHECK(mailer->Get("systematic").flag);
  CHECK(mailer->related_purposes == std::vector<std::string>{"newsletter"});

  const SubjectRecord* flow = FindSubject(m, "flow", "newsletter-sync");
  REQUIRE(flow);
  CHECK_FALSE(flow->Get("undeclared_categories").Exists());
  CHECK(flow->Get("purpose_at_source").flag);
  CHECK(flow->Get("source_data_uses").items == std::vector<std::string>{"essential.service"});
  CHECK(flow->Get("to.zone").text == "adequate");

  const SubjectRecord* orders = FindSubject(m, "purpose", "orders");
  REQUIRE(orders);
  CHECK(orders->Get("transfer_zones").items == std::vector<std::string>{"eea"});
  CHECK_FALSE(orders->Get("unheld_categories").Exists());  // name and contact are held
  CHECK(orders->LocationOf("legal_basis").line == 23);
  CHECK(orders->LocationOf("dpia").line == 20);  // not written: the purpose itself

  inv.purposes[0].data_categories.push_back("user.location");
  AuditModel m2 = BuildShop(inv);
  CHECK(FindSubject(m2, "purpose", "orders")->Get("unheld_categories").items ==
        std::vector<std::string>{"user.location"});
  // newsletter's mailer has no schema: what it holds is unknown, so nothing is judged.
  CHECK(FindSubject(m2, "purpose", "newsletter")->Get("unheld_categories").kind == FieldValue::Kind::kMissing);
}

TEST_CASE("analysis::AuditModel without schemas leaves schema facts missing") {
  model::Inventory inv = ShopInventory();
  AuditModel m = AuditModel::Build(inv, {}, gdpr::testing::TestTaxonomy(), gdpr::testing::TestCountries(), {});
  CHECK(m.Subjects("column").empty());
  const SubjectRecord* orders = FindSubject(m, "purpose", "orders");
  REQUIRE(orders);
  CHECK(orders->Get("unheld_categories").kind == FieldValue::Kind::kMissing);
}

TEST_CASE("analysis::AuditModel names the special keys a purpose declares") {
  model::Inventory inv = ShopInventory();
  inv.purposes[0].data_categories = {"user.name", "user.health_and_medical", "user.criminal_history",
                                     "user.government_id.national_identification_number"};
  AuditModel m = BuildShop(inv);
  const SubjectRecord* orders = FindSubject(m, "purpose", "orders");
  REQUIRE(orders);
  CHECK(orders->Get("special").items == std::vector<std::string>{"art10", "art9", "national_id"});
  CHECK(orders->Get("art9_categories").items == std::vector<std::string>{"user.health_and_medical"});
  CHECK(orders->Get("art10_categories").items == std::vector<std::string>{"user.criminal_history"});
  const SubjectRecord* newsletter = FindSubject(m, "purpose", "newsletter");
  REQUIRE(newsletter);
  CHECK_FALSE(newsletter->Get("art9_categories").Exists());
}
