// Padded input buffers.
#include "alicert/responses/padded.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace alicert {

padded_buffer::padded_buffer(std::string_view bytes) : padded_buffer(with_size(bytes.size())) {
  if (!bytes.empty()) std::memcpy(bytes_.get(), bytes.data(), bytes.size());
}

padded_buffer padded_buffer::with_size(std::size_t size) {
  padded_buffer b;
  b.bytes_ = std::make_unique<char[]>(size + padding);  // value-initialised: the padding is zero
  b.size_ = size;
  return b;
}

result<padded_buffer> padded_buffer::read_file(const char* path) {
  auto io_error = [&](int err) {
    return error{error_code::io_error, std::string(path) + ": " + std::strerror(err), {}, 0};
  };
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return io_error(errno);
  struct stat st {};
  if (::fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
    int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
    std::fclose(f);
    return io_error(err);
  }
  // A regular file is read straight into a buffer of its size (as it was at
  // open time); anything else (a pipe, a device) into one that doubles.
  const bool regular = S_ISREG(st.st_mode) && st.st_size > 0;  // /proc files report 0
  std::size_t capacity = regular ? static_cast<std::size_t>(st.st_size) : 65536;
  padded_buffer buffer = with_size(capacity);
  std::size_t size = 0;
  for (;;) {
    if (size == capacity) {
      if (regular) break;
      capacity *= 2;
      padded_buffer bigger = with_size(capacity);
      std::memcpy(bigger.data(), buffer.data(), size);
      buffer = std::move(bigger);
    }
    const std::size_t n = std::fread(buffer.data() + size, 1, capacity - size, f);
    if (n == 0) break;
    size += n;
  }
  int err = std::ferror(f) ? errno : 0;
  std::fclose(f);
  if (err) return io_error(err);
  buffer.size_ = size;
  std::memset(buffer.data() + size, 0, padding);
  return buffer;
}

}  // namespace alicert
