// ParallelFor: runs fn(0..n-1) on up to `max_workers` threads (default: one per core).
// Each index runs exactly once; the order across threads is not defined, so callers
// write results into per-index slots and merge them in index order afterwards, which
// keeps the output deterministic. fn must not throw.
#pragma once

#include <cstddef>
#include <functional>

namespace gdpr::util {

// Runs produce(i) for i in 0..n-1 on worker threads and consume(i, result) on the
// calling thread strictly in index order, as soon as each result is ready: the
// consumer's serial work overlaps the producers'. Producers stay at most `window`
// items ahead of the consumer, which bounds how many results are alive at once.
template <typename T>
void ParallelProduceInOrder(size_t n, const std::function<T(size_t)>& produce,
                            const std::function<void(size_t, T&&)>& consume, size_t window = 8);

// The number of workers ParallelFor uses for `n` items: min(n, cores, max_workers), at
// least 1. GDPR_AUDIT_THREADS=N in the environment caps it (1 runs everything inline).
size_t WorkerCount(size_t n, size_t max_workers = 0);

void ParallelFor(size_t n, const std::function<void(size_t)>& fn, size_t max_workers = 0);
// The same, telling fn which worker (0..WorkerCount(n, max_workers)-1) runs it, for
// per-worker scratch state and results that need no lock.
void ParallelForWorker(size_t n, const std::function<void(size_t index, size_t worker)>& fn,
                       size_t max_workers = 0);

}  // namespace gdpr::util

#include "util/parallel_for_impl.h"
