// alicert CLI: standard output in large blocks, and standard error with the
// progress line (report.md): kept up to date when standard error is a
// terminal and the input is large, cleared before any diagnostic and at the
// end, never written otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "text_buffer.h"

namespace alicert::cli {

/// Standard output: records are gathered and written a block at a time.
class output_sink {
 public:
  /// Bytes gathered before they are written.
  static constexpr std::size_t block = std::size_t{1} << 20;

  explicit output_sink(int fd) noexcept : fd_(fd) {}

  /// Gathers `text`; writes when a block is full. False once a write failed.
  bool write(std::string_view text);
  /// Writes everything gathered. False once a write failed.
  bool flush();
  [[nodiscard]] bool failed() const noexcept { return failed_; }

 private:
  int fd_;
  bool failed_{false};
  text_buffer pending_;
};

/// Standard error: diagnostics, and the progress line.
class diagnostics {
 public:
  /// `progress`: whether a progress line may be shown (standard error is a terminal).
  explicit diagnostics(bool progress) noexcept : progress_(progress) {}
  ~diagnostics() { clear_progress(); }
  diagnostics(const diagnostics&) = delete;
  diagnostics& operator=(const diagnostics&) = delete;

  /// Writes diagnostic lines (the progress line goes first, and comes back
  /// at the next update).
  void write(std::string_view text);
  /// Where the run stands: documents and bytes read so far. Shown once the
  /// input is large (10,000 documents or 16 MiB), redrawn at most four times
  /// a second.
  void progress(std::size_t documents, std::size_t bytes);
  /// Removes the progress line, if shown.
  void clear_progress();

  /// True when standard error is a terminal (where the progress line may go).
  static bool stderr_is_terminal() noexcept;

 private:
  void put(std::string_view text);
  bool progress_;
  bool shown_{false};
  bool started_{false};
  std::chrono::steady_clock::time_point start_{};
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace alicert::cli
