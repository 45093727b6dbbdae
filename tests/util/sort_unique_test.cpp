#include "util/sort_unique.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

TEST_CASE("util::SortUnique sorts and keeps one of each") {
  std::vector<std::string> words = {"b", "a", "b", "c", "a"};
  gdpr::util::SortUnique(words);
  CHECK(words == std::vector<std::string>{"a", "b", "c"});
  std::vector<int> none, one = {7};
  gdpr::util::SortUnique(none);
  gdpr::util::SortUnique(one);
  CHECK(none.empty());
  CHECK(one == std::vector<int>{7});
}
