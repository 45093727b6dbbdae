#include "util/exit_now.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <iostream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "util/sanitizer.h"

TEST_CASE("util::ExitNow ends the process with its code and nothing left unwritten") {
  if (gdpr::util::kAddressSanitizer) {
    MESSAGE("skipped: under AddressSanitizer ExitNow returns, for the leak check at exit");
    return;
  }
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::fflush(nullptr);  // nothing of this process's buffers may reach the child
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    dup2(fds[1], STDOUT_FILENO);
    std::printf("stdio buffered, ");  // a pipe: fully buffered until flushed
    std::cout << "and iostream";
    gdpr::util::ExitNow(3, std::cout, std::cerr);
    std::_Exit(99);  // not reached
  }
  close(fds[1]);
  std::string got;
  char buf[256];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);
  CHECK(got == "stdio buffered, and iostream");
}
