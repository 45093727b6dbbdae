// Background: runs a function on a thread of its own while the caller goes on with
// something that does not depend on it, such as two loads of one run.
#pragma once

#include <functional>
#include <future>

namespace gdpr::util {

class Background {
 public:
  // Starts `fn` (which must not throw) on a new thread; runs it inside Wait() instead
  // when GDPR_AUDIT_THREADS=1 asks for one thread or no thread can be had.
  explicit Background(std::function<void()> fn);
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  ~Background();  // waits, as Wait() does

  // Returns once `fn` has returned. Call from the thread that made this.
  void Wait();

 private:
  std::future<void> done_;
};

}  // namespace gdpr::util
