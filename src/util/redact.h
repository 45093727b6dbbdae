// RedactSecrets: masks credentials that may sit in text we print: the password of
// any `scheme://user:password@host` URL and `password=...` parameters. Applied to
// every quoted source line and message, so a password written next to some other
// mistake in a declarations file is never echoed to a CI log.
#pragma once

#include <string>
#include <string_view>

namespace gdpr::util {

// Returns `text` with URL passwords and password=... values replaced by "***".
std::string RedactSecrets(std::string_view text);

}  // namespace gdpr::util
