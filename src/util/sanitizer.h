// kAddressSanitizer: whether this build runs under AddressSanitizer (GCC or clang).
// Code that leans on the C library's allocator or on a normal exit asks it first.
#pragma once

namespace gdpr::util {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace gdpr::util
