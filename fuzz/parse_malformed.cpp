// Fuzz target: any bytes as a response document, auto-detection only (seeded
// with malformed JSON, wrong shapes, deep nesting, bad UTF-8, huge numbers).
#include "parse_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  alicert::fuzz::run_parse(data, size, {});
  return 0;
}
