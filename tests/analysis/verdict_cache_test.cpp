#include "analysis/verdict_cache.h"

#include <doctest/doctest.h>

#include <string>

using gdpr::analysis::ColumnVerdict;
using gdpr::analysis::VerdictCache;

namespace {

std::shared_ptr<const ColumnVerdict> Verdict(const std::string& reason) {
  auto v = std::make_shared<ColumnVerdict>();
  v->reason = reason;
  return v;
}

std::string ReasonOf(const VerdictCache& cache, const std::string& key) {
  const auto* hit = cache.Find(key);
  return hit ? (*hit)->reason : "(none)";
}

}  // namespace

TEST_CASE("analysis::VerdictCache finds what was inserted, by the whole key") {
  VerdictCache cache(100);
  CHECK(cache.Find("email") == nullptr);  // empty, no table yet
  cache.Insert("email\x1fvarchar", Verdict("e"));
  cache.Insert("", Verdict("empty"));
  CHECK(ReasonOf(cache, "email\x1fvarchar") == "e");
  CHECK(ReasonOf(cache, "") == "empty");
  CHECK(ReasonOf(cache, "email") == "(none)");  // a prefix is another key
  CHECK(ReasonOf(cache, "email\x1fvarchar\x1f") == "(none)");
  cache.Insert("email\x1fvarchar", Verdict("e2"));  // the newer verdict wins, counted once
  CHECK(ReasonOf(cache, "email\x1fvarchar") == "e2");
  CHECK(cache.size() == 2);
}

TEST_CASE("analysis::VerdictCache keeps every key as it grows") {
  VerdictCache cache(100000);
  for (int i = 0; i < 5000; ++i)
    cache.Insert("column_" + std::to_string(i), Verdict(std::to_string(i)));
  CHECK(cache.size() == 5000);
  int wrong = 0;
  for (int i = 0; i < 5000; ++i)
    wrong += ReasonOf(cache, "column_" + std::to_string(i)) != std::to_string(i);
  CHECK(wrong == 0);
  CHECK(ReasonOf(cache, "column_5000") == "(none)");
}

TEST_CASE("analysis::VerdictCache starts over when full, and after Clear()") {
  VerdictCache cache(3);
  cache.Insert("a", Verdict("1"));
  cache.Insert("b", Verdict("2"));
  cache.Insert("c", Verdict("3"));
  CHECK(cache.size() == 3);
  cache.Insert("d", Verdict("4"));  // the fourth: the others are dropped
  CHECK(cache.size() == 1);
  CHECK(ReasonOf(cache, "a") == "(none)");
  CHECK(ReasonOf(cache, "d") == "4");
  cache.Clear();
  CHECK(cache.size() == 0);
  CHECK(ReasonOf(cache, "d") == "(none)");
  cache.Insert("d", Verdict("5"));
  CHECK(ReasonOf(cache, "d") == "5");
}
