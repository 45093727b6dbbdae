#include "analysis/literal_name_index.h"

#include <algorithm>

namespace gdpr::analysis {
namespace {

bool IsLiteral(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// The index as a whole holds at most this many strings; further alternatives stay
// regular expressions (a pack built to flood memory meets RE2's own limits instead).
constexpr size_t kMaxStrings = 1 << 20;
// Deeper groups are left to RE2, which refuses nesting beyond its own limit.
constexpr int kMaxDepth = 64;

// Recursive descent over the small grammar ExpandLiterals accepts. Any other syntax
// fails the whole expansion; the regex then stays with RE2, which knows its meaning.
class Expander {
 public:
  Expander(std::string_view re, size_t cap) : re_(re), cap_(cap) {}

  std::optional<std::vector<std::string>> Run() {
    std::vector<std::string> out = Alternation(0);
    if (!ok_ || pos_ != re_.size()) return std::nullopt;
    return out;
  }

 private:
  using Strings = std::vector<std::string>;

  bool AtEnd() const { return pos_ >= re_.size(); }
  char Peek() const { return AtEnd() ? '\0' : re_[pos_]; }
  // How many literal characters start at pos_, leaving out a last one a quantifier
  // applies to.
  size_t LiteralRun() const {
    size_t end = pos_;
    while (end < re_.size() && IsLiteral(re_[end])) ++end;
    if (end > pos_ && IsQuantifier(end)) --end;
    return end - pos_;
  }
  bool IsQuantifier(size_t at) const {
    return at < re_.size() &&
           (re_[at] == '?' || re_[at] == '*' || re_[at] == '+' || re_[at] == '{');
  }
  Strings Failed() {
    ok_ = false;
    return {};
  }

  Strings Alternation(int depth) {
    Strings out = Sequence(depth);
    while (ok_ && Peek() == '|') {
      ++pos_;
      Strings more = Sequence(depth);
      out.insert(out.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
      if (out.size() > cap_) return Failed();
    }
    return out;
  }

  Strings Sequence(int depth) {
    Strings out{""};
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      if (const size_t run = LiteralRun(); run > 0) {  // the common case: letters, appended at once
        for (std::string& s : out) s.append(re_.substr(pos_, run));
        pos_ += run;
        continue;
      }
      Strings atom = Atom(depth);
      if (Peek() == '?') {
        ++pos_;
        atom.emplace_back();
      }
      // Repetition, lazy or possessive forms: not a finite list of strings here.
      if (IsQuantifier(pos_)) return Failed();
      if (!ok_ || out.size() * atom.size() > cap_) return Failed();
      Strings next;
      next.reserve(out.size() * atom.size());
      for (const std::string& head : out)
        for (const std::string& tail : atom) next.push_back(head + tail);
      out = std::move(next);
    }
    return out;
  }

  Strings Atom(int depth) {
    const char c = Peek();
    if (c == '(') return Group(depth);
    if (c == '[') return Class();
    if (!IsLiteral(c)) return Failed();
    ++pos_;
    return {std::string(1, c)};
  }

  Strings Group(int depth) {
    if (depth >= kMaxDepth) return Failed();
    ++pos_;  // (
    if (Peek() == '?') {
      if (re_.substr(pos_, 2) != "?:") return Failed();  // flags, names, look-arounds
      pos_ += 2;
    }
    Strings inner = Alternation(depth + 1);
    if (!ok_ || Peek() != ')') return Failed();
    ++pos_;
    return inner;
  }

  // `[abc]`, `[0-9]`, `[a-z_]`: letters, digits and `_`, with ascending ranges.
  Strings Class() {
    const size_t close = re_.find(']', pos_ + 1);
    if (close == std::string_view::npos || close == pos_ + 1) return Failed();
    const std::string_view body = re_.substr(pos_ + 1, close - pos_ - 1);
    Strings out;
    for (size_t i = 0; i < body.size(); ++i) {
      char from = body[i], to = body[i];
      if (i + 2 < body.size() && body[i + 1] == '-') {
        to = body[i + 2];
        i += 2;
      }
      if (!IsLiteral(from) || !IsLiteral(to) || from > to) return Failed();
      for (char x = from; x <= to; ++x)
        if (std::find(out.begin(), out.end(), std::string(1, x)) == out.end())
          out.emplace_back(1, x);
    }
    pos_ = close + 1;
    return out;
  }

  std::string_view re_;
  size_t cap_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Whether a pattern can be cut at its top-level `|` textually: no escapes (`\|`, `\Q`),
// no flags (`(?i)` reaches past a `|`), no character class whose `]` could be a member.
bool Splittable(std::string_view re) {
  for (size_t i = 0; i < re.size(); ++i) {
    if (re[i] == '\\') return false;
    if (re[i] == '(' && i + 1 < re.size() && re[i + 1] == '?' && re.substr(i, 3) != "(?:")
      return false;
    if (re[i] == '[') {
      const size_t first = i + 1 < re.size() && re[i + 1] == '^' ? i + 2 : i + 1;
      if (first >= re.size() || re[first] == ']') return false;
      const size_t close = re.find(']', first);
      if (close == std::string_view::npos ||
          re.substr(i + 1, close - i - 1).find('[') != std::string_view::npos)
        return false;
      i = close;
    }
  }
  return true;
}

}  // namespace

std::string WrapTokens(std::string_view regex) {
  return std::string("(?:^|_)(?:").append(regex).append(")(?:_|$)");
}

std::vector<std::string> TopLevelAlternatives(std::string_view re) {
  std::vector<std::string> out;
  size_t start = 0;
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\')
      ++i;  // an escaped character is never a separator
    else if (in_class)
      in_class = c != ']';
    else if (c == '[')
      in_class = true;
    else if (c == '(')
      ++depth;
    else if (c == ')')
      --depth;
    else if (c == '|' && depth == 0) {
      out.emplace_back(re.substr(start, i - start));
      start = i + 1;
    }
  }
  out.emplace_back(re.substr(start));
  return out;
}

std::optional<std::vector<std::string>> ExpandLiterals(std::string_view regex, size_t cap) {
  return Expander(regex, cap).Run();
}

std::string LiteralNameIndex::Add(int pattern, std::string_view regex) {
  if (!Splittable(regex)) return std::string(regex);
  if (indexed_.size() <= static_cast<size_t>(pattern))
    indexed_.resize(static_cast<size_t>(pattern) + 1);
  std::vector<char>& indexed = indexed_[static_cast<size_t>(pattern)];
  std::string rest;
  for (const std::string& alt : TopLevelAlternatives(regex)) {
    const int alternative = static_cast<int>(indexed.size());
    std::string_view body = alt;
    const bool start = !body.empty() && body.front() == '^';
    if (start) body.remove_prefix(1);
    const bool end = !body.empty() && body.back() == '$';
    if (end) body.remove_suffix(1);
    auto strings = ExpandLiterals(body, kMaxStringsPerAlternative);
    indexed.push_back(strings && strings_ + strings->size() <= kMaxStrings);
    if (!indexed.back()) {
      if (!rest.empty()) rest += '|';
      rest += alt;
      continue;
    }
    const Anchor anchor = start && end ? kWhole : start ? kAtStart : end ? kAtEnd : kAnywhere;
    for (const std::string& s : *strings) Insert(anchor, s, pattern, alternative);
  }
  return rest;
}

void LiteralNameIndex::Insert(Anchor anchor, const std::string& literal, int pattern,
                              int alternative) {
  std::string key;
  key.reserve(literal.size() + 2);
  key.append(1, '_').append(literal).append(1, '_');
  const auto next = static_cast<uint32_t>(entries_.size());
  auto [it, added] = keys_[anchor].try_emplace(std::move(key), next);
  // New entries go in front, so a repeat of the latest (`a|a`) is found at once.
  const bool repeat = !added && entries_[it->second].pattern == pattern &&
                      entries_[it->second].alternative == alternative;
  if (!repeat) {
    entries_.push_back({pattern, alternative, added ? kEnd : it->second});
    it->second = next;
  }
  longest_key_ = std::max(longest_key_, literal.size() + 2);
  ++strings_;
}

// Every stretch of `_name_` that starts and ends at an underscore is a candidate key:
// a literal matches as whole tokens exactly where `_literal_` is such a stretch.
template <typename Found>
void LiteralNameIndex::Lookup(std::string_view name, Found&& found) const {
  if (strings_ == 0) return;
  std::string framed;
  framed.reserve(name.size() + 2);
  framed.append(1, '_').append(name).append(1, '_');
  std::vector<size_t> bars;  // positions of the underscores in `framed`
  for (size_t i = 0; i < framed.size(); ++i)
    if (framed[i] == '_') bars.push_back(i);
  const size_t last = bars.size() - 1;
  const std::string_view text = framed;
  auto find = [&](Anchor anchor, std::string_view key) {
    const Keys& keys = keys_[anchor];
    if (keys.empty()) return;
    if (auto it = keys.find(key); it != keys.end())
      for (uint32_t e = it->second; e != kEnd; e = entries_[e].next) found(entries_[e]);
  };
  for (size_t a = 0; a < last; ++a)
    for (size_t b = a + 1; b <= last; ++b) {
      const size_t length = bars[b] - bars[a] + 1;
      if (length > longest_key_) break;  // longer stretches match nothing (and bound the work)
      const std::string_view key = text.substr(bars[a], length);
      find(kAnywhere, key);
      if (a == 0) find(kAtStart, key);
      if (b == last) find(kAtEnd, key);
      if (a == 0 && b == last) find(kWhole, key);
    }
}

void LiteralNameIndex::Match(std::string_view name, std::vector<int>& out) const {
  Lookup(name, [&out](const Entry& e) { out.push_back(e.pattern); });
}

bool LiteralNameIndex::Matches(int pattern, std::string_view name) const {
  const auto p = static_cast<size_t>(pattern);
  if (p >= indexed_.size() ||
      std::find(indexed_[p].begin(), indexed_[p].end(), 1) == indexed_[p].end())
    return false;  // nothing of it indexed: spare the lookups
  bool matches = false;
  Lookup(name, [&](const Entry& e) { matches = matches || e.pattern == pattern; });
  return matches;
}

bool LiteralNameIndex::Indexed(int pattern, size_t alternative) const {
  const auto p = static_cast<size_t>(pattern);
  return p < indexed_.size() && alternative < indexed_[p].size() && indexed_[p][alternative];
}

bool LiteralNameIndex::MatchesAlternative(int pattern, size_t alternative,
                                          std::string_view name) const {
  bool matches = false;
  Lookup(name, [&](const Entry& e) {
    matches =
        matches || (e.pattern == pattern && static_cast<size_t>(e.alternative) == alternative);
  });
  return matches;
}

}  // namespace gdpr::analysis
