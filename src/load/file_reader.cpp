#include "load/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

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

namespace {

// Closes the descriptor on every way out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads up to `size` bytes (fewer when the file shrank meanwhile); nothing on a read
// error, with errno set.
std::optional<std::string> ReadAll(int fd, size_t size) {
  std::string text(size, '\0');
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, text.data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  text.resize(done);
  return text;
}

}  // namespace

// One open and one fstat: an estate's audit reads thousands of DDL files, and checking
// each by name first (status, then size, then a stream) cost system calls and time.
// O_NONBLOCK so that opening a FIFO cannot hang; it changes nothing for a regular file.
std::optional<std::string> ReadInputFile(const std::string& path, model::Diagnostics& diags,
                                         const ReadLimits& limits,
                                         const model::SourceLocation& referenced_from) {
  model::SourceLocation where = referenced_from.path.empty() ? model::SourceLocation{path, 0, 0}
                                                             : referenced_from;
  Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP)
      diags.Error(where, "cannot read '" + path + "': no such file");
    else
      diags.Error(where, "cannot open '" + path + "' for reading");
    return std::nullopt;
  }
  struct stat st;
  if (::fstat(file.fd, &st) != 0) {
    diags.Error(where, "cannot open '" + path + "' for reading");
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    diags.Error(where, "'" + path + "' is a directory, not a file");
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    diags.Error(where, "'" + path + "' is not a regular file");
    return std::nullopt;
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > limits.max_file_bytes) {
    diags.Error(where, "'" + path + "' is " + std::to_string(size) + " bytes, more than the limit of " +
                           std::to_string(limits.max_file_bytes),
                "raise the limit with --max-file-size if this file is really an input");
    return std::nullopt;
  }
  std::optional<std::string> text = ReadAll(file.fd, static_cast<size_t>(size));
  if (!text) {
    diags.Error(where, "cannot read '" + path + "': " + std::strerror(errno));
    return std::nullopt;
  }
  if (LooksBinary(*text)) {
    diags.Error(where, "'" + path + "' looks like a binary file, not text");
    return std::nullopt;
  }
  return text;
}

}  // namespace gdpr::load
