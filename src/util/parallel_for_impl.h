// The template part of parallel_for.h; include that header, not this one.
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace gdpr::util {

template <typename T>
void ParallelProduceInOrder(size_t n, const std::function<T(size_t)>& produce,
                            const std::function<void(size_t, T&&)>& consume, size_t window) {
  const size_t workers = WorkerCount(n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) consume(i, produce(i));
    return;
  }
  window = std::max(window, workers);
  std::vector<std::optional<T>> results(n);
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0, consumed = 0;
  auto work = [&] {
    std::unique_lock<std::mutex> lock(mu);
    while (true) {
      changed.wait(lock, [&] { return next >= n || next < consumed + window; });
      if (next >= n) return;
      size_t i = next++;
      lock.unlock();
      T result = produce(i);
      lock.lock();
      results[i].emplace(std::move(result));
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (size_t w = 0; w < workers; ++w) threads.emplace_back(work);
  for (size_t i = 0; i < n; ++i) {
    std::optional<T> ready;
    {
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return results[i].has_value(); });
      ready = std::move(results[i]);
      results[i].reset();
    }
    consume(i, std::move(*ready));
    {
      std::lock_guard<std::mutex> lock(mu);
      consumed = i + 1;
    }
    changed.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace gdpr::util
