// Intern: one shared copy of a string for the life of the process.
#pragma once

#include <string>
#include <string_view>

namespace gdpr::util {

// The process's one copy of `text`: equal texts give the same pointer, valid until the
// process ends (copies are never freed; meant for the few distinct file names of a run,
// which millions of YAML nodes point at). Safe to call from several threads.
const std::string* Intern(std::string_view text);

}  // namespace gdpr::util
