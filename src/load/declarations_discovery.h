// DiscoverDeclarationFiles: which of the paths a user named are declarations files
// (top-level `gdpr_audit: 1`) and which are Fides manifests (top-level `system:`,
// `dataset:` or `organization:` without `gdpr_audit`).
//
// Folders are walked recursively in sorted order; hidden folders (.git, .venv, ...)
// are skipped, and so, quietly, is every .yaml/.yml file that is neither kind (CI
// configs, compose files...). A file named explicitly is always taken as a
// declarations file unless it is a Fides manifest, so the loader can say precisely
// what is wrong with it (empty, binary, a YAML error, no `gdpr_audit: 1`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/file_reader.h"
#include "load/scan_root.h"
#include "model/diagnostics.h"

namespace gdpr::load {

struct LoadOptions {
  ReadLimits limits;
  // --allow-outside-root: read files that resolve outside the scanned folders.
  bool allow_outside_root = false;
  // The boundary files found by a folder walk and `schema:` paths must stay inside.
  // LoadDeclarations sets it from its paths and allow_outside_root; the default has
  // no boundary (for callers that read one file they were handed).
  ScanRoot root;
};

struct DiscoveredFiles {
  std::vector<std::string> declarations;  // display paths (as given, joined, normalised); the
                                          // order of `paths`, each folder in sorted order
  std::vector<std::string> fides;
  size_t declaration_bytes = 0;  // the sizes of `declarations` added up, as read here
};

// Reports paths that do not exist and explicit files that are not YAML (.yaml/.yml)
// to `diags`; never fails as a whole. Each file appears once. A file found in a folder
// that resolves outside `options.root` (a symbolic link) is refused with an error, and
// a folder holding more than `options.limits.max_files` YAML files is an error too.
DiscoveredFiles DiscoverDeclarationFiles(const std::vector<std::string>& paths, model::Diagnostics& diags,
                                         const LoadOptions& options = {});

enum class YamlFileKind { kDeclarations, kFides, kOther };
// Classifies YAML text by its top-level keys (a cheap scan: syntax errors do not hide
// a declarations file from discovery; the loader reports them).
YamlFileKind ClassifyYamlText(std::string_view text);

}  // namespace gdpr::load
