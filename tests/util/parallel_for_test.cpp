#include "util/parallel_for.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <vector>

using gdpr::util::ParallelFor;
using gdpr::util::ParallelForWorker;
using gdpr::util::WorkerCount;

TEST_CASE("util::ParallelFor runs every index exactly once") {
  std::vector<std::atomic<int>> runs(1000);
  ParallelFor(runs.size(), [&](size_t i) { ++runs[i]; });
  for (const auto& r : runs) CHECK(r.load() == 1);
  ParallelFor(0, [](size_t) { FAIL("no index to run"); });
}

TEST_CASE("util::ParallelForWorker names workers below WorkerCount") {
  const size_t n = 500;
  const size_t workers = WorkerCount(n);
  CHECK(workers >= 1);
  std::vector<std::atomic<int>> per_worker(workers);
  std::atomic<bool> out_of_range{false};
  ParallelForWorker(n, [&](size_t, size_t worker) {
    if (worker >= workers) out_of_range = true;
    else ++per_worker[worker];
  });
  CHECK_FALSE(out_of_range.load());
  int total = 0;
  for (const auto& w : per_worker) total += w.load();
  CHECK(total == static_cast<int>(n));
}

TEST_CASE("util::WorkerCount never exceeds the items or the caps") {
  CHECK(WorkerCount(0) == 1);
  CHECK(WorkerCount(1) == 1);
  CHECK(WorkerCount(100, 1) == 1);
  setenv("GDPR_AUDIT_THREADS", "1", 1);
  CHECK(WorkerCount(100) == 1);
  size_t inline_worker = 99;
  ParallelForWorker(3, [&](size_t, size_t worker) { inline_worker = worker; });
  CHECK(inline_worker == 0);
  unsetenv("GDPR_AUDIT_THREADS");
}

TEST_CASE("util::ParallelProduceInOrder consumes every result in index order within the window") {
  const size_t n = 200, window = 3;
  std::atomic<size_t> produced{0};
  std::atomic<size_t> consumed_so_far{0};
  std::atomic<bool> too_far_ahead{false};
  std::vector<size_t> order;
  gdpr::util::ParallelProduceInOrder<std::string>(
      n,
      [&](size_t i) {
        // A producer may start item i only when item i - window has been consumed.
        if (i >= consumed_so_far.load() + std::max(window, WorkerCount(n))) too_far_ahead = true;
        ++produced;
        return "item " + std::to_string(i);
      },
      [&](size_t i, std::string&& s) {
        CHECK(s == "item " + std::to_string(i));
        order.push_back(i);
        consumed_so_far = i + 1;
      },
      window);
  CHECK(produced.load() == n);
  REQUIRE(order.size() == n);
  for (size_t i = 0; i < n; ++i) CHECK(order[i] == i);
  CHECK_FALSE(too_far_ahead.load());
}
