#include "load/declarations_discovery.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "load/yaml_fields.h"

namespace gdpr::load {
namespace {

namespace fs = std::filesystem;

bool HasYamlExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".yaml" || ext == ".yml";
}

// The top-level key a line starts with ("gdpr_audit" for `gdpr_audit: 1`), or "".
std::string_view TopLevelKey(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-') return {};
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return {};
  std::string_view key = line.substr(0, colon);
  while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
  if (key.size() >= 2 && (key[0] == '"' || key[0] == '\'') && key.back() == key[0])
    key = key.substr(1, key.size() - 2);
  return key;
}

std::string Display(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  return s.empty() ? "." : s;
}

// Adds the declarations files and Fides manifests under `root`, quietly skipping the rest.
// Sizes: each declarations file's size as read, by display path.
using Sizes = std::map<std::string, size_t>;

void WalkFolder(const fs::path& root, DiscoveredFiles& found, Sizes& sizes, model::Diagnostics& diags,
                const LoadOptions& options) {
  std::error_code ec;
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(type_ec) && HasYamlExtension(entry.path())) files.push_back(entry.path());
    if (files.size() > options.limits.max_files) {
      diags.Error({Display(root), 0, 0},
                  "more than " + std::to_string(options.limits.max_files) + " YAML files under " +
                      Quote(Display(root)) + "; refusing to read them all",
                  "name the folders that hold the declarations, or raise the limit with --max-files");
      return;
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    // A committed symbolic link must not make us read (and quote) a file elsewhere.
    if (!options.root.Check(file, Display(file), {}, diags)) continue;
    model::Diagnostics quiet;  // an unreadable stray YAML file is not ours to complain about
    auto text = ReadInputFile(file.string(), quiet, options.limits);
    if (!text) continue;
    YamlFileKind kind = ClassifyYamlText(*text);
    if (kind == YamlFileKind::kDeclarations) {
      found.declarations.push_back(Display(file));
      sizes[Display(file)] = text->size();
    }
    if (kind == YamlFileKind::kFides) found.fides.push_back(Display(file));
  }
}

void AddExplicitFile(const fs::path& file, DiscoveredFiles& found, Sizes& sizes, model::Diagnostics& diags,
                     const LoadOptions& options) {
  if (!HasYamlExtension(file)) {
    diags.Error({Display(file), 0, 0}, Quote(Display(file)) + " is not a declarations file",
                "declarations files are YAML (.yaml or .yml) and start with 'gdpr_audit: 1'");
    return;
  }
  model::Diagnostics quiet;  // read errors are reported when the loader reads it
  auto text = ReadInputFile(file.string(), quiet, options.limits);
  if (text && ClassifyYamlText(*text) == YamlFileKind::kFides) {
    found.fides.push_back(Display(file));
    return;
  }
  found.declarations.push_back(Display(file));
  if (text) sizes[Display(file)] = text->size();
}

void Deduplicate(std::vector<std::string>& paths) {
  std::set<std::string> seen;
  std::vector<std::string> unique;
  for (std::string& p : paths)
    if (seen.insert(p).second) unique.push_back(std::move(p));
  paths = std::move(unique);
}

}  // namespace

YamlFileKind ClassifyYamlText(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  bool fides = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view key = TopLevelKey(text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    if (key == "gdpr_audit") return YamlFileKind::kDeclarations;
    if (key == "system" || key == "dataset" || key == "organization") fides = true;
    if (key == "policy" || key == "data_category" || key == "data_use" || key == "data_subject") fides = true;
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return fides ? YamlFileKind::kFides : YamlFileKind::kOther;
}

DiscoveredFiles DiscoverDeclarationFiles(const std::vector<std::string>& paths, model::Diagnostics& diags,
                                         const LoadOptions& options) {
  DiscoveredFiles found;
  Sizes sizes;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diags.Error({path, 0, 0}, Quote(path) + ": no such file or folder");
    } else if (fs::is_directory(status)) {
      WalkFolder(path, found, sizes, diags, options);
    } else {
      AddExplicitFile(path, found, sizes, diags, options);
    }
  }
  Deduplicate(found.declarations);
  Deduplicate(found.fides);
  for (const std::string& path : found.declarations)
    if (auto it = sizes.find(path); it != sizes.end()) found.declaration_bytes += it->second;
  return found;
}

}  // namespace gdpr::load
