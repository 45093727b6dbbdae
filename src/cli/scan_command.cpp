#include "cli/scan_command.h"

#include <sstream>
#include <string>
#include <vector>

#include "analysis/audit.h"
#include "analysis/baseline.h"
#include "cli/audit_runner.h"
#include "cli/color_mode.h"
#include "cli/scan_config.h"
#include "report/reporter.h"
#include "util/atomic_file.h"
#include "util/exit_now.h"

namespace gdpr::cli {
namespace {

const std::vector<std::string> kFailOn = {"info", "low", "medium", "high", "critical", "never"};

// 1 when an unsuppressed finding is at or above `fail_on`, else 0.
int FindingsExit(const model::Report& report, const std::string& fail_on) {
  if (fail_on == "never") return kExitOk;
  model::Severity threshold = *model::ParseSeverity(fail_on);
  for (const model::Finding& f : report.findings)
    if (!f.suppressed && f.severity >= threshold) return kExitFindings;
  return kExitOk;
}

class ScanCommand : public Command {
 public:
  CLI::App* Register(CLI::App& app) override {
    CLI::App* sub = app.add_subcommand("scan", "Audit declarations and schemas against the GDPR rule packs");
    sub_ = sub;
    sub->add_option("paths", paths_, "Declarations files or folders (default: .)");
    sub->add_option("--format", format_, "text, json, sarif, markdown, html or junit")->default_val("text");
    sub->add_option("-o,--output", output_, "Write the report to FILE (atomically) instead of stdout");
    sub->add_option("--fail-on", fail_on_, "Exit 1 on findings at or above: info, low, medium, high, critical, never")
        ->check(CLI::IsMember(kFailOn))
        ->default_val("low");
    sub->add_option("--rules", rules_.extra_dirs, "Also load the rule packs in DIR (repeatable)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sub->add_flag("--no-default-rules", no_default_rules_, "Do not load the built-in rule packs");
    sub->add_option("--color", color_, "auto, always or never (honours NO_COLOR)")
        ->check(CLI::IsMember(kColorModes))
        ->default_val("auto");
    sub->add_flag("-q,--quiet", quiet_, "Text format: only the summary");
    sub->add_option("--lang", lang_, "Language of human-readable reports: en or nl")
        ->check(CLI::IsMember({"en", "nl"}))
        ->default_val("en");
    sub->add_option("--turnover", turnover_, "Worldwide annual turnover in EUR (overrides the declarations)");
    sub->add_option("--baseline", baseline_, "Report only findings not in this baseline file");
    sub->add_option("--write-baseline", write_baseline_, "Write the unsuppressed findings as a baseline file");
    sub->add_option("--config", config_, "Scan defaults (else .gdpr-audit.yaml in the scanned folder)");
    sub->add_flag("--live", inputs_.live,
                  "Connect to PostgreSQL databases named by url: datastores (only on trusted inputs)");
    sub->add_option("--db-password-file", inputs_.password_file,
                    "Read the database password from this file instead of the URL");
    sub->add_option("--max-file-size", inputs_.load.limits.max_file_bytes, "Refuse input files larger than this (bytes)")
        ->default_val(inputs_.load.limits.max_file_bytes);
    sub->add_flag("--allow-outside-root", inputs_.load.allow_outside_root,
                  "Let declarations name schema files outside the scanned folders");
    sub->add_option("--today", today_, "Date for waiver expiry, YYYY-MM-DD (tests)")->group("");
    return sub;
  }

  int Run(Io& io) override {
    if (!report::IsKnownFormat(format_)) {
      io.err << "error: unknown format '" << format_ << "'\n";
      return kExitError;
    }
    model::Diagnostics diags;
    std::optional<model::Report> report = Audit(diags, io);
    diags.Render(io.err, UseColor(color_, io.err));
    if (!report || diags.HasErrors()) return kExitError;
    if (!report::IsKnownFormat(format_)) {
      io.err << "error: unknown format '" << format_ << "'\n";
      return kExitError;
    }
    if (!write_baseline_.empty()) {
      std::ostringstream text;
      analysis::Baseline::Write(*report, text);
      std::string error;
      if (!util::WriteFileAtomically(write_baseline_, text.str(), &error)) {
        io.err << "error: " << error << "\n";
        return kExitError;
      }
    }
    if (!Write(*report, io)) return kExitError;
    const int code = FindingsExit(*report, fail_on_);
    if (io.process_ends) util::ExitNow(code, io.out, io.err);  // no teardown: 50 ms on estate L
    return code;
  }

 private:
  // Fills the options not given on the command line from the scan config file.
  bool ApplyConfig(model::Diagnostics& diags) {
    std::string path = FindScanConfig(config_, paths_);
    if (path.empty()) return true;
    std::optional<ScanConfig> config = LoadScanConfig(path, diags);
    if (!config) return false;
    auto unset = [this](const char* flag) { return sub_->count(flag) == 0; };
    if (config->format && unset("--format")) format_ = *config->format;
    if (config->output && unset("--output")) output_ = *config->output;
    if (config->fail_on && unset("--fail-on")) fail_on_ = *config->fail_on;
    if (config->baseline && unset("--baseline")) baseline_ = *config->baseline;
    if (config->color && unset("--color")) color_ = *config->color;
    if (config->lang && unset("--lang")) lang_ = *config->lang;
    if (config->no_default_rules && unset("--no-default-rules")) no_default_rules_ = *config->no_default_rules;
    if (config->quiet && unset("--quiet")) quiet_ = *config->quiet;
    if (config->turnover && unset("--turnover")) turnover_ = *config->turnover;
    if (unset("--rules")) rules_.extra_dirs = config->rules;
    return true;
  }

  // Drops the findings a baseline holds (before fines, so they carry no exposure).
  bool ApplyBaseline(model::Report& report, model::Diagnostics& diags) {
    if (baseline_.empty()) return true;
    std::optional<analysis::Baseline> baseline = analysis::Baseline::LoadFile(baseline_, diags);
    if (!baseline) return false;
    for (const analysis::BaselineEntry& stale : baseline->Apply(report))
      diags.Note(stale.loc, "baseline entry " + stale.rule_id + " on " + stale.subject + " matches no finding any more");
    return true;
  }

  std::optional<model::Report> Audit(model::Diagnostics& diags, Io& io) {
    if (paths_.empty()) paths_ = {"."};
    if (!ApplyConfig(diags)) return std::nullopt;
    rules_.default_rules = !no_default_rules_;
    // A progress line on stderr while live databases are read (terminals only).
    if (!quiet_ && UseColor("auto", io.err))
      inputs_.progress = [&io, tables = 0](const std::string& table) mutable {
        io.err << "\rreading live database: " << ++tables << " tables (" << table << ")\x1b[K" << std::flush;
      };
    // Schema files are read during the audit, one system at a time (SchemaLoads).
    SchemaLoads schema_loads;
    std::optional<LoadedRun> loaded = LoadEngineAndInputs(rules_, paths_, diags, inputs_, &schema_loads);
    if (!loaded) return std::nullopt;
    if (inputs_.progress) io.err << "\r\x1b[K" << std::flush;
    std::optional<Engine> engine = std::move(loaded->engine);
    std::optional<analysis::AuditInputs>& inputs = loaded->inputs;
    if (!inputs) return std::nullopt;
    if (diags.HasErrors()) {  // no audit, but every schema's problems are still reported
      ReadDeferredSchemas(*inputs);
      schema_loads.Finish(diags, inputs->inputs);
      return std::nullopt;
    }
    analysis::AuditOptions options;
    options.today = today_.empty() ? TodayIso() : today_;
    if (turnover_ > 0) options.fines.turnover_override = turnover_;
    options.estimate_fines = false;
    analysis::AuditContext context{engine->vocabulary.taxonomy, engine->vocabulary.countries, engine->classify};
    model::Report report = analysis::RunAudit(*inputs, engine->rules, context, options);
    // A broken DDL file is as fatal as before: nothing is reported (exit 2).
    schema_loads.Finish(diags, report.inputs);
    if (diags.HasErrors()) return std::nullopt;
    if (!ApplyBaseline(report, diags)) return std::nullopt;
    analysis::EstimateFines(report, *inputs->inventory, engine->vocabulary.taxonomy, options.fines);
    engine_ = std::move(engine);
    return report;
  }

  bool Write(const model::Report& report, Io& io) {
    report::RenderOptions options;
    options.lang = lang_;
    options.quiet = quiet_;
    options.taxonomy = &engine_->vocabulary.taxonomy;
    options.countries = &engine_->vocabulary.countries;
    options.color = output_.empty() && UseColor(color_, io.out);
    if (output_.empty()) {
      report::Render(format_, report, options, io.out);
      return true;
    }
    std::string error;
    auto render = [&](std::ostream& out) { report::Render(format_, report, options, out); };
    if (util::WriteFileAtomically(output_, render, &error)) return true;
    io.err << "error: " << error << "\n";
    return false;
  }

  std::vector<std::string> paths_;
  std::string format_ = "text";
  std::string output_;
  std::string fail_on_ = "low";
  RulesOptions rules_;
  bool no_default_rules_ = false;
  std::string color_ = "auto";
  bool quiet_ = false;
  std::string lang_ = "en";
  int64_t turnover_ = 0;
  std::string today_;
  std::string baseline_;
  std::string write_baseline_;
  std::string config_;
  InputOptions inputs_;
  std::optional<Engine> engine_;  // kept for the reporters' reference tables
  CLI::App* sub_ = nullptr;
};

}  // namespace

std::unique_ptr<Command> MakeScanCommand() { return std::make_unique<ScanCommand>(); }

}  // namespace gdpr::cli
