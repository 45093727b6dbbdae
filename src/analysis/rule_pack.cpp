#include "analysis/rule_pack.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>

#include <re2/re2.h>

#include "load/file_reader.h"
#include "load/yaml_parser.h"
#include "util/edit_distance.h"

namespace gdpr::analysis {
namespace {

const std::vector<std::string> kRuleKeys = {"id",      "title",       "severity",   "articles",
                                            "fine_tier", "applies_to", "when",       "check",
                                            "at",      "message",     "remediation", "references",
                                            "fixtures", "description"};
const std::vector<std::string> kFixtureKeys = {"name", "expect", "subject", "declarations", "files", "path", "today"};

// Parses one rule of a pack; all problems go to `diags`.
class RuleParser {
 public:
  RuleParser(const ConditionScope& base, std::string pack, std::string base_dir, model::Diagnostics& diags)
      : base_(base), pack_(std::move(pack)), base_dir_(std::move(base_dir)), diags_(diags) {}

  std::optional<Rule> Parse(const load::YamlNode& node) {
    int before = diags_.error_count();
    if (!node.IsMap()) {
      diags_.Error(node.Location(), "a rule is a mapping with id, title, severity, ...");
      return std::nullopt;
    }
    for (const auto& [k, v] : node.entries)
      if (std::find(kRuleKeys.begin(), kRuleKeys.end(), k.scalar) == kRuleKeys.end())
        diags_.Error(k.Location(), "unknown rule field '" + k.scalar + "'", util::DidYouMean(k.scalar, kRuleKeys));
    Rule rule;
    rule.loc = node.Location();
    rule.pack = pack_;
    ParseHeader(node, rule);
    ParseCondition(node, rule);
    ParseText(node, rule);
    if (const auto* f = node.Find("fixtures")) ParseFixtures(*f, rule);
    if (diags_.error_count() > before) return std::nullopt;
    return rule;
  }

 private:
  const ConditionScope& base_;
  std::string pack_;
  std::string base_dir_;
  model::Diagnostics& diags_;

  const load::YamlNode* Required(const load::YamlNode& node, const char* key) {
    const load::YamlNode* v = node.Find(key);
    if (!v || !v->IsScalar() || v->scalar.empty()) {
      diags_.Error(v ? v->Location() : node.Location(), std::string("rule needs '") + key + "' (a single value)");
      return nullptr;
    }
    return v;
  }

  void ParseHeader(const load::YamlNode& node, Rule& rule) {
    static const RE2 kId("[A-Z][A-Z0-9]*-[0-9]{3}");
    if (const auto* id = Required(node, "id")) {
      rule.id = id->scalar;
      if (!RE2::FullMatch(rule.id, kId))
        diags_.Error(id->Location(), "rule id '" + rule.id + "' is not of the form FAMILY-NNN (e.g. LAW-001)");
    }
    if (const auto* t = Required(node, "title")) rule.title = t->scalar;
    if (const auto* s = Required(node, "severity")) {
      if (auto sev = model::ParseSeverity(s->scalar)) rule.severity = *sev;
      else diags_.Error(s->Location(), "unknown severity '" + s->scalar + "'",
                        util::DidYouMean(s->scalar, {"info", "low", "medium", "high", "critical"}));
    }
    if (const auto* t = Required(node, "fine_tier")) {
      rule.fine_tier = t->scalar;
      if (rule.fine_tier != "83(4)" && rule.fine_tier != "83(5)")
        diags_.Error(t->Location(), "fine_tier is 83(4) or 83(5), not '" + rule.fine_tier + "'");
    }
    if (const auto* a = Required(node, "applies_to")) {
      rule.applies_to = a->scalar == "organisation" ? "organization" : a->scalar;
      const auto& kinds = SubjectKinds();
      if (std::find(kinds.begin(), kinds.end(), rule.applies_to) == kinds.end())
        diags_.Error(a->Location(), "unknown subject kind '" + a->scalar + "'", util::DidYouMean(a->scalar, kinds));
    }
    rule.articles = StringList(node, "articles");
    if (rule.articles.empty()) diags_.Error(node.Location(), "rule needs 'articles' (e.g. [\"Art. 6(1)\"])");
    rule.references = StringList(node, "references");
  }

  std::vector<std::string> StringList(const load::YamlNode& node, const char* key) {
    std::vector<std::string> out;
    const load::YamlNode* v = node.Find(key);
    if (!v) return out;
    if (v->IsScalar()) return {v->scalar};
    if (!v->IsSequence()) {
      diags_.Error(v->Location(), std::string("'") + key + "' expects a list of strings");
      return out;
    }
    for (const auto& i : v->items) out.push_back(i.scalar);
    return out;
  }

