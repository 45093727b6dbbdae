#include "analysis/rule_engine.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "analysis/waivers.h"
#include "audit_fixtures.h"

using namespace gdpr;
using namespace gdpr::analysis;
using gdpr::testing::BuildShop;
using gdpr::testing::ShopInventory;

namespace {

ConditionScope Scope() {
  return {"", &gdpr::testing::TestTaxonomy(), &gdpr::testing::TestCountries(), &CheckRegistry::Builtins()};
}

const char* kPack = R"Y(pack: test
rules:
  - id: T-001
    title: Purpose on contract
    severity: high
    articles: ["Art. 6(1)"]
    fine_tier: "83(5)"
    applies_to: purpose
    when: { field: legal_basis, equals: contract }
    at: legal_basis
    message: "Purpose '{id}' uses {data_use} on legal basis {legal_basis}"
    remediation: "Fix {subject}"
  - id: T-002
    title: Health column
    severity: low
    articles: ["Art. 9(1)"]
    fine_tier: "83(5)"
    applies_to: column
    when: { field: special, equals: art9 }
    message: "Column {id} holds {categories}"
    remediation: "Declare it"
)Y";

}  // namespace

TEST_CASE("analysis::RuleSet loads a pack") {
  RuleSet set;
  model::Diagnostics diags;
  REQUIRE(set.AddPack(kPack, "rules/test.yaml", Scope(), diags));
  REQUIRE(set.rules().size() == 2);
  CHECK(set.Find("T-001")->severity == model::Severity::kHigh);
  CHECK(set.Find("T-001")->at == "legal_basis");
  CHECK_FALSE(set.AddPack(kPack, "rules/again.yaml", Scope(), diags));  // duplicate ids
  CHECK(diags.all()[0].message == "duplicate rule id 'T-001'");
}

TEST_CASE("analysis::RuleSet reports a broken pack at its line") {
  RuleSet set;
  model::Diagnostics diags;
  std::string broken = R"Y(rules:
  - id: B-001
    title: Broken
    severity: hihg
    articles: ["Art. 5"]
    fine_tier: "83(6)"
    applies_to: column
    when:
      field: name
      matches: "(?P<x"
    message: "Column {nmae}"
    remediation: ok
    colour: red
)Y";
  CHECK_FALSE(set.AddPack(broken, "rules/packs/broken.yaml", Scope(), diags));
  std::vector<std::string> got;
  for (const auto& d : diags.all()) got.push_back(d.location.ToString() + " " + d.message);
  REQUIRE(got.size() == 5);
  CHECK(got[0] == "rules/packs/broken.yaml:13:5 unknown rule field 'colour'");
  CHECK(got[1] == "rules/packs/broken.yaml:4:15 unknown severity 'hihg'");
  CHECK(got[2] == "rules/packs/broken.yaml:6:16 fine_tier is 83(4) or 83(5), not '83(6)'");
  CHECK(got[3].rfind("rules/packs/broken.yaml:10:16 invalid RE2 pattern", 0) == 0);
  CHECK(got[4] == "rules/packs/broken.yaml:11:14 unknown placeholder '{nmae}' in template");
  CHECK(set.rules().empty());
}

TEST_CASE("analysis::RunRules makes findings with locations and fingerprints") {
  RuleSet set;
  model::Diagnostics diags;
  REQUIRE(set.AddPack(kPack, "rules/test.yaml", Scope(), diags));
  model::Inventory inv = ShopInventory();
  AuditModel m = BuildShop(inv);
  std::vector<const Rule*> rules;
  for (const Rule& r : set.rules()) rules.push_back(&r);
  std::vector<model::Finding> findings = RunRules(rules, m);
  REQUIRE(findings.size() == 2);
  SortFindings(findings);
  const model::Finding& f = findings[0];
  CHECK(f.rule_id == "T-001");
  CHECK(f.message == "Purpose 'orders' uses essential.service on legal basis contract");
  CHECK(f.remediation == "Fix purpose:orders");
  CHECK(f.location.ToString() == "gdpr-audit.yaml:23:3");
  CHECK(f.related_purposes == std::vector<std::string>{"orders"});
  CHECK(f.fingerprint.size() == 16);
  CHECK(findings[1].subject.ToString() == "column:shopdb.customers.allergies");
  CHECK(findings[1].location.ToString() == "db/shop.sql:5");
  CHECK(findings[1].message == "Column shopdb.customers.allergies holds user.health_and_medical");

  // The fingerprint ignores the line, not the subject or the file.
  CHECK(Fingerprint("T-001", {"purpose", "orders"}, "a.yaml") == Fingerprint("T-001", {"purpose", "orders"}, "a.yaml"));
  CHECK(Fingerprint("T-001", {"purpose", "orders"}, "a.yaml") != Fingerprint("T-001", {"purpose", "order"}, "a.yaml"));
  CHECK(Fingerprint("T-001", {"purpose", "orders"}, "a.yaml") != Fingerprint("T-001", {"purpose", "orders"}, "b.yaml"));
  inv.purposes[0].field_locs.Set("legal_basis", {99, inv.purposes[0].At("legal_basis").column});
  AuditModel moved = BuildShop(inv);
  std::vector<model::Finding> again = RunRules({rules[0]}, moved);
  CHECK(again[0].location.line == 99);
  CHECK(again[0].fingerprint == f.fingerprint);
}

