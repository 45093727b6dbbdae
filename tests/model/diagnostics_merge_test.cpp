#include "model/diagnostics.h"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>

using gdpr::model::Diagnostics;

TEST_CASE("model::Diagnostics::Append moves diagnostics, counts and sources in order") {
  Diagnostics main, other;
  main.Error({"a.yaml", 1, 1}, "first");
  other.AddSource("b.sql", "CREATE TABLE t (x int);\nbroken here\n");
  other.Error({"b.sql", 2, 1}, "second");
  other.Warning({"b.sql", 1, 1}, "third");
  main.Append(std::move(other));
  REQUIRE(main.size() == 3);
  CHECK(main.all()[1].message == "second");
  CHECK(main.all()[2].message == "third");
  CHECK(main.error_count() == 2);
  CHECK(main.warning_count() == 1);
  CHECK(main.SourceLine("b.sql", 2) == "broken here");
  CHECK(other.size() == 0);
  CHECK(other.error_count() == 0);
}

TEST_CASE("model::Diagnostics::DropUnusedSources keeps only sources something points into") {
  Diagnostics d;
  d.AddSource("quiet.sql", "CREATE TABLE t (x int);\n");
  d.AddSource("loud.sql", "CREATE TABLE (;\n");
  d.Error({"loud.sql", 1, 14}, "expected a table name");
  d.DropUnusedSources();
  CHECK(d.SourceLine("quiet.sql", 1).empty());
  CHECK(d.SourceLine("loud.sql", 1) == "CREATE TABLE (;");
  std::ostringstream out;
  d.Render(out, false);
  CHECK(out.str().find("CREATE TABLE (;") != std::string::npos);  // still quoted with its caret
}

TEST_CASE("model::Diagnostics::AddSource shares a text, and a later text for the path replaces it") {
  Diagnostics d;
  auto text = std::make_shared<const std::string>("gdpr_audit: 1\nsystems: [ {\n");
  d.AddSource("a.yaml", text);
  d.AddSource("a.yaml", std::string_view(*text));  // the same buffer: kept as it is
  CHECK(text.use_count() == 2);                     // shared with the diagnostics, not copied
  d.Error({"a.yaml", 2, 10}, "broken");
  std::ostringstream out;
  d.Render(out, false);
  CHECK(out.str().find("systems: [ {") != std::string::npos);  // the line is quoted

  d.AddSource("a.yaml", std::string_view("gdpr_audit: 1\nother line\n"));  // another text wins
  CHECK(text.use_count() == 1);
  std::ostringstream again;
  d.Render(again, false);
  CHECK(again.str().find("other line") != std::string::npos);
}
