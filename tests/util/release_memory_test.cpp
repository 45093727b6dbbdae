#include "util/release_memory.h"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include <unistd.h>

#include "util/sanitizer.h"

namespace {

// Resident set size of this process, from /proc/self/statm (pages).
long ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace

TEST_CASE("util::ReleaseFreedMemory gives back what a finished worker thread freed") {
#if !defined(__GLIBC__)
  MESSAGE("skipped: not glibc");
  return;
#endif
  if (gdpr::util::kAddressSanitizer) {
    MESSAGE("skipped: the sanitizer's allocator keeps freed memory in quarantine");
    return;
  }
  // A worker allocates 64 MB in small blocks and keeps one in 16: the rest is free but
  // fragmented, so its arena cannot shrink by itself (the case of the YAML trees).
  std::vector<std::unique_ptr<char[]>> kept;
  std::thread worker([&kept] {
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 64 * 1024; ++i) {
      blocks.emplace_back(new char[1000]);
      for (int j = 0; j < 1000; j += 64) blocks.back()[j] = static_cast<char>(i);
    }
    for (size_t i = 0; i < blocks.size(); i += 16) kept.push_back(std::move(blocks[i]));
  });
  worker.join();
  long before = ResidentBytes();
  gdpr::util::ReleaseFreedMemory();
  long after = ResidentBytes();
  CHECK(before - after > 32L * 1024 * 1024);
}
