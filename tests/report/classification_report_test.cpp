#include "report/classification_report.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace gdpr;

namespace {

model::Column Col(const std::string& name, const std::string& type) {
  model::Column c;
  c.name = name;
  c.type = type;
  return c;
}

model::Schema ShopSchema() {
  model::Schema s;
  s.path = "db/shop.sql";
  s.dialect = model::Dialect::kPostgres;
  model::Table customers;
  customers.schema = "public";
  customers.name = "customers";
  customers.line = 12;
  customers.columns = {Col("email", "character varying(255)"), Col("bsn", "char(9)"),
                       Col("price", "numeric(10,2)")};
  model::Table log;
  log.name = "log\x1b[31m";  // a hostile name must not reach the terminal raw
  log.columns = {Col("msg\xff", "text")};
  s.tables = {customers, log};
  return s;
}

analysis::ColumnVerdict Personal(std::string category, analysis::Special special, std::string reason) {
  analysis::ColumnVerdict v;
  v.categories = {std::move(category)};
  v.special = special;
  v.reason = std::move(reason);
  v.source = "classifier";
  return v;
}

std::vector<report::SchemaClassification> Classified(const model::Schema& s) {
  report::SchemaClassification sc;
  sc.schema = &s;
  sc.verdicts = {{Personal("user.contact.email", analysis::Special::kNone,
                           "column name matches 'e_?mail' (rules/classifiers/contact.yaml)"),
                  Personal("user.government_id.national_identification_number",
                           analysis::Special::kNationalId,
                           "column name matches 'bsn' (rules/classifiers/government_id.yaml)"),
                  analysis::ColumnVerdict{}},
                 {}};  // the second table has no verdicts: rendered as not personal
  return {sc};
}

}  // namespace

TEST_CASE("report::ClassificationReport JSON follows spec/cli.md") {
  const model::Schema s = ShopSchema();
  std::ostringstream out;
  report::WriteClassificationJson(Classified(s), out);
  CHECK(out.str() == R"json({
  "format_version": 1,
  "schemas": [
    {
      "path": "db/shop.sql",
      "dialect": "postgres",
      "tables": [
        {
          "schema": "public",
          "name": "customers",
          "line": 12,
          "columns": [
            {
              "name": "email",
              "type": "character varying(255)",
              "categories": [
                "user.contact.email"
              ],
              "special": null,
              "reason": "column name matches 'e_?mail' (rules/classifiers/contact.yaml)"
            },
            {
              "name": "bsn",
              "type": "char(9)",
              "categories": [
                "user.government_id.national_identification_number"
              ],
              "special": "national_id",
              "reason": "column name matches 'bsn' (rules/classifiers/government_id.yaml)"
            },
            {
              "name": "price",
              "type": "numeric(10,2)",
              "categories": [],
              "special": null,
              "reason": null
            }
          ]
        },
        {
          "schema": null,
          "name": "log\u001b[31m",
          "line": null,
          "columns": [
            {
              "name": "msg�",
              "type": "text",
              "categories": [],
              "special": null,
              "reason": null
            }
          ]
        }
      ]
    }
  ]
}
)json");
}

TEST_CASE("report::ClassificationReport text aligns columns and escapes control characters") {
  const model::Schema s = ShopSchema();
  std::ostringstream out;
  report::WriteClassificationText(Classified(s), out);
  CHECK(out.str() ==
        "db/shop.sql (postgres, 2 tables)\n"
        "  public.customers (line 12)\n"
        "    email  character varying(255)  user.contact.email                                               "
        "column name matches 'e_?mail' (rules/classifiers/contact.yaml)\n"
        "    bsn    char(9)                 user.government_id.national_identification_number [national_id]  "
        "column name matches 'bsn' (rules/classifiers/government_id.yaml)\n"
        "    price  numeric(10,2)           -\n"
        "  log\\x1b[31m\n"
        "    msg\xff  text  -\n"
        "4 columns in 2 tables: 2 personal data, 1 special category or national identifier\n");
}

TEST_CASE("report::ClassificationReport of nothing") {
  std::ostringstream json, text;
  report::WriteClassificationJson({}, json);
  report::WriteClassificationText({}, text);
  CHECK(json.str() == "{\n  \"format_version\": 1,\n  \"schemas\": []\n}\n");
  CHECK(text.str() == "0 columns in 0 tables: 0 personal data, 0 special category or national identifier\n");
}
