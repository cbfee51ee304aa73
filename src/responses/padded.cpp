// Padded input buffers.
#include "alicert/responses/padded.h"

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
  std::string bytes;
  char chunk[65536];
  std::size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) bytes.append(chunk, n);
  int err = std::ferror(f) ? errno : 0;
  std::fclose(f);
  if (err) return io_error(err);
  return padded_buffer(bytes);
}

}  // namespace alicert
