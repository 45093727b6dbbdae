// ReadInputFile: reads a file the user asked us to audit, refusing what is not a
// text input (directories, binary files, files beyond the size limit) with a clear
// diagnostic instead of a crash or a silent skip.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.h"

namespace gdpr::load {

// The limits on what one run reads, so that a hostile or mistaken input (a huge dump,
// a folder of generated files) ends with a clear error (exit 2), not an exhausted
// runner. The command line sets them (--max-file-size, --max-files).
struct ReadLimits {
  uint64_t max_file_bytes = 256ull * 1024 * 1024;  // --max-file-size, per file
  size_t max_files = 10'000;                         // --max-files, found under one run's paths
};

// Parses a size such as "256M", "256MiB", "1G", "4096", "64k" (binary units; case and a
// trailing "B"/"iB" do not matter) into bytes. Returns nullopt for anything else or a
// size of zero.
std::optional<uint64_t> ParseByteSize(std::string_view text);

// Returns the whole content of `path`, or nullopt after reporting an error to `diags`
// at `referenced_from` (or at the file itself when that is unknown).
std::optional<std::string> ReadInputFile(const std::string& path, model::Diagnostics& diags,
                                         const ReadLimits& limits = {},
                                         const model::SourceLocation& referenced_from = {});

// True when `text` looks binary: a NUL byte in the first 8 KiB.
bool LooksBinary(std::string_view text);

}  // namespace gdpr::load
