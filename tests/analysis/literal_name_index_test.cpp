#include "analysis/literal_name_index.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "analysis/classifier_pack.h"
#include "analysis/taxonomy.h"
#include "load/file_reader.h"

using namespace gdpr;
using analysis::ExpandLiterals;
using analysis::LiteralNameIndex;

namespace {

std::vector<std::string> Expanded(std::string_view re, size_t cap = 256) {
  auto out = ExpandLiterals(re, cap);
  REQUIRE(out);
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return *out;
}

// The patterns of `index` that match `name`, once each, sorted.
std::vector<int> Matches(const LiteralNameIndex& index, std::string_view name) {
  std::vector<int> out;
  index.Match(name, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// What the classifier's RE2 form of a name pattern says: whole tokens.
bool Re2Matches(const std::string& pattern, const std::string& name) {
  RE2 re(analysis::WrapTokens(pattern));
  REQUIRE(re.ok());
  return RE2::PartialMatch(name, re);
}

// True when `name` matches `pattern` through the index or through the rest it left.
bool IndexMatches(const std::string& pattern, const std::string& name) {
  LiteralNameIndex index;
  const std::string rest = index.Add(0, pattern);
  return !Matches(index, name).empty() || (!rest.empty() && Re2Matches(rest, name));
}

}  // namespace

TEST_CASE("analysis::ExpandLiterals spells out optional parts, groups and classes") {
  CHECK(Expanded("e_?mails?") == std::vector<std::string>{"e_mail", "e_mails", "email", "emails"});
  CHECK(Expanded("(first|given)_name") == std::vector<std::string>{"first_name", "given_name"});
  CHECK(Expanded("(?:a|b)(c)?") == std::vector<std::string>{"a", "ac", "b", "bc"});
  CHECK(Expanded("zip_[0-2]") == std::vector<std::string>{"zip_0", "zip_1", "zip_2"});
  CHECK(Expanded("[rn_]") == std::vector<std::string>{"_", "n", "r"});
  CHECK(Expanded("a|a") == std::vector<std::string>{"a"});
  CHECK(Expanded("") == std::vector<std::string>{""});
  CHECK(Expanded("()") == std::vector<std::string>{""});
}

TEST_CASE("analysis::ExpandLiterals refuses what is not a short list of strings") {
  for (const char* re :
       {"a+",    "a*",   "a{2}",  "a??", "a?+", "\\d", "a.b", "(?i)a", "(?P<n>a)", "[^a]",
        "[z-a]", "[a-]", "[A-Z]", "[]",  "(a",  "a)",  "^a",  "a$",    "a\\|b",    "Name"})
    CHECK_MESSAGE(!ExpandLiterals(re, 256), re);
  CHECK(!ExpandLiterals("[0-9][0-9][0-9]", 256));  // 1,000 strings
  CHECK(ExpandLiterals("[0-9][0-9]", 100));
  CHECK(!ExpandLiterals("[0-9][0-9]", 99));
  CHECK(!ExpandLiterals("a|b|c", 2));
  // Hostile nesting is left to RE2, which knows its own limit.
  CHECK(!ExpandLiterals(std::string(100, '(') + "a" + std::string(100, ')'), 256));
  CHECK(ExpandLiterals(std::string(50, '(') + "a" + std::string(50, ')'), 256));
}

TEST_CASE("analysis::WrapTokens makes a name pattern match whole tokens") {
  CHECK(analysis::WrapTokens("a|b") == "(?:^|_)(?:a|b)(?:_|$)");
  CHECK(RE2::PartialMatch("work_e_mail", RE2(analysis::WrapTokens("e_?mail"))));
  CHECK_FALSE(RE2::PartialMatch("female", RE2(analysis::WrapTokens("e_?mail"))));
}

TEST_CASE("analysis::TopLevelAlternatives cuts outside groups, classes and escapes") {
  using analysis::TopLevelAlternatives;
  CHECK(TopLevelAlternatives("a|(b|c)|[|]|d\\|e") ==
        std::vector<std::string>{"a", "(b|c)", "[|]", "d\\|e"});
  CHECK(TopLevelAlternatives("") == std::vector<std::string>{""});
}

TEST_CASE("analysis::LiteralNameIndex keeps what it cannot spell out as a regex") {
  LiteralNameIndex index;
  CHECK(index.Add(0, "email|e_?mail_?[0-9]+|fax") == "e_?mail_?[0-9]+");
  CHECK(index.Add(1, "^(login|uid)$") == "");
  CHECK(index.Add(2, "(?i)name|nom") == "(?i)name|nom");  // flags reach past the `|`
  CHECK(index.Add(3, "tel\\|x|phone") == "tel\\|x|phone");
  CHECK(index.Add(4, "[]a]|b") == "[]a]|b");
  CHECK(index.size() == 4);
}

TEST_CASE("analysis::LiteralNameIndex matches whole tokens, with anchors") {
  LiteralNameIndex index;
  index.Add(0, "e_?mail");
  index.Add(1, "^(mail|mel)$");
  index.Add(2, "^user_id");
  index.Add(3, "_code$");
  CHECK(Matches(index, "email") == std::vector<int>{0});
  CHECK(Matches(index, "work_e_mail_address") == std::vector<int>{0});
  CHECK(Matches(index, "emails").empty());
  CHECK(Matches(index, "female").empty());
  CHECK(Matches(index, "mail") == std::vector<int>{1});
  CHECK(Matches(index, "mail_box").empty());
  CHECK(Matches(index, "user_id_hash") == std::vector<int>{2});
  CHECK(Matches(index, "owner_user_id").empty());
  CHECK(Matches(index, "zip__code") == std::vector<int>{3});
  CHECK(Matches(index, "zip_code").empty());
  CHECK(Matches(index, "").empty());
}

TEST_CASE("analysis::LiteralNameIndex agrees with RE2 on anchors and odd names") {
  const std::vector<std::string> patterns = {"a",     "^a",      "a$",   "^a$",   "a_b", "_a",
                                             "a_",    "^",       "$",    "^$",    "",    "a|",
                                             "^a|b$", "(a|_)b?", "a_?b", "[ab]_c"};
  const std::vector<std::string> names = {
      "",      "a",  "_",  "__",  "a_", "_a",    "a_b",   "ab",  "b_a", "a__b",    "x_a",  "a_x",
      "x_a_y", "xa", "ax", "_a_", "b",  "a_b_c", "__a__", "b_c", "a_c", "x_a_b_y", "aa_b", "a_bb"};
  for (const std::string& p : patterns)
    for (const std::string& n : names)
      CHECK_MESSAGE(IndexMatches(p, n) == Re2Matches(p, n), std::string(p + " on '" + n + "'"));
}

TEST_CASE("analysis::LiteralNameIndex bounds its work on a name of many underscores") {
  LiteralNameIndex index;
  index.Add(0, "a_b");
  CHECK(Matches(index, std::string(100000, '_') + "a_b").size() == 1);
}

// Every shipped name pattern, tried on its own spelled-out names and on variants of them,
// must match through the index and its rest exactly where RE2 alone matches.
TEST_CASE("analysis::LiteralNameIndex agrees with RE2 on every shipped name pattern") {
  model::Diagnostics diags;
  auto taxonomy = analysis::Taxonomy::LoadFile(GDPR_SOURCE_DIR "/rules/taxonomy.yaml", diags);
  REQUIRE(taxonomy);
  size_t patterns = 0, names_tried = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(GDPR_SOURCE_DIR "/rules/classifiers")) {
    auto text = load::ReadInputFile(entry.path().string(), diags);
    REQUIRE(text);
    auto pack =
        analysis::ClassifierPack::Parse(*text, entry.path().filename().string(), *taxonomy, diags);
    REQUIRE(pack);
    for (const auto& p : pack->patterns) {
      if (!p.name.present()) continue;
      ++patterns;
      std::set<std::string> names;
      for (const std::string& alt : analysis::TopLevelAlternatives(p.name.source)) {
        std::string body = alt;
        if (!body.empty() && body.front() == '^') body.erase(0, 1);
        if (!body.empty() && body.back() == '$') body.pop_back();
        for (const std::string& s : ExpandLiterals(body, 256).value_or(std::vector<std::string>{}))
          for (const std::string& n :
               {s, "x_" + s, s + "_y", "x_" + s + "_y", "x" + s, s + "y", s + "s"})
            names.insert(n);
      }
      const RE2 whole(analysis::WrapTokens(p.name.source));
      REQUIRE(whole.ok());
      LiteralNameIndex index;
      const std::string rest = index.Add(0, p.name.source);
      const RE2 rest_re(analysis::WrapTokens(rest));
      for (const std::string& n : names) {
        const bool by_index =
            !Matches(index, n).empty() || (!rest.empty() && RE2::PartialMatch(n, rest_re));
        CHECK_MESSAGE(by_index == RE2::PartialMatch(n, whole),
                      std::string(p.id + " on '" + n + "'"));
        ++names_tried;
      }
    }
  }
  CHECK(patterns > 100);
  CHECK(names_tried > 10000);
}

TEST_CASE("analysis::LiteralNameIndex tells which alternative matched") {
  LiteralNameIndex index;
  CHECK(index.Add(7, "phone|mobile_?[0-9]+|(cell|mobile)_phone") == "mobile_?[0-9]+");
  CHECK(index.Indexed(7, 0));
  CHECK_FALSE(index.Indexed(7, 1));
  CHECK(index.Indexed(7, 2));
  CHECK_FALSE(index.Indexed(7, 3));
  CHECK_FALSE(index.Indexed(8, 0));
  CHECK(index.MatchesAlternative(7, 0, "work_phone"));
  CHECK_FALSE(index.MatchesAlternative(7, 2, "work_phone"));
  CHECK(index.MatchesAlternative(7, 2, "cell_phone"));
  CHECK(index.MatchesAlternative(7, 0, "cell_phone"));
  CHECK_FALSE(index.MatchesAlternative(6, 0, "phone"));
}

TEST_CASE("analysis::LiteralNameIndex tells whether a pattern matches") {
  LiteralNameIndex index;
  CHECK(index.Add(3, "e_?mail_(body|subject)") == "");
  CHECK(index.Add(3, "x+") == "x+");
  CHECK(index.Add(4, "y+") == "y+");
  CHECK(index.Matches(3, "work_email_subject"));
  CHECK_FALSE(index.Matches(3, "email"));
  CHECK_FALSE(index.Matches(4, "email_body"));  // nothing of 4 is indexed
  CHECK_FALSE(index.Matches(9, "email_body"));
}