  void ParseCondition(const load::YamlNode& node, Rule& rule) {
    if (rule.applies_to.empty() || !FieldsOf(rule.applies_to)) return;
    ConditionScope scope = base_;
    scope.applies_to = rule.applies_to;
    const load::YamlNode* when = node.Find("when");
    const load::YamlNode* check = node.Find("check");
    if (!when && !check) {
      diags_.Error(node.Location(), "rule needs a condition: 'when' (or a built-in 'check')");
      return;
    }
    // `check:` beside `when:` means both must hold: wrap them in an implicit `all`.
    load::YamlNode all;
    all.kind = load::YamlNode::Kind::kMap;
    all.line = node.line;
    all.column = node.column;
    all.path = node.path;
    load::YamlNode list;
    list.kind = load::YamlNode::Kind::kSequence;
    list.path = node.path;
    if (when) list.items.push_back(*when);
    if (check) {
      load::YamlNode c;
      c.kind = load::YamlNode::Kind::kMap;
      c.path = node.path;
      c.line = check->line;
      c.column = check->column;
      load::YamlNode key;
      key.kind = load::YamlNode::Kind::kScalar;
      key.scalar = "check";
      c.entries.emplace_back(key, *check);
      list.items.push_back(std::move(c));
    }
    if (list.items.size() == 1) {
      rule.when = Condition::Parse(list.items[0], scope, diags_);
      return;
    }
    load::YamlNode all_key;
    all_key.kind = load::YamlNode::Kind::kScalar;
    all_key.scalar = "all";
    all.entries.emplace_back(all_key, std::move(list));
    rule.when = Condition::Parse(all, scope, diags_);
  }

  void ParseText(const load::YamlNode& node, Rule& rule) {
    if (const auto* m = Required(node, "message")) {
      rule.message = m->scalar;
      while (!rule.message.empty() && std::isspace(static_cast<unsigned char>(rule.message.back())))
        rule.message.pop_back();
      CheckTemplate(*m, rule);
    }
    if (const auto* r = Required(node, "remediation")) {
      rule.remediation = r->scalar;
      // Folded YAML scalars (`>`) end with a newline that is not part of the text.
      while (!rule.remediation.empty() && std::isspace(static_cast<unsigned char>(rule.remediation.back())))
        rule.remediation.pop_back();
      CheckTemplate(*r, rule);
    }
    if (const auto* at = node.Find("at")) {
      rule.at = at->scalar;
      if (!rule.applies_to.empty() && !FindField(rule.applies_to, rule.at))
        diags_.Error(at->Location(), "unknown field '" + rule.at + "' for 'at'");
    }
  }

  void CheckTemplate(const load::YamlNode& text, const Rule& rule) {
    if (rule.applies_to.empty() || !FieldsOf(rule.applies_to)) return;
    std::vector<std::string> known = {"subject", "kind"};
    for (const FieldSpec& f : *FieldsOf(rule.applies_to)) known.push_back(f.name);
    if (rule.when) rule.when->CollectCaptures(known);
    for (const std::string& name : TemplateNames(text.scalar))
      if (std::find(known.begin(), known.end(), name) == known.end())
        diags_.Error(text.Location(), "unknown placeholder '{" + name + "}' in template",
                     util::DidYouMean(name, known));
  }

  void ParseFixtures(const load::YamlNode& list, Rule& rule) {
    if (!list.IsSequence()) {
      diags_.Error(list.Location(), "'fixtures' expects a list");
      return;
    }
    for (const load::YamlNode& f : list.items) {
      if (!f.IsMap()) {
        diags_.Error(f.Location(), "a fixture is a mapping with expect and declarations (or path)");
        continue;
      }
      for (const auto& [k, v] : f.entries)
        if (std::find(kFixtureKeys.begin(), kFixtureKeys.end(), k.scalar) == kFixtureKeys.end())
          diags_.Error(k.Location(), "unknown fixture field '" + k.scalar + "'",
                       util::DidYouMean(k.scalar, kFixtureKeys));
      rule.fixtures.push_back(ParseFixture(f));
    }
  }

