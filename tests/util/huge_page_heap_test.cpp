#include "util/huge_page_heap.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

TEST_CASE("util::UseHugePageHeap leaves malloc working, however often it is called") {
  gdpr::util::UseHugePageHeap();
  gdpr::util::UseHugePageHeap();
  // Small blocks, blocks above the old mmap threshold and blocks above the new one.
  std::vector<std::string> blocks;
  for (size_t size : {size_t{16}, size_t{4096}, size_t{200} << 10, size_t{3} << 20, size_t{40} << 20})
    blocks.emplace_back(size, static_cast<char>('a' + blocks.size()));
  for (size_t i = 0; i < blocks.size(); ++i)
    CHECK(blocks[i].find_first_not_of(static_cast<char>('a' + i)) == std::string::npos);
}
