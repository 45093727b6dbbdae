#include "util/huge_page_heap.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ on glibc
#include <mutex>
#include <vector>

#include "util/sanitizer.h"

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
constexpr size_t kThreadHugePages = size_t{4} << 20;  // see UseHugePagesInThisThread

// Where the calling thread's next small block will lie.
uintptr_t NextBlock() {
  void* probe = malloc(1);
  const auto at = reinterpret_cast<uintptr_t>(probe);
  free(probe);
  return at;
}

// The memory from the thread's next block `at` up to `boundary` is 4 KiB pages: take it
// once and keep it (untouched, it costs no memory), so that what the thread allocates
// next lies past `boundary`, in huge pages. Returns the block, to be kept.
void* SkipTo(uintptr_t at, uintptr_t boundary) {
  return at && at < boundary ? malloc(boundary - at) : nullptr;
}

}  // namespace

void UseHugePageHeap() {
  if (kAddressSanitizer) return;  // its allocator has no brk heap
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
  free(block);
  if (!block || last <= first) return;
  madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  // Below `first` are up to 2 MiB of small pages, the first a program touches.
  static void* below_huge_pages = nullptr;
  if (!below_huge_pages) below_huge_pages = SkipTo(NextBlock(), first);
}

namespace {

// Marks the first `bytes` past the first 2 MiB of the calling thread's glibc arena for
// huge pages, or more of it than an earlier call did.
void MarkThisThreadsArena(size_t bytes) {
  // glibc gives each thread an arena of its own. Apart from the main one (the brk heap
  // above), an arena grows inside a reservation of kArenaReservation bytes aligned to
  // its size, its header at the start: every block of it lies in that aligned range.
  constexpr uintptr_t kArenaReservation = uintptr_t{64} << 20;  // glibc's HEAP_MAX_SIZE on 64-bit
  if (kAddressSanitizer) return;  // its allocator has no glibc arenas
  const uintptr_t at = NextBlock();
  if (!at || at < reinterpret_cast<uintptr_t>(sbrk(0))) return;  // the main arena
  const uintptr_t base = at & ~(kArenaReservation - 1);
  bytes = std::min<size_t>(bytes, kArenaReservation - kHugePage);
  struct Marked {
    uintptr_t base;
    size_t bytes;
    void* skipped;  // kept: see SkipTo
  };
  static std::mutex mu;
  // Arenas outlive their threads and are reused: each is marked once, or further.
  static std::vector<Marked> done;
  std::lock_guard<std::mutex> lock(mu);
  auto it = std::find_if(done.begin(), done.end(), [base](const Marked& m) { return m.base == base; });
  if (it != done.end() && it->bytes >= bytes) return;
  madvise(reinterpret_cast<void*>(base + kHugePage), bytes, MADV_HUGEPAGE);
  if (it != done.end()) {
    it->bytes = bytes;
    return;
  }
  // The arena's first 2 MiB already has touched pages (its header), so it cannot become
  // a huge page.
  done.push_back({base, bytes, SkipTo(at, base + kHugePage)});
}

}  // namespace

void UseHugePagesInThisThread() {
  // Only the arena's next few MiB: what a small run allocates in it. A large run gets
  // no more huge pages there, so its peak memory stays as it was (a huge page counts
  // whole once touched).
  MarkThisThreadsArena(kThreadHugePages);
}

void UseHugePagesInThisThreadsArena() { MarkThisThreadsArena(SIZE_MAX); }
#else
void UseHugePageHeap() {}
void UseHugePagesInThisThread() {}
void UseHugePagesInThisThreadsArena() {}
#endif

}  // namespace gdpr::util
