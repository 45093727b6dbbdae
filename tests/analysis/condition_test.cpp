#include "analysis/condition.h"

#include "audit_fixtures.h"
#include "load/yaml_parser.h"

using namespace gdpr;
using namespace gdpr::analysis;
using gdpr::testing::BuildShop;
using gdpr::testing::FindSubject;
using gdpr::testing::ShopInventory;

namespace {

std::optional<Condition> Compile(const std::string& yaml, const std::string& kind, model::Diagnostics& diags) {
  auto node = load::ParseYaml(yaml, "pack.yaml", diags);
  REQUIRE(node);
  ConditionScope scope{kind, &gdpr::testing::TestTaxonomy(), &gdpr::testing::TestCountries(),
                       &CheckRegistry::Builtins()};
  return Condition::Parse(*node, scope, diags);
}

bool Holds(const std::string& yaml, const std::string& kind, const std::string& id, Captures* out = nullptr) {
  static const model::Inventory inv = ShopInventory();
  static const AuditModel m = BuildShop(inv);
  model::Diagnostics diags;
  auto c = Compile(yaml, kind, diags);
  REQUIRE_MESSAGE(c, yaml);
  const SubjectRecord* s = FindSubject(m, kind, id);
  REQUIRE(s);
  Captures captures;
  bool result = c->Evaluate(*s, m, captures);
  if (out) *out = captures;
  return result;
}

}  // namespace

TEST_CASE("analysis::Condition field comparisons") {
  CHECK(Holds("{field: legal_basis, equals: contract}", "purpose", "orders"));
  CHECK_FALSE(Holds("{field: legal_basis, equals: consent}", "purpose", "orders"));
  CHECK(Holds("{field: legal_basis, in: [consent, contract]}", "purpose", "orders"));
  CHECK(Holds("{field: legal_basis, not_in: [consent]}", "purpose", "orders"));
  CHECK(Holds("{field: dpia, missing: true}", "purpose", "orders"));
  CHECK(Holds("{field: dpia, exists: false}", "purpose", "orders"));
  CHECK_FALSE(Holds("{field: dpia, equals: x}", "purpose", "orders"));
  CHECK_FALSE(Holds("{field: dpia, not_equals: x}", "purpose", "orders"));  // missing: false
  CHECK(Holds("{field: data_use, under: marketing}", "purpose", "newsletter"));
  CHECK_FALSE(Holds("{field: data_use, under: marketing}", "purpose", "orders"));
  CHECK(Holds("{field: categories, under: user.contact}", "purpose", "newsletter"));
  CHECK(Holds("{field: categories, all_under: [user.contact, user.name]}", "purpose", "newsletter"));
  CHECK_FALSE(Holds("{field: categories, all_under: [user.contact]}", "purpose", "newsletter"));
  CHECK(Holds("{field: categories, not_under: user.health_and_medical}", "purpose", "newsletter"));
  CHECK(Holds("{field: retention, longer_than: P2Y}", "purpose", "orders"));
  CHECK_FALSE(Holds("{field: retention, longer_than: P7Y}", "purpose", "orders"));
  CHECK(Holds("{field: retention, shorter_than: P1M}", "purpose", "newsletter"));
  CHECK(Holds("{field: country, in: [US, CN]}", "system", "mailer"));
  CHECK(Holds("{field: zone, equals: adequate}", "system", "mailer"));
  CHECK(Holds("{field: requires_dpf, equals: true}", "system", "mailer"));
  CHECK(Holds("{field: name, matches: '^(created|updated)_at$'}", "column", "shopdb.customers.created_at"));
  CHECK_FALSE(Holds("{field: name, matches: '^(created|updated)_at$'}", "column", "shopdb.customers.email"));
  CHECK(Holds("{field: column_names, matches: '_at$'}", "table", "shopdb.customers"));
  CHECK(Holds("{field: flows_in, at_least: 1}", "system", "mailer"));
  CHECK_FALSE(Holds("{field: flows_in, greater_than: 1}", "system", "mailer"));
}

