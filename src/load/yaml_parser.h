// ParseYaml: the adapter between yaml-cpp and the rest of the project. It turns YAML
// text into a YamlNode tree, and every yaml-cpp exception into a diagnostic with the
// file's line and column. It also defends against hostile documents: nesting deeper
// than `max_depth` and alias expansion beyond `max_nodes` are errors, not crashes.
#pragma once

#include <optional>
#include <string_view>

#include "load/yaml_node.h"
#include "model/diagnostics.h"

namespace gdpr::load {

struct YamlLimits {
  int max_depth = 64;              // nesting of mappings and lists
  size_t max_nodes = 2'000'000;    // nodes after alias expansion
  // Nodes that are copies of a subtree reached again through an alias. An alias bomb
  // is all copies; real declarations reuse a few small anchors.
  size_t max_alias_nodes = 100'000;
};

// Parses the first document of `text` (`name` is the display path used in messages
// and stored in every node). Returns nullopt after reporting to `diags` when the text
// is not valid YAML or exceeds `limits`. An empty document gives a null node.
// A text held by an installed YamlSnapshot (the built-in rules/ files) is not parsed
// again: its tree comes from the snapshot, identical to what parsing would give.
std::optional<YamlNode> ParseYaml(std::string_view text, std::string_view name,
                                  model::Diagnostics& diags, const YamlLimits& limits = {});

}  // namespace gdpr::load
