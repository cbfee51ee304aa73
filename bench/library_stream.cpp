// library_stream: the library's own parse + check throughput over a stream
// file, for scripts/bench.sh to set `alicert check --jobs 1` against: the
// file is read whole first, then every document is parsed (document_stream)
// and checked (checker::check, reused) on one thread. Prints the seconds the
// loop took and the documents it read.
//
//   library_stream FILE
#include <chrono>
#include <cstdio>

#include "alicert/check/checker.h"
#include "alicert/responses/parser.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: library_stream FILE\n");
    return 2;
  }
  auto input = alicert::padded_buffer::read_file(argv[1]);
  if (!input) {
    std::fprintf(stderr, "library_stream: cannot read %s\n", argv[1]);
    return 2;
  }
  alicert::parser p;
  alicert::checker c;
  alicert::check_options how;
  how.now = alicert::utc_seconds{std::chrono::seconds{1717200000}};  // 2024-06-01T00:00:00Z
  const auto start = std::chrono::steady_clock::now();
  std::size_t documents = 0, failed = 0;
  alicert::document_stream s(p, *input);
  while (s.next()) {
    ++documents;
    if (!s.document()) continue;
    if (c.check(*s.document(), how).failed()) ++failed;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("%.6f %zu %zu\n", took.count(), documents, failed);
  return 0;
}
