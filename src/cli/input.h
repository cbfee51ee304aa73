// alicert CLI: one input (a file, or "-" for standard input) as a source of
// bytes, read in blocks so that no input is ever held whole.
#pragma once

#include <cstddef>
#include <string_view>

#include "alicert/error.h"

namespace alicert::cli {

class input_source {
 public:
  /// Opens `name`; "-" is standard input (not closed at the end). An input
  /// that cannot be opened, or a directory, gives error_code::io_error with
  /// the system's reason.
  static result<input_source> open(std::string_view name);

  ~input_source();
  input_source(input_source&& other) noexcept;
  input_source& operator=(input_source&& other) noexcept;
  input_source(const input_source&) = delete;
  input_source& operator=(const input_source&) = delete;

  /// Reads up to `room` bytes into `into`: how many, 0 at the end of the
  /// input. A regular file ends where it ended when it was opened (bytes
  /// appended meanwhile are not read), from where its descriptor stood.
  result<std::size_t> read(char* into, std::size_t room);

  /// True when a read could wait for a writer: a pipe or a terminal with
  /// nothing to read within `timeout_ms` milliseconds (0: right now); never
  /// for a regular file.
  [[nodiscard]] bool would_block(int timeout_ms = 0) const;

  /// True for a regular file (reads never wait and the size is known).
  [[nodiscard]] bool regular() const noexcept { return regular_; }

 private:
  input_source(int fd, bool owned) noexcept : fd_(fd), owned_(owned) {}
  result<bool> inspect();
  int fd_{-1};
  bool owned_{false};
  bool regular_{false};
  std::size_t remaining_{0};  // a regular file's bytes still to read
};

}  // namespace alicert::cli
