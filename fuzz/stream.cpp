// Fuzz target: document_stream over the whole input (concatenated documents,
// NDJSON). Every document is touched like the parse_* targets do, and then
// differential: the document's bytes, copied alone into a fresh buffer and
// parsed by a fresh parser, must read exactly the same (offsets taken
// relative to the document's start).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "alicert/responses.h"
#include "touch_views.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alicert;
  const padded_buffer input(std::string_view(reinterpret_cast<const char*>(data), size));
  parser p;
  parser alone;
  document_stream s(p, input);
  std::size_t documents = 0;
  std::size_t previous_end = 0;
  fuzz::fingerprint all;
  while (s.next()) {
    ALICERT_FUZZ_CHECK(s.index() == documents, "document_stream::index skips or repeats");
    ++documents;
    ALICERT_FUZZ_CHECK(documents <= size, "more documents than bytes: the stream does not advance");
    const std::string_view text = s.text();
    ALICERT_FUZZ_CHECK(!text.empty(), "an empty document");
    ALICERT_FUZZ_CHECK(s.offset() >= previous_end, "documents overlap or go backwards");
    ALICERT_FUZZ_CHECK(text.data() == input.data() + s.offset(), "text() is not at offset()");
    ALICERT_FUZZ_CHECK(s.offset() + text.size() <= size, "a document runs past the input");
    for (std::size_t i = previous_end; i < s.offset(); ++i) {
      const char c = input.data()[i];
      ALICERT_FUZZ_CHECK(c == ' ' || c == '\t' || c == '\n' || c == '\r', "non-whitespace skipped between documents");
    }
    previous_end = s.offset() + text.size();

    fuzz::view_context cx{input.data(), size, s.offset(), {}};
    const std::uint64_t in_stream = fuzz::touch_result(p, s.document(), cx);
    if (s.document()) {
      ALICERT_FUZZ_CHECK(s.document()->json == text, "the document's json is not the stream's text");
    }

    const padded_buffer copy(text);
    fuzz::view_context cx_alone{copy.data(), copy.size(), 0, {}};
    const auto alone_result = alone.parse(copy);
    const std::uint64_t by_itself = fuzz::touch_result(alone, alone_result, cx_alone);
    if (in_stream != by_itself) {
      auto describe = [](const result<document_view>& r, std::size_t base) {
        if (r) return std::string("ok ") + std::string(api_name(r->kind));
        return std::string(error_name(r.error().code)) + " at +" + std::to_string(r.error().offset - base) + " " +
               r.error().pointer + ": " + r.error().message;
      };
      std::fprintf(stderr, "document %zu at %zu (%zu bytes): in the stream %s; alone %s\n", s.index(), s.offset(),
                   text.size(), describe(s.document(), s.offset()).c_str(), describe(alone_result, 0).c_str());
    }
    ALICERT_FUZZ_CHECK(in_stream == by_itself, "a document reads differently in a stream and alone");
    all.mix(in_stream);
  }
  fuzz::consume(all.value());
  return 0;
}
