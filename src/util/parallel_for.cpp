#include "util/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <system_error>
#include <thread>
#include <vector>

namespace gdpr::util {

size_t WorkerCount(size_t n, size_t max_workers) {
  size_t cores = std::max<size_t>(1, std::thread::hardware_concurrency());
  if (const char* env = std::getenv("GDPR_AUDIT_THREADS"); env && *env) {
    long cap = std::strtol(env, nullptr, 10);
    if (cap >= 1) cores = std::min(cores, static_cast<size_t>(cap));
  }
  if (max_workers > 0) cores = std::min(cores, max_workers);
  return std::max<size_t>(1, std::min(n, cores));
}

void ParallelForWorker(size_t n, const std::function<void(size_t, size_t)>& fn, size_t max_workers) {
  size_t workers = WorkerCount(n, max_workers);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) {
    for (size_t i = next++; i < n; i = next++) fn(i, worker);
  };
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) {
    try {
      threads.emplace_back(work, w);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: those running take every item between them
    }
  }
  work(0);  // the calling thread is a worker too
  for (std::thread& t : threads) t.join();
}

void ParallelFor(size_t n, const std::function<void(size_t)>& fn, size_t max_workers) {
  ParallelForWorker(n, [&fn](size_t i, size_t) { fn(i); }, max_workers);
}

}  // namespace gdpr::util