TEST_CASE("analysis::SortFindings orders by severity, path, line, rule") {
  std::vector<model::Finding> v(4);
  v[0].rule_id = "B-001"; v[0].severity = model::Severity::kLow; v[0].location = {"a.yaml", 1, 1};
  v[1].rule_id = "A-001"; v[1].severity = model::Severity::kHigh; v[1].location = {"b.yaml", 5, 1};
  v[2].rule_id = "A-002"; v[2].severity = model::Severity::kHigh; v[2].location = {"b.yaml", 2, 1};
  v[3].rule_id = "A-000"; v[3].severity = model::Severity::kHigh; v[3].location = {"b.yaml", 2, 1};
  SortFindings(v);
  CHECK(v[0].rule_id == "A-000");
  CHECK(v[1].rule_id == "A-002");
  CHECK(v[2].rule_id == "A-001");
  CHECK(v[3].rule_id == "B-001");
}

TEST_CASE("analysis::SortFindings is a stable sort: ties keep their order") {
  // Many ties (few distinct keys) and a message that tells the findings apart.
  std::vector<model::Finding> v(300);
  unsigned seed = 12345;
  auto next = [&seed](unsigned n) { return (seed = seed * 1103515245u + 12345u) / 65536u % n; };
  for (size_t i = 0; i < v.size(); ++i) {
    v[i].severity = next(2) ? model::Severity::kHigh : model::Severity::kLow;
    v[i].location = {next(2) ? "a.yaml" : "b.yaml", static_cast<int>(next(4)), 1};
    v[i].rule_id = next(2) ? "R-1" : "R-2";
    v[i].message = std::to_string(i);
  }
  std::vector<model::Finding> expected = v;
  std::stable_sort(expected.begin(), expected.end(), [](const model::Finding& a, const model::Finding& b) {
    return std::make_tuple(-static_cast<int>(a.severity), a.location.path, a.location.line, a.rule_id) <
           std::make_tuple(-static_cast<int>(b.severity), b.location.path, b.location.line, b.rule_id);
  });
  // Split into parts (as the audit's workers make them): sorting the parts as one list
  // keeps ties in the order of the parts concatenated.
  std::vector<std::vector<model::Finding>> parts(3);
  for (size_t i = 0; i < v.size(); ++i) parts[i < 100 ? 0 : i < 120 ? 1 : 2].push_back(v[i]);
  parts.push_back({});  // a worker that found nothing
  std::vector<model::Finding> merged = SortFindings(std::move(parts));
  SortFindings(v);
  REQUIRE(v.size() == expected.size());
  REQUIRE(merged.size() == expected.size());
  for (size_t i = 0; i < v.size(); ++i) {
    CHECK(v[i].message == expected[i].message);
    CHECK(merged[i].message == expected[i].message);
  }
}

TEST_CASE("analysis::ApplyWaivers suppresses until expiry") {
  std::vector<model::Finding> findings(2);
  findings[0].rule_id = "RET-001";
  findings[0].subject = {"purpose", "analytics"};
  findings[1].rule_id = "LAW-001";
  findings[1].subject = {"purpose", "analytics"};
  model::Waiver w;
  w.rule = "RET-*";
  w.subject = "purpose:analytics";
  w.reason = "agreed with the DPO";
  w.expires = "2027-03-01";
  model::Waiver unused;
  unused.rule = "DPIA-001";
  std::vector<model::Waiver> waivers = {w, unused};

  auto before = findings;
  auto statuses = ApplyWaivers(waivers, before, "2027-02-28");
  CHECK(before[0].suppressed);
  CHECK(before[0].suppression_reason == "agreed with the DPO");
  CHECK_FALSE(before[1].suppressed);
  CHECK_FALSE(statuses[0].expired);
  CHECK(statuses[0].matched == 1);
  CHECK(statuses[0].id == "RET-*@purpose:analytics");
  CHECK(statuses[1].matched == 0);

  auto after = findings;
  statuses = ApplyWaivers(waivers, after, "2027-03-01");  // expires on that day
  CHECK_FALSE(after[0].suppressed);
  CHECK(statuses[0].expired);
  CHECK(statuses[0].matched == 1);

  std::vector<SubjectRecord> subjects = WaiverSubjects(statuses);
  REQUIRE(subjects.size() == 2);
  CHECK(subjects[0].Get("expired").flag);
  CHECK(subjects[0].related_purposes == std::vector<std::string>{"analytics"});
  CHECK(subjects[1].Get("matched").number == 0);
}