TEST_CASE("analysis::Condition trees, at_least and limits") {
  CHECK(Holds("all: [{field: legal_basis, equals: contract}, {field: dpia, missing: true}]", "purpose", "orders"));
  CHECK_FALSE(Holds("all: [{field: legal_basis, equals: contract}, {field: dpia, exists: true}]", "purpose", "orders"));
  CHECK(Holds("any: [{field: legal_basis, equals: consent}, {field: dpia, missing: true}]", "purpose", "orders"));
  CHECK(Holds("not: {field: legal_basis, equals: consent}", "purpose", "orders"));

  Captures captures;
  CHECK(Holds(R"(
at_least: 2
of:
  - {label: contract, field: legal_basis, equals: contract}
  - {label: no dpia, field: dpia, missing: true}
  - {label: marketing, field: data_use, under: marketing}
)", "purpose", "orders", &captures));
  CHECK(captures["matched"] == "contract; no dpia");
  CHECK_FALSE(Holds("{at_least: 3, of: [{field: legal_basis, equals: contract}, {field: dpia, missing: true}]}",
                    "purpose", "orders"));

  const char* limits = "{field: retention, longer_than_limit: {by: data_use, limits: {essential: P10Y, essential.service: P5Y}}}";
  CHECK(Holds(limits, "purpose", "orders", &captures));  // the most specific key decides
  CHECK(captures["limit"] == "P5Y");
  CHECK(captures["limit_key"] == "essential.service");
  CHECK_FALSE(Holds("{field: retention, longer_than_limit: {by: data_use, limits: {marketing: P1D}}}",
                    "purpose", "orders"));
}

TEST_CASE("analysis::Condition compile errors carry their location") {
  model::Diagnostics diags;
  CHECK_FALSE(Compile("field: legal_bases\nequals: contract\n", "purpose", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message == "unknown field 'legal_bases' for a purpose");
  CHECK(diags.all()[0].hint == "did you mean 'legal_basis'?");
  CHECK(diags.all()[0].location.line == 1);

  model::Diagnostics d2;
  CHECK_FALSE(Compile("all:\n  - field: name\n    matches: '(unclosed'\n", "column", d2));
  REQUIRE(d2.all().size() == 1);
  CHECK(d2.all()[0].message.find("invalid RE2 pattern") == 0);
  CHECK(d2.all()[0].location.line == 3);
  CHECK(d2.all()[0].location.column == 14);

  model::Diagnostics d3;
  CHECK_FALSE(Compile("{field: categories, under: user.helth}", "purpose", d3));
  REQUIRE(d3.all().size() == 1);
  CHECK(d3.all()[0].message == "unknown data category 'user.helth'");

  model::Diagnostics d4;
  CHECK_FALSE(Compile("{field: retention, longer_than: 2 years}", "purpose", d4));
  model::Diagnostics d5;
  CHECK_FALSE(Compile("{field: legal_basis, under: marketing}", "purpose", d5));  // not a taxonomy field
  model::Diagnostics d6;
  CHECK_FALSE(Compile("{field: zone, equals: europe}", "system", d6));
  model::Diagnostics d7;
  CHECK_FALSE(Compile("{fild: zone, equals: eea}", "system", d7));
  CHECK(d7.all()[0].hint == "did you mean 'field'?");
  model::Diagnostics d8;
  CHECK_FALSE(Compile("{check: no_such_check}", "purpose", d8));
}

TEST_CASE("analysis::Condition matches gives the same answer however often an item repeats") {
  // Results are remembered per pattern and item: patterns compiled one after another
  // (and dropped, so that a new one may take an old one's address) must not share them.
  for (int round = 0; round < 40; ++round) {
    CHECK(Holds("{field: name, matches: '_at$'}", "column", "shopdb.customers.created_at"));
    CHECK_FALSE(Holds("{field: name, matches: '^email'}", "column", "shopdb.customers.created_at"));
    CHECK(Holds("{field: name, matches: '^email'}", "column", "shopdb.customers.email"));
    CHECK_FALSE(Holds("{field: name, matches: '_at$'}", "column", "shopdb.customers.email"));
  }
}
