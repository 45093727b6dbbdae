#include "analysis/condition.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "util/edit_distance.h"
#include "util/string_hash.h"

namespace gdpr::analysis {

namespace {

// Whether `re` matches within `item`, remembered per thread and item: a warehouse's
// column names and types repeat (860,000 columns on the benchmark estate, 1,800
// distinct names), and each RE2 match takes a lock that the threads share. A memo
// holds its pattern, so that no other pattern can take its address meanwhile.
bool PartialMatchMemo(const std::shared_ptr<const RE2>& re, std::string_view item) {
  struct Memo {
    std::shared_ptr<const RE2> re;
    std::unordered_map<std::string, bool, util::StringHash, std::equal_to<>> results;
  };
  constexpr size_t kMaxPatterns = 16, kMaxItems = 4096;  // bounds memory on odd inputs
  thread_local std::vector<Memo> memos;
  auto memo = std::find_if(memos.begin(), memos.end(), [&](const Memo& m) { return m.re == re; });
  if (memo == memos.end()) {
    if (memos.size() >= kMaxPatterns) memos.clear();
    memo = memos.insert(memos.end(), Memo{re, {}});
  }
  if (auto it = memo->results.find(item); it != memo->results.end()) return it->second;
  const bool matched = RE2::PartialMatch(item, *re);
  if (memo->results.size() >= kMaxItems) memo->results.clear();
  memo->results.emplace(item, matched);
  return matched;
}

struct OpName {
  const char* name;
  Condition::Op op;
};
constexpr OpName kFieldOps[] = {
    {"equals", Condition::Op::kEquals},           {"not_equals", Condition::Op::kNotEquals},
    {"in", Condition::Op::kIn},                   {"not_in", Condition::Op::kNotIn},
    {"exists", Condition::Op::kExists},           {"missing", Condition::Op::kMissing},
    {"under", Condition::Op::kUnder},             {"not_under", Condition::Op::kNotUnder},
    {"all_under", Condition::Op::kAllUnder},      {"longer_than", Condition::Op::kLongerThan},
    {"shorter_than", Condition::Op::kShorterThan}, {"greater_than", Condition::Op::kGreaterThan},
    {"less_than", Condition::Op::kLessThan},      {"at_least", Condition::Op::kAtLeast},
    {"matches", Condition::Op::kMatches},         {"longer_than_limit", Condition::Op::kLongerThanLimit},
};

const std::vector<std::string>& NodeKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k = {"all", "any", "not", "of", "check", "field", "label"};
    for (const OpName& o : kFieldOps) k.push_back(o.name);
    return k;
  }();
  return keys;
}

}  // namespace

// Compiles one YAML node into a Condition, validating against the scope.
class ConditionParser {
 public:
  ConditionParser(const ConditionScope& scope, model::Diagnostics& diags) : scope_(scope), diags_(diags) {}

  std::optional<Condition> Parse(const load::YamlNode& node) {
    if (!node.IsMap()) {
      diags_.Error(node.Location(), std::string("expected a condition (a mapping), found ") + node.KindName(),
                   "write e.g. 'field: legal_basis' with 'equals: contract', or all:/any:/not:");
      return std::nullopt;
    }
    int before = diags_.error_count();
    Condition c;
    if (const auto* label = node.Find("label")) c.label_ = label->scalar;
    for (const auto& [k, v] : node.entries) {
      if (std::find(NodeKeys().begin(), NodeKeys().end(), k.scalar) == NodeKeys().end())
        diags_.Error(k.Location(), "unknown condition key '" + k.scalar + "'",
                     util::DidYouMean(k.scalar, NodeKeys()));
    }
    if (node.Find("field")) ParseField(node, c);
    else if (node.Find("all")) ParseList(node, "all", Condition::Op::kAll, c);
    else if (node.Find("any")) ParseList(node, "any", Condition::Op::kAny, c);
    else if (const auto* n = node.Find("not")) ParseNot(*n, c);
    else if (node.Find("of")) ParseAtLeastOf(node, c);
    else if (const auto* ch = node.Find("check")) ParseCheck(*ch, c);
    else
      diags_.Error(node.Location(), "a condition needs 'field', 'all', 'any', 'not', 'at_least'+'of' or 'check'");
    if (diags_.error_count() > before) return std::nullopt;
    return c;
  }

 private:
  const ConditionScope& scope_;
  model::Diagnostics& diags_;

  void ParseList(const load::YamlNode& node, const char* key, Condition::Op op, Condition& c) {
    c.op_ = op;
    const load::YamlNode* list = node.Find(key);
    if (!list->IsSequence() || list->items.empty()) {
      diags_.Error(list->Location(), std::string("'") + key + "' expects a non-empty list of conditions");
      return;
    }
    for (const load::YamlNode& item : list->items)
      if (auto child = Parse(item)) c.children_.push_back(std::move(*child));
  }

