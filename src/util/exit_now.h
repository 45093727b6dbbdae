// ExitNow: ends the process at once, its output flushed, without freeing memory.
#pragma once

#include <ostream>

namespace gdpr::util {

// Flushes `out`, `err` and every C stdio stream, then ends the process with `code`,
// skipping destructors and atexit handlers: freeing a large audit's inventory and
// report (millions of small objects) takes tens of milliseconds the system does
// anyway. Files must be closed before. Under AddressSanitizer it returns instead, so
// that the leak check at exit still runs; the caller then returns normally.
void ExitNow(int code, std::ostream& out, std::ostream& err);

}  // namespace gdpr::util
