#include "load/file_reader.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace gdpr::load {

std::optional<uint64_t> ParseByteSize(std::string_view text) {
  size_t i = 0;
  uint64_t value = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    uint64_t digit = static_cast<uint64_t>(text[i] - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (i == 0) return std::nullopt;
  std::string unit;
  for (char c : text.substr(i)) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (unit.size() > 1 && unit.back() == 'b') unit.pop_back();
  if (unit.size() > 1 && unit.back() == 'i') unit.pop_back();
  int shift = 0;
  if (unit == "k") shift = 10;
  else if (unit == "m") shift = 20;
  else if (unit == "g") shift = 30;
  else if (!unit.empty() && unit != "b") return std::nullopt;
  if (value == 0 || value > (UINT64_MAX >> shift)) return std::nullopt;
  return value << shift;
}

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
