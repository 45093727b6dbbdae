#include "util/huge_page_heap.h"

#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace gdpr::util {

#if defined(__linux__) && defined(__GLIBC__)
namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
constexpr size_t kHeapStep = size_t{16} << 20;

}  // namespace

void UseHugePageHeap() {
  // Large blocks from the heap too (RE2 grows its programs by doubling), and the heap
  // grows, and is kept, in large steps: each step is a fresh range to mark.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHeapStep));
  mallopt(M_TOP_PAD, static_cast<int>(kHeapStep));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kHeapStep));
  // Grow the heap now: a block just larger than its free top makes malloc extend it
  // by the block plus the pad. Only the pages at the block's two ends are touched.
  const uintptr_t old_end = reinterpret_cast<uintptr_t>(sbrk(0));
  void* block = malloc(mallinfo2().keepcost + 4096);
  const uintptr_t new_end = reinterpret_cast<uintptr_t>(sbrk(0));
  // A huge page needs a 2 MiB range none of whose pages was touched yet.
  const uintptr_t first = (old_end + 2 * 4096 + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t last = new_end & ~(kHugePage - 1);
  if (block && last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  free(block);
}
#else
void UseHugePageHeap() {}
#endif

}  // namespace gdpr::util
