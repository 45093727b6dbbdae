#include "analysis/fine_estimator.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace gdpr::analysis;
using gdpr::model::Finding;
using gdpr::model::Inventory;
using gdpr::model::Report;
using gdpr::model::Severity;

namespace {

const char* kTaxonomy = R"(
data_categories:
  user: { description: A person }
  user.name: { description: Name }
  user.contact: { description: Contact }
  user.contact.email: { description: E-mail }
  user.financial: { description: Money, distress: true }
  user.financial.bank_account: { description: IBAN }
  user.government_id: { description: Ids }
  user.government_id.national_identification_number: { description: BSN, special: national_id }
  user.health_and_medical: { description: Health, special: art9 }
  user.childrens: { description: About children, children: true }
data_uses:
  essential: Essential
  essential.service: Service
  marketing: Marketing
  marketing.communications: Communications
  marketing.communications.email: E-mail
  marketing.advertising: { description: Ads, monitoring: true }
data_subjects:
  customer: A customer
  employee: { description: An employee, vulnerable: true }
  patient: { description: A patient, vulnerable: true }
child_subject_words: [child, pupil]
)";

Taxonomy MakeTaxonomy() {
  gdpr::model::Diagnostics diags;
  auto t = Taxonomy::Parse(kTaxonomy, "test-taxonomy.yaml", diags);
  REQUIRE(t);
  return *t;
}

gdpr::model::Purpose MakePurpose(std::string id, std::string use,
                                 std::vector<std::string> categories,
                                 std::optional<int64_t> count = std::nullopt) {
  gdpr::model::Purpose p;
  p.id = std::move(id);
  p.data_use = std::move(use);
  p.data_categories = std::move(categories);
  p.data_subjects = {"customer"};
  p.subjects_count = count;
  return p;
}

