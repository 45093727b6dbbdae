#include "load/yaml_parser.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <istream>
#include <streambuf>
#include <string>
#include <unordered_set>
#include <vector>

#include "load/yaml_snapshot.h"
#include "util/intern.h"
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
    bool token_start = false;
    switch (last_significant) {
      case 0: case ':': case ',': case '[': case '{': case '-': case '?': token_start = true; break;
      default: break;
    }
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

// Converts what YAML::Load built, for documents with aliases (see TreeBuilder): an
// alias is the anchored node again, so its subtree is copied, under its own budget.
class Converter {
 public:
  Converter(std::string_view name, model::Diagnostics& diags, const YamlLimits& limits)
      : path_(util::Intern(name)), diags_(diags), limits_(limits) {}

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
    const YAML::Mark mark = in.Mark();
    if (mark.pos >= 0) aliased = aliased || !seen_.insert(mark.pos).second;
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
  const std::string* path_;
  model::Diagnostics& diags_;
  const YamlLimits& limits_;
  size_t nodes_ = 0;
  size_t alias_nodes_ = 0;
  std::unordered_set<int> seen_;  // text positions of the nodes converted so far
  bool failed_ = false;
};


// Builds the YamlNode tree straight from yaml-cpp's parser events. YAML::Load would
// first build yaml-cpp's own graph of reference-counted nodes, which costs about a
// third of the parse, and then the Converter would walk it again. Aliases are the one
// thing it leaves to that path: on the first alias it stops, and the caller parses the
// text again with YAML::Load, where the Converter expands aliases under their budgets.
// Nodes are counted and nested exactly as the Converter counts them (pre-order).
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view name, const YamlLimits& limits)
      : path_(util::Intern(name)), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    if (Begin(mark)) End();
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {
    saw_alias_ = true;
    stopped_ = true;
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    YamlNode* node = Begin(mark);
    if (!node) return;
    node->kind = YamlNode::Kind::kScalar;
    node->scalar = value;
    node->quoted = tag == "!";
    End();
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    if (YamlNode* node = Begin(mark)) node->kind = YamlNode::Kind::kSequence;
  }
  void OnSequenceEnd() override { End(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    if (YamlNode* node = Begin(mark)) node->kind = YamlNode::Kind::kMap;
  }
  void OnMapEnd() override { End(); }

  bool saw_alias() const { return saw_alias_; }
  // The limit the document broke (message and where), if any.
  const std::optional<std::pair<YAML::Mark, std::string>>& limit() const { return limit_; }
  YamlNode TakeRoot() { return std::move(root_); }

 private:
  // A new node in its parent (or the root), open until End(); null once stopped.
  YamlNode* Begin(const YAML::Mark& mark) {
    if (stopped_) return nullptr;
    if (++nodes_ > limits_.max_nodes)
      return Stop(mark, "document expands to more than " + std::to_string(limits_.max_nodes) +
                            " nodes (anchors and aliases nested too often?)");
    if (static_cast<int>(open_.size()) > limits_.max_depth)
      return Stop(mark, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    YamlNode& node = Attach();
    node.path = path_;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    open_.push_back({&node, false});
    return &node;
  }

  // Where the next node goes: the root, the next list item, or a mapping's next key or
  // its value. A node stays put while open: only its own children are added meanwhile.
  YamlNode& Attach() {
    if (open_.empty()) return root_;
    Open& parent = open_.back();
    if (parent.node->IsSequence()) return parent.node->items.emplace_back();
    if (parent.awaiting_value) {
      parent.awaiting_value = false;
      return parent.node->entries.back().second;
    }
    parent.awaiting_value = true;
    return parent.node->entries.emplace_back().first;
  }

  void End() {
    if (!stopped_) open_.pop_back();
  }

  YamlNode* Stop(const YAML::Mark& mark, std::string message) {
    stopped_ = true;
    limit_.emplace(mark, std::move(message));
    return nullptr;
  }

  struct Open {
    YamlNode* node;
    bool awaiting_value;  // a mapping whose last key has no value yet
  };
  const std::string* path_;
  const YamlLimits& limits_;
  YamlNode root_;
  std::vector<Open> open_;
  size_t nodes_ = 0;
  bool stopped_ = false;
  bool saw_alias_ = false;
  std::optional<std::pair<YAML::Mark, std::string>> limit_;
};

// An istream over text already in memory (YAML::Load(std::string) copies it twice).
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only ever read
    setg(begin, begin, begin + text.size());
  }
};

// Runs `parse` (which calls yaml-cpp); false after reporting when yaml-cpp throws,
// the exceptions stopping here.
template <typename Parse>
bool ParsedWithoutError(const Parse& parse, std::string_view name, model::Diagnostics& diags) {
  try {
    parse();
    return true;
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based; -1 when unknown.
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 1;
    int column = e.mark.column >= 0 ? e.mark.column + 1 : 1;
    diags.Error({std::string(name), line, column}, "invalid YAML: " + util::Capitalized(e.msg),
                "check the indentation and quoting on this line and the one above");
  } catch (const std::exception& e) {
    diags.Error({std::string(name), 1, 1}, std::string("invalid YAML: ") + e.what());
  }
  return false;
}

// The first document of `text` through parser events; nullopt with `*use_nodes` set
// when it holds an alias (see TreeBuilder), or with a diagnostic.
std::optional<YamlNode> BuildFromEvents(std::string_view text, std::string_view name, model::Diagnostics& diags,
                                        const YamlLimits& limits, bool* use_nodes) {
  TreeBuilder builder(name, limits);
  auto parse = [&] {
    TextBuffer buffer(text);
    std::istream in(&buffer);
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);  // false for an empty text: the root stays null
  };
  if (!ParsedWithoutError(parse, name, diags)) return std::nullopt;
  if (builder.saw_alias()) {
    *use_nodes = true;
    return std::nullopt;
  }
  if (const auto& limit = builder.limit()) {
    diags.Error({std::string(name), limit->first.line + 1, limit->first.column + 1}, limit->second,
                "simplify the document; declarations never need this");
    return std::nullopt;
  }
  YamlNode root = builder.TakeRoot();
  if (!root.path) root.path = util::Intern(name);  // empty text
  return root;
}

// The first document through YAML::Load and the Converter, which expands aliases.
std::optional<YamlNode> BuildFromNodes(std::string_view text, std::string_view name, model::Diagnostics& diags,
                                       const YamlLimits& limits) {
  YAML::Node root;
  if (!ParsedWithoutError([&] { root = YAML::Load(std::string(text)); }, name, diags)) return std::nullopt;
  Converter converter(name, diags, limits);
  YamlNode out;
  if (!converter.Convert(root, out, 0)) return std::nullopt;
  return out;
}

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
  bool use_nodes = false;
  std::optional<YamlNode> built = BuildFromEvents(text, name, diags, limits, &use_nodes);
  // Not `use_nodes ? ... : built`: a conditional with an lvalue arm copies the whole tree.
  if (use_nodes) return BuildFromNodes(text, name, diags, limits);
  return built;
}

}  // namespace gdpr::load
