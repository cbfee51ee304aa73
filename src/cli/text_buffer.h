// alicert CLI: a growable byte buffer for rendering. Renderers ask for room
// once per value (reserve), write through a raw pointer and commit the end:
// no per-character capacity check, no terminating NUL, no zero-filling.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace alicert::cli {

class text_buffer {
 public:
  text_buffer() = default;
  text_buffer(text_buffer&&) noexcept = default;
  text_buffer& operator=(text_buffer&&) noexcept = default;
  text_buffer(const text_buffer&) = delete;
  text_buffer& operator=(const text_buffer&) = delete;

  /// Room for `n` more bytes; returns where they go. Throws std::bad_alloc
  /// when the memory cannot be had (the CLI's top level reports it).
  char* reserve(std::size_t n) {
    if (capacity_ - size_ < n) grow(n);
    return data_.get() + size_;
  }
  /// Ends the bytes written since reserve() at `end`.
  void commit(char* end) noexcept { size_ = static_cast<std::size_t>(end - data_.get()); }

  void append(std::string_view text) {
    char* p = reserve(text.size());
    if (!text.empty()) std::memcpy(p, text.data(), text.size());
    size_ += text.size();
  }
  void push(char c) {
    *reserve(1) = c;
    ++size_;
  }
  void clear() noexcept { size_ = 0; }

  [[nodiscard]] std::string_view view() const noexcept { return {data_.get(), size_}; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

 private:
  void grow(std::size_t n) {
    std::size_t capacity = capacity_ < 256 ? 256 : capacity_;
    while (capacity - size_ < n) capacity *= 2;
    std::unique_ptr<char[]> bigger(new char[capacity]);
    if (size_ != 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  std::size_t size_{0};
  std::size_t capacity_{0};
};

}  // namespace alicert::cli
