#include "analysis/rule_fixtures.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gdpr::analysis {
namespace {

namespace fs = std::filesystem;

// The date fixtures run on unless they say otherwise: fixed, so results never depend
// on the day the tests run.
constexpr const char* kFixtureToday = "2026-01-01";

std::optional<fs::path> MakeScratch() {
  std::string pattern = (fs::temp_directory_path() / "gdpr-audit-fixture-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return std::nullopt;
  return fs::path(pattern);
}

bool WriteFile(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string Describe(const std::vector<model::Finding>& findings, const std::string& rule_id) {
  std::string s;
  for (const auto& f : findings)
    if (f.rule_id == rule_id) s += (s.empty() ? "" : ", ") + f.subject.ToString();
  return s.empty() ? "no " + rule_id + " finding" : rule_id + " on " + s;
}

FixtureResult RunOne(const Rule& rule, const RuleFixture& fx, const RuleSet& rules, const AuditContext& context,
                     const FixtureLoader& loader) {
  FixtureResult result{rule.id, fx.name, fx.loc, false, {}};
  std::optional<fs::path> scratch;
  std::string dir = fx.dir;
  if (dir.empty()) {
    scratch = MakeScratch();
    if (!scratch) {
      result.detail = "cannot create a scratch folder";
      return result;
    }
    bool ok = WriteFile(*scratch / "gdpr-audit.yaml", fx.declarations);
    for (const auto& [name, text] : fx.files) ok = WriteFile(*scratch / name, text) && ok;
    if (!ok) result.detail = "cannot write the fixture files";
    dir = scratch->string();
  }
  model::Diagnostics diags;
  std::optional<AuditInputs> inputs = result.detail.empty() ? loader(dir, diags) : std::nullopt;
  if (inputs && !diags.HasErrors()) {
    AuditOptions options;
    options.today = fx.today.empty() ? kFixtureToday : fx.today;
    options.estimate_fines = false;
    model::Report report = RunAudit(*inputs, rules, context, options);
    bool fired = std::any_of(report.findings.begin(), report.findings.end(), [&](const model::Finding& f) {
      return f.rule_id == rule.id && !f.suppressed && (fx.subject.empty() || f.subject.ToString() == fx.subject);
    });
    result.passed = fired == fx.expect_fire;
    if (!result.passed)
      result.detail = std::string(fx.expect_fire ? "expected a finding" : "expected no finding") +
                      (fx.subject.empty() ? "" : " on " + fx.subject) + ", got " + Describe(report.findings, rule.id);
  } else if (result.detail.empty()) {
    std::ostringstream out;
    diags.Render(out, false);
    result.detail = "the fixture does not load:\n" + out.str();
  }
  if (scratch) {
    std::error_code ec;
    fs::remove_all(*scratch, ec);
  }
  return result;
}

}  // namespace

std::vector<FixtureResult> RunFixtures(const RuleSet& rules, const AuditContext& context,
                                       const FixtureLoader& loader, const std::vector<std::string>& only) {
  std::vector<FixtureResult> results;
  for (const Rule& rule : rules.rules()) {
    if (!only.empty() && std::find(only.begin(), only.end(), rule.id) == only.end()) continue;
    bool fires = false, passes = false;
    for (const RuleFixture& fx : rule.fixtures) {
      (fx.expect_fire ? fires : passes) = true;
      results.push_back(RunOne(rule, fx, rules, context, loader));
    }
    if (!fires) results.push_back({rule.id, "(missing)", rule.loc, false, "no fixture with expect: fire"});
    if (!passes) results.push_back({rule.id, "(missing)", rule.loc, false, "no fixture with expect: pass"});
  }
  return results;
}

}  // namespace gdpr::analysis
