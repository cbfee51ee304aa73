// The block scan of document_extent() (src/responses/document_extent.cpp)
// against its definition, the byte-wise scan: the same extent for every
// document start of inputs made to hit what the blocks must carry from one
// to the next (strings, runs of backslashes, escapes across a block's edge,
// newlines in and out of strings, backslashes outside strings, nesting past
// the depth limit), of the corpus, and of random bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "responses/scan.h"

namespace {

using alicert::internal::document_extent;
using alicert::internal::document_extent_bytewise;

// Both scans from every byte of `in` that opens an object or array.
void expect_same_extents(const std::string& in, std::size_t max_depth, const std::string& what) {
  for (std::size_t begin = 0; begin < in.size(); ++begin) {
    if (in[begin] != '{' && in[begin] != '[') continue;
    const auto want = document_extent_bytewise(in, begin, max_depth);
    const auto got = document_extent(in, begin, max_depth);
    ASSERT_EQ(got.end, want.end) << what << ", begin " << begin << ", depth " << max_depth;
    ASSERT_EQ(got.cut, want.cut) << what << ", begin " << begin << ", depth " << max_depth;
  }
}

std::string random_text(std::mt19937& rng, std::size_t n) {
  // Mostly the bytes the scans act on, so that every combination occurs.
  static const char alphabet[] = {'"', '"', '\\', '\\', '{', '}', '[', ']', '\n', 'a', ' ', ',', ':', '\r'};
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += alphabet[rng() % sizeof alphabet];
  return s;
}

TEST(DocumentExtent, BlocksAgreeWithTheByteWiseScanOnRandomText) {
  std::mt19937 rng(20261201);
  for (int round = 0; round < 3000; ++round) {
    const std::string in = (round % 2 ? "{" : "[") + random_text(rng, 1 + rng() % 300);
    expect_same_extents(in, 1 + rng() % 8, "round " + std::to_string(round));
  }
}

TEST(DocumentExtent, BlocksAgreeWhereStringsAndEscapesCrossABlockEdge) {
  // A string holding a run of k backslashes then a quote, placed so that the
  // run ends at every offset around the 64-byte edge, inside valid documents
  // and after a stray backslash.
  for (std::size_t pad = 0; pad < 140; ++pad) {
    for (std::size_t k = 0; k <= 5; ++k) {
      for (const char* after : {"\"}", "x\"}", "\n\"}", "\"]}", "\"} {\"b\":1}"}) {
        const std::string body = std::string(pad, 'p') + std::string(k, '\\') + after;
        expect_same_extents("{\"a\":\"" + body, 64, "pad " + std::to_string(pad) + ", run " + std::to_string(k));
        expect_same_extents("{\\\"a\":\"" + body, 64, "stray, pad " + std::to_string(pad));
        expect_same_extents("[" + std::string(pad, ' ') + "\"" + body + "]", 64, "array, pad " + std::to_string(pad));
      }
    }
  }
}

TEST(DocumentExtent, BlocksAgreeOnNestingAroundTheDepthLimit) {
  for (std::size_t depth = 1; depth <= 70; ++depth) {
    const std::string open(depth, '['), close(depth, ']');
    const std::string in = "{\"a\":" + open + close + "}\n{\"b\":" + open + "\n{\"c\":1}\n" + close + "}";
    for (const std::size_t limit : {std::size_t{1}, std::size_t{8}, std::size_t{64}})
      expect_same_extents(in, limit, "depth " + std::to_string(depth));
  }
}

TEST(DocumentExtent, BlocksAgreeOnEveryCorpusDocument) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ALICERT_CORPUS_DIR)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream text;
    text << f.rdbuf();
    expect_same_extents(text.str(), 64, entry.path().string());
    ++files;
  }
  EXPECT_GT(files, 100u);
}

}  // namespace
