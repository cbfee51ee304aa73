// alicert CLI: the blocks the splitter reads its input into, and their
// reuse once no document borrows them.
//
// A chunk goes back to its pool when its last reference goes, on whichever
// thread that is (a worker done with a document, or the splitter moving on),
// through the shared_ptr's deleter and the pool's mutex. The splitter takes
// it again under the same mutex, so the last reader's reads happen before the
// next read() into it, in a way ThreadSanitizer sees too. (Before, the
// splitter polled use_count() and fenced; correct, but TSan does not model
// fences and reported a race there under --jobs 4.)
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "alicert/responses/padded.h"

namespace alicert::cli {

/// Input bytes in one allocation, with room after them for the window's
/// probe and the parser's padding. Documents handed out borrow it.
class chunk {
 public:
  /// Bytes past capacity() that stay writable: the probe and the padding.
  static constexpr std::size_t probe_room = 1024 + 2;
  explicit chunk(std::size_t capacity) : bytes_(new char[capacity + probe_room + padding]), capacity_(capacity) {}
  [[nodiscard]] char* data() noexcept { return bytes_.get(); }
  [[nodiscard]] const char* data() const noexcept { return bytes_.get(); }
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t capacity_;
};

/// Free chunks of one usual capacity, at most `keep` of them. Reusing them
/// spares the allocator's fresh pages: a page fault for every 4 KiB read
/// was 2,000 of the 4,750 faults of a 31 MB stream. A chunk of another
/// capacity (one grown for a large document) is freed when done.
class chunk_pool : public std::enable_shared_from_this<chunk_pool> {
 public:
  chunk_pool(std::size_t usual_capacity, std::size_t keep);

  /// A chunk of at least `capacity` bytes: a free one of the usual capacity
  /// when there is one, else a new one. Throws std::bad_alloc.
  std::shared_ptr<chunk> take(std::size_t capacity);

  /// Chunks waiting to be taken again.
  [[nodiscard]] std::size_t free_count();

 private:
  void give_back(chunk* c) noexcept;

  std::size_t usual_;
  std::size_t keep_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<chunk>> free_;  // capacity reserved for `keep`: giving back never allocates
};

}  // namespace alicert::cli
