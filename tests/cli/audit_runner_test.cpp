#include "cli/audit_runner.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../load/load_test_support.h"

using namespace gdpr;
using gdpr::testing::Rendered;
using gdpr::testing::ScratchDir;

namespace {

std::string ReadSource(const std::string& relative) {
  std::ifstream in(GDPR_SOURCE_DIR "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A rules folder: the shipped vocabulary, a classifier pack that warns (a deprecated
// category) or is broken too, a rule pack that is fine or broken; and a declarations
// folder with an unknown country.
struct Fixture {
  ScratchDir dir;
  cli::RulesOptions rules;
  std::vector<std::string> paths;

  Fixture(bool broken_classifier, bool broken_rules) {
    dir.Write("rules/taxonomy.yaml", ReadSource("rules/taxonomy.yaml"));
    dir.Write("rules/countries.yaml", ReadSource("rules/countries.yaml"));
    dir.Write("rules/classifiers/a.yaml",
              "patterns:\n  - id: a.email\n    category: account.contact.email\n    name: 'e_?mail'\n"
              "    confidence: 80\n");
    if (broken_classifier)
      dir.Write("rules/classifiers/b.yaml",
                "patterns:\n  - id: b.bad\n    category: user.contact.email\n    name: '(mail'\n"
                "    confidence: 80\n");
    dir.Write("rules/packs/consent.yaml", ReadSource("rules/packs/consent.yaml"));
    if (broken_rules)
      dir.Write("rules/packs/broken.yaml", ReadSource("tests/golden/cases/scan-broken-pack/packs/broken.yaml"));
    dir.Write("decl/gdpr-audit.yaml", "gdpr_audit: 1\nsystems: [{ id: b, country: XX }]\n");
    rules.base_dir = dir.path() + "/rules";
    paths = {dir.path() + "/decl"};
  }

  // What LoadEngine then LoadAuditInputs report, one after the other.
  std::string Serial(bool& loaded) const {
    model::Diagnostics diags;
    auto engine = cli::LoadEngine(rules, diags);
    loaded = engine && cli::LoadAuditInputs(paths, *engine, diags);
    return Rendered(diags);
  }
};

// `first` and `second` both in `out`, `first` before `second`.
void CheckInOrder(const std::string& out, const std::string& first, const std::string& second) {
  const size_t a = out.find(first);
  const size_t b = out.find(second);
  CHECK(a != std::string::npos);
  CHECK(b != std::string::npos);
  CHECK(a < b);
}

}  // namespace

TEST_CASE("cli::LoadEngineAndInputs stops at a broken classifier, reporting only what precedes it") {
  Fixture f(true, true);
  model::Diagnostics diags;
  CHECK_FALSE(cli::LoadEngineAndInputs(f.rules, f.paths, diags));
  const std::string out = Rendered(diags);
  CHECK(out.find("classifiers/b.yaml:4:11: error: invalid regular expression in 'name'") != std::string::npos);
  CHECK(out.find("deprecated") != std::string::npos);
  CHECK(out.find("broken.yaml") == std::string::npos);  // rule packs come after the classifier
  CHECK(out.find("'XX'") == std::string::npos);          // and declarations after the rule packs
  bool loaded = true;
  CHECK(out == f.Serial(loaded));
  CHECK_FALSE(loaded);
}

TEST_CASE("cli::LoadEngineAndInputs reports the classifier's warnings before a broken rule pack") {
  Fixture f(false, true);
  model::Diagnostics diags;
  CHECK_FALSE(cli::LoadEngineAndInputs(f.rules, f.paths, diags));
  const std::string out = Rendered(diags);
  CheckInOrder(out, "a.yaml:3:15: warning: data category 'account.contact.email' is deprecated",
               "broken.yaml:10:16: error: invalid RE2 pattern");
  CHECK(out.find("'XX'") == std::string::npos);
  bool loaded = true;
  CHECK(out == f.Serial(loaded));
  CHECK_FALSE(loaded);
}

TEST_CASE("cli::LoadEngineAndInputs loads the inputs while the classifier builds, reporting in serial order") {
  Fixture f(false, false);
  model::Diagnostics diags;
  std::optional<cli::LoadedRun> run = cli::LoadEngineAndInputs(f.rules, f.paths, diags);
  REQUIRE(run);
  REQUIRE(run->inputs);
  CHECK(run->engine.classify);
  CHECK(run->engine.rules.rules().size() > 0);
  const std::string out = Rendered(diags);
  CheckInOrder(out, "warning: data category 'account.contact.email' is deprecated", "'XX'");
  bool loaded = false;
  CHECK(out == f.Serial(loaded));
  CHECK(loaded);
  model::Table users;
  users.name = "users";
  model::Column email;
  email.name = "email";
  CHECK(run->engine.classify(users, email)->categories == std::vector<std::string>{"user.contact.email"});
}

TEST_CASE("cli::LoadEngineAndInputs classifies as LoadEngine does, on the shipped rules") {
  model::Diagnostics serial_diags, diags;
  auto serial = cli::LoadEngine({}, serial_diags);
  REQUIRE(serial);
  std::optional<cli::LoadedRun> run =
      cli::LoadEngineAndInputs({}, {GDPR_SOURCE_DIR "/samples"}, diags);
  REQUIRE(run);
  REQUIRE(run->inputs);
  CHECK(Rendered(diags) == Rendered(serial_diags));  // the samples are clean
  CHECK(run->engine.rules.rules().size() == serial->rules.rules().size());
  const char* columns[][2] = {{"users", "email"},       {"klanten", "achternaam"}, {"patients", "diagnosis"},
                              {"orders", "total"},      {"users", "strFirstName"}, {"customers", "huisNummer"},
                              {"events", "ip_address"}, {"employees", "bsn"}};
  for (const auto& [table, column] : columns) {
    model::Table t;
    t.name = table;
    model::Column c;
    c.name = column;
    c.type = "varchar(255)";
    const analysis::ColumnVerdict a = *serial->classify(t, c), b = *run->engine.classify(t, c);
    CHECK(a.categories == b.categories);
    CHECK(a.reason == b.reason);
    CHECK(a.runner_up == b.runner_up);
  }
}
