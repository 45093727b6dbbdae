// libFuzzer target: the classifier's literal index against RE2 on name patterns from
// untrusted classifier packs; the property is CheckLiteralNameIndex() in fuzz_checks.h.
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* broken =
      gdpr::fuzz::CheckLiteralNameIndex({reinterpret_cast<const char*>(data), size});
  if (broken) {
    std::fprintf(stderr, "property broken: %s\n", broken);
    __builtin_trap();
  }
  return 0;
}
