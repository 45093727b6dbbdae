// libFuzzer target: ISO 8601 durations and country codes from untrusted declarations.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/iso_duration.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  auto d = gdpr::util::ParseIsoDuration(text, &error);
  if (d) {
    // A parsed duration prints back to something that parses to the same length.
    auto again = gdpr::util::ParseIsoDuration(d->ToString());
    if (!again || again->ApproxSeconds() != d->ApproxSeconds()) __builtin_trap();
  } else if (error.empty()) {
    __builtin_trap();
  }
  return 0;
}
