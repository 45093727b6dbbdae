#include <doctest/doctest.h>

#include "util/utf8.h"

using gdpr::util::ValidUtf8;

TEST_CASE("util::ValidUtf8 keeps valid text and replaces every invalid sequence") {
  CHECK(ValidUtf8("plain ascii") == "plain ascii");
  CHECK(ValidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(ValidUtf8("a\xFF" "b") == "a" + fffd + "b");                  // never valid byte
  CHECK(ValidUtf8("\x80") == fffd);                                    // stray continuation
  CHECK(ValidUtf8("x\xC3") == "x" + fffd);                             // truncated at end
  CHECK(ValidUtf8("\xC0\xAF") == fffd + fffd);                         // overlong '/'
  CHECK(ValidUtf8("\xED\xA0\x80") == fffd + fffd + fffd);              // UTF-16 surrogate
  CHECK(ValidUtf8("\xF4\x90\x80\x80") == fffd + fffd + fffd + fffd);   // above U+10FFFF
  CHECK(ValidUtf8(std::string("a\0b", 3)) == std::string("a\0b", 3));  // NUL is valid UTF-8
}

TEST_CASE("util::Shorten cuts on code points") {
  using gdpr::util::Shorten;
  CHECK(Shorten("short", 10) == "short");
  CHECK(Shorten("abcdefghij", 5) == "abcd\xE2\x80\xA6");
  CHECK(Shorten("abcde", 5) == "abcde");
  CHECK(Shorten("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
  CHECK(Shorten("a\xFF" "bcdef", 3) == "a\xEF\xBF\xBD\xE2\x80\xA6");
}
