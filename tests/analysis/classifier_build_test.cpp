#include "analysis/classifier_build.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "../load/load_test_support.h"

using namespace gdpr;
using analysis::Classifier;
using analysis::ClassifierBuild;
using gdpr::testing::Rendered;
using gdpr::testing::ScratchDir;
using gdpr::testing::ShippedTaxonomy;

namespace {

// Every verdict field of `c` for a few columns, one line each.
std::string Verdicts(const Classifier& c) {
  const char* columns[][3] = {{"users", "email", ""},          {"klanten", "achternaam", ""},
                              {"patients", "diagnosis", ""},   {"orders", "total", ""},
                              {"users", "f1", "E-mail address"}, {"events", "ip", "inet"},
                              {"users", "strFirstName", ""},   {"customers", "huisNummer", ""}};
  std::string out;
  for (const auto& [table, column, extra] : columns) {
    model::Table t;
    t.name = table;
    model::Column col;
    col.name = column;
    col.type = std::string(extra) == "inet" ? "inet" : "varchar(255)";
    if (std::string(extra) != "inet") col.comment = extra;
    analysis::ColumnVerdict v = c.Classify(t, col);
    for (const std::string& cat : v.categories) out += cat + ",";
    out += " | " + v.reason + " | " + v.runner_up + "\n";
  }
  return out;
}

// Runs `check` twice: with threads, then with one (GDPR_AUDIT_THREADS=1: the build
// runs inside Finish).
template <typename Fn>
void BothWays(Fn check) {
  check();
  setenv("GDPR_AUDIT_THREADS", "1", 1);
  check();
  unsetenv("GDPR_AUDIT_THREADS");
}

// Packs with a warning (a deprecated category) and errors (a bad regex, an unknown
// context class), in two files.
void WriteBrokenPacks(const ScratchDir& dir) {
  dir.Write("classifiers/a.yaml",
            "patterns:\n"
            "  - id: a.email\n"
            "    category: account.contact.email\n"
            "    name: 'e_?mail'\n"
            "    confidence: 80\n");
  dir.Write("classifiers/b.yaml",
            "contexts:\n"
            "  - person: ['(^|_)users?$']\n"
            "patterns:\n"
            "  - id: b.bad\n"
            "    category: user.contact.email\n"
            "    name: '(mail'\n"
            "    table: [persn]\n"
            "    confidence: 80\n");
}

}  // namespace

TEST_CASE("analysis::ClassifierBuild gives the verdicts and diagnostics of Classifier::LoadDir") {
  const std::string dir = GDPR_SOURCE_DIR "/rules/classifiers";
  model::Diagnostics serial_diags;
  auto serial = Classifier::LoadDir(dir, ShippedTaxonomy(), serial_diags, "rules/classifiers");
  REQUIRE(serial);
  const std::string expected = Verdicts(*serial);
  CHECK(expected.find("user.contact.email") != std::string::npos);
  BothWays([&] {
    ClassifierBuild build(dir, ShippedTaxonomy(), "rules/classifiers");
    model::Diagnostics diags;
    auto built = build.Finish(diags);
    REQUIRE(built);
    CHECK(Rendered(diags) == Rendered(serial_diags));
    CHECK(Verdicts(*built) == expected);
  });
}

TEST_CASE("analysis::ClassifierBuild reports a broken pack as Classifier::LoadDir does") {
  ScratchDir dir;
  WriteBrokenPacks(dir);
  const std::string packs = dir.path() + "/classifiers";
  model::Diagnostics serial_diags;
  CHECK_FALSE(Classifier::LoadDir(packs, ShippedTaxonomy(), serial_diags, "classifiers"));
  const std::string expected = Rendered(serial_diags);
  CHECK(expected.find("classifiers/a.yaml:3:15: warning: data category 'account.contact.email' is deprecated") !=
        std::string::npos);
  CHECK(expected.find("classifiers/b.yaml:6:11: error: invalid regular expression in 'name'") != std::string::npos);
  CHECK(expected.find("unknown table context class 'persn'") != std::string::npos);
  BothWays([&] {
    ClassifierBuild build(packs, ShippedTaxonomy(), "classifiers");
    model::Diagnostics diags;
    diags.Note({"first.yaml", 1, 1}, "reported before the build");
    CHECK_FALSE(build.Finish(diags));
    REQUIRE(diags.size() == serial_diags.size() + 1);
    CHECK(diags.all().front().message == "reported before the build");
    CHECK(diags.error_count() == serial_diags.error_count());
    CHECK(Rendered(diags).substr(Rendered(diags).find("reported before the build\n") + 26) == expected);
  });
}

TEST_CASE("analysis::ClassifierBuild reports a missing folder") {
  ClassifierBuild build("/nonexistent/classifiers", ShippedTaxonomy(), "");
  model::Diagnostics diags;
  CHECK_FALSE(build.Finish(diags));
  CHECK(diags.HasErrors());
}

TEST_CASE("analysis::ClassifierBuild waits for its build when never finished") {
  ClassifierBuild build(GDPR_SOURCE_DIR "/rules/classifiers", ShippedTaxonomy(), "rules/classifiers");
  // Destroyed here: the destructor joins the build, which must not outlive the taxonomy.
}
