// The splitter's chunk pool (src/cli/chunk_pool.h): a chunk comes back when
// its last reference goes, and only then; only chunks of the usual capacity
// are kept, at most `keep`; a chunk may outlive whoever owned the pool; and
// references let go on other threads while the owner takes chunks (the
// --jobs pattern; scripts/tsan.sh runs this under ThreadSanitizer, which
// reported a race in the fence-based reuse this pool replaced).
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "chunk_pool.h"

namespace {

using alicert::cli::chunk;
using alicert::cli::chunk_pool;

TEST(SplitterChunkPool, ReusesAChunkOnlyOnceNothingBorrowsIt) {
  auto pool = std::make_shared<chunk_pool>(4096, 4);
  std::shared_ptr<chunk> a = pool->take(100);
  EXPECT_EQ(a->capacity(), 4096u);
  const chunk* first = a.get();
  std::shared_ptr<const chunk> borrowed = a;  // a document in flight
  a.reset();
  std::shared_ptr<chunk> b = pool->take(4096);
  EXPECT_NE(b.get(), first) << "taken again while a document still borrowed it";
  borrowed.reset();
  std::shared_ptr<chunk> c = pool->take(4096);
  EXPECT_EQ(c.get(), first) << "not reused once free";
}

TEST(SplitterChunkPool, KeepsOnlyUsualChunksAndAtMostKeep) {
  auto pool = std::make_shared<chunk_pool>(4096, 2);
  std::shared_ptr<chunk> big = pool->take(10000);
  EXPECT_EQ(big->capacity(), 10000u);
  big.reset();
  EXPECT_EQ(pool->free_count(), 0u) << "a grown chunk is freed, not kept";
  std::vector<std::shared_ptr<chunk>> out;
  for (int i = 0; i < 3; ++i) out.push_back(pool->take(4096));
  out.pop_back();  // one comes back
  EXPECT_EQ(pool->free_count(), 1u);
  out.clear();  // two more: only two are kept
  EXPECT_EQ(pool->free_count(), 2u);
  std::shared_ptr<chunk> again = pool->take(4096);
  EXPECT_EQ(again->capacity(), 4096u);
  EXPECT_EQ(pool->free_count(), 1u);
  std::shared_ptr<chunk> grown = pool->take(5000);
  EXPECT_EQ(grown->capacity(), 5000u);
  EXPECT_EQ(pool->free_count(), 1u) << "a larger request takes no usual chunk";
}

TEST(SplitterChunkPool, AChunkOutlivesThePoolsOwner) {
  std::shared_ptr<const chunk> kept;
  {
    auto pool = std::make_shared<chunk_pool>(4096, 4);
    std::shared_ptr<chunk> c = pool->take(4096);
    std::memset(c->data(), 'x', 4096);
    kept = c;
  }
  EXPECT_EQ(kept->data()[4095], 'x');
  kept.reset();  // gives back to a pool only the chunk still holds
}

TEST(SplitterChunkPool, ReferencesLetGoOnOtherThreads) {
  auto pool = std::make_shared<chunk_pool>(4096, 4);
  std::atomic<long> sum{0};
  std::vector<std::thread> workers;
  for (int round = 0; round < 200; ++round) {
    std::shared_ptr<chunk> c = pool->take(4096);
    std::memset(c->data(), round & 0x7f, 4096);  // the owner writes, as read() does
    std::shared_ptr<const chunk> borrowed = std::move(c);
    workers.emplace_back([b = std::move(borrowed), &sum] {
      long s = 0;
      for (std::size_t i = 0; i < 4096; i += 64) s += b->data()[i];  // a worker reads, as a parse does
      sum += s;
    });
    if (workers.size() == 4) {
      for (auto& w : workers) w.join();
      workers.clear();
    }
  }
  for (auto& w : workers) w.join();
  long want = 0;
  for (int round = 0; round < 200; ++round) want += 64L * (round & 0x7f);
  EXPECT_EQ(sum.load(), want);
}

}  // namespace
