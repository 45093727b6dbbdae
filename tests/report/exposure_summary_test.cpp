#include "report/exposure_summary.h"

#include <doctest/doctest.h>

#include <sstream>

using gdpr::model::ConductExposure;
using gdpr::model::Exposure;

namespace {
std::string Render(const Exposure& e) {
  std::ostringstream out;
  gdpr::report::RenderExposureSummary(e, out);
  return out.str();
}
}  // namespace

TEST_CASE("report::ExposureSummary renders totals, conducts, assumptions and the caveat") {
  Exposure e;
  e.organization_max_eur = 20'000'000;
  e.low_eur = 30'000;
  e.high_eur = 500'000;
  ConductExposure a;
  a.id = "purpose:newsletter";
  a.tier = "83(5)";
  a.legal_max_eur = 20'000'000;
  a.seriousness = "medium";
  a.low_eur = 30'000;
  a.high_eur = 400'000;
  a.reasoning = {"nature of the rule (Art. 83(2)(a), para 53): Art. 83(5) provision (+2)"};
  a.findings = {"fp1", "fp2"};
  ConductExposure b;
  b.id = "system:mailer";
  b.tier = "83(4)";
  b.legal_max_eur = 10'000'000;
  b.seriousness = "low";
  b.low_eur = 0;
  b.high_eur = 100'000;
  b.findings = {"fp3"};
  e.conducts = {a, b};
  e.assumptions = {"Turnover EUR 48,000,000 from the declarations"};

  const std::string text = Render(e);
  CHECK(text ==
        "Fine exposure (estimate)\n"
        "  Estimated exposure: EUR 30,000 to EUR 500,000 in total, for 2 separate conducts.\n"
        "  The law caps any one conduct of this organisation at EUR 20,000,000 (Art. 83(5) GDPR).\n"
        "\n"
        "  1. purpose:newsletter: EUR 30,000 to EUR 400,000\n"
        "     Art. 83(5), medium seriousness, legal maximum EUR 20,000,000, 2 findings\n"
        "     - nature of the rule (Art. 83(2)(a), para 53): Art. 83(5) provision (+2)\n"
        "\n"
        "  2. system:mailer: EUR 0 to EUR 100,000\n"
        "     Art. 83(4), low seriousness, legal maximum EUR 10,000,000, 1 finding\n"
        "\n"
        "  Assumptions:\n"
        "  - Turnover EUR 48,000,000 from the declarations\n"
        "\n"
        "  This is an estimate under the EDPB method for calculating fines (Guidelines 04/2022,\n"
        "  v2.1), not legal advice. A supervisory authority decides case by case and may raise or\n"
        "  lower the amount for factors this audit cannot see.\n");
}

TEST_CASE("report::ExposureSummary with nothing to fine still states the cap and the caveat") {
  Exposure e;
  e.organization_max_eur = 40'000'000;
  const std::string text = Render(e);
  CHECK(text.find("No unwaived finding carries a fine: estimated exposure EUR 0.") !=
        std::string::npos);
  CHECK(text.find("EUR 40,000,000 (Art. 83(5) GDPR)") != std::string::npos);
  CHECK(text.find("not legal advice") != std::string::npos);
  CHECK(text.find("Assumptions") == std::string::npos);
}

TEST_CASE("report::ExposureSummary keeps control characters from declared names off the terminal") {
  Exposure e;
  ConductExposure c;
  c.id = "purpose:evil\x1b[31m";
  c.tier = "83(5)";
  c.seriousness = "low";
  c.reasoning = {"line\nbreak"};
  e.conducts = {c};
  const std::string text = Render(e);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("purpose:evil?[31m") != std::string::npos);
  CHECK(text.find("line?break") != std::string::npos);
}
