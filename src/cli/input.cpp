#include "input.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace alicert::cli {
namespace {

// The system's reason, as static text: the record names the input itself.
alicert::error io_error(int err) {
  alicert::error e;
  e.code = error_code::io_error;
  e.message = strerrordesc_np(err);
  return e;
}

}  // namespace

input_source::~input_source() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

input_source::input_source(input_source&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      owned_(std::exchange(other.owned_, false)),
      regular_(other.regular_),
      remaining_(other.remaining_) {}

input_source& input_source::operator=(input_source&& other) noexcept {
  if (this != &other) {
    if (owned_ && fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    owned_ = std::exchange(other.owned_, false);
    regular_ = other.regular_;
    remaining_ = other.remaining_;
  }
  return *this;
}

result<input_source> input_source::open(std::string_view name) {
  if (name == "-") {
    input_source in(STDIN_FILENO, false);
    if (auto ok = in.inspect(); !ok) return ok.error();
    return in;
  }
  const std::string path(name);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return io_error(errno);
  input_source in(fd, true);
  if (auto ok = in.inspect(); !ok) return ok.error();
  return in;
}

result<bool> input_source::inspect() {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return io_error(errno);
  if (S_ISDIR(st.st_mode)) return io_error(EISDIR);
  if (S_ISREG(st.st_mode)) {
    // From where the descriptor stands, for a redirected standard input.
    const off_t at = ::lseek(fd_, 0, SEEK_CUR);
    if (at >= 0 && at <= st.st_size) {
      regular_ = true;
      remaining_ = static_cast<std::size_t>(st.st_size - at);
    }
  }
  return true;
}

result<std::size_t> input_source::read(char* into, std::size_t room) {
  if (regular_) {
    if (remaining_ < room) room = remaining_;
    if (room == 0) return std::size_t{0};
  }
  for (;;) {
    const ssize_t n = ::read(fd_, into, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error(errno);
    }
    const auto got = static_cast<std::size_t>(n);
    if (regular_) remaining_ = got == 0 ? 0 : remaining_ - got;  // 0: the file shrank meanwhile
    return got;
  }
}

bool input_source::would_block(int timeout_ms) const {
  if (regular_) return false;
  pollfd p{fd_, POLLIN, 0};
  int n = 0;
  do {
    n = ::poll(&p, 1, timeout_ms);
  } while (n < 0 && errno == EINTR);
  return n == 0;
}

}  // namespace alicert::cli
