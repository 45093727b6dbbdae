#include "load/yaml_parser.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <unordered_set>

#include "load/yaml_snapshot.h"
#include "util/text.h"

namespace gdpr::load {
namespace {

// What a cheap pass over the text finds before yaml-cpp sees it.
struct PreScan {
  int nesting = 0;          // over-approximates flow and block nesting
  int open_quote_line = 0;  // 1-based line of a quote never closed; 0 when none
  int open_quote_column = 0;
};

// yaml-cpp parses recursively, and its own depth guard is far deeper than any real
// declarations file needs, so deep nesting is refused before handing the text over.
// The same pass finds a quoted scalar that is never closed: yaml-cpp 0.7 accepts
// `name: "Webshop` at the end of a file and silently swallows the lines after it.
// A quote only opens a scalar where a YAML token can start (after `: `, `- `, `,`,
// `[`, `{` or at the start of a line), so "Jan's shop" is not a quote.
PreScan ScanText(std::string_view text) {
  PreScan result;
  int flow = 0, line = 1, column = 0, line_prefix = 0;
  char quote = 0;
  int quote_line = 0, quote_column = 0;
  bool in_comment = false, at_line_start = true;
  char last_significant = 0;  // last non-space character on this line outside quotes
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      in_comment = false;
      at_line_start = true;
      line_prefix = 0;
      last_significant = 0;
      continue;
    }
    if (quote) {
      if (quote == '"' && c == '\\') ++i, ++column;
      else if (c == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i, ++column;
      else if (c == quote) quote = 0, last_significant = c;
      continue;
    }
    if (in_comment) continue;
    if (at_line_start) {
      if (c == ' ' || c == '-' || c == '?') {
        line_prefix += c == ' ' ? 1 : 2;
        result.nesting = std::max(result.nesting, line_prefix / 2);
        if (c != ' ') last_significant = c;
        continue;
      }
      at_line_start = false;
    }
    bool token_start = last_significant == 0 || std::string_view(":,[{-?").find(last_significant) != std::string_view::npos;
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      in_comment = true;
    } else if ((c == '"' || c == '\'') && token_start) {
      quote = c;
      quote_line = line;
      quote_column = column;
    } else if (c == '[' || c == '{') {
      result.nesting = std::max(result.nesting, ++flow);
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
    }
    if (c != ' ' && c != '\t' && c != '\r') last_significant = c;
  }
  if (quote) {
    result.open_quote_line = quote_line;
    result.open_quote_column = quote_column;
  }
  return result;
}

class Converter {
 public:
  // `may_alias`: the text has a `*`; without one there is no alias to track.
  Converter(std::string_view name, model::Diagnostics& diags, const YamlLimits& limits, bool may_alias)
      : path_(std::make_shared<const std::string>(name)), diags_(diags), limits_(limits), may_alias_(may_alias) {}

  // `aliased`: `in` lies in a subtree reached before (through an alias), whose copies
  // are what makes an alias bomb expensive; they have a budget of their own.
  bool Convert(const YAML::Node& in, YamlNode& out, int depth, bool aliased = false) {
    if (++nodes_ > limits_.max_nodes) {
      if (!failed_) Fail(in, "document expands to more than " + std::to_string(limits_.max_nodes) +
                                 " nodes (anchors and aliases nested too often?)");
      return false;
    }
    // yaml-cpp hands out the same node (same position in the text) for every alias of
    // an anchor; a position seen before means a copy. (No public node identity.)
    // (A set insertion per node costs more than the rest of the conversion, so it is
    // skipped for the usual text without a `*`.)
    const YAML::Mark mark = in.Mark();
    if (may_alias_ && mark.pos >= 0) aliased = aliased || !seen_.insert(mark.pos).second;
    if (aliased && ++alias_nodes_ > limits_.max_alias_nodes) {
      if (!failed_) Fail(in, "document expands to more than " + std::to_string(limits_.max_alias_nodes) +
                                 " nodes through aliases (anchors and aliases nested too often?)");
      return false;
    }
    if (depth > limits_.max_depth) {
      if (!failed_) Fail(in, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
      return false;
    }
    out.path = path_;
    out.line = mark.line + 1;
    out.column = mark.column + 1;
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
          if (!Convert(in[i], out.items[i], depth + 1, aliased)) return false;
        return true;
      case YAML::NodeType::Map:
        out.kind = YamlNode::Kind::kMap;
        out.entries.reserve(in.size());
        for (const auto& kv : in) {
          out.entries.emplace_back();
          if (!Convert(kv.first, out.entries.back().first, depth + 1, aliased)) return false;
          if (!Convert(kv.second, out.entries.back().second, depth + 1, aliased)) return false;
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
  size_t alias_nodes_ = 0;
  std::unordered_set<int> seen_;  // text positions of the nodes converted so far
  bool may_alias_ = true;
  bool failed_ = false;
};


}  // namespace

std::optional<YamlNode> ParseYaml(std::string_view text, std::string_view name,
                                  model::Diagnostics& diags, const YamlLimits& limits) {
  diags.AddSource(name, text);
  // The snapshot's trees were parsed under the default limits, so only a caller with
  // those limits may get them (a tighter caller could see a different outcome).
  const YamlLimits defaults;
  if (limits.max_depth == defaults.max_depth && limits.max_nodes == defaults.max_nodes &&
      limits.max_alias_nodes == defaults.max_alias_nodes)
    if (auto snap = FindInYamlSnapshot(text, name)) return snap;
  PreScan scan = ScanText(text);
  if (scan.open_quote_line > 0) {
    diags.Error({std::string(name), scan.open_quote_line, scan.open_quote_column},
                "invalid YAML: this quoted value is never closed",
                "add the closing quote; everything after it was read as part of the value");
    return std::nullopt;
  }
  if (scan.nesting > limits.max_depth) {
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
    diags.Error({std::string(name), line, column}, "invalid YAML: " + util::Capitalized(e.msg),
                "check the indentation and quoting on this line and the one above");
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.Error({std::string(name), 1, 1}, std::string("invalid YAML: ") + e.what());
    return std::nullopt;
  }
  Converter converter(name, diags, limits, text.find('*') != std::string_view::npos);
  YamlNode out;
  if (!converter.Convert(root, out, 0)) return std::nullopt;
  return out;
}

}  // namespace gdpr::load
