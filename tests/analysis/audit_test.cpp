#include "analysis/audit.h"

#include "analysis/rule_fixtures.h"

#include <fstream>
#include <iterator>
#include "audit_fixtures.h"

using namespace gdpr;
using namespace gdpr::analysis;

namespace {

const char* kPack = R"Y(rules:
  - id: N-001
    title: No notice
    severity: medium
    articles: ["Art. 13(1)"]
    fine_tier: "83(5)"
    applies_to: purpose
    when: { field: privacy_notice, missing: true }
    message: "Purpose '{id}' has no notice"
    remediation: Write one.
    fixtures:
      - { expect: fire, subject: "purpose:orders", declarations: "orders" }
      - { expect: pass, declarations: "none" }
  - id: W-001
    title: Expired waiver
    severity: low
    articles: ["Art. 5(2)"]
    fine_tier: "83(5)"
    applies_to: waiver
    when: { field: expired, equals: true }
    message: "Waiver {id} expired"
    remediation: Renew it.
    fixtures:
      - { expect: fire, declarations: "orders" }
)Y";

RuleSet Rules() {
  RuleSet set;
  model::Diagnostics diags;
  ConditionScope scope{"", &gdpr::testing::TestTaxonomy(), &gdpr::testing::TestCountries(),
                       &CheckRegistry::Builtins()};
  REQUIRE(set.AddPack(kPack, "pack.yaml", scope, diags));
  return set;
}

AuditInputs Inputs(const std::string& expires) {
  auto inv = std::make_shared<model::Inventory>(gdpr::testing::ShopInventory());
  model::Waiver w;
  w.rule = "N-*";
  w.subject = "purpose:orders";
  w.reason = "notice in review";
  w.expires = expires;
  w.loc = gdpr::testing::Loc(60);
  inv->waivers.push_back(w);
  AuditInputs inputs;
  inputs.inventory = inv;
  return inputs;
}

// A pack with C-001 (personal columns no purpose covers) and `more` rules after it.
RuleSet ColumnRulesAnd(const std::string& more) {
  RuleSet set;
  model::Diagnostics diags;
  ConditionScope scope{"", &gdpr::testing::TestTaxonomy(), &gdpr::testing::TestCountries(),
                       &CheckRegistry::Builtins()};
  REQUIRE(set.AddPack("rules:\n"
                      "  - id: C-001\n"
                      "    title: Uncovered\n"
                      "    severity: medium\n"
                      "    articles: [\"Art. 30(1)(c)\"]\n"
                      "    fine_tier: \"83(4)\"\n"
                      "    applies_to: column\n"
                      "    when: { all: [ { field: personal, equals: true }, { field: covered, equals: false } ] }\n"
                      "    message: \"Column {id} is not covered\"\n"
                      "    remediation: Declare it.\n" + more,
                      "pack.yaml", scope, diags));
  return set;
}

}  // namespace

TEST_CASE("analysis::RunAudit applies waivers and reports expired ones") {
  RuleSet rules = Rules();
  AuditContext context{gdpr::testing::TestTaxonomy(), gdpr::testing::TestCountries(), {}};
  AuditOptions options;
  options.today = "2026-05-01";
  options.estimate_fines = false;

  model::Report valid = RunAudit(Inputs("2026-06-01"), rules, context, options);
  REQUIRE(valid.findings.size() == 2);  // orders and newsletter lack a notice
  for (const auto& f : valid.findings) CHECK(f.rule_id == "N-001");
  CHECK(valid.findings[0].subject.id == "orders");
  CHECK(valid.findings[0].suppressed);
  CHECK(valid.findings[0].suppression_reason == "notice in review");
  CHECK_FALSE(valid.findings[1].suppressed);

  model::Report expired = RunAudit(Inputs("2026-04-01"), rules, context, options);
  REQUIRE(expired.findings.size() == 3);
  CHECK(expired.findings[0].rule_id == "N-001");  // medium before low
  CHECK_FALSE(expired.findings[0].suppressed);
  CHECK(expired.findings[2].rule_id == "W-001");
  CHECK(expired.findings[2].subject.ToString() == "waiver:N-*@purpose:orders");
  CHECK(expired.findings[2].location.line == 60);
}

