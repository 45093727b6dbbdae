// AtomicFile: writing an output file so that readers see either the old file or the
// complete new one, never a half-written report. The content goes to a temporary file
// in the same folder (so the final rename stays on one file system), is flushed to
// disk, then renamed over the target. On any error the target is left untouched and the
// temporary file removed.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace gdpr::util {

// Writes `content` to `path` atomically. Returns true on success; on failure returns
// false and sets `error` to a one-line reason naming the path ("cannot create
// 'out/report.html': No such file or directory"). A new file gets the usual permissions
// (0666 minus the umask); an existing file keeps its permissions.
bool WriteFileAtomically(const std::string& path, std::string_view content, std::string* error);
// The same, with the content written by `produce` straight into the temporary file, so
// a large report is never held in memory as a whole.
bool WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& produce,
                         std::string* error);

}  // namespace gdpr::util