  void ParseNot(const load::YamlNode& inner, Condition& c) {
    c.op_ = Condition::Op::kNot;
    if (auto child = Parse(inner)) c.children_.push_back(std::move(*child));
  }

  void ParseAtLeastOf(const load::YamlNode& node, Condition& c) {
    const load::YamlNode* n = node.Find("at_least");
    if (!n || !ParseInt(*n, c.at_least_) || c.at_least_ < 1) {
      diags_.Error(node.Location(), "'of' needs 'at_least: N' with N >= 1");
      return;
    }
    ParseList(node, "of", Condition::Op::kAtLeastOf, c);
  }

  void ParseCheck(const load::YamlNode& name, Condition& c) {
    c.op_ = Condition::Op::kCheck;
    c.check_ = scope_.checks ? scope_.checks->Find(name.scalar) : nullptr;
    if (!c.check_) {
      std::vector<std::string> names = scope_.checks ? scope_.checks->Names() : std::vector<std::string>{};
      diags_.Error(name.Location(), "unknown built-in check '" + name.scalar + "'", util::DidYouMean(name.scalar, names));
      return;
    }
    const auto& kinds = c.check_->applies_to;
    if (std::find(kinds.begin(), kinds.end(), scope_.applies_to) == kinds.end())
      diags_.Error(name.Location(), "check '" + name.scalar + "' cannot judge a " + scope_.applies_to);
  }

  bool ParseInt(const load::YamlNode& n, int& out) {
    if (!n.IsScalar()) return false;
    char* end = nullptr;
    long v = std::strtol(n.scalar.c_str(), &end, 10);
    if (n.scalar.empty() || *end) return false;
    out = static_cast<int>(v);
    return true;
  }

  const FieldSpec* ResolveField(const load::YamlNode& field) {
    const FieldSpec* spec = FindField(scope_.applies_to, field.scalar);
    if (spec) return spec;
    std::vector<std::string> names;
    if (const auto* fields = FieldsOf(scope_.applies_to))
      for (const FieldSpec& f : *fields) names.push_back(f.name);
    diags_.Error(field.Location(), "unknown field '" + field.scalar + "' for a " + scope_.applies_to,
                 util::DidYouMean(field.scalar, names));
    return nullptr;
  }

  void ParseField(const load::YamlNode& node, Condition& c) {
    const load::YamlNode& field = *node.Find("field");
    c.field_ = field.scalar;
    c.slot_ = FieldSlot(scope_.applies_to, field.scalar);
    const FieldSpec* spec = ResolveField(field);
    const load::YamlNode* value = nullptr;
    const load::YamlNode* key = nullptr;
    int ops = 0;
    for (const auto& [k, v] : node.entries) {
      for (const OpName& o : kFieldOps) {
        if (k.scalar != o.name) continue;
        c.op_ = o.op;
        value = &v;
        key = &k;
        ++ops;
      }
    }
    if (ops != 1) {
      diags_.Error(field.Location(), ops == 0 ? "a field condition needs one operator"
                                              : "a field condition takes exactly one operator",
                   "operators: equals, not_equals, in, not_in, exists, missing, under, not_under, all_under, "
                   "longer_than, shorter_than, greater_than, less_than, at_least, matches, longer_than_limit");
      return;
    }
    if (spec) ParseOperand(*spec, *key, *value, c);
  }

  std::vector<std::string> Strings(const load::YamlNode& v) {
    std::vector<std::string> out;
    if (v.IsScalar()) out.push_back(v.scalar);
    else if (v.IsSequence())
      for (const auto& i : v.items) {
        if (i.IsScalar()) out.push_back(i.scalar);
        else diags_.Error(i.Location(), "expected a single value in this list");
      }
    else diags_.Error(v.Location(), std::string("expected a value or a list of values, found ") + v.KindName());
    return out;
  }

