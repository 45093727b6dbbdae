// ReadInputFile: reads a file the user asked us to audit, refusing what is not a
// text input (directories, binary files, files beyond the size limit) with a clear
// diagnostic instead of a crash or a silent skip.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/diagnostics.h"

namespace gdpr::load {

struct ReadLimits {
  uint64_t max_file_bytes = 256ull * 1024 * 1024;  // --max-file-size
};

// Returns the whole content of `path`, or nullopt after reporting an error to `diags`
// at `referenced_from` (or at the file itself when that is unknown).
std::optional<std::string> ReadInputFile(const std::string& path, model::Diagnostics& diags,
                                         const ReadLimits& limits = {},
                                         const model::SourceLocation& referenced_from = {});

// True when `text` looks binary: a NUL byte in the first 8 KiB.
bool LooksBinary(std::string_view text);

}  // namespace gdpr::load
