// Padded input buffers.
#include "alicert/responses/padded.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>

namespace alicert {

padded_buffer::padded_buffer(std::string_view bytes) noexcept {
  // Default-initialised, then the bytes and a zero padding: zeroing all of it
  // first, as with_size() does, would write every byte twice.
  bytes_.reset(new (std::nothrow) char[bytes.size() + padding]);
  failed_ = !bytes_;
  if (failed_) return;
  size_ = bytes.size();
  if (size_ != 0) std::memcpy(bytes_.get(), bytes.data(), size_);
  std::memset(bytes_.get() + size_, 0, padding);
}

padded_buffer padded_buffer::with_size(std::size_t size) noexcept {
  padded_buffer b;
  // Value-initialised: the padding is zero. Without the memory, an empty buffer that says so.
  b.bytes_.reset(new (std::nothrow) char[size + padding]());
  b.size_ = b.bytes_ ? size : 0;
  b.failed_ = !b.bytes_;
  return b;
}

result<padded_buffer> padded_buffer::read_file(const char* path) noexcept {
  // strerrordesc_np is static text (strerror may write a shared buffer).
  auto io_error = [&](int err) { return error{error_code::io_error, strerrordesc_np(err), {}, 0}; };
  auto no_memory = [] { return error{error_code::out_of_memory, "no memory for the file's bytes", {}, 0}; };
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
  if (buffer.allocation_failed()) {
    std::fclose(f);
    return no_memory();
  }
  std::size_t size = 0;
  for (;;) {
    if (size == capacity) {
      if (regular) break;
      capacity *= 2;
      padded_buffer bigger = with_size(capacity);
      if (bigger.allocation_failed()) {
        std::fclose(f);
        return no_memory();
      }
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