// The sample shop of the declarations spec: EUR 48M turnover, orders and newsletter.
Inventory ShopInventory() {
  Inventory inv;
  gdpr::model::Organization org;
  org.name = "Bakkerij de Balans B.V.";
  org.annual_turnover_eur = 48'000'000;
  inv.organization = org;
  inv.purposes.push_back(
      MakePurpose("orders", "essential.service", {"user.name", "user.contact.email"}, 120'000));
  inv.purposes.push_back(
      MakePurpose("newsletter", "marketing.communications.email", {"user.contact.email"}, 120'000));
  gdpr::model::Flow flow;
  flow.id = "newsletter-sync";
  flow.from = "webshop";
  flow.to = "mailer";
  flow.purpose = "newsletter";
  flow.data_categories = {"user.contact.email"};
  inv.flows.push_back(flow);
  return inv;
}

Finding MakeFinding(std::string rule, std::string tier, std::string kind, std::string id,
                    Severity severity = Severity::kHigh, std::vector<std::string> purposes = {}) {
  Finding f;
  f.rule_id = rule;
  f.fine_tier = std::move(tier);
  f.severity = severity;
  f.subject = {std::move(kind), std::move(id)};
  f.related_purposes = std::move(purposes);
  f.fingerprint = "fp-" + rule;
  return f;
}

const gdpr::model::ConductExposure* FindConduct(const Report& r, const std::string& id) {
  for (const auto& c : r.exposure.conducts) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

bool AnyContains(const std::vector<std::string>& lines, const std::string& needle) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("analysis::FineEstimator worked example: the sample shop's marketing finding") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();
  Report report;
  report.findings.push_back(MakeFinding("CONSENT-001", "83(5)", "purpose", "newsletter"));
  EstimateFines(report, inv, tax, {});

  const Finding& f = report.findings[0];
  REQUIRE(f.fine);
  CHECK(f.fine->tier == "83(5)");
  CHECK(f.fine->legal_max_eur == 20'000'000);  // 4 % x 48M = 1.92M < 20M
  CHECK(f.fine->seriousness == "medium");      // 83(5) +2, 120,000 people +2, high +2 = 6
  CHECK(f.fine->turnover_band == "EUR 10M-50M");
  CHECK(f.fine->low_eur == 30'000);    // 10 % x 20M x 1.5 %
  CHECK(f.fine->high_eur == 400'000);  // 20 % x 20M x 10 %
  CHECK(f.fine->conduct == "purpose:newsletter");
  CHECK(report.exposure.organization_max_eur == 20'000'000);
  CHECK(report.exposure.low_eur == 30'000);
  CHECK(report.exposure.high_eur == 400'000);
  REQUIRE(report.exposure.conducts.size() == 1);
  CHECK(report.exposure.conducts[0].findings == std::vector<std::string>{"fp-CONSENT-001"});
  CHECK(AnyContains(
      report.exposure.conducts[0].reasoning,
      "range: 10-20 % of EUR 20,000,000 (para 60) = EUR 2,000,000 to EUR 4,000,000; "
      "turnover band EUR 10M-50M x 1.5-10 % (paras 64-66) = EUR 30,000 to EUR 400,000"));
}

TEST_CASE("analysis::FineEstimator groups a purpose, its flow and its columns into one conduct") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();
  Report report;
  report.findings.push_back(MakeFinding("CONSENT-001", "83(5)", "purpose", "newsletter"));
  report.findings.push_back(MakeFinding("XFER-001", "83(5)", "flow", "newsletter-sync"));
  report.findings.push_back(MakeFinding("COL-001", "83(4)", "column", "shopdb.customers.email",
                                        Severity::kMedium, {"newsletter"}));
  report.findings.push_back(MakeFinding("DPA-001", "83(4)", "system", "mailer", Severity::kMedium));
  report.findings.push_back(MakeFinding("DPA-002", "83(4)", "system", "mailer", Severity::kLow));
  report.findings.push_back(
      MakeFinding("ORG-001", "83(4)", "organization", "shop", Severity::kLow));
  EstimateFines(report, inv, tax, {});

  REQUIRE(report.exposure.conducts.size() == 3);
  const auto* newsletter = FindConduct(report, "purpose:newsletter");
  const auto* mailer = FindConduct(report, "system:mailer");
  const auto* org = FindConduct(report, "organization:shop");
  REQUIRE(newsletter);
  REQUIRE(mailer);
  REQUIRE(org);
  CHECK(newsletter->findings ==
        std::vector<std::string>{"fp-CONSENT-001", "fp-XFER-001", "fp-COL-001"});
  CHECK(mailer->findings == std::vector<std::string>{"fp-DPA-001", "fp-DPA-002"});
  CHECK(report.findings[1].fine->conduct == "purpose:newsletter");
  CHECK(report.findings[2].fine->conduct == "purpose:newsletter");
  CHECK(report.findings[4].fine->conduct == "system:mailer");

  // Separate conducts add up.
  int64_t low = 0, high = 0;
  for (const auto& c : report.exposure.conducts) {
    low += c.low_eur;
    high += c.high_eur;
  }
  CHECK(report.exposure.low_eur == low);
  CHECK(report.exposure.high_eur == high);
  CHECK(report.exposure.high_eur == newsletter->high_eur + mailer->high_eur + org->high_eur);
  // Sorted by high end, largest first, then id.
  for (size_t i = 1; i < report.exposure.conducts.size(); ++i) {
    const auto& a = report.exposure.conducts[i - 1];
    const auto& b = report.exposure.conducts[i];
    CHECK((a.high_eur > b.high_eur || (a.high_eur == b.high_eur && a.id < b.id)));
  }
}

TEST_CASE("analysis::FineEstimator caps a conduct at its gravest legal maximum") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();
  inv.organization->annual_turnover_eur = 1'000'000'000;  // dynamic maxima: 20M and 40M
  Report report;
  report.findings.push_back(
      MakeFinding("SEC-001", "83(4)", "purpose", "orders", Severity::kCritical));
  report.findings.push_back(
      MakeFinding("LAW-001", "83(5)", "purpose", "orders", Severity::kCritical));
  report.findings.push_back(
      MakeFinding("DPIA-001", "83(4)", "purpose", "orders", Severity::kCritical));
  EstimateFines(report, inv, tax, {});

  REQUIRE(report.exposure.conducts.size() == 1);
  const auto& c = report.exposure.conducts[0];
  CHECK(c.tier == "83(5)");
  CHECK(c.legal_max_eur == 40'000'000);  // the gravest maximum, not 20M + 40M + 20M
  CHECK(c.high_eur <= 40'000'000);
  StartingPoint expected =
      ComputeStartingPoint(FineTier::k83_5, ParseSeriousness(c.seriousness), 1'000'000'000);
  CHECK(c.low_eur == expected.adjusted.low_eur);
  CHECK(c.high_eur == expected.adjusted.high_eur);
  // Every finding, the 83(4) ones included, shows the conduct's cap and range.
  for (const Finding& f : report.findings) {
    REQUIRE(f.fine);
    CHECK(f.fine->tier == "83(5)");
    CHECK(f.fine->legal_max_eur == 40'000'000);
    CHECK(f.fine->high_eur == c.high_eur);
    CHECK(f.fine->turnover_band == "> EUR 500M");
  }
  CHECK(report.exposure.high_eur == c.high_eur);  // one conduct: counted once
  CHECK(report.exposure.organization_max_eur == 40'000'000);

  // An 83(4)-only conduct is capped at the 83(4) maximum.
  Report only4;
  only4.findings.push_back(
      MakeFinding("SEC-001", "83(4)", "purpose", "orders", Severity::kCritical));
  EstimateFines(only4, inv, tax, {});
  CHECK(only4.exposure.conducts[0].legal_max_eur == 20'000'000);
  CHECK(only4.exposure.conducts[0].tier == "83(4)");
}

TEST_CASE("analysis::FineEstimator links purposes transitively") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();
  Report report;
  report.findings.push_back(
      MakeFinding("A", "83(5)", "column", "db.t.c", Severity::kHigh, {"orders", "newsletter"}));
  report.findings.push_back(MakeFinding("B", "83(5)", "purpose", "orders"));
  report.findings.push_back(MakeFinding("C", "83(4)", "flow", "newsletter-sync"));
  EstimateFines(report, inv, tax, {});
  REQUIRE(report.exposure.conducts.size() == 1);
  CHECK(report.exposure.conducts[0].id == "purpose:newsletter+orders");
  CHECK(report.exposure.conducts[0].findings.size() == 3);
}

TEST_CASE("analysis::FineEstimator leaves waived and untiered findings out") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();
  Report report;
  report.findings.push_back(MakeFinding("CONSENT-001", "83(5)", "purpose", "newsletter"));
  Finding waived = MakeFinding("RET-001", "83(5)", "purpose", "orders", Severity::kCritical);
  waived.suppressed = true;
  waived.fine = gdpr::model::FineEstimate{};  // a stale estimate must be cleared
  report.findings.push_back(waived);
  report.findings.push_back(MakeFinding("INFO-001", "", "system", "webshop", Severity::kInfo));
  EstimateFines(report, inv, tax, {});

  CHECK_FALSE(report.findings[1].fine);
  CHECK_FALSE(report.findings[2].fine);
  REQUIRE(report.exposure.conducts.size() == 1);
  CHECK(report.exposure.conducts[0].id == "purpose:newsletter");
  CHECK(report.exposure.high_eur == 400'000);
  CHECK(AnyContains(report.exposure.assumptions, "1 waived finding(s) carry no exposure"));
  CHECK(AnyContains(report.exposure.assumptions, "1 finding(s) without an Art. 83(4)/(5) tier"));

  // Everything waived: no exposure at all, but the organisation maximum is still stated.
  report.findings[0].suppressed = true;
  EstimateFines(report, inv, tax, {});
  CHECK(report.exposure.conducts.empty());
  CHECK(report.exposure.low_eur == 0);
  CHECK(report.exposure.high_eur == 0);
  CHECK(report.exposure.organization_max_eur == 20'000'000);
}

TEST_CASE("analysis::FineEstimator turnover: override, declarations, unknown") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();
  Report report;
  report.findings.push_back(MakeFinding("CONSENT-001", "83(5)", "purpose", "newsletter"));

  SUBCASE("--turnover overrides the declared EUR 48M") {
    EstimateFines(report, inv, tax, {.turnover_override = 1'000'000'000});
    CHECK(report.exposure.organization_max_eur == 40'000'000);
    CHECK(report.findings[0].fine->legal_max_eur == 40'000'000);
    CHECK(report.findings[0].fine->turnover_band == "> EUR 500M");
    CHECK(report.findings[0].fine->low_eur == 4'000'000);  // medium: 10-20 % of 40M
    CHECK(report.findings[0].fine->high_eur == 8'000'000);
    CHECK(AnyContains(report.exposure.assumptions, "EUR 1,000,000,000 given with --turnover"));
    CHECK(AnyContains(report.exposure.assumptions, "no size adjustment (para 66)"));
  }
  SUBCASE("the declared turnover") {
    EstimateFines(report, inv, tax, {});
    CHECK(AnyContains(
        report.exposure.assumptions,
        "Turnover EUR 48,000,000 from the declarations (organization.annual_turnover_eur)"));
  }
  SUBCASE("unknown turnover: static maximum, no size adjustment, and the assumption says so") {
    inv.organization->annual_turnover_eur.reset();
    EstimateFines(report, inv, tax, {});
    CHECK(report.exposure.organization_max_eur == 20'000'000);
    CHECK(report.findings[0].fine->turnover_band == "unknown");
    CHECK(report.findings[0].fine->low_eur == 2'000'000);
    CHECK(report.findings[0].fine->high_eur == 4'000'000);
    CHECK(AnyContains(report.exposure.assumptions, "Turnover unknown"));
    CHECK(AnyContains(report.exposure.conducts[0].reasoning, "no size adjustment"));
  }
  SUBCASE("no organisation at all") {
    inv.organization.reset();
    EstimateFines(report, inv, tax, {});
    CHECK(report.exposure.organization_max_eur == 20'000'000);
    CHECK(AnyContains(report.exposure.assumptions, "Turnover unknown"));
  }
  // Always stated, whatever the turnover.
  CHECK(AnyContains(report.exposure.assumptions, "Art. 83(2)(c)-(k)"));
  CHECK(AnyContains(report.exposure.assumptions, "step-5"));
  CHECK(AnyContains(report.exposure.assumptions, "not legal advice"));
}

TEST_CASE("analysis::FineEstimator seriousness reasoning, factor by factor") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();

  SUBCASE("a grave conduct scores high") {
    gdpr::model::Purpose p = MakePurpose("care", "essential.service",
                                         {"user.health_and_medical", "user.childrens"}, 2'000'000);
    p.automated_decisions = true;
    p.data_subjects = {"patient"};
    inv.purposes.push_back(p);
    Report report;
    report.findings.push_back(
        MakeFinding("ART9-001", "83(5)", "purpose", "care", Severity::kCritical));
    EstimateFines(report, inv, tax, {});
    const auto& c = report.exposure.conducts[0];
    CHECK(c.seriousness == "high");
    const auto& r = c.reasoning;
    CHECK(AnyContains(r, "nature of the rule (Art. 83(2)(a), para 53): Art. 83(5) provision"));
    CHECK(AnyContains(r,
                      "categories of data (Art. 83(2)(g), paras 57-58): Art. 9 special category "
                      "(user.health_and_medical) (+3)"));
    CHECK(AnyContains(r, "number of people (para 54): about 2,000,000 people (purpose care) (+3)"));
    CHECK(AnyContains(
        r,
        "profiling or monitoring (para 54): automated decisions (Art. 22) in purpose care (+2)"));
    CHECK(AnyContains(r, "vulnerable people (para 54): children (user.childrens) (+2)"));
    CHECK(AnyContains(r,
                      "centrality of the purpose (para 54): core business (essential.service in "
                      "purpose care) (+1)"));
    CHECK(AnyContains(r, "severity of the findings: gravest finding is critical (+3)"));
    CHECK(AnyContains(r, "score 16 of 16 -> high"));
  }
  SUBCASE("an organisational lapse with nothing declared scores low") {
    Report report;
    report.findings.push_back(
        MakeFinding("DPO-001", "83(4)", "organization", "shop", Severity::kMedium));
    EstimateFines(report, inv, tax, {});
    const auto& c = report.exposure.conducts[0];
    CHECK(c.seriousness == "low");
    CHECK(AnyContains(c.reasoning, "Art. 83(4) obligations only"));
    CHECK(AnyContains(c.reasoning, "number of people not declared"));
    CHECK(AnyContains(c.reasoning, "score 1 of 16 -> low"));
    CHECK(c.low_eur == 0);
    CHECK(c.high_eur == 100'000);  // 83(4), low, EUR 10-50M: matrix cell 0-100,000
  }
  SUBCASE("national ids, financial data, employees and advertising") {
    gdpr::model::Purpose p =
        MakePurpose("payroll", "marketing.advertising",
                    {"user.financial.bank_account", "user.government_id"}, 500);
    p.data_subjects = {"employee"};
    inv.purposes.push_back(p);
    Finding f = MakeFinding("X", "83(4)", "purpose", "payroll", Severity::kLow);
    SeriousnessAssessment a = AssessSeriousness({&f}, {&inv.purposes.back()}, inv, tax);
    // user.government_id itself is not marked; the bank account is financial data.
    CHECK(AnyContains(
        a.reasoning,
        "financial, location or private communications data (user.financial.bank_account) (+1)"));
    CHECK(AnyContains(a.reasoning, "imbalance of power (employee) (+1)"));
    CHECK(AnyContains(a.reasoning, "tracking or advertising use marketing.advertising"));
    CHECK(AnyContains(a.reasoning, "about 500 people (purpose payroll) (+0)"));
    CHECK(a.score == 3);
    CHECK(a.level == Seriousness::kLow);

    p.data_categories = {"user.government_id.national_identification_number"};
    SeriousnessAssessment b = AssessSeriousness({&f}, {&p}, inv, tax);
    CHECK(AnyContains(
        b.reasoning,
        "national identification number (user.government_id.national_identification_number) (+2)"));
  }
}

TEST_CASE("analysis::FineEstimator seriousness thresholds") {
  CHECK(SeriousnessForScore(0) == Seriousness::kLow);
  CHECK(SeriousnessForScore(4) == Seriousness::kLow);
  CHECK(SeriousnessForScore(5) == Seriousness::kMedium);
  CHECK(SeriousnessForScore(9) == Seriousness::kMedium);
  CHECK(SeriousnessForScore(10) == Seriousness::kHigh);
  CHECK(SeriousnessForScore(16) == Seriousness::kHigh);
}

TEST_CASE("analysis::FineEstimator is deterministic") {
  Taxonomy tax = MakeTaxonomy();
  Inventory inv = ShopInventory();
  Report a;
  a.findings.push_back(MakeFinding("DPA-001", "83(4)", "system", "mailer", Severity::kMedium));
  a.findings.push_back(MakeFinding("CONSENT-001", "83(5)", "purpose", "newsletter"));
  a.findings.push_back(MakeFinding("LAW-001", "83(5)", "purpose", "orders"));
  Report b = a;
  EstimateFines(a, inv, tax, {});
  EstimateFines(b, inv, tax, {});
  EstimateFines(b, inv, tax, {});  // idempotent
  REQUIRE(a.exposure.conducts.size() == b.exposure.conducts.size());
  for (size_t i = 0; i < a.exposure.conducts.size(); ++i) {
    CHECK(a.exposure.conducts[i].id == b.exposure.conducts[i].id);
    CHECK(a.exposure.conducts[i].reasoning == b.exposure.conducts[i].reasoning);
  }
  CHECK(a.exposure.assumptions == b.exposure.assumptions);
  CHECK(a.exposure.high_eur == b.exposure.high_eur);
}

TEST_CASE("analysis::FineEstimator counts a custom data subject named as children as children") {
  Taxonomy tax = MakeTaxonomy();
  CHECK(tax.AddCustom(gdpr::analysis::TaxonomyKind::kDataSubject, {"school_pupil", "A pupil (custom)"}));
  Inventory inv = ShopInventory();
  gdpr::model::Purpose p = MakePurpose("lessons", "essential.service", {"user.contact.email"}, 500);
  p.data_subjects = {"school_pupil"};
  inv.purposes.push_back(p);
  Report report;
  report.findings.push_back(MakeFinding("RET-001", "83(5)", "purpose", "lessons", Severity::kMedium));
  EstimateFines(report, inv, tax, {});
  REQUIRE(report.exposure.conducts.size() == 1);
  CHECK(AnyContains(report.exposure.conducts[0].reasoning,
                    "vulnerable people (para 54): children (data subject school_pupil) (+2)"));
}
