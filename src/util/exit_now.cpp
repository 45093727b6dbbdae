#include "util/exit_now.h"

#include <cstdio>
#include <cstdlib>

#include "util/sanitizer.h"

namespace gdpr::util {

void ExitNow(int code, std::ostream& out, std::ostream& err) {
  out.flush();
  err.flush();
  if (kAddressSanitizer) return;  // its leak check runs at a normal exit
  std::fflush(nullptr);
  std::_Exit(code);
}

}  // namespace gdpr::util
