#include "cli/rules_command.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/rule_fixtures.h"
#include "cli/audit_runner.h"
#include "cli/color_mode.h"
#include "util/edit_distance.h"
#include "util/text.h"

namespace gdpr::cli {
namespace {

using util::Join;

void AddRulesOptions(CLI::App* sub, RulesOptions& rules, bool& no_default) {
  sub->add_option("--rules", rules.extra_dirs, "Also load the rule packs in DIR (repeatable)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--no-default-rules", no_default, "Do not load the built-in rule packs");
}

// Loads the engine, rendering problems; nullopt means exit 2.
std::optional<Engine> Load(RulesOptions rules, bool no_default, Io& io) {
  rules.default_rules = !no_default;
  model::Diagnostics diags;
  std::optional<Engine> engine = LoadEngine(rules, diags);
  diags.Render(io.err, UseColor("auto", io.err));
  return engine;
}

class RulesCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    CLI::App* sub = app.add_subcommand("rules", "List the rules, or run every rule's fixtures");
    sub->require_subcommand(1);
    list_ = sub->add_subcommand("list", "List every rule: id, severity, fine tier, articles, title");
    AddRulesOptions(list_, rules_, no_default_);
    test_ = sub->add_subcommand("test", "Run every rule's fixtures; exit 1 when one fails");
    AddRulesOptions(test_, rules_, no_default_);
    test_->add_option("ids", only_, "Only these rule ids");
    test_->add_flag("-v,--verbose", verbose_, "Print every fixture, not only failures");
    return sub;
  }

  int Run(Io& io) override {
    std::optional<Engine> engine = Load(rules_, no_default_, io);
    if (!engine) return kExitError;
    return list_->parsed() ? List(*engine, io) : Test(*engine, io);
  }

 private:
  int List(const Engine& engine, Io& io) {
    for (const analysis::Rule& r : engine.rules.rules())
      io.out << fmt::format("{:<13} {:<8} {:<6} {:<10} {:<28} {}\n", r.id, model::SeverityName(r.severity),
                            r.fine_tier, r.applies_to, Join(r.articles, ", "), r.title);
    io.out << engine.rules.rules().size() << " rules\n";
    return kExitOk;
  }

  int Test(const Engine& engine, Io& io) {
    analysis::AuditContext context{engine.vocabulary.taxonomy, engine.vocabulary.countries, engine.classify};
    auto loader = [&engine](const std::string& dir, model::Diagnostics& diags) {
      return LoadAuditInputs({dir}, engine, diags);
    };
    std::vector<analysis::FixtureResult> results = analysis::RunFixtures(engine.rules, context, loader, only_);
    int passed = 0, failed = 0;
    for (const analysis::FixtureResult& r : results) {
      (r.passed ? passed : failed)++;
      if (r.passed && !verbose_) continue;
      io.out << fmt::format("{} {} {}: {}{}\n", r.passed ? "ok  " : "FAIL", r.rule_id, r.name, r.loc.ToString(),
                            r.detail.empty() ? "" : "\n      " + r.detail);
    }
    io.out << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? kExitOk : kExitFindings;
  }

  CLI::App* list_ = nullptr;
  CLI::App* test_ = nullptr;
  RulesOptions rules_;
  bool no_default_ = false;
  bool verbose_ = false;
  std::vector<std::string> only_;
};

class ExplainCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    CLI::App* sub = app.add_subcommand("explain", "Show one rule: title, articles, fine tier, message, remediation");
    sub->add_option("rule", id_, "The rule id, e.g. LAW-001")->required();
    AddRulesOptions(sub, rules_, no_default_);
    return sub;
  }

  int Run(Io& io) override {
    std::optional<Engine> engine = Load(rules_, no_default_, io);
    if (!engine) return kExitError;
    const analysis::Rule* r = engine->rules.Find(id_);
    if (!r) {
      std::string hint = util::DidYouMean(id_, engine->rules.Ids());
      io.err << "error: unknown rule '" << id_ << "'" << (hint.empty() ? "" : "\n  hint: " + hint) << "\n";
      return kExitError;
    }
    io.out << r->id << ": " << r->title << "\n\n"
           << "  severity    " << model::SeverityName(r->severity) << "\n"
           << "  articles    " << Join(r->articles, ", ") << "\n"
           << "  fine tier   Art. " << r->fine_tier << " GDPR\n"
           << "  applies to  " << r->applies_to << "\n"
           << "  pack        " << r->loc.ToString() << "\n\n"
           << "Message:\n  " << r->message << "\n\n"
           << "Remediation:\n  " << r->remediation << "\n";
    if (!r->references.empty()) io.out << "\nReferences:\n  " << Join(r->references, "\n  ") << "\n";
    return kExitOk;
  }

 private:
  std::string id_;
  RulesOptions rules_;
  bool no_default_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeRulesCommand() { return std::make_unique<RulesCommand>(); }
std::unique_ptr<Command> MakeExplainCommand() { return std::make_unique<ExplainCommand>(); }

}  // namespace gdpr::cli