  void ParseOperand(const FieldSpec& spec, const load::YamlNode& key, const load::YamlNode& v, Condition& c) {
    using Op = Condition::Op;
    switch (c.op_) {
      case Op::kExists:
      case Op::kMissing:
        if (!v.IsScalar() || (v.scalar != "true" && v.scalar != "false"))
          diags_.Error(v.Location(), "'" + key.scalar + "' expects true or false");
        c.flag_ = v.scalar != "false";
        if (c.op_ == Op::kMissing) {  // missing: true is exists: false
          c.op_ = Op::kExists;
          c.flag_ = !c.flag_;
        }
        return;
      case Op::kLongerThan:
      case Op::kShorterThan: ParseDuration(spec, v, c.duration_); return;
      case Op::kGreaterThan:
      case Op::kLessThan:
      case Op::kAtLeast: ParseNumber(spec, v, c); return;
      case Op::kMatches: ParseRegex(v, c); return;
      case Op::kLongerThanLimit: ParseLimits(spec, v, c); return;
      default: break;
    }
    c.values_ = Strings(v);
    for (size_t i = 0; i < c.values_.size(); ++i)
      CheckValue(spec, v.IsSequence() ? v.items[i] : v, c.values_[i], c.op_);
  }

  // Validates a comparison value against what the field can hold.
  void CheckValue(const FieldSpec& spec, const load::YamlNode& at, const std::string& value, Condition::Op op) {
    using Op = Condition::Op;
    bool ancestry = op == Op::kUnder || op == Op::kNotUnder || op == Op::kAllUnder;
    if (ancestry && !spec.taxonomy) {
      diags_.Error(at.Location(), "field '" + spec.name + "' does not hold taxonomy keys; 'under' needs one that does");
      return;
    }
    if (spec.taxonomy && scope_.taxonomy && !scope_.taxonomy->Contains(*spec.taxonomy, value))
      diags_.Error(at.Location(), std::string("unknown ") + TaxonomyKindName(*spec.taxonomy) + " '" + value + "'",
                   scope_.taxonomy->Suggest(*spec.taxonomy, value));
    if (spec.country && scope_.countries && !scope_.countries->Find(value))
      diags_.Error(at.Location(), "unknown country code '" + value + "'", scope_.countries->Suggest(value));
    if (spec.zone && value != "eea" && value != "adequate" && value != "third_country")
      diags_.Error(at.Location(), "unknown transfer zone '" + value + "'",
                   util::DidYouMean(value, {"eea", "adequate", "third_country"}));
    if (spec.type == FieldType::kBool && value != "true" && value != "false")
      diags_.Error(at.Location(), "field '" + spec.name + "' is true or false");
  }

  void ParseDuration(const FieldSpec& spec, const load::YamlNode& v, util::IsoDuration& out) {
    if (spec.type != FieldType::kDuration)
      diags_.Error(v.Location(), "field '" + spec.name + "' is not a duration");
    std::string error;
    auto d = v.IsScalar() ? util::ParseIsoDuration(v.scalar, &error) : std::nullopt;
    if (!d) diags_.Error(v.Location(), "expected an ISO 8601 duration such as P2Y" + (error.empty() ? "" : ": " + error));
    else out = *d;
  }

  void ParseNumber(const FieldSpec& spec, const load::YamlNode& v, Condition& c) {
    if (spec.type != FieldType::kNumber) diags_.Error(v.Location(), "field '" + spec.name + "' is not a number");
    char* end = nullptr;
    c.number_ = v.IsScalar() ? std::strtod(v.scalar.c_str(), &end) : 0;
    if (!v.IsScalar() || v.scalar.empty() || *end) diags_.Error(v.Location(), "expected a number");
  }

  void ParseRegex(const load::YamlNode& v, Condition& c) {
    if (!v.IsScalar()) {
      diags_.Error(v.Location(), "'matches' expects one RE2 pattern");
      return;
    }
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<RE2>(v.scalar, options);
    if (!re->ok()) diags_.Error(v.Location(), "invalid RE2 pattern: " + re->error());
    else c.re_ = std::move(re);
  }

  void ParseLimits(const FieldSpec& spec, const load::YamlNode& v, Condition& c) {
    if (spec.type != FieldType::kDuration) diags_.Error(v.Location(), "field '" + spec.name + "' is not a duration");
    const load::YamlNode* by = v.Find("by");
    const load::YamlNode* limits = v.Find("limits");
    if (!by || !limits || !limits->IsMap()) {
      diags_.Error(v.Location(), "'longer_than_limit' expects { by: FIELD, limits: { key: P2Y, ... } }");
      return;
    }
    const FieldSpec* by_spec = ResolveField(*by);
    c.limit_by_ = by->scalar;
    c.limit_by_slot_ = FieldSlot(scope_.applies_to, by->scalar);
    for (const auto& [k, d] : limits->entries) {
      if (by_spec) CheckValue(*by_spec, k, k.scalar, Condition::Op::kEquals);
      util::IsoDuration duration;
      ParseDuration(spec, d, duration);
      c.limits_.emplace_back(k.scalar, duration);
      c.limit_texts_.push_back(d.scalar);
    }
  }
};

