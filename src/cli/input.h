// alicert CLI: reading one input (a file, or "-" for standard input) whole,
// into memory with the padding the parser needs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "alicert/error.h"
#include "alicert/responses/padded.h"

namespace alicert::cli {

/// The bytes of one input. A regular file is read straight into a
/// padded_buffer of its size; anything else (a pipe, a terminal, standard
/// input) is read to its end into memory that grows in place where the system
/// allows it. Either way a large input costs little more than its own size.
class input_bytes {
 public:
  input_bytes() = default;
  ~input_bytes();
  input_bytes(input_bytes&& other) noexcept;
  input_bytes& operator=(input_bytes&& other) noexcept;
  input_bytes(const input_bytes&) = delete;
  input_bytes& operator=(const input_bytes&) = delete;

  /// Reads `name` whole; "-" is standard input. An unreadable input gives
  /// error_code::io_error with the system's reason.
  static result<input_bytes> read(std::string_view name);

  [[nodiscard]] padded_view view() const noexcept;

 private:
  static result<input_bytes> read_fd(int fd);
  void release() noexcept;
  padded_buffer file_;      // a regular file
  char* grown_{nullptr};    // a pipe, a terminal, ...
  std::size_t grown_size_{0};
  std::size_t grown_capacity_{0};
};

}  // namespace alicert::cli
