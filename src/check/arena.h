// A text arena for the strings a report borrows: chunks that are never moved,
// reused from one check() to the next, so the steady state allocates nothing.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace alicert::internal {

class text_arena {
 public:
  /// `n` bytes that stay put until reset().
  char* allocate(std::size_t n) {
    while (current_ < blocks_.size()) {
      block& b = blocks_[current_];
      if (b.size - used_ >= n) {
        char* p = b.data.get() + used_;
        used_ += n;
        return p;
      }
      ++current_;
      used_ = 0;
    }
    const std::size_t size = n > block_size ? n : block_size;
    blocks_.push_back(block{std::make_unique<char[]>(size), size});
    current_ = blocks_.size() - 1;
    used_ = n;
    return blocks_.back().data.get();
  }

  /// A copy of `s` that lives until reset().
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  /// Forgets every string; keeps the memory.
  void reset() noexcept {
    current_ = 0;
    used_ = 0;
  }

 private:
  static constexpr std::size_t block_size = 16 * 1024;
  struct block {
    std::unique_ptr<char[]> data;
    std::size_t size;
  };
  std::vector<block> blocks_;
  std::size_t current_{0};
  std::size_t used_{0};
};

}  // namespace alicert::internal
