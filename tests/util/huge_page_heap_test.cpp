#include "util/huge_page_heap.h"

#include <doctest/doctest.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "util/sanitizer.h"

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

namespace {

// The VmFlags of the mapping holding `address`, from /proc/self/smaps ("" if unknown).
std::string VmFlagsAt(const void* address) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<uintptr_t>(address);
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t from = 0, to = 0;
    if (std::sscanf(line.c_str(), "%" SCNxPTR "-%" SCNxPTR " ", &from, &to) == 2 && line.find(':') > line.find(' ')) {
      inside = from <= at && at < to;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

bool HugePagesOnRequest() {
  std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(enabled, modes);
  return modes.find("[madvise]") != std::string::npos || modes.find("[always]") != std::string::npos;
}

}  // namespace

namespace {

// On a new thread: runs `mark`, fills `blocks` blocks of 64 KiB, checks their contents
// and expects the mapping of the last one to be marked for huge pages (where glibc and
// the kernel allow it).
void ExpectWorkerHeapMarked(const std::function<void()>& mark, size_t blocks) {
  std::string flags;
  bool blocks_ok = true;
  std::thread worker([&] {
    mark();
    std::vector<std::string> filled;
    for (size_t i = 0; i < blocks; ++i) filled.emplace_back(size_t{64} << 10, static_cast<char>('a' + i % 26));
    for (size_t i = 0; i < filled.size(); ++i)
      blocks_ok = blocks_ok && filled[i].find_first_not_of(static_cast<char>('a' + i % 26)) == std::string::npos;
    flags = VmFlagsAt(filled.back().data());
  });
  worker.join();
  CHECK(blocks_ok);
#if defined(__linux__) && defined(__GLIBC__)
  if (gdpr::util::kAddressSanitizer || !HugePagesOnRequest()) {
    MESSAGE("skipped the huge-page check: no glibc arenas or no transparent huge pages here");
    return;
  }
  INFO(flags);
  CHECK(flags.find(" hg") != std::string::npos);
#endif
}

}  // namespace

TEST_CASE("util::UseHugePagesInThisThread marks a worker's heap for huge pages") {
  ExpectWorkerHeapMarked(
      [] {
        gdpr::util::UseHugePagesInThisThread();
        gdpr::util::UseHugePagesInThisThread();  // a second call changes nothing
      },
      64);
}

TEST_CASE("util::UseHugePagesInThisThreadsArena marks a worker's heap beyond its first MiB") {
  // 24 MiB in 64 KiB blocks: past the 4 MiB UseHugePagesInThisThread() marks.
  ExpectWorkerHeapMarked(
      [] {
        gdpr::util::UseHugePagesInThisThread();        // the first few MiB, as a start-up thread
        gdpr::util::UseHugePagesInThisThreadsArena();  // then all of it
        gdpr::util::UseHugePagesInThisThreadsArena();  // a second call changes nothing
      },
      384);
}
