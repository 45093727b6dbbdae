#include <doctest/doctest.h>

#include <sstream>

#include "analysis/country_table.h"
#include "golden_file.h"
#include "report/ropa.h"
#include "report/ropa_reporter.h"
#include "sample_report.h"

using namespace gdpr::report;
using namespace gdpr::report::testing;

namespace {

std::string Render(const std::string& format, const Ropa& ropa, const std::string& lang = "en") {
  std::ostringstream out;
  RenderRopa(format, ropa, lang, out);
  return out.str();
}

std::optional<gdpr::analysis::CountryTable> Countries() {
  gdpr::model::Diagnostics diags;
  return gdpr::analysis::CountryTable::LoadFile(std::string(GDPR_SOURCE_DIR) + "/rules/countries.yaml", diags);
}

}  // namespace

TEST_CASE("report::BuildRopa fills (a)-(g) per purpose from the inventory") {
  auto countries = Countries();
  REQUIRE(countries);
  Ropa ropa = BuildRopa(*SampleInventory(), &*countries);
  CHECK(ropa.controller == "Bakkerij de Balans B.V. (NL)");
  CHECK(ropa.dpo == "J. Jansen <dpo@example.nl>");
  CHECK(ropa.representative.empty());
  REQUIRE(ropa.rows.size() == 2);
  const RopaRow& orders = ropa.rows[0];
  CHECK(orders.purpose == "Order handling and delivery");
  CHECK(orders.recipients.empty());  // only the controller's own webshop
  CHECK(orders.transfers.empty());   // NL is in the EEA
  CHECK(orders.retention.period == "P7Y");
  const RopaRow& newsletter = ropa.rows[1];
  REQUIRE(newsletter.recipients.size() == 1);
  CHECK(newsletter.recipients[0].system_id == "mailer");
  CHECK(newsletter.recipients[0].responsibility == "processor");
  REQUIRE(newsletter.transfers.size() == 1);
  CHECK(newsletter.transfers[0].zone == "adequate_dpf");
  CHECK(newsletter.transfers[0].mechanism == "scc");
  CHECK(newsletter.retention.period.empty());
}

TEST_CASE("report::BuildRopa counts flow destinations as recipients and flags missing safeguards") {
  auto inv = SampleInventory();
  gdpr::model::System partner;
  partner.id = "adtech";
  partner.responsibility = gdpr::model::Responsibility::kThirdParty;
  partner.country = "IN";
  inv->systems.push_back(partner);
  gdpr::model::Flow flow;
  flow.id = "orders-to-adtech";
  flow.from = "webshop";
  flow.to = "adtech";
  flow.purpose = "orders";
  inv->flows.push_back(flow);
  auto countries = Countries();
  REQUIRE(countries);
  Ropa ropa = BuildRopa(*inv, &*countries);
  const Strings& en = StringsFor("en");
  REQUIRE(ropa.rows[0].recipients.size() == 1);
  CHECK(FormatRecipient(ropa.rows[0].recipients[0], en) == "adtech (third party; IN)");
  REQUIRE(ropa.rows[0].transfers.size() == 1);
  CHECK(FormatTransfer(ropa.rows[0].transfers[0], en) == "adtech in IN (third country): no safeguard declared");
  // Without a country table: the systems outside the organisation's country.
  Ropa guessed = BuildRopa(*inv);
  REQUIRE(guessed.rows[0].transfers.size() == 1);
  CHECK(guessed.rows[0].transfers[0].zone == "");
}

TEST_CASE("report::RopaReporter golden CSV and Markdown, English and Dutch") {
  auto countries = Countries();
  REQUIRE(countries);
  Ropa ropa = BuildRopa(*SampleInventory(), &*countries);
  CheckGolden("ropa.csv", Render("csv", ropa));
  CheckGolden("ropa.md", Render("markdown", ropa));
  CheckGolden("ropa.nl.md", Render("markdown", ropa, "nl"));
}

TEST_CASE("report::RopaReporter escapes hostile inventory strings in every format") {
  Ropa ropa = BuildRopa(*HostileReport().inventory);
  std::string csv = Render("csv", ropa);
  std::string md = Render("markdown", ropa);
  std::string html = Render("html", ropa);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(md.find("<script") == std::string::npos);
  for (const std::string& out : {csv, md, html}) CHECK(out.find("\xFF") == std::string::npos);
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(html.find('\x1b') == std::string::npos);
  // CSV: the hostile value is one quoted field, so every record still has 11 commas (12 columns)
  // outside quotes.
  int commas = 0;
  bool quoted = false;
  for (size_t i = csv.find("\r\n") + 2; i < csv.size(); ++i) {
    if (!quoted && csv.compare(i, 2, "\r\n") == 0) break;  // end of the first record
    if (csv[i] == '"') quoted = !quoted;
    if (csv[i] == ',' && !quoted) ++commas;
  }
  CHECK(commas == 11);
}

TEST_CASE("report::RopaReporter shows blanks explicitly") {
  gdpr::model::Inventory inv;
  gdpr::model::Purpose p;
  p.id = "bare";
  inv.purposes.push_back(p);
  Ropa ropa = BuildRopa(inv);
  std::string md = Render("markdown", ropa);
  CHECK(md.find("| (a) Controller | _not declared_ |") != std::string::npos);
  CHECK(md.find("| (f) Retention period | _not declared_ |") != std::string::npos);
  CHECK(md.find("| (d) Recipients | _none_ |") != std::string::npos);
  std::string nl = Render("markdown", ropa, "nl");
  CHECK(nl.find("| (f) Bewaartermijn | _niet opgegeven_ |") != std::string::npos);
  CHECK(nl.find("| Rechtsgrond | _niet opgegeven_ |") != std::string::npos);
}
