#include "load/scan_root.h"

#include <algorithm>
#include <system_error>

namespace gdpr::load {
namespace fs = std::filesystem;
namespace {

// The absolute form of `path` with symbolic links resolved as far as the file
// exists and `.`/`..` removed; empty on an error we cannot judge.
fs::path Resolve(const fs::path& path) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return {};
  return resolved.lexically_normal();
}

// True when `path` equals `root` or lies below it, element by element (so that
// "/srv/app-secrets" is not inside "/srv/app").
bool IsWithin(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator of the root
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace

ScanRoot ScanRoot::FromPaths(const std::vector<std::string>& paths) {
  ScanRoot root;
  root.bounded_ = true;
  for (const std::string& given : paths) {
    std::error_code ec;
    fs::path path = given.empty() ? fs::path(".") : fs::path(given);
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) continue;
    fs::path folder = fs::is_directory(st) ? path : path.parent_path();
    if (folder.empty()) folder = ".";
    fs::path resolved = Resolve(folder);
    if (!resolved.empty()) root.roots_.push_back(resolved);
  }
  std::sort(root.roots_.begin(), root.roots_.end());
  root.roots_.erase(std::unique(root.roots_.begin(), root.roots_.end()), root.roots_.end());
  return root;
}

bool ScanRoot::Contains(const fs::path& path) const {
  if (allows_outside()) return true;
  fs::path resolved = Resolve(path);
  if (resolved.empty()) return false;
  return std::any_of(roots_.begin(), roots_.end(),
                     [&](const fs::path& root) { return IsWithin(resolved, root); });
}

bool ScanRoot::Check(const fs::path& path, const std::string& display_path,
                     const model::SourceLocation& referenced_from,
                     model::Diagnostics& diags) const {
  if (Contains(path)) return true;
  model::SourceLocation where =
      referenced_from.path.empty() ? model::SourceLocation{display_path, 0, 0} : referenced_from;
  diags.Error(where,
              "'" + display_path +
                  "' resolves outside the scanned folder (through '..' or a symbolic link); "
                  "refusing to read it",
              "move the file under the folder being audited, or pass --allow-outside-root "
              "if you trust these declarations");
  return false;
}

}  // namespace gdpr::load
