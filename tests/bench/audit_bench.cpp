// audit_bench: runs the whole audit in-process on synthetic estates (sizes S, M, L from
// estate_generator) or on existing folders, and prints per estate: wall time, peak
// memory, input MB, the time of each stage, and the FLOOR our own dependency sets:
// yaml-cpp parsing the same declaration files alone (YAML::Load, nothing else).
// Not a test (not run by ctest); run it by hand or through tests/bench/run.
//
// usage: audit_bench [--runs N] [--cpu] [--estates DIR] [S|M|L|PATH]...   (default: S M L)
// --cpu reports CPU time (user + system) instead of wall time for every figure.
//
// It also runs the gdpr-audit binary beside it (`scan DIR --format json`, output thrown
// away) and reports that process's time and peak RSS: the figure the targets are about,
// as the CLI uses every core for loading and the column pass.
//
// Each estate runs in a forked child so that its peak RSS (wait4's ru_maxrss) is its
// own, not the maximum of every estate before it. Stages that have not landed in this
// build (DDL parser, rule engine, reporters) are detected with __has_include and shown
// as "n/a".
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/classifier.h"
#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "load/declarations_loader.h"
#include "load/file_reader.h"
#include "model/diagnostics.h"
#include "model/schema.h"
#include "util/parallel_for.h"

#if __has_include("sql/ddl_parser.h") && __has_include("load/schema_loader.h")
#include "load/schema_loader.h"
#define GDPR_BENCH_HAS_DDL 1
#else
#define GDPR_BENCH_HAS_DDL 0
#endif
#if __has_include("analysis/audit.h") && __has_include("analysis/rule_pack.h") && GDPR_BENCH_HAS_DDL
#include "analysis/audit.h"
#include "analysis/builtin_checks.h"
#include "analysis/rule_pack.h"
#define GDPR_BENCH_HAS_RULES 1
#else
#define GDPR_BENCH_HAS_RULES 0
#endif
#if __has_include("report/reporter.h") && GDPR_BENCH_HAS_RULES
#include "report/reporter.h"
#define GDPR_BENCH_HAS_RENDER 1
#else
#define GDPR_BENCH_HAS_RENDER 0
#endif

using namespace gdpr;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// --cpu: stage times are the process's CPU time (user + system) instead of wall time,
// which is steadier on a machine shared with other jobs.
bool g_cpu_time = false;

// Milliseconds since an arbitrary origin, wall or CPU.
double Now() {
  if (g_cpu_time) {
    struct rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
  }
  return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

double Ms(double from, double to) { return to - from; }

// Plain data so that a child can hand it to the parent through a pipe.
struct Result {
  bool ok = false;
  double yaml_mb = 0, ddl_mb = 0;
  long yaml_files = 0, ddl_files = 0, tables = 0, columns = 0, findings = 0, diagnostics = 0;
  double floor_ms = 0;                    // yaml-cpp alone
  double events_floor_ms = 0;             // yaml-cpp's parser alone, no tree
  double setup_ms = 0;                    // taxonomy, countries, classifier, rule packs
  double setup_tables_ms = 0, setup_classifier_ms = 0, setup_rules_ms = 0;
  double load_ms = 0, ddl_ms = 0, classify_ms = 0, rules_ms = 0, render_ms = 0;
  double audit_ms = 0;                    // start of setup to end of render
  double render_bytes = 0;
  long peak_kb = 0;                       // filled by the parent from wait4
  long floor_peak_kb = 0;
  double cli_ms = 0;                      // `gdpr-audit scan DIR --format json`, start to exit
  long cli_peak_kb = 0;
  double pair_ratio = 0;                  // median of CLI / floor, each pair run in turn
};

std::vector<fs::path> FilesWithExtension(const fs::path& dir, std::initializer_list<const char*> exts) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    for (const char* ext : exts)
      if (entry.path().extension() == ext) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

double MegaBytes(const std::vector<fs::path>& files) {
  double bytes = 0;
  for (const auto& f : files) bytes += static_cast<double>(fs::file_size(f));
  return bytes / 1e6;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The floor: yaml-cpp building its node tree for every declaration file, nothing else.
// Files are read before the clock starts, as the floor is the parser, not the disk.
// Every declarations file's text, read before a floor's clock starts.
std::vector<std::string> DeclarationTexts(const fs::path& dir) {
  std::vector<std::string> texts;
  for (const auto& f : FilesWithExtension(dir, {".yaml", ".yml"})) texts.push_back(ReadAll(f));
  return texts;
}

double FloorMs(const std::vector<std::string>& texts, const fs::path& dir) {
  const auto start = Now();
  size_t nodes = 0;
  for (const auto& text : texts) {
    YAML::Node doc = YAML::Load(text);
    nodes += doc.size();
  }
  const auto end = Now();
  if (nodes == 0) std::fprintf(stderr, "audit_bench: no YAML documents under %s\n", dir.c_str());
  return Ms(start, end);
}

// A stricter floor: yaml-cpp's parser emitting its events to a handler that keeps
// nothing. gdpr-audit builds its trees from these events (load/yaml_parser.cpp), so its
// YAML stage can come in under YAML::Load; this shows how far under it could go.
class NullHandler : public YAML::EventHandler {
 public:
  size_t nodes = 0;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++nodes; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++nodes; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++nodes; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++nodes;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++nodes;
  }
  void OnMapEnd() override {}
};

double EventsFloorMs(const std::vector<std::string>& texts, const fs::path& dir) {
  const auto start = Now();
  NullHandler handler;
  for (const auto& text : texts) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    parser.HandleNextDocument(handler);
  }
  const auto end = Now();
  if (handler.nodes == 0) std::fprintf(stderr, "audit_bench: no YAML events under %s\n", dir.c_str());
  return Ms(start, end);
}

