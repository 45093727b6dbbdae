#include "util/background.h"

#include <system_error>
#include <utility>

#include "util/huge_page_heap.h"
#include "util/parallel_for.h"

namespace gdpr::util {

Background::Background(std::function<void()> fn) {
  if (WorkerCount(2) > 1) {
    try {
      done_ = std::async(std::launch::async, [fn = std::move(fn)] {
        UseHugePagesInThisThread();
        fn();
      });
      return;
    } catch (const std::system_error&) {
      // no thread to be had: run it in Wait()
    }
  }
  done_ = std::async(std::launch::deferred, std::move(fn));
}

// Waits without rethrowing: a destructor may run while an exception unwinds the caller.
Background::~Background() {
  if (done_.valid()) done_.wait();
}

void Background::Wait() {
  if (done_.valid()) done_.get();
}

}  // namespace gdpr::util
