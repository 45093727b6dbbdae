#include "report/starter_declarations.h"

#include <doctest/doctest.h>

#include <string>

#include "load/yaml_parser.h"

using gdpr::analysis::ColumnVerdict;
using gdpr::model::Column;
using gdpr::model::Schema;
using gdpr::model::Table;
using gdpr::report::ColumnMatch;
using gdpr::report::RenderStarterDeclarations;
using gdpr::report::StarterOptions;
using gdpr::report::YamlDoubleQuoted;

namespace {

ColumnVerdict Personal(std::vector<std::string> categories, std::string reason, std::string runner_up = "") {
  ColumnVerdict v;
  v.categories = std::move(categories);
  v.reason = std::move(reason);
  v.runner_up = std::move(runner_up);
  v.source = "classifier";
  return v;
}

Schema ShopSchema() {
  Schema schema;
  schema.path = "db/shop.sql";
  Table customers;
  customers.name = "customers";
  customers.line = 3;
  customers.columns = {Column{"id"}, Column{"email"}, Column{"birth_date"}};
  Table products;
  products.name = "products";
  products.columns = {Column{"id"}, Column{"price"}};
  schema.tables = {customers, products};
  return schema;
}

}  // namespace

TEST_CASE("report::StarterDeclarations writes annotations with the classifier's reasons") {
  Schema schema = ShopSchema();
  std::vector<std::vector<ColumnVerdict>> verdicts = {
      {ColumnVerdict{}, Personal({"user.contact.email"}, "column name matches 'e_?mail'"),
       Personal({"user.demographic.date_of_birth"}, "column name matches 'birth'", "user.demographic.age_range")},
      {ColumnVerdict{}, ColumnVerdict{}}};
  StarterOptions options;
  options.datastore_id = "shop";
  options.schema_ref = "db/shop.sql";
  options.source = "db/shop.sql";
  std::string text = RenderStarterDeclarations(schema, verdicts, options);
  CAPTURE(text);
  CHECK(text.find("gdpr_audit: 1\n") != std::string::npos);
  CHECK(text.find("  - match: \"shop.customers.email\"\n    # why: column name matches 'e_?mail'\n"
                  "    categories: [user.contact.email]\n") != std::string::npos);
  CHECK(text.find("    # runner-up: user.demographic.age_range\n") != std::string::npos);
  CHECK(text.find("  # table customers (db/shop.sql:3)\n") != std::string::npos);
  CHECK(text.find("  # judged not personal data: id\n") != std::string::npos);
  CHECK(text.find("products") == std::string::npos);  // no personal data: not listed
  CHECK(text.find("#    data_categories: [user.contact.email, user.demographic.date_of_birth]\n") != std::string::npos);
  CHECK(text.find("        schema: \"db/shop.sql\"\n") != std::string::npos);

  gdpr::model::Diagnostics diags;
  auto root = gdpr::load::ParseYaml(text, "gdpr-audit.yaml", diags);
  REQUIRE(root);
  REQUIRE(root->Find("columns"));
  CHECK(root->Find("columns")->items.size() == 2);
  CHECK(root->Find("purposes")->IsSequence());
  CHECK(root->Find("organization")->Find("name")->IsNull());
}

TEST_CASE("report::StarterDeclarations stays valid YAML for any name") {
  Schema schema;
  schema.path = "weird.sql";
  Table t;
  t.schema = "sales";
  t.name = "we\"ird: #table\n";
  t.columns = {Column{"e-mail # \\ 'x' [*]"}, Column{"a.b"}};
  schema.tables = {t};
  std::vector<std::vector<ColumnVerdict>> verdicts = {
      {Personal({"user.contact.email"}, "multi\nline reason: #1"), Personal({"user.name"}, "")}};
  StarterOptions options;
  options.url = "postgresql://app@db.example.org/shop";
  std::string text = RenderStarterDeclarations(schema, verdicts, options);
  CAPTURE(text);
  gdpr::model::Diagnostics diags;
  auto root = gdpr::load::ParseYaml(text, "gdpr-audit.yaml", diags);
  REQUIRE(root);
  const auto* columns = root->Find("columns");
  REQUIRE(columns);
  REQUIRE(columns->items.size() == 2);
  CHECK(columns->items[0].Find("match")->scalar == "db.sales.we\"ird: #table\n.e-mail # \\ 'x' ??]");
  CHECK(columns->items[1].Find("match")->scalar == ColumnMatch("db", t, "a.b"));
  CHECK(ColumnMatch("db", t, "a.b") == "db.sales.we\"ird: #table\n.a?b");
  CHECK(ColumnMatch("db", Table{"", "caf\xe9"}, "na\xc3\xafve") == "db.caf?.na\xc3\xafve");  // Latin-1 byte
  CHECK(root->Find("systems")->items[0].Find("datastores")->items[0].Find("url")->scalar ==
        "postgresql://app@db.example.org/shop");
}

TEST_CASE("report::YamlDoubleQuoted escapes quotes, backslashes and control characters") {
  CHECK(YamlDoubleQuoted("plain") == "\"plain\"");
  CHECK(YamlDoubleQuoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(YamlDoubleQuoted(std::string("t\tn\n", 4)) == "\"t\\x09n\\x0a\"");
}
