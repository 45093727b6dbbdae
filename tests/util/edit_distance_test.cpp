#include "util/edit_distance.h"

#include <doctest/doctest.h>

using gdpr::util::DidYouMean;
using gdpr::util::EditDistance;

TEST_CASE("util::EditDistance") {
  CHECK(EditDistance("kitten", "sitting", 10) == 3);
  CHECK(EditDistance("", "abc", 10) == 3);
  CHECK(EditDistance("same", "same", 0) == 0);
  CHECK(EditDistance("abcdef", "uvwxyz", 2) == 3);  // gives up past the limit
}

TEST_CASE("util::DidYouMean") {
  std::vector<std::string> keys = {"user.contact.email", "user.contact.phone_number", "user.name"};
  CHECK(DidYouMean("user.contact.emial", keys) == "did you mean 'user.contact.email'?");
  CHECK(DidYouMean("email", keys) == "did you mean 'user.contact.email'?");
  CHECK(DidYouMean("completely.different", keys).empty());
}
