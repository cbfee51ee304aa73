#include "chunk_pool.h"

#include <utility>

namespace alicert::cli {

chunk_pool::chunk_pool(std::size_t usual_capacity, std::size_t keep) : usual_(usual_capacity), keep_(keep) {
  free_.reserve(keep);
}

std::shared_ptr<chunk> chunk_pool::take(std::size_t capacity) {
  std::unique_ptr<chunk> c;
  if (capacity <= usual_) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      c = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (!c) c = std::make_unique<chunk>(capacity <= usual_ ? usual_ : capacity);
  // The deleter keeps the pool alive while any of its chunks is out: a
  // document may outlive the splitter that read it.
  // Should the control block fail to allocate, the deleter takes the chunk.
  std::shared_ptr<chunk_pool> self = shared_from_this();
  return std::shared_ptr<chunk>(c.release(), [self](chunk* done) { self->give_back(done); });
}

std::size_t chunk_pool::free_count() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return free_.size();
}

void chunk_pool::give_back(chunk* c) noexcept {
  std::unique_ptr<chunk> owned(c);
  if (c->capacity() != usual_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (free_.size() < keep_) free_.push_back(std::move(owned));
}

}  // namespace alicert::cli
