#include "cli/scan_config.h"

#include <filesystem>

#include "load/file_reader.h"
#include "load/yaml_fields.h"
#include "load/yaml_parser.h"

namespace gdpr::cli {
namespace {

namespace fs = std::filesystem;

std::string Resolve(const std::string& config_path, const std::string& relative) {
  fs::path p(relative);
  if (p.is_absolute()) return relative;
  return (fs::path(config_path).parent_path() / p).lexically_normal().generic_string();
}

}  // namespace

std::string FindScanConfig(const std::string& explicit_path, const std::vector<std::string>& paths) {
  if (!explicit_path.empty()) return explicit_path;
  std::string first = paths.empty() ? "." : paths.front();
  std::error_code ec;
  fs::path folder = fs::is_directory(first, ec) ? fs::path(first) : fs::path(first).parent_path();
  fs::path candidate = folder / ".gdpr-audit.yaml";
  return fs::is_regular_file(candidate, ec) ? candidate.generic_string() : std::string();
}

std::optional<ScanConfig> LoadScanConfig(const std::string& path, model::Diagnostics& diags) {
  auto text = load::ReadInputFile(path, diags);
  if (!text) return std::nullopt;
  auto root = load::ParseYaml(*text, path, diags);
  if (!root) return std::nullopt;
  ScanConfig config;
  config.path = path;
  if (root->IsNull()) return config;  // an empty file sets nothing
  int errors_before = diags.error_count();
  load::FieldReader r(*root, "the configuration file", diags);
  if (!r.ok()) return std::nullopt;
  r.WarnUnknownKeys({"format", "output", "fail_on", "rules", "no_default_rules", "baseline", "color",
                     "lang", "quiet", "turnover"});
  config.format = r.String("format");
  config.output = r.String("output");
  config.fail_on = r.String("fail_on");
  config.color = r.String("color");
  config.lang = r.String("lang");
  config.no_default_rules = r.Bool("no_default_rules");
  config.quiet = r.Bool("quiet");
  config.turnover = r.Count("turnover");
  if (auto baseline = r.String("baseline")) config.baseline = Resolve(path, *baseline);
  if (auto output = config.output) config.output = Resolve(path, *output);
  if (auto rules = r.StringList("rules"))
    for (const std::string& dir : *rules) config.rules.push_back(Resolve(path, dir));
  if (diags.error_count() > errors_before) return std::nullopt;
  return config;
}

}  // namespace gdpr::cli
