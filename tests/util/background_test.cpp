#include "util/background.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

using gdpr::util::Background;

TEST_CASE("util::Background runs its function once, by the time Wait() returns") {
  std::atomic<int> runs{0};
  std::thread::id ran_on;
  Background b([&] {
    ran_on = std::this_thread::get_id();
    ++runs;
  });
  b.Wait();
  CHECK(runs == 1);
  b.Wait();  // a second wait is harmless
  CHECK(runs == 1);
  if (std::thread::hardware_concurrency() > 1) CHECK(ran_on != std::this_thread::get_id());
}

TEST_CASE("util::Background waits in its destructor") {
  std::atomic<bool> done{false};
  {
    Background b([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      done = true;
    });
  }
  CHECK(done);
}

TEST_CASE("util::Background runs inside Wait() when GDPR_AUDIT_THREADS=1 asks for one thread") {
  setenv("GDPR_AUDIT_THREADS", "1", 1);
  std::thread::id ran_on;
  bool ran = false;
  Background b([&] {
    ran_on = std::this_thread::get_id();
    ran = true;
  });
  CHECK_FALSE(ran);  // not started: deferred to Wait()
  b.Wait();
  unsetenv("GDPR_AUDIT_THREADS");
  CHECK(ran);
  CHECK(ran_on == std::this_thread::get_id());
}