// A streambuf that counts and drops what is written: rendering cost without the disk.
class CountingBuf : public std::streambuf {
 public:
  size_t count = 0;

 protected:
  int overflow(int c) override {
    if (c != EOF) ++count;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<size_t>(n);
    return n;
  }
};

Result RunAudit(const fs::path& dir) {
  Result r;
  const auto yaml_files = FilesWithExtension(dir, {".yaml", ".yml"});
  const auto ddl_files = FilesWithExtension(dir / "db", {".sql"});
  r.yaml_files = static_cast<long>(yaml_files.size());
  r.ddl_files = static_cast<long>(ddl_files.size());
  r.yaml_mb = MegaBytes(yaml_files);
  r.ddl_mb = MegaBytes(ddl_files);

  model::Diagnostics diags;
  const std::string rules = GDPR_DEFAULT_RULES_DIR;
  const auto start = Now();
  auto taxonomy = analysis::Taxonomy::LoadFile(rules + "/taxonomy.yaml", diags);
  auto countries = analysis::CountryTable::LoadFile(rules + "/countries.yaml", diags);
  if (!taxonomy || !countries) {
    diags.Render(std::cerr, false);
    return r;
  }
  const auto tables_end = Now();
  auto classifier = analysis::Classifier::LoadDir(rules + "/classifiers", *taxonomy, diags, "rules/classifiers");
  if (!classifier) {
    diags.Render(std::cerr, false);
    return r;
  }
  const auto classifier_end = Now();
#if GDPR_BENCH_HAS_RULES
  analysis::RuleSet rule_set;
  analysis::ConditionScope scope{"", &*taxonomy, &*countries, &analysis::CheckRegistry::Builtins()};
  if (!rule_set.AddDir(rules + "/packs", scope, diags)) {
    diags.Render(std::cerr, false);
    return r;
  }
#endif
  const auto setup_end = Now();
  r.setup_ms = Ms(start, setup_end);
  r.setup_tables_ms = Ms(start, tables_end);
  r.setup_classifier_ms = Ms(tables_end, classifier_end);
  r.setup_rules_ms = Ms(classifier_end, setup_end);

  // Stage 1: declarations (YAML) into the Inventory.
  auto inventory = std::make_shared<model::Inventory>(
      load::LoadDeclarations({dir.string()}, *taxonomy, *countries, diags));
  const auto load_end = Now();
  r.load_ms = Ms(setup_end, load_end);

  // Stage 2: the DDL of every datastore.
#if GDPR_BENCH_HAS_DDL
  // The shape of analysis::SchemaMap, which only exists once the rule engine has landed.
  std::map<std::string, std::shared_ptr<const model::Schema>> schemas;
  // As the CLI does (cli/audit_runner.cpp): files parsed on every core, merged in order.
  std::vector<const model::Datastore*> stores;
  for (const auto& system : inventory->systems)
    for (const auto& store : system.datastores)
      if (!store.schema_path.empty()) stores.push_back(&store);
  std::vector<std::shared_ptr<const model::Schema>> loaded(stores.size());
  std::vector<model::Diagnostics> store_diags(stores.size());
  util::ParallelFor(stores.size(), [&](size_t i) {
    auto schema = load::LoadSchema(stores[i]->schema_path, store_diags[i], {}, stores[i]->At("schema"));
    if (schema) loaded[i] = std::make_shared<const model::Schema>(std::move(*schema));
    store_diags[i].DropUnusedSources();
  });
  for (size_t i = 0; i < stores.size(); ++i) {
    diags.Append(std::move(store_diags[i]));
    if (!loaded[i]) continue;
    r.tables += static_cast<long>(loaded[i]->tables.size());
    for (const auto& t : loaded[i]->tables) r.columns += static_cast<long>(t.columns.size());
    schemas.emplace(stores[i]->id, std::move(loaded[i]));
  }
#endif
  const auto ddl_end = Now();
  r.ddl_ms = Ms(load_end, ddl_end);

  // Stage 3: every column through the classifier (cold cache: each distinct key once).
#if GDPR_BENCH_HAS_DDL
  size_t personal = 0;
  for (const auto& [id, schema] : schemas)
    for (const auto& verdicts : classifier->ClassifySchema(*schema))
      for (const auto& v : verdicts) personal += v.personal() ? 1 : 0;
  (void)personal;
#endif
  const auto classify_end = Now();
  r.classify_ms = Ms(ddl_end, classify_end);

  // Stage 4: the audit model and the rules (the classifier's cache is warm by now, so
  // classification is not counted twice).
#if GDPR_BENCH_HAS_RULES
  analysis::AuditInputs inputs;
  inputs.inventory = inventory;
  inputs.schemas = std::move(schemas);
  const analysis::Classifier& cls = *classifier;
  analysis::AuditContext context{*taxonomy, *countries,
                                 [&cls](const model::Table& t, const model::Column& c) { return cls.ClassifyShared(t, c); }};
  analysis::AuditOptions options;
  options.today = "2026-01-01";
  model::Report report = analysis::RunAudit(inputs, rule_set, context, options);
  r.findings = static_cast<long>(report.findings.size());
#endif
  const auto rules_end = Now();
  r.rules_ms = Ms(classify_end, rules_end);

  // Stage 5: the JSON report (the canonical format), written to a counting sink.
#if GDPR_BENCH_HAS_RENDER
  CountingBuf sink;
  std::ostream out(&sink);
  report::RenderOptions render_options;
  report::Render("json", report, render_options, out);
  out.flush();
  r.render_bytes = static_cast<double>(sink.count);
#endif
  const auto end = Now();
  r.render_ms = Ms(rules_end, end);
  r.audit_ms = Ms(start, end);
  r.diagnostics = static_cast<long>(diags.size());
  r.ok = true;
  return r;
}