std::optional<Condition> Condition::Parse(const load::YamlNode& node, const ConditionScope& scope,
                                          model::Diagnostics& diags) {
  return ConditionParser(scope, diags).Parse(node);
}

void Condition::CollectCaptures(std::vector<std::string>& out) const {
  if (op_ == Op::kAtLeastOf) out.push_back("matched");
  if (op_ == Op::kLongerThanLimit) {
    out.push_back("limit");
    out.push_back("limit_key");
  }
  if (op_ == Op::kCheck && check_) out.insert(out.end(), check_->captures.begin(), check_->captures.end());
  for (const Condition& c : children_) c.CollectCaptures(out);
}

bool Condition::Evaluate(const SubjectRecord& subject, const AuditModel& model, Captures& captures) const {
  switch (op_) {
    case Op::kAll:
      for (const Condition& c : children_)
        if (!c.Evaluate(subject, model, captures)) return false;
      return true;
    case Op::kAny:
      for (const Condition& c : children_)
        if (c.Evaluate(subject, model, captures)) return true;
      return false;
    case Op::kNot: {
      Captures scratch;  // what a negated condition captured is not a reason
      return !children_.front().Evaluate(subject, model, scratch);
    }
    case Op::kAtLeastOf: {
      std::vector<std::string> matched;
      for (const Condition& c : children_)
        if (c.Evaluate(subject, model, captures)) matched.push_back(c.label_.empty() ? "(unnamed)" : c.label_);
      if (static_cast<int>(matched.size()) < at_least_) return false;
      std::string joined;
      for (const auto& m : matched) joined += (joined.empty() ? "" : "; ") + m;
      captures["matched"] = joined;
      return true;
    }
    case Op::kCheck: return check_ && check_->fn(subject, model, captures);
    case Op::kLongerThanLimit: return EvaluateLimit(subject, subject.Get(slot_), captures);
    default: return EvaluateField(subject.Get(slot_), captures);
  }
}

bool Condition::EvaluateField(const FieldValue& value, Captures&) const {
  if (op_ == Op::kExists) return value.Exists() == flag_;
  if (value.kind == FieldValue::Kind::kMissing) return false;
  auto in_values = [&](std::string_view item) {
    return std::find(values_.begin(), values_.end(), item) != values_.end();
  };
  auto under_values = [&](std::string_view item) {
    for (const std::string& a : values_)
      if (Taxonomy::IsUnder(item, a)) return true;
    return false;
  };
  switch (op_) {
    case Op::kEquals:
    case Op::kIn: return value.AnyItem(in_values);
    case Op::kNotEquals:
    case Op::kNotIn: return !value.AnyItem(in_values);
    case Op::kUnder: return value.AnyItem(under_values);
    case Op::kNotUnder: return !value.AnyItem(under_values);
    case Op::kAllUnder: {
      bool any = false;
      bool outside = value.AnyItem([&](std::string_view item) {
        any = true;
        return !under_values(item);
      });
      return any && !outside;
    }
    case Op::kLongerThan:
      return value.kind == FieldValue::Kind::kDuration && util::CompareDurations(value.duration, duration_) > 0;
    case Op::kShorterThan:
      return value.kind == FieldValue::Kind::kDuration && util::CompareDurations(value.duration, duration_) < 0;
    case Op::kGreaterThan: return value.kind == FieldValue::Kind::kNumber && value.number > number_;
    case Op::kLessThan: return value.kind == FieldValue::Kind::kNumber && value.number < number_;
    case Op::kAtLeast: return value.kind == FieldValue::Kind::kNumber && value.number >= number_;
    case Op::kMatches:
      return re_ && value.AnyItem([&](std::string_view item) { return PartialMatchMemo(re_, item); });
    default: return false;
  }
}

// The most specific limit key the subject's `by` value lies under decides.
bool Condition::EvaluateLimit(const SubjectRecord& subject, const FieldValue& value, Captures& captures) const {
  if (value.kind != FieldValue::Kind::kDuration) return false;
  const FieldValue& by = subject.Get(limit_by_slot_);
  int best = -1;
  by.AnyItem([&](std::string_view item) {
    for (size_t i = 0; i < limits_.size(); ++i)
      if (Taxonomy::IsUnder(item, limits_[i].first) &&
          (best < 0 || limits_[i].first.size() > limits_[best].first.size()))
        best = static_cast<int>(i);
    return false;  // look at every item
  });
  if (best < 0 || util::CompareDurations(value.duration, limits_[best].second) <= 0) return false;
  captures["limit"] = limit_texts_[best];
  captures["limit_key"] = limits_[best].first;
  return true;
}

}  // namespace gdpr::analysis
