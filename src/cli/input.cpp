#include "input.h"

#include <fcntl.h>
#include <sys/mman.h>
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

constexpr std::size_t initial_capacity = std::size_t{1} << 16;

}  // namespace

input_bytes::~input_bytes() { release(); }

input_bytes::input_bytes(input_bytes&& other) noexcept
    : file_(std::move(other.file_)),
      grown_(std::exchange(other.grown_, nullptr)),
      grown_size_(std::exchange(other.grown_size_, 0)),
      grown_capacity_(std::exchange(other.grown_capacity_, 0)) {}

input_bytes& input_bytes::operator=(input_bytes&& other) noexcept {
  if (this != &other) {
    release();
    file_ = std::move(other.file_);
    grown_ = std::exchange(other.grown_, nullptr);
    grown_size_ = std::exchange(other.grown_size_, 0);
    grown_capacity_ = std::exchange(other.grown_capacity_, 0);
  }
  return *this;
}

void input_bytes::release() noexcept {
  if (grown_ != nullptr) ::munmap(grown_, grown_capacity_);
  grown_ = nullptr;
  grown_size_ = grown_capacity_ = 0;
}

padded_view input_bytes::view() const noexcept {
  if (grown_ != nullptr) return {grown_, grown_size_};
  return file_.view();
}

result<input_bytes> input_bytes::read(std::string_view name) {
  if (name == "-") return read_fd(STDIN_FILENO);
  const std::string path(name);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return io_error(errno);
  auto bytes = read_fd(fd);
  ::close(fd);
  return bytes;
}

result<input_bytes> input_bytes::read_fd(int fd) {
  const auto fail = [&](int err) { return io_error(err); };
  input_bytes in;
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(errno);
  if (S_ISDIR(st.st_mode)) return fail(EISDIR);

  if (S_ISREG(st.st_mode)) {
    // A regular file: one buffer of its size (from where the descriptor
    // stands, for a redirected standard input), filled in place.
    const off_t at = ::lseek(fd, 0, SEEK_CUR);
    if (at >= 0 && at <= st.st_size) {
      const auto expected = static_cast<std::size_t>(st.st_size - at);
      padded_buffer buffer = padded_buffer::with_size(expected);
      std::size_t got = 0;
      while (got < expected) {
        const ssize_t n = ::read(fd, buffer.data() + got, expected - got);
        if (n < 0) {
          if (errno == EINTR) continue;
          return fail(errno);
        }
        if (n == 0) break;  // the file shrank meanwhile
        got += static_cast<std::size_t>(n);
      }
      // Bytes appended after fstat are not read: the input is the file as it was.
      in.file_ = got == expected ? std::move(buffer) : padded_buffer(std::string_view(buffer.data(), got));
      return in;
    }
  }

  // Anything else: anonymous memory (zero-filled, so the padding past the
  // data is readable and zero) grown by mremap, which moves pages rather
  // than copying bytes; peak use stays close to the input's size.
  std::size_t capacity = initial_capacity;
  void* region = ::mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) return fail(errno);
  in.grown_ = static_cast<char*>(region);
  in.grown_capacity_ = capacity;
  for (;;) {
    if (in.grown_capacity_ - in.grown_size_ <= padding) {
      const std::size_t bigger = in.grown_capacity_ * 2;
#if defined(__linux__)
      void* moved = ::mremap(in.grown_, in.grown_capacity_, bigger, MREMAP_MAYMOVE);
      if (moved == MAP_FAILED) return fail(errno);
#else
      void* moved = ::mmap(nullptr, bigger, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (moved == MAP_FAILED) return fail(errno);
      std::memcpy(moved, in.grown_, in.grown_size_);
      ::munmap(in.grown_, in.grown_capacity_);
#endif
      in.grown_ = static_cast<char*>(moved);
      in.grown_capacity_ = bigger;
    }
    const std::size_t room = in.grown_capacity_ - in.grown_size_ - padding;
    const ssize_t got = ::read(fd, in.grown_ + in.grown_size_, room);
    if (got < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    if (got == 0) break;
    in.grown_size_ += static_cast<std::size_t>(got);
  }
  return in;
}

}  // namespace alicert::cli
