#include "load/scan_root.h"

#include <algorithm>
#include <mutex>
#include <system_error>
#include <unordered_map>

namespace gdpr::load {
namespace fs = std::filesystem;
namespace {

// The absolute form of `path` with symbolic links resolved as far as the file
// exists and `.`/`..` removed; empty on an error we cannot judge.
fs::path ResolveFully(const fs::path& path) {
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

struct ScanRoot::FolderCache {
  fs::path working_dir;  // fs::absolute() asks the system for it on every call
  std::mutex mu;
  std::unordered_map<std::string, fs::path> resolved;  // absolute folder -> ResolveFully()
};

// ResolveFully(), with the folder looked up in the cache: a file that is not a symbolic
// link resolves to its resolved folder and its own name.
fs::path ScanRoot::Resolve(const fs::path& path) const {
  if (!folders_) return ResolveFully(path);
  std::error_code ec;
  const fs::path absolute = path.is_absolute() || folders_->working_dir.empty() ? fs::absolute(path, ec)
                                                                                 : folders_->working_dir / path;
  const fs::path name = absolute.filename();
  if (ec || name.empty() || name == "." || name == ".." || fs::is_symlink(fs::symlink_status(absolute, ec)))
    return ResolveFully(path);
  const std::string folder = absolute.parent_path().native();
  fs::path resolved_folder;
  {
    std::lock_guard<std::mutex> lock(folders_->mu);
    if (auto it = folders_->resolved.find(folder); it != folders_->resolved.end()) resolved_folder = it->second;
  }
  if (resolved_folder.empty()) {
    resolved_folder = ResolveFully(folder);
    if (resolved_folder.empty()) return {};
    std::lock_guard<std::mutex> lock(folders_->mu);
    folders_->resolved.emplace(folder, resolved_folder);
  }
  return (resolved_folder / name).lexically_normal();
}

ScanRoot ScanRoot::FromPaths(const std::vector<std::string>& paths) {
  ScanRoot root;
  root.bounded_ = true;
  root.folders_ = std::make_shared<FolderCache>();
  std::error_code cwd_error;
  root.folders_->working_dir = fs::current_path(cwd_error);  // stays empty on an error
  for (const std::string& given : paths) {
    std::error_code ec;
    fs::path path = given.empty() ? fs::path(".") : fs::path(given);
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) continue;
    fs::path folder = fs::is_directory(st) ? path : path.parent_path();
    if (folder.empty()) folder = ".";
    fs::path resolved = ResolveFully(folder);
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
