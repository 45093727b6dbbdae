#include "load/yaml_parser.h"

#include <yaml-cpp/yaml.h>

#include <string>

namespace gdpr::load {
namespace {

// yaml-cpp parses recursively. Its own depth guard is far deeper than any real
// declarations file needs, so we refuse deep flow or block nesting before handing
// the text over: a cheap scan that over-approximates nesting is enough here.
int ApproximateNesting(std::string_view text) {
  int flow = 0, max_flow = 0, max_block = 0;
  bool in_single = false, in_double = false, in_comment = false;
  int line_prefix = 0;  // indentation plus "- " markers at the start of a line
  bool at_line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      in_comment = false;
      at_line_start = true;
      line_prefix = 0;
      continue;
    }
    if (in_comment) continue;
    if (at_line_start) {
      if (c == ' ' || c == '-' || c == '?' ) {
        if (c != ' ') ++line_prefix;
        ++line_prefix;
        max_block = std::max(max_block, line_prefix / 2);
        continue;
      }
      at_line_start = false;
    }
    if (in_double) {
      if (c == '\\') ++i;
      else if (c == '"') in_double = false;
      continue;
    }
    if (in_single) {
      if (c == '\'') in_single = false;
      continue;
    }
    if (c == '#') in_comment = true;
    else if (c == '"') in_double = true;
    else if (c == '\'') in_single = true;
    else if (c == '[' || c == '{') max_flow = std::max(max_flow, ++flow);
    else if ((c == ']' || c == '}') && flow > 0) --flow;
  }
  return std::max(max_flow, max_block);
}

class Converter {
 public:
  Converter(std::string_view name, model::Diagnostics& diags, const YamlLimits& limits)
      : path_(std::make_shared<const std::string>(name)), diags_(diags), limits_(limits) {}

  bool Convert(const YAML::Node& in, YamlNode& out, int depth) {
    if (++nodes_ > limits_.max_nodes) {
      if (!failed_) Fail(in, "document expands to more than " + std::to_string(limits_.max_nodes) +
                                 " nodes (anchors and aliases nested too often?)");
      return false;
    }
    if (depth > limits_.max_depth) {
      if (!failed_) Fail(in, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
      return false;
    }
    out.path = path_;
    out.line = in.Mark().line + 1;
    out.column = in.Mark().column + 1;
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YamlNode::Kind::kNull;
        return true;
      case YAML::NodeType::Scalar:
        out.kind = YamlNode::Kind::kScalar;
        out.scalar = in.Scalar();
        out.quoted = in.Tag() == "!";
        return true;
      case YAML::NodeType::Sequence:
        out.kind = YamlNode::Kind::kSequence;
        out.items.resize(in.size());
        for (size_t i = 0; i < in.size(); ++i)
          if (!Convert(in[i], out.items[i], depth + 1)) return false;
        return true;
      case YAML::NodeType::Map:
        out.kind = YamlNode::Kind::kMap;
        for (const auto& kv : in) {
          out.entries.emplace_back();
          if (!Convert(kv.first, out.entries.back().first, depth + 1)) return false;
          if (!Convert(kv.second, out.entries.back().second, depth + 1)) return false;
        }
        return true;
    }
    return true;
  }

  void Fail(const YAML::Node& at, const std::string& message) {
    failed_ = true;
    diags_.Error({*path_, at.Mark().line + 1, at.Mark().column + 1}, message,
                 "simplify the document; declarations never need this");
  }

 private:
  std::shared_ptr<const std::string> path_;
  model::Diagnostics& diags_;
  const YamlLimits& limits_;
  size_t nodes_ = 0;
  bool failed_ = false;
};

std::string Capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::optional<YamlNode> ParseYaml(std::string_view text, std::string_view name,
                                  model::Diagnostics& diags, const YamlLimits& limits) {
  diags.AddSource(name, text);
  if (ApproximateNesting(text) > limits.max_depth) {
    diags.Error({std::string(name), 1, 1},
                "YAML nesting is deeper than " + std::to_string(limits.max_depth) + " levels",
                "declarations never nest this deep; is this the right file?");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based; -1 when unknown.
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 1;
    int column = e.mark.column >= 0 ? e.mark.column + 1 : 1;
    diags.Error({std::string(name), line, column}, "invalid YAML: " + Capitalised(e.msg),
                "check the indentation and quoting on this line and the one above");
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.Error({std::string(name), 1, 1}, std::string("invalid YAML: ") + e.what());
    return std::nullopt;
  }
  Converter converter(name, diags, limits);
  YamlNode out;
  if (!converter.Convert(root, out, 0)) return std::nullopt;
  return out;
}

}  // namespace gdpr::load
