// alicert CLI: following the library's stream rules past what the reading
// window can hold. Within the window the library's document_stream decides
// everything; these scans only take over for a document or a run of
// not-JSON bytes that outgrows it, so that memory stays bounded:
//  - value_skipper finds where an oversized document ends, with the
//    bracket-and-string scan of the library's stream (a raw newline inside a
//    string, or nesting deeper than any valid document, ends it as cut),
//    fed one block at a time;
//  - find_brace_line and last_brace_line find the lines beginning, after
//    blanks and an optional byte order mark, with `{`: where a stream
//    resumes after bytes that are not JSON.
#pragma once

#include <cstddef>
#include <cstdint>

namespace alicert::cli {

/// How a value_skipper's scan stands.
enum class value_stop : std::uint8_t {
  more,    ///< every byte fed so far belongs to the value
  closed,  ///< the value ends: the stream goes on after it
  cut,     ///< the value cannot be valid JSON: the stream resumes at the next brace line
};

class value_skipper {
 public:
  value_skipper() noexcept = default;
  /// A scan of the value whose first byte is `first` (its first byte not yet fed).
  explicit value_skipper(char first) noexcept;

  struct step {
    std::size_t at;  ///< more: the end of the bytes fed; closed: just past the value; cut: where it broke
    value_stop stop;
  };
  /// Scans data[from, n). After closed or cut, feed no more.
  step feed(const char* data, std::size_t from, std::size_t n) noexcept;

 private:
  enum class shape : std::uint8_t { container, string, scalar };
  step feed_container(const char* data, std::size_t i, std::size_t n) noexcept;
  step feed_string(const char* data, std::size_t i, std::size_t n) noexcept;
  shape shape_{shape::scalar};
  bool started_{false};
  bool in_string_{false};
  bool escaped_{false};  // a backslash ended the previous block, inside a string
  std::size_t depth_{0};
};

/// Where find_brace_line() stopped.
struct brace_line {
  bool found{false};
  /// found: the line's first byte after its blanks (its mark or its brace),
  /// where the stream resumes; else where to search again once more bytes
  /// are in (a line whose beginning is still undecided, or `n`).
  std::size_t at{0};
  /// Not found: whether `at` is the beginning of a line.
  bool at_line_start{false};
};

/// The first brace line in data[from, n); `line_start`: whether `from` is
/// the beginning of a line (else lines begin after each '\n').
brace_line find_brace_line(const char* data, std::size_t from, std::size_t n, bool line_start) noexcept;

/// The last line of data[from, n) that is a brace line with its brace in
/// data[.., n): the offset of its first byte after the blanks, or n when none.
std::size_t last_brace_line(const char* data, std::size_t from, std::size_t n) noexcept;

}  // namespace alicert::cli
