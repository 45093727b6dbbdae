#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "report/html_reporter.h"
#include "sample_report.h"

using namespace gdpr::report;
using namespace gdpr::report::testing;

namespace {

struct Tables {
  std::optional<gdpr::analysis::CountryTable> countries;
  std::optional<gdpr::analysis::Taxonomy> taxonomy;
  Tables() {
    gdpr::model::Diagnostics diags;
    std::string rules = std::string(GDPR_SOURCE_DIR) + "/rules/";
    countries = gdpr::analysis::CountryTable::LoadFile(rules + "countries.yaml", diags);
    // A small taxonomy of our own: the shipped file's markings are not what this tests.
    taxonomy = gdpr::analysis::Taxonomy::Parse(
        "data_categories:\n"
        "  user: { description: user }\n"
        "  user.contact: { description: contact }\n"
        "  user.contact.email: { description: email }\n"
        "  user.name: { description: name }\n"
        "  user.name.first: { description: first name }\n"
        "  user.health_and_medical: { description: health, special: art9 }\n"
        "data_uses:\n"
        "  marketing: { description: marketing }\n"
        "data_subjects:\n"
        "  customer: { description: customer }\n",
        "test-taxonomy.yaml", diags);
  }
};

std::string Html(const gdpr::model::Report& report, const std::string& lang = "en", const Tables* t = nullptr) {
  HtmlOptions options;
  options.lang = lang;
  options.generated_for = "Audit committee";
  if (t) {
    options.countries = t->countries ? &*t->countries : nullptr;
    options.taxonomy = t->taxonomy ? &*t->taxonomy : nullptr;
  }
  std::ostringstream out;
  RenderHtml(report, options, out);
  return out.str();
}

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Every element name used in the document; an injected tag would show up here.
std::set<std::string> TagNames(const std::string& html) {
  std::set<std::string> names;
  for (size_t pos = html.find('<'); pos != std::string::npos; pos = html.find('<', pos + 1)) {
    size_t start = pos + 1;
    if (start < html.size() && (html[start] == '/' || html[start] == '!')) ++start;
    size_t end = start;
    while (end < html.size() && (isalnum(static_cast<unsigned char>(html[end])))) ++end;
    std::string name = html.substr(start, end - start);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    names.insert(name);
  }
  return names;
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("report::HtmlReporter writes every section of the DPO report") {
  Tables tables;
  REQUIRE(tables.countries);
  REQUIRE(tables.taxonomy);
  std::string html = Html(SampleReport(), "en", &tables);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  for (const char* id : {"summary", "findings", "datamap", "ropa", "dpia", "waivers", "inputs"})
    CHECK_MESSAGE(Has(html, std::string("<section id=\"") + id + "\">"), id);
  CHECK(Has(html, "Estimated fine exposure: <b>EUR 96,000 &ndash; EUR 480,000</b>"));
  CHECK(Has(html, "Prepared for: Audit committee"));
  // Grouped by article, in article order (7 before 13 before 46).
  size_t art7 = html.find("<h3>Art. 7 (1)</h3>"), art13 = html.find("<h3>Art. 13 (1)</h3>"),
         art46 = html.find("<h3>Art. 46 (1)</h3>");
  REQUIRE(art7 != std::string::npos);
  CHECK(art7 < art13);
  CHECK(art13 < art46);
  // The data map: the US processor sits in the adequacy column, and the flow to it is amber.
  CHECK(Has(html, "<svg class=\"datamap\""));
  CHECK(Has(html, "<rect class=\"box adequate\""));
  CHECK(Has(html, "<path class=\"flow adequate\""));
  CHECK(Has(html, ">newsletter-sync</text>"));
  // The Art. 30 record, DPIA screening and waivers.
  CHECK(Has(html, "Newsletter SaaS (mailer; processor; US)"));
  CHECK(Has(html, "<td><b>yes</b></td>"));  // newsletter profiles
  CHECK(Has(html, "<td>2027-03-01</td>"));
  CHECK(Has(html, "<code>db/shop.sql</code></td><td>schema</td><td>postgres</td><td class=\"num\">12</td>"));
}

TEST_CASE("report::HtmlReporter highlights third countries and special categories") {
  Tables tables;
  REQUIRE(tables.countries);
  REQUIRE(tables.taxonomy);
  gdpr::model::Report report = SampleReport();
  auto inv = std::make_shared<gdpr::model::Inventory>(*report.inventory);
  inv->systems[1].country = "IN";
  inv->purposes[1].data_categories.push_back("user.health_and_medical");
  report.inventory = inv;
  gdpr::model::Finding dpia = MakeFinding("DPIA-001", gdpr::model::Severity::kHigh, "purpose", "newsletter", 30);
  dpia.articles = {"Art. 35(1)"};
  report.findings.push_back(dpia);
  std::string html = Html(report, "en", &tables);
  CHECK(Has(html, "<rect class=\"box third\""));
  CHECK(Has(html, "<path class=\"flow third\""));
  CHECK(Has(html, "<b>user.health_and_medical</b>"));
  CHECK(Has(html, "<b>DPIA-001</b>"));
}

TEST_CASE("report::HtmlReporter contains no script and escapes every input string") {
  std::string html = Html(HostileReport());
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  CHECK_FALSE(Has(lower, "<script"));
  CHECK(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(Has(html, "\x01"));
  CHECK_FALSE(Has(html, "\x1b"));
  CHECK_FALSE(Has(html, "\xFF"));
  // Nothing loads from elsewhere.
  CHECK_FALSE(Has(lower, " src="));
  CHECK_FALSE(Has(lower, "<link"));
  CHECK_FALSE(Has(lower, "@import"));
  const std::set<std::string> allowed = {
      "doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
      "p", "b", "i", "span", "code", "div", "section", "table", "thead", "tbody", "tr", "th", "td",
      "ul", "li", "br", "wbr", "a", "svg", "defs", "marker", "path", "g", "rect", "text"};
  for (const std::string& name : TagNames(html)) CHECK_MESSAGE(allowed.count(name) == 1, name);
  for (const char* tag : {"section", "table", "div", "svg", "tr", "td"})
    CHECK_MESSAGE(Count(html, std::string("<") + tag + (std::string(tag) == "svg" ? " " : "")) >= Count(html, std::string("</") + tag + ">"), tag);
  CHECK(Count(html, "<section") == Count(html, "</section>"));
  CHECK(Count(html, "<table") == Count(html, "</table>"));
  CHECK(Count(html, "<div") == Count(html, "</div>"));
}

TEST_CASE("report::HtmlReporter speaks Dutch with the AVG wording") {
  std::string html = Html(SampleReport(), "nl");
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"nl\">", 0) == 0);
  CHECK(Has(html, "Verwerkingsregister (art. 30 lid 1 AVG)"));
  CHECK(Has(html, "Rechtsgrond"));
  CHECK(Has(html, "Bewaartermijn"));
  CHECK(Has(html, "Autoriteit Persoonsgegevens"));
  CHECK(Has(html, "\xE2\x82\xAC 96.000"));
}

TEST_CASE("report::HtmlReporter without an inventory still renders findings") {
  gdpr::model::Report report = SampleReport();
  report.inventory.reset();
  std::string html = Html(report);
  CHECK(Has(html, "No declarations were read."));
  CHECK_FALSE(Has(html, "<section id=\"datamap\">"));
  CHECK(Has(html, "</html>\n"));
}

TEST_CASE("report::BaseArticle and report::Shorten") {
  CHECK(BaseArticle("Art. 6(1)(a)") == "Art. 6");
  CHECK(BaseArticle("Art. 13") == "Art. 13");
  CHECK(BaseArticle("Art. 5 (1)(e)") == "Art. 5");
}