  RuleFixture ParseFixture(const load::YamlNode& f) {
    RuleFixture fx;
    fx.loc = f.Location();
    const load::YamlNode* expect = f.Find("expect");
    if (!expect || (expect->scalar != "fire" && expect->scalar != "pass"))
      diags_.Error(expect ? expect->Location() : f.Location(), "fixture needs 'expect: fire' or 'expect: pass'");
    else fx.expect_fire = expect->scalar == "fire";
    if (const auto* n = f.Find("name")) fx.name = n->scalar;
    if (const auto* s = f.Find("subject")) fx.subject = s->scalar;
    if (const auto* t = f.Find("today")) fx.today = t->scalar;
    if (const auto* d = f.Find("declarations")) fx.declarations = d->scalar;
    if (const auto* files = f.Find("files"); files && files->IsMap())
      for (const auto& [k, v] : files->entries) fx.files[k.scalar] = v.scalar;
    if (const auto* p = f.Find("path"))
      fx.dir = (std::filesystem::path(base_dir_) / p->scalar).lexically_normal().string();
    if (fx.declarations.empty() && fx.dir.empty())
      diags_.Error(f.Location(), "fixture needs 'declarations' (inline) or 'path' (a folder)");
    if (fx.name.empty()) fx.name = std::string(fx.expect_fire ? "fires" : "passes") + " (line " + std::to_string(f.line) + ")";
    return fx;
  }
};

}  // namespace

namespace {
// A placeholder is {name} with letters, digits, '_' and '.'; other braces are text.
bool IsPlaceholder(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
  return true;
}
}  // namespace

std::vector<std::string> TemplateNames(std::string_view text) {
  std::vector<std::string> names;
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string_view::npos) {
    size_t end = text.find('}', pos);
    if (end == std::string_view::npos) break;
    std::string_view name = text.substr(pos + 1, end - pos - 1);
    if (IsPlaceholder(name)) {
      names.emplace_back(name);
      pos = end + 1;
    } else {
      ++pos;
    }
  }
  return names;
}

std::string ExpandTemplate(std::string_view text,
                           const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    std::string_view name = text.substr(open + 1, close - open - 1);
    if (!IsPlaceholder(name)) {
      out += '{';
      pos = open + 1;
      continue;
    }
    if (auto value = lookup(name)) out += *value;
    else out.append(text.substr(open, close - open + 1));
    pos = close + 1;
  }
  return out;
}

bool RuleSet::AddPack(std::string_view text, std::string_view name, const ConditionScope& base,
                      model::Diagnostics& diags, const std::string& base_dir) {
  int before = diags.error_count();
  diags.AddSource(name, text);
  auto root = load::ParseYaml(text, name, diags);
  if (!root) return false;
  const load::YamlNode* rules = root->IsMap() ? root->Find("rules") : nullptr;
  if (!rules || !rules->IsSequence()) {
    diags.Error(root->Location(), "a rule pack is a mapping with a 'rules:' list");
    return false;
  }
  for (const auto& [k, v] : root->entries)
    if (k.scalar != "rules" && k.scalar != "pack" && k.scalar != "description")
      diags.Error(k.Location(), "unknown pack field '" + k.scalar + "'",
                  util::DidYouMean(k.scalar, {"pack", "description", "rules"}));
  std::string dir = base_dir.empty() ? std::filesystem::path(name).parent_path().string() : base_dir;
  RuleParser parser(base, std::string(name), dir, diags);
  for (const load::YamlNode& node : rules->items) {
    auto rule = parser.Parse(node);
    if (!rule) continue;
    if (const Rule* other = Find(rule->id)) {
      diags.Error(rule->loc, "duplicate rule id '" + rule->id + "'", "first defined at " + other->loc.ToString());
      continue;
    }
    rules_.push_back(std::move(*rule));
  }
  packs_.emplace_back(name);
  return diags.error_count() == before;
}

bool RuleSet::AddDir(const std::string& dir, const ConditionScope& base, model::Diagnostics& diags,
                     const std::string& display_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    diags.Error({dir, 0, 0}, "rules folder not found or not a folder");
    return false;
  }
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  bool ok = true;
  std::filesystem::path shown = display_dir.empty() ? std::filesystem::path(dir) : std::filesystem::path(display_dir);
  for (const std::string& file : files) {
    auto text = load::ReadInputFile((std::filesystem::path(dir) / file).string(), diags);
    ok = (text && AddPack(*text, (shown / file).string(), base, diags, dir)) && ok;
  }
  return ok;
}

const Rule* RuleSet::Find(std::string_view id) const {
  for (const Rule& r : rules_)
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<std::string> RuleSet::Ids() const {
  std::vector<std::string> ids;
  for (const Rule& r : rules_) ids.push_back(r.id);
  return ids;
}

}  // namespace gdpr::analysis
