#include "load/file_reader.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace gdpr::load {

bool LooksBinary(std::string_view text) {
  return text.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::optional<std::string> ReadInputFile(const std::string& path, model::Diagnostics& diags,
                                         const ReadLimits& limits,
                                         const model::SourceLocation& referenced_from) {
  namespace fs = std::filesystem;
  model::SourceLocation where = referenced_from.path.empty() ? model::SourceLocation{path, 0, 0}
                                                             : referenced_from;
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    diags.Error(where, "cannot read '" + path + "': no such file");
    return std::nullopt;
  }
  if (fs::is_directory(st)) {
    diags.Error(where, "'" + path + "' is a directory, not a file");
    return std::nullopt;
  }
  if (!fs::is_regular_file(st)) {
    diags.Error(where, "'" + path + "' is not a regular file");
    return std::nullopt;
  }
  uint64_t size = fs::file_size(path, ec);
  if (!ec && size > limits.max_file_bytes) {
    diags.Error(where, "'" + path + "' is " + std::to_string(size) + " bytes, more than the limit of " +
                           std::to_string(limits.max_file_bytes),
                "raise the limit with --max-file-size if this file is really an input");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.Error(where, "cannot open '" + path + "' for reading");
    return std::nullopt;
  }
  std::string text(static_cast<size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<size_t>(in.gcount()));
  if (LooksBinary(text)) {
    diags.Error(where, "'" + path + "' looks like a binary file, not text");
    return std::nullopt;
  }
  return text;
}

}  // namespace gdpr::load
