// LiteralNameIndex: the part of the classifier's name patterns that spells a few fixed
// names, answered by hash lookups instead of a regular expression.
//
// Most name patterns are long alternations of words with a few optional parts
// (`e_?mails?(_?addr(ess)?)?|courriel|...`). RE2 spends most of the classifier's
// start-up compiling them, yet each top-level alternative stands for a handful of fixed
// strings. Those strings go into this index; what cannot be spelled out (repetition,
// escapes, flags, too many combinations) stays a regular expression for the RE2 sets.
// A name pattern matches whole tokens (WrapTokens), and so does a literal here: `L`
// matches the name `N` exactly when `_L_` occurs in `_N_`. An alternative anchored with
// `^` or `$` matches only at the start or end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/string_hash.h"

namespace gdpr::analysis {

// A name pattern as RE2 matches it, on whole tokens: `e_?mail` matches `email` and
// `work_e_mail`, not `emails_sent` or `female`. `^` and `$` still anchor to the start
// and end of the name. What the index answers for is exactly this.
std::string WrapTokens(std::string_view regex);

// `regex` cut at its top-level `|` (outside groups and classes, not escaped).
std::vector<std::string> TopLevelAlternatives(std::string_view regex);

// The fixed strings `regex` matches (in no particular order, possibly repeated), when it
// is a plain alternation of literal characters, `(...)` / `(?:...)` groups, `?` and
// character classes of letters, digits and `_` (`[0-9]`, `[rn]`), and they number at
// most `cap`; nullopt otherwise. No anchors: the caller strips them.
std::optional<std::vector<std::string>> ExpandLiterals(std::string_view regex, size_t cap);

class LiteralNameIndex {
 public:
  // At most this many fixed strings per top-level alternative: enough for nearly every
  // shipped alternative, few enough that one cannot flood the index.
  static constexpr size_t kMaxStringsPerAlternative = 256;

  // Indexes the top-level alternatives of name pattern `pattern` that spell out, and
  // returns the others joined with `|`: the regex still to match with RE2, "" when
  // nothing is left. A pattern using escapes or flags is returned whole.
  std::string Add(int pattern, std::string_view regex);

  // Appends to `out` each pattern with an indexed alternative matching `name` as whole
  // tokens, in no particular order, possibly more than once.
  void Match(std::string_view name, std::vector<int>& out) const;

  // Whether an indexed alternative of `pattern` matches `name`.
  bool Matches(int pattern, std::string_view name) const;

  // Whether the top-level alternative `alternative` of `pattern` is indexed, and then
  // whether it matches `name`: what quoting the matched alternative needs, without
  // compiling it.
  bool Indexed(int pattern, size_t alternative) const;
  bool MatchesAlternative(int pattern, size_t alternative, std::string_view name) const;

  size_t size() const { return strings_; }

 private:
  struct Entry {
    int pattern;
    int alternative;
    uint32_t next;  // the key's next entry in entries_, or kEnd
  };
  static constexpr uint32_t kEnd = UINT32_MAX;
  // A key maps to its first entry; most keys have only one, so no list of their own.
  using Keys = std::unordered_map<std::string, uint32_t, util::StringHash, std::equal_to<>>;
  enum Anchor { kAnywhere, kAtStart, kAtEnd, kWhole, kAnchors };

  void Insert(Anchor anchor, const std::string& literal, int pattern, int alternative);
  // Calls `found` with each entry of every key that `name` matches.
  template <typename Found>
  void Lookup(std::string_view name, Found&& found) const;

  Keys keys_[kAnchors];  // `_literal_` -> first entry, per anchoring
  std::vector<Entry> entries_;
  std::vector<std::vector<char>> indexed_;  // pattern -> alternative -> indexed?
  size_t strings_ = 0;
  size_t longest_key_ = 0;
};

}  // namespace gdpr::analysis
