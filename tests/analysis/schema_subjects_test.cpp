#include "analysis/schema_subjects.h"

#include <doctest/doctest.h>

#include "audit_fixtures.h"

using namespace gdpr;
using namespace gdpr::analysis;

TEST_CASE("analysis::SchemaSubjectBuilder emits columns, then their table, and gathers facts") {
  model::Inventory inv = gdpr::testing::ShopInventory();
  ClassifyFn classify = gdpr::testing::FakeClassify;
  SchemaSubjectBuilder builder(inv, gdpr::testing::TestTaxonomy(), classify);
  SchemaMap schemas{{"shopdb", gdpr::testing::ShopSchema()}};
  std::vector<const model::Purpose*> purposes = {&inv.purposes[0], &inv.purposes[1]};
  std::vector<std::string> emitted;
  std::string email_purposes, customers_categories;
  builder.BuildSystem(inv.systems[0], purposes, schemas, {}, [&](const SubjectRecord& r) {
    emitted.push_back(r.subject.ToString());
    if (r.subject.id == "shopdb.customers.email") email_purposes = r.Get("purposes").ToString();
    if (r.subject.id == "shopdb.customers") customers_categories = r.Get("categories").ToString();
  });
  REQUIRE(emitted.size() == 8);  // 5 + 1 columns, 2 tables
  CHECK(emitted[0] == "column:shopdb.customers.id");
  CHECK(emitted[5] == "table:shopdb.customers");
  CHECK(emitted[7] == "table:shopdb.products");
  CHECK(email_purposes == "newsletter, orders");
  CHECK(customers_categories == "user.contact.email, user.health_and_medical, user.name.first");

  SchemaFacts& facts = builder.facts();
  CHECK(facts.systems_with_schema.count("webshop") == 1);
  CHECK(facts.personal_tables["shopdb"] == 1);
  CHECK(facts.columns_by_purpose[&inv.purposes[0]] == 2);  // email, first_name
  CHECK(facts.categories_by_system["webshop"].count("user.health_and_medical") == 1);
}

TEST_CASE("analysis::SchemaFacts::Merge adds counts and unites sets") {
  model::Purpose p;
  SchemaFacts a, b;
  a.columns_by_purpose[&p] = 2;
  a.personal_tables["db"] = 1;
  a.categories_by_system["s"] = {"user.name"};
  b.columns_by_purpose[&p] = 3;
  b.personal_tables["db"] = 4;
  b.categories_by_system["s"] = {"user.contact"};
  b.systems_with_schema = {"s"};
  a.Merge(std::move(b));
  CHECK(a.columns_by_purpose[&p] == 5);
  CHECK(a.personal_tables["db"] == 5);
  CHECK(a.categories_by_system["s"] == std::set<std::string>{"user.contact", "user.name"});
  CHECK(a.systems_with_schema.count("s") == 1);
}

TEST_CASE("analysis::SchemaSubjectBuilder reads a deferred schema once and keeps its outline") {
  model::Inventory inv = gdpr::testing::ShopInventory();
  ClassifyFn classify = gdpr::testing::FakeClassify;
  SchemaSubjectBuilder builder(inv, gdpr::testing::TestTaxonomy(), classify);
  int reads = 0;
  DeferredSchemas deferred{{"shopdb", [&] {
                              ++reads;
                              return std::shared_ptr<const model::Schema>(gdpr::testing::ShopSchema());
                            }}};
  std::vector<const model::Purpose*> purposes = {&inv.purposes[0], &inv.purposes[1]};
  int records = 0;
  builder.BuildSystem(inv.systems[0], purposes, {}, deferred, [&](const SubjectRecord&) { ++records; });
  CHECK(reads == 1);
  CHECK(records == 8);
  const auto& outline = builder.facts().outlines.at("shopdb");
  REQUIRE(outline->tables.size() == 2);
  CHECK(outline->path == "db/shop.sql");
  CHECK(outline->tables[0].name == "customers");
  CHECK(outline->tables[0].columns.empty());
  CHECK(builder.facts().personal_tables["shopdb"] == 1);
}
