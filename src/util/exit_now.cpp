#include "util/exit_now.h"

#include <cstdio>
#include <cstdlib>

namespace gdpr::util {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLeakCheckAtExit = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kLeakCheckAtExit = true;
#else
constexpr bool kLeakCheckAtExit = false;
#endif
#else
constexpr bool kLeakCheckAtExit = false;
#endif

}  // namespace

void ExitNow(int code, std::ostream& out, std::ostream& err) {
  out.flush();
  err.flush();
  if (kLeakCheckAtExit) return;
  std::fflush(nullptr);
  std::_Exit(code);
}

}  // namespace gdpr::util