// Runs `fn` in a forked child and returns what it wrote plus its peak RSS.
template <typename Fn>
bool InChild(Fn fn, Result& result, long& peak_kb) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    close(fds[0]);
    Result r = fn();
    ssize_t w = write(fds[1], &r, sizeof r);
    _exit(w == static_cast<ssize_t>(sizeof r) ? 0 : 1);
  }
  close(fds[1]);
  Result r;
  size_t got = 0;
  while (got < sizeof r) {
    ssize_t n = read(fds[0], reinterpret_cast<char*>(&r) + got, sizeof r - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  if (got != sizeof r || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return false;
  result = r;
  peak_kb = usage.ru_maxrss;
  return true;
}

// Runs the gdpr-audit binary next to this one, `scan DIR --format json` with its output
// thrown away, and returns its time (wall, or user+sys with --cpu) and peak RSS: the
// whole audit as a user or CI step sees it, threads, process start and exit included.
bool TimeCli(const fs::path& binary, const fs::path& dir, double& ms, long& peak_kb) {
  std::fflush(nullptr);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(binary.c_str(), binary.c_str(), "scan", dir.c_str(), "--format", "json", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  const auto end = std::chrono::steady_clock::now();
  // Findings make scan exit 1; 2 means it failed.
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) return false;
  ms = g_cpu_time ? (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                        (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
                  : std::chrono::duration<double, std::milli>(end - start).count();
  peak_kb = usage.ru_maxrss;
  return true;
}

// Best of `runs` (by audit wall time); the floor and the CLI likewise, each in its own
// child.
bool Measure(const fs::path& dir, int runs, const fs::path& cli, Result& best) {
  bool any = false;
  for (int i = 0; i < runs; ++i) {
    Result r;
    long peak = 0;
    if (!InChild([&] { return RunAudit(dir); }, r, peak) || !r.ok) return false;
    r.peak_kb = peak;
    if (!any || r.audit_ms < best.audit_ms) {
      double floor = best.floor_ms, events_floor = best.events_floor_ms;
      long floor_peak = best.floor_peak_kb;
      best = r;
      best.floor_ms = floor;
      best.events_floor_ms = events_floor;
      best.floor_peak_kb = floor_peak;
    }
    any = true;
  }
  // The floor and the CLI run in turns, so that each pair meets the VM at the same
  // moment (its speed drifts by 10-30% from one minute to the next): the median of the
  // pairs' ratios is steadier than the ratio of two bests taken minutes apart.
  std::vector<double> ratios;
  const bool has_cli = fs::exists(cli);
  for (int i = 0; i < runs; ++i) {
    Result f;
    long peak = 0;
    if (!InChild(
            [&] {
              Result x;
              const std::vector<std::string> texts = DeclarationTexts(dir);
              x.floor_ms = FloorMs(texts, dir);
              x.events_floor_ms = EventsFloorMs(texts, dir);
              x.ok = true;
              return x;
            },
            f, peak))
      return false;
    if (i == 0 || f.floor_ms < best.floor_ms) best.floor_ms = f.floor_ms;
    if (i == 0 || f.events_floor_ms < best.events_floor_ms) best.events_floor_ms = f.events_floor_ms;
    best.floor_peak_kb = std::max(best.floor_peak_kb, peak);
    if (!has_cli) continue;
    double ms = 0;
    if (!TimeCli(cli, dir, ms, peak)) return false;
    if (ratios.empty() || ms < best.cli_ms) best.cli_ms = ms;
    best.cli_peak_kb = std::max(best.cli_peak_kb, peak);
    ratios.push_back(ms / f.floor_ms);
  }
  if (!ratios.empty()) {
    std::sort(ratios.begin(), ratios.end());
    best.pair_ratio = ratios[ratios.size() / 2];
  }
  return true;
}

// A size name generates (once) into <estates>/<size> with the estate_generator next to
// this binary; anything else is an existing folder.
std::optional<fs::path> EstateDir(const std::string& arg, const fs::path& estates, const fs::path& self_dir) {
  if (arg != "S" && arg != "M" && arg != "L") {
    if (!fs::is_directory(arg)) return std::nullopt;
    return fs::path(arg);
  }
  fs::path dir = estates / arg;
  if (fs::exists(dir / "estate-0.yaml")) return dir;
  std::string cmd = (self_dir / "estate_generator").string() + " " + arg + " " + dir.string() + " 42 >/dev/null";
  if (std::system(cmd.c_str()) != 0) return std::nullopt;
  return dir;
}

void Print(const std::string& name, const Result& r) {
  const double input_mb = r.yaml_mb + r.ddl_mb;
  std::printf("\n== %s: %ld YAML files (%.2f MB), %ld DDL files (%.2f MB), %ld tables, %ld columns\n",
              name.c_str(), r.yaml_files, r.yaml_mb, r.ddl_files, r.ddl_mb, r.tables, r.columns);
  std::printf("  whole audit            %10.1f ms\n", r.audit_ms);
  std::printf("  peak RSS               %10.1f MB  (%.2fx input; floor process %.1f MB)\n", r.peak_kb / 1024.0,
              input_mb > 0 ? r.peak_kb / 1024.0 * 1.048576 / input_mb : 0.0, r.floor_peak_kb / 1024.0);
  std::printf("  setup (rules dir)      %10.1f ms  (taxonomy+countries %.1f, classifier %.1f, rule packs %.1f)\n",
              r.setup_ms, r.setup_tables_ms, r.setup_classifier_ms, r.setup_rules_ms);
  std::printf("  load YAML              %10.1f ms\n", r.load_ms);
  if (GDPR_BENCH_HAS_DDL)
    std::printf("  parse DDL              %10.1f ms  (%.1f MB/s)\n", r.ddl_ms, r.ddl_ms > 0 ? r.ddl_mb / (r.ddl_ms / 1000) : 0);
  else
    std::printf("  parse DDL                     n/a  (sql/ddl_parser.h not in this build)\n");
  if (GDPR_BENCH_HAS_DDL)
    std::printf("  classify               %10.1f ms  (%.2f M columns/s)\n", r.classify_ms,
                r.classify_ms > 0 ? r.columns / (r.classify_ms / 1000) / 1e6 : 0);
  else
    std::printf("  classify                      n/a\n");
  if (GDPR_BENCH_HAS_RULES)
    std::printf("  evaluate rules         %10.1f ms  (%ld findings)\n", r.rules_ms, r.findings);
  else
    std::printf("  evaluate rules                n/a  (rule engine not in this build)\n");
  if (GDPR_BENCH_HAS_RENDER)
    std::printf("  render JSON            %10.1f ms  (%.2f MB)\n", r.render_ms, r.render_bytes / 1e6);
  else
    std::printf("  render JSON                   n/a  (reporters not in this build)\n");
  std::printf("  FLOOR yaml-cpp alone   %10.1f ms  (YAML::Load; its parser's events alone: %.1f ms)\n", r.floor_ms,
              r.events_floor_ms);
  std::printf("  ratio audit / floor    %10.2f   (in-process stages above)\n", r.floor_ms > 0 ? r.audit_ms / r.floor_ms : 0);
  if (r.cli_ms > 0) {
    std::printf("  CLI scan, start-exit   %10.1f ms  (peak RSS %.1f MB, %.2fx input)\n", r.cli_ms,
                r.cli_peak_kb / 1024.0, input_mb > 0 ? r.cli_peak_kb / 1024.0 * 1.048576 / input_mb : 0.0);
    std::printf("  ratio CLI / floor      %10.2f   (target <= 1.5 on L; %.2f over the events alone)\n",
                r.floor_ms > 0 ? r.cli_ms / r.floor_ms : 0, r.events_floor_ms > 0 ? r.cli_ms / r.events_floor_ms : 0);
    std::printf("  ratio, pairs in turn   %10.2f   (median of CLI / floor, each CLI run right after its floor)\n",
                r.pair_ratio);
  }
  if (r.diagnostics > 0) std::printf("  (%ld diagnostics reported)\n", r.diagnostics);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 1;
  fs::path estates = fs::path(argv[0]).parent_path() / "bench-estates";
  std::vector<std::string> targets;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--estates" && i + 1 < argc) estates = argv[++i];
    else if (a == "--cpu") g_cpu_time = true;
    else if (a == "-h" || a == "--help") {
      std::printf("usage: %s [--runs N] [--cpu] [--estates DIR] [S|M|L|PATH]...\n", argv[0]);
      return 0;
    } else targets.push_back(a);
  }
  if (targets.empty()) targets = {"S", "M", "L"};
  std::printf("audit_bench: times are %s, best of %d\n", g_cpu_time ? "CPU (user+sys)" : "wall", runs);
  const fs::path self_dir = fs::absolute(argv[0]).parent_path();

  std::vector<std::pair<std::string, Result>> results;
  for (const auto& t : targets) {
    auto dir = EstateDir(t, estates, self_dir);
    if (!dir) {
      std::fprintf(stderr, "audit_bench: cannot find or generate estate '%s'\n", t.c_str());
      return 2;
    }
    Result r;
    if (!Measure(*dir, runs, self_dir / "gdpr-audit", r)) {
      std::fprintf(stderr, "audit_bench: the audit of %s failed\n", dir->c_str());
      return 1;
    }
    Print(t, r);
    results.emplace_back(t, r);
  }

  const Result* m = nullptr;
  const Result* l = nullptr;
  for (const auto& [name, r] : results) {
    if (name == "M") m = &r;
    if (name == "L") l = &r;
  }
  if (m && l) {
    const double input = (l->yaml_mb + l->ddl_mb) / (m->yaml_mb + m->ddl_mb);
    const double wall = l->audit_ms / m->audit_ms;
    std::printf("\nM -> L: input x%.2f, time x%.2f (%s)\n", input, wall,
                wall <= input ? "linear or better" : "worse than linear");
  }
  return 0;
}
