#include "util/intern.h"

#include <functional>
#include <mutex>
#include <unordered_set>

#include "util/string_hash.h"

namespace gdpr::util {

const std::string* Intern(std::string_view text) {
  static std::mutex mu;
  // Never destroyed: pointers into it may be held by static objects destroyed at exit.
  // (Its nodes stay put when the table grows, so the pointers stay valid.)
  static auto* texts = new std::unordered_set<std::string, StringHash, std::equal_to<>>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = texts->find(text);
  if (it == texts->end()) it = texts->emplace(text).first;
  return &*it;
}

}  // namespace gdpr::util
