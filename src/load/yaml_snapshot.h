// YamlSnapshot: YAML documents parsed ahead of time, so start-up need not parse them.
//
// yaml-cpp reads about a kilobyte of YAML per 1,000,000 instructions, and the built-in
// rules/ folder (taxonomy, countries, classifier and rule packs: ~200 KB) used to cost
// ~30 ms of every run before any work began. The build parses those files once (tool
// src/yaml_snapshot_gen.cpp) and links the resulting trees into the gdpr-audit binary;
// ParseYaml() then answers from the snapshot when the text it is given is byte for byte
// a text of the snapshot, and parses with yaml-cpp as before otherwise (an edited rule
// file, a user's --rules folder, declarations). The result is the same tree either way:
// a snapshot only holds documents that parsed without any diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/yaml_node.h"

namespace gdpr::load {

// Appends one document to a snapshot blob: its exact text and its parsed tree (paths
// are not stored; they are the display name given at lookup).
void AppendToYamlSnapshot(std::string& blob, std::string_view text, const YamlNode& root);

// Makes the documents of `blob` available to FindInYamlSnapshot(). `blob` must outlive
// every lookup (it is static data in the binary). Several blobs may be installed.
// Returns false (and installs nothing) when `blob` is malformed.
bool InstallYamlSnapshot(std::string_view blob);

// The tree of `text` when an installed snapshot holds exactly this text, with `name`
// as the path of every node; nullopt otherwise.
std::optional<YamlNode> FindInYamlSnapshot(std::string_view text, std::string_view name);

}  // namespace gdpr::load
