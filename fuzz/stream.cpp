// Fuzz target: document_stream over the whole input (concatenated documents,
// NDJSON, bytes that are not JSON). Every document is touched like the
// parse_* targets do, and then differential, two ways:
// - its bytes (from the byte order mark the stream skipped before it, if
//   any), copied alone into a fresh buffer and read as a stream by a fresh
//   parser, give exactly one record, which reads exactly the same (offsets
//   taken relative to the document's start);
// - parsed alone by parse(), they read exactly the same too, except for a
//   run of bytes that are not JSON: a run's error is its first failure's
//   (responses.md, Shared shapes: one error record per unbroken run), and
//   parse() of the whole run is not compared. (Not even "fails too": parse()
//   accepts some text that is not JSON when a stray '}' follows, as in
//   {"Code":"x","M":"a":"b"}}, which a run can hold.)
// And before that, the block scan that delimits documents against its
// byte-wise definition (src/responses/document_extent.cpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "alicert/responses.h"
#include "responses/scan.h"
#include "touch_views.h"

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_bom(std::string_view s, std::size_t at) { return s.substr(at, 3) == "\xEF\xBB\xBF"; }

// The gap between two documents: whitespace, then at most one byte order
// mark and the whitespace after it. Gives where the mark is, or npos.
std::size_t check_gap(std::string_view in, std::size_t from, std::size_t to) {
  std::size_t i = from;
  while (i < to && is_space(in[i])) ++i;
  std::size_t bom = std::string_view::npos;
  if (i < to) {
    ALICERT_FUZZ_CHECK(i + 3 <= to && is_bom(in, i), "non-whitespace skipped between documents");
    bom = i;
    i += 3;
  }
  while (i < to && is_space(in[i])) ++i;
  ALICERT_FUZZ_CHECK(i == to, "non-whitespace skipped between documents");
  return bom;
}

// The errors a run can have: those of bytes that are not JSON, and those of
// an object cut where it had not closed (too deep, too large).
bool may_be_a_run(const alicert::result<alicert::document_view>& r) {
  if (r) return false;
  switch (r.error().code) {
    case alicert::error_code::malformed_json:
    case alicert::error_code::invalid_utf8:
    case alicert::error_code::depth_exceeded:
    case alicert::error_code::document_too_large: return true;
    default: return false;
  }
}

std::string describe(const alicert::result<alicert::document_view>& r, std::size_t base) {
  if (r) return std::string("ok ") + std::string(alicert::api_name(r->kind));
  return std::string(alicert::error_name(r.error().code)) + " at +" + std::to_string(r.error().offset - base) + " " +
         std::string(r.error().pointer) + ": " + std::string(r.error().message);
}

// The stream's block scan (document_extent) against its byte-wise
// definition, from the first brackets of the input, at the stream's depth
// limit and at a small one.
void check_block_scan(std::string_view in) {
  std::size_t starts = 0;
  for (std::size_t at = 0; at < in.size() && starts < 32; ++at) {
    if (in[at] != '{' && in[at] != '[') continue;
    ++starts;
    for (const std::size_t depth : {std::size_t{3}, std::size_t{64}}) {
      const auto blocks = alicert::internal::document_extent(in, at, depth);
      const auto bytes = alicert::internal::document_extent_bytewise(in, at, depth);
      ALICERT_FUZZ_CHECK(blocks.end == bytes.end && blocks.cut == bytes.cut,
                         "document_extent's block scan and its byte-wise definition disagree");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alicert;
  const padded_buffer input(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string_view in = input.view().view();
  parser p;
  parser alone;
  parser alone_stream;
  check_block_scan(in);
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
    ALICERT_FUZZ_CHECK(!is_space(text.front()), "a document starts with whitespace");
    const std::size_t bom = check_gap(in, previous_end, s.offset());
    previous_end = s.offset() + text.size();

    fuzz::view_context cx{input.data(), size, s.offset(), {}};
    const std::uint64_t in_stream = fuzz::touch_result(p, s.document(), cx);
    if (s.document()) {
      ALICERT_FUZZ_CHECK(s.document()->json == text, "the document's json is not the stream's text");
      ALICERT_FUZZ_CHECK(s.document()->quirks.has(quirk::utf8_bom) == (bom != std::string_view::npos),
                         "quirk utf8_bom differs from the byte order mark before the document");
    }

    const std::size_t from = bom != std::string_view::npos ? bom : s.offset();
    const padded_buffer copy(in.substr(from, previous_end - from));
    const std::size_t base = s.offset() - from;

    fuzz::view_context cx_stream{copy.data(), copy.size(), base, {}};
    document_stream again(alone_stream, copy);
    ALICERT_FUZZ_CHECK(again.next(), "a document copied alone is no document in a stream");
    ALICERT_FUZZ_CHECK(again.offset() == base && again.text() == text,
                       "a document copied alone is delimited differently in a stream");
    const std::uint64_t by_itself_in_a_stream = fuzz::touch_result(alone_stream, again.document(), cx_stream);
    if (in_stream != by_itself_in_a_stream) {
      std::fprintf(stderr, "document %zu at %zu (%zu bytes): in the stream %s; alone in a stream %s\n", s.index(),
                   s.offset(), text.size(), describe(s.document(), s.offset()).c_str(),
                   describe(again.document(), base).c_str());
    }
    ALICERT_FUZZ_CHECK(in_stream == by_itself_in_a_stream, "a document reads differently in a stream and alone in one");
    ALICERT_FUZZ_CHECK(!again.next(), "a document copied alone is more than one document in a stream");

    fuzz::view_context cx_alone{copy.data(), copy.size(), base, {}};
    const auto alone_result = alone.parse(copy);
    const std::uint64_t by_itself = fuzz::touch_result(alone, alone_result, cx_alone);
    if (!may_be_a_run(s.document())) {
      if (in_stream != by_itself) {
        std::fprintf(stderr, "document %zu at %zu (%zu bytes): in the stream %s; alone %s\n", s.index(), s.offset(),
                     text.size(), describe(s.document(), s.offset()).c_str(), describe(alone_result, base).c_str());
      }
      ALICERT_FUZZ_CHECK(in_stream == by_itself, "a document reads differently in a stream and alone");
    }
    all.mix(in_stream);
  }
  fuzz::consume(all.value());
  return 0;
}
