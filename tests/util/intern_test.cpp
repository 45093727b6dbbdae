#include "util/intern.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using gdpr::util::Intern;

TEST_CASE("util::Intern gives one copy per text") {
  std::string a = "decl/shop.yaml";
  const std::string* first = Intern(a);
  a[0] = 'D';  // the copy is the interned one's own
  CHECK(*first == "decl/shop.yaml");
  CHECK(Intern("decl/shop.yaml") == first);
  CHECK(Intern("decl/shop.yml") != first);
  CHECK(*Intern("") == "");
}

TEST_CASE("util::Intern agrees across threads") {
  std::vector<const std::string*> seen(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < 1000; ++i) Intern("file-" + std::to_string(i));
      seen[t] = Intern("file-500");
    });
  for (auto& th : threads) th.join();
  for (const std::string* p : seen) CHECK(p == seen[0]);
}
