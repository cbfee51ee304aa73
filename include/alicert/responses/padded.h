// alicert: input buffers with the padding the parser reads past the end.
//
// The parser uses SIMD loads that may read up to `padding` bytes past the
// last byte of the document. Those bytes must be readable (their content does
// not matter). `padded_buffer` owns such a buffer; `padded_view` is the
// promise that a caller's buffer has the padding.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "alicert/error.h"
#include "alicert/export.h"

namespace alicert {

/// Bytes that must be readable after the end of any parsed input.
inline constexpr std::size_t padding = 64;

/// Zeros: what an empty view points at, so that it too keeps the padding promise.
inline constexpr char empty_padded_input[padding] = {};

/// A non-owning view of input followed by at least `padding` readable bytes.
class padded_view {
 public:
  constexpr padded_view() noexcept = default;
  /// Promise: `data[size .. size + padding)` is readable memory.
  constexpr padded_view(const char* data, std::size_t size) noexcept : data_(data), size_(size) {}
  [[nodiscard]] constexpr const char* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }

 private:
  const char* data_{empty_padded_input};
  std::size_t size_{0};
};

/// An owning, padded copy of some bytes (the padding is zero-filled).
class padded_buffer {
 public:
  padded_buffer() = default;
  /// Copies `bytes` into a new padded buffer. When the memory cannot be had,
  /// the buffer is empty and allocation_failed() says so.
  ALICERT_API explicit padded_buffer(std::string_view bytes) noexcept;
  /// A zeroed buffer of `size` bytes (plus zeroed padding) to fill through
  /// data(); empty, with allocation_failed(), when the memory cannot be had.
  ALICERT_API static padded_buffer with_size(std::size_t size) noexcept;
  /// Reads a whole file; a file that cannot be read gives error_code::io_error
  /// with the system's reason in `message`, no memory error_code::out_of_memory.
  ALICERT_API static result<padded_buffer> read_file(const char* path) noexcept;

  /// True when the memory this buffer needed could not be had.
  [[nodiscard]] bool allocation_failed() const noexcept { return failed_; }

  [[nodiscard]] char* data() noexcept { return bytes_.get(); }
  [[nodiscard]] const char* data() const noexcept { return bytes_ ? bytes_.get() : empty_padded_input; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] padded_view view() const noexcept { return {data(), size_}; }
  operator padded_view() const noexcept { return view(); }  // NOLINT: a buffer is a view

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_{0};
  bool failed_{false};
};

}  // namespace alicert
