// ColumnNameNormalizer: turns a column name as written (`strFirstName`, `EMP_DOB`,
// `e-mail`, `Geburtsdatum`, `prénom`) into the normalised form the classifier's
// patterns are written against: lower-case ASCII tokens joined by `_`
// (`first_name`, `employee_date_of_birth`, `e_mail`, `geburtsdatum`, `prenom`).
//
// Steps, in order:
//   1. fold accents to ASCII (é -> e, ß -> ss, ä/ö/ü -> ae/oe/ue, œ -> oe);
//   2. split into tokens at separators (anything not a letter or digit), at camelCase
//      and PascalCase humps (`XMLHttpURL` -> xml, http, url) and between letters and
//      digits (`address2` -> address, 2); lower-case every token;
//   3. split glued compounds of known words (`guardianemail` -> guardian, email;
//      `phonecell` -> phone, cell; `custname` -> cust, name): a token that is not
//      itself known is split where both parts (at least 3 letters each, the rest
//      recursively) are known words or one-token abbreviations;
//   4. expand abbreviations, longest token sequence first (`dob` -> date_of_birth,
//      `dri_lice` -> drivers_license);
//   5. strip one leading noise prefix (`tbl`, `str`, `c`, ...) when what follows starts
//      with a known word, so `c_email` becomes `email` but `c` alone stays `c`.
// The abbreviation, prefix and word tables are data (the `normalizer:` section of the
// classifier packs), never C++. Without tables the normaliser only folds and splits.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gdpr::analysis {

class ColumnNameNormalizer {
 public:
  // Adds an abbreviation. Both sides are split like a column name, so
  // AddAbbreviation("dri_lice", "drivers_license") expands the two tokens `dri lice`.
  // Returns false (and adds nothing) when either side has no token.
  bool AddAbbreviation(std::string_view from, std::string_view to);
  // Adds a prefix that is stripped when followed by a known word (`tbl`, `str`).
  void AddStripPrefix(std::string_view prefix);
  // Adds a word that counts as "known" after a strip prefix. The tokens of every
  // abbreviation's expansion are known words too.
  void AddKnownWord(std::string_view word);

  // Steps 1 and 2: accent folding and splitting into lower-case tokens.
  static std::vector<std::string> Split(std::string_view raw);
  // The same tokens joined by `_` into `out` (cleared first), without a vector: for the
  // hot paths that only match the joined form (a table's context).
  static void SplitJoined(std::string_view raw, std::string& out);
  // Step 1 only, lower-cased: for matching free text such as column comments.
  static std::string FoldLower(std::string_view text);

  // All five steps; the tokens joined by `_`. Empty when the name has no letter or digit.
  std::string Normalize(std::string_view raw) const;

 private:
  void Expand(std::vector<std::string>& tokens) const;
  void SplitCompounds(std::vector<std::string>& tokens) const;
  // Appends the known words `token` is glued from to `out`; false (and `out` as it
  // was) when it is not such a compound. `depth` bounds the recursion.
  bool SplitCompound(std::string_view token, int depth, std::vector<std::string>& out) const;
  bool IsPart(std::string_view part) const;  // a known word or a one-token abbreviation
  void StripPrefix(std::vector<std::string>& tokens) const;

  // Keyed by the first token of the abbreviation; candidates longest first.
  std::map<std::string, std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>,
           std::less<>>
      abbreviations_;
  std::set<std::string, std::less<>> strip_prefixes_;
  std::set<std::string, std::less<>> known_words_;
};

}  // namespace gdpr::analysis
