// Shared helpers for analysis tests: a small taxonomy, the real country table and a
// hand-built inventory (webshop in NL, mailer in the US, a health column).
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "analysis/audit_model.h"
#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "model/inventory.h"
#include "model/schema.h"

namespace gdpr::testing {

inline const analysis::Taxonomy& TestTaxonomy() {
  static const analysis::Taxonomy* t = [] {
    model::Diagnostics diags;
    auto tax = analysis::Taxonomy::Parse(R"(
data_categories:
  user: { description: User }
  user.name: { description: Name }
  user.name.first: { description: First name }
  user.contact: { description: Contact }
  user.contact.email: { description: Email }
  user.contact.address: { description: Address }
  user.health_and_medical: { description: Health, special: art9 }
  user.criminal_history: { description: Crime, special: art10 }
  user.government_id: { description: Gov id }
  user.government_id.national_identification_number: { description: BSN, special: national_id }
  user.childrens: { description: Children, children: true }
  user.behavior: { description: Behaviour }
  user.location: { description: Location }
  user.location.precise: { description: Precise location }
data_uses:
  essential: { description: Essential }
  essential.service: { description: Service }
  marketing: { description: Marketing }
  marketing.communications: { description: Comms }
  marketing.communications.email: { description: Email marketing }
  marketing.advertising: { description: Ads }
  analytics: { description: Analytics }
data_subjects:
  customer: { description: Customer }
  employee: { description: Employee, vulnerable: true }
)", "test-taxonomy.yaml", diags);
    REQUIRE(tax);
    return new analysis::Taxonomy(std::move(*tax));
  }();
  return *t;
}

inline const analysis::CountryTable& TestCountries() {
  static const analysis::CountryTable* c = [] {
    model::Diagnostics diags;
    auto table = analysis::CountryTable::LoadFile(std::string(GDPR_SOURCE_DIR) + "/rules/countries.yaml", diags);
    REQUIRE(table);
    return new analysis::CountryTable(std::move(*table));
  }();
  return *c;
}

inline model::SourceLocation Loc(int line) { return {"gdpr-audit.yaml", line, 3}; }

// webshop (NL, controller, datastore shopdb) and mailer (US processor); purposes
// orders (contract) and newsletter (consent); a flow webshop -> mailer.
inline model::Inventory ShopInventory() {
  model::Inventory inv;
  model::System webshop;
  webshop.id = "webshop";
  webshop.loc = Loc(5);
  webshop.country = "NL";
  webshop.responsibility = model::Responsibility::kController;
  model::Datastore db;
  db.id = "shopdb";
  db.system_id = "webshop";
  db.loc = Loc(9);
  webshop.datastores.push_back(db);
  model::System mailer;
  mailer.id = "mailer";
  mailer.loc = Loc(12);
  mailer.country = "US";
  mailer.responsibility = model::Responsibility::kProcessor;
  inv.systems = {webshop, mailer};

  model::Purpose orders;
  orders.id = "orders";
  orders.loc = Loc(20);
  orders.SetFieldLoc("legal_basis", Loc(23));
  orders.data_use = "essential.service";
  orders.legal_basis = "contract";
  orders.data_categories = {"user.name", "user.contact"};
  orders.systems = {"webshop"};
  orders.retention = model::Retention{};
  orders.retention->text = "P7Y";
  orders.retention->period = util::ParseIsoDuration("P7Y");
  model::Purpose newsletter;
  newsletter.id = "newsletter";
  newsletter.loc = Loc(30);
  newsletter.data_use = "marketing.communications.email";
  newsletter.legal_basis = "consent";
  newsletter.data_categories = {"user.contact.email", "user.name.first"};
  newsletter.systems = {"webshop", "mailer"};
  newsletter.retention = model::Retention{};
  newsletter.retention->text = "P30D";
  newsletter.retention->period = util::ParseIsoDuration("P30D");
  inv.purposes = {orders, newsletter};

  model::Flow flow;
  flow.id = "newsletter-sync";
  flow.loc = Loc(40);
  flow.from = "webshop";
  flow.to = "mailer";
  flow.purpose = "newsletter";
  flow.data_categories = {"user.contact.email", "user.name.first"};
  inv.flows = {flow};
  return inv;
}

inline std::shared_ptr<model::Schema> ShopSchema() {
  auto schema = std::make_shared<model::Schema>();
  schema->path = "db/shop.sql";
  model::Table customers;
  customers.name = "customers";
  customers.line = 1;
  int line = 2;
  for (const char* name : {"id", "email", "first_name", "allergies", "created_at"}) {
    model::Column c;
    c.name = name;
    c.type = "text";
    c.line = line++;
    customers.columns.push_back(c);
  }
  model::Table products;
  products.name = "products";
  products.line = 10;
  model::Column price;
  price.name = "price";
  price.line = 11;
  products.columns.push_back(price);
  schema->tables = {customers, products};
  return schema;
}

// A classifier stand-in: email, first_name and allergies by name.
inline std::shared_ptr<const analysis::ColumnVerdict> FakeClassify(const model::Table&, const model::Column& c) {
  auto v = std::make_shared<analysis::ColumnVerdict>();
  if (c.name == "email") v->categories = {"user.contact.email"};
  if (c.name == "first_name") v->categories = {"user.name.first"};
  if (c.name == "allergies") v->categories = {"user.health_and_medical"};
  return v;
}

inline analysis::AuditModel BuildShop(const model::Inventory& inv) {
  analysis::SchemaMap schemas{{"shopdb", ShopSchema()}};
  return analysis::AuditModel::Build(inv, schemas, TestTaxonomy(), TestCountries(), FakeClassify);
}

inline const analysis::SubjectRecord* FindSubject(const analysis::AuditModel& m, const std::string& kind,
                                                  const std::string& id) {
  for (const auto& s : m.Subjects(kind))
    if (s.subject.id == id) return &s;
  return nullptr;
}

}  // namespace gdpr::testing
