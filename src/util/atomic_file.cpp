#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <streambuf>
#include <vector>

namespace gdpr::util {
namespace {

bool Fail(std::string* error, const std::string& what, const std::string& path, int err) {
  if (error) *error = what + " '" + path + "': " + std::strerror(err);
  return false;
}

// Permissions for the new file: the existing file's, else 0666 minus the umask.
mode_t TargetMode(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

bool WriteAll(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// An output buffer over a file descriptor; remembers whether a write failed.
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  bool ok() const { return ok_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override { return Flush() ? 0 : -1; }

 private:
  bool Flush() {
    ok_ = ok_ && WriteAll(fd_, std::string_view(pbase(), static_cast<size_t>(pptr() - pbase())));
    setp(buffer_, buffer_ + sizeof buffer_);
    return ok_;
  }

  int fd_;
  bool ok_ = true;
  char buffer_[1 << 16];
};

}  // namespace

bool WriteFileAtomically(const std::string& path, std::string_view content, std::string* error) {
  return WriteFileAtomically(path, [content](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); }, error);
}

bool WriteFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& produce,
                         std::string* error) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return Fail(error, "cannot write", path, EISDIR);
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> temp(pattern.begin(), pattern.end());
  temp.push_back('\0');
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return Fail(error, "cannot create", path, errno);
  std::string temp_path(temp.data());
  bool ok = ::fchmod(fd, TargetMode(path)) == 0;
  if (ok) {
    FdBuf buf(fd);
    std::ostream out(&buf);
    produce(out);
    out.flush();
    ok = buf.ok() && out.good();
  }
  ok = ok && ::fsync(fd) == 0;
  int err = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && ::rename(temp_path.c_str(), path.c_str()) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    ::unlink(temp_path.c_str());
    return Fail(error, "cannot write", path, err);
  }
  return true;
}

}  // namespace gdpr::util
