// ScanRoot: the folders a run was asked to audit, as a security boundary.
//
// gdpr-audit runs in CI on pull requests from strangers. A declarations file names
// other files (`schema:` paths); without a boundary a hostile change could point one
// at `../../.ssh/id_rsa` or commit a symbolic link to `/etc/shadow`, and the parser's
// error message would quote a line of it into a public CI log. So every file we read
// because a declaration (or a folder walk) led us there must resolve, after `..` and
// every symbolic link, inside one of the roots: the folders the user named, or the
// folder holding a file the user named. `--allow-outside-root` lifts the boundary.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostics.h"

namespace gdpr::load {

class ScanRoot {
 public:
  // No roots and no boundary: Contains() is always true (tests, library users).
  ScanRoot() = default;

  // The boundary for the command-line paths `paths` (files or folders, as typed;
  // relative to the working directory). A folder is a root; a file makes its parent
  // folder a root. Paths that do not exist are ignored (reading them fails later).
  static ScanRoot FromPaths(const std::vector<std::string>& paths);

  // --allow-outside-root: every path is accepted.
  void AllowOutside(bool allow) { allow_outside_ = allow; }
  bool allows_outside() const { return allow_outside_ || !bounded_; }

  // True when `path` (relative to the working directory), with `..` and every
  // symbolic link resolved, lies inside a root, or when there is no boundary.
  // A path that does not exist yet is judged by its longest existing prefix.
  bool Contains(const std::filesystem::path& path) const;

  // Contains(), or an error at `referenced_from` saying that `display_path` (what the
  // declaration wrote) leads outside the scanned folder. Never quotes the file.
  bool Check(const std::filesystem::path& path, const std::string& display_path,
             const model::SourceLocation& referenced_from, model::Diagnostics& diags) const;

  // The canonical root folders (for tests and messages).
  const std::vector<std::filesystem::path>& roots() const { return roots_; }

 private:
  struct FolderCache;
  std::filesystem::path Resolve(const std::filesystem::path& path) const;

  std::vector<std::filesystem::path> roots_;
  // The folders resolved so far, shared by the copies of one boundary (each parser
  // thread has one): an estate's schemas sit in a few folders, and resolving each
  // file's folder again was a dozen system calls per datastore.
  std::shared_ptr<FolderCache> folders_;
  bool bounded_ = false;
  bool allow_outside_ = false;
};

}  // namespace gdpr::load