TEST_CASE("analysis::RunFixtures checks fire and pass cases") {
  RuleSet rules = Rules();
  AuditContext context{gdpr::testing::TestTaxonomy(), gdpr::testing::TestCountries(), {}};
  // A fake loader: the declarations text says which inventory to use.
  FixtureLoader loader = [](const std::string& dir, model::Diagnostics&) -> std::optional<AuditInputs> {
    std::ifstream in(dir + "/gdpr-audit.yaml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    AuditInputs inputs;
    auto inv = std::make_shared<model::Inventory>();
    if (text == "orders") *inv = gdpr::testing::ShopInventory();
    inputs.inventory = inv;
    return inputs;
  };
  std::vector<FixtureResult> results = RunFixtures(rules, context, loader);
  REQUIRE(results.size() == 4);
  CHECK(results[0].passed);
  CHECK(results[1].passed);
  CHECK_FALSE(results[2].passed);  // W-001: no waiver in the inventory, so it does not fire
  CHECK(results[2].detail == "expected a finding, got no W-001 finding");
  CHECK_FALSE(results[3].passed);
  CHECK(results[3].detail == "no fixture with expect: pass");
}

TEST_CASE("analysis::RunAudit gives the same report on one thread and on several") {
  // Forty systems with a schema each, so the column pass has work to spread.
  auto inv = std::make_shared<model::Inventory>(gdpr::testing::ShopInventory());
  AuditInputs inputs;
  for (int i = 0; i < 40; ++i) {
    model::System s = inv->systems[0];
    s.id = "shop-" + std::to_string(i);
    s.datastores[0].id = "db-" + std::to_string(i);
    s.datastores[0].system_id = s.id;
    inv->systems.push_back(s);
    inputs.schemas[s.datastores[0].id] = gdpr::testing::ShopSchema();
    if (i % 3 == 0) inv->purposes[0].systems.push_back(s.id);  // some columns covered
  }
  inv->BuildIndex();
  inputs.inventory = inv;
  RuleSet rules = ColumnRulesAnd(R"Y(
  - id: T-001
    title: Personal table
    severity: low
    articles: ["Art. 30(1)(c)"]
    fine_tier: "83(4)"
    applies_to: table
    when: { field: personal, equals: true }
    message: "Table {id}"
    remediation: Know it.
)Y");
  AuditContext context{gdpr::testing::TestTaxonomy(), gdpr::testing::TestCountries(), gdpr::testing::FakeClassify};
  AuditOptions options;
  auto fingerprints = [&](const char* threads) {
    setenv("GDPR_AUDIT_THREADS", threads, 1);
    model::Report report = RunAudit(inputs, rules, context, options);
    unsetenv("GDPR_AUDIT_THREADS");
    std::vector<std::string> out;
    for (const auto& f : report.findings) out.push_back(f.rule_id + " " + f.subject.ToString() + " " + f.message);
    return out;
  };
  std::vector<std::string> one = fingerprints("1");
  CHECK(one.size() > 80);  // 27 uncovered systems x 3 columns + 41 tables
  CHECK(fingerprints("4") == one);
}

TEST_CASE("analysis::RunAudit audits a deferred schema like a loaded one") {
  RuleSet rules = ColumnRulesAnd(R"Y(
  - id: D-001
    title: Store with tables
    severity: low
    articles: ["Art. 30(1)(c)"]
    fine_tier: "83(4)"
    applies_to: datastore
    when: { field: tables, greater_than: 1 }
    message: "Datastore {id} has {tables} tables"
    remediation: Know them.
)Y");
  AuditContext context{gdpr::testing::TestTaxonomy(), gdpr::testing::TestCountries(), gdpr::testing::FakeClassify};
  auto messages = [&](const AuditInputs& inputs) {
    std::vector<std::string> out;
    for (const auto& f : RunAudit(inputs, rules, context, {}).findings) out.push_back(f.message);
    return out;
  };
  AuditInputs loaded, deferred;
  loaded.inventory = deferred.inventory = std::make_shared<model::Inventory>(gdpr::testing::ShopInventory());
  loaded.schemas["shopdb"] = gdpr::testing::ShopSchema();
  deferred.deferred_schemas["shopdb"] = [] { return std::shared_ptr<const model::Schema>(gdpr::testing::ShopSchema()); };
  std::vector<std::string> expected = messages(loaded);
  CHECK(expected == std::vector<std::string>{"Column shopdb.customers.allergies is not covered",
                                             "Datastore shopdb has 2 tables"});
  CHECK(messages(deferred) == expected);
}
