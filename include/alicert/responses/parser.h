// alicert: the response parser.
//
// A `parser` holds simdjson's On-Demand parser and alicert's scratch buffers;
// reuse one parser for many documents and it stops allocating once it has
// seen the largest. A parser is not thread-safe: use one per thread.
//
// Example:
//
//   alicert::parser p;
//   auto input = alicert::padded_buffer::read_file("response.json");
//   if (!input) return;                                  // input.error().message
//   auto doc = p.parse(*input);
//   if (!doc) { log(alicert::error_name(doc.error().code), doc.error().pointer); return; }
//   if (doc->cas) use(doc->cas->certificate.serial_number.text);
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/responses/document.h"
#include "alicert/responses/padded.h"
#include "alicert/responses/record.h"

namespace alicert {

namespace internal {
struct parser_state;
struct line_object {
  std::size_t begin;
  std::size_t end;
};
}

class document_stream;

class parser {
 public:
  ALICERT_API parser();
  ALICERT_API ~parser();
  ALICERT_API parser(parser&&) noexcept;
  ALICERT_API parser& operator=(parser&&) noexcept;
  parser(const parser&) = delete;
  parser& operator=(const parser&) = delete;

  /// Parses one document and recognizes its API. The view borrows from this
  /// parser and from `input`: it dies at the next parse()/next() on this
  /// parser, at the parser's destruction, or with the input buffer.
  /// Errors: every error_code of the JSON side, with pointer and offset.
  ALICERT_API result<document_view> parse(padded_view input) noexcept;

  /// As parse(input), but the document must be of API `expected`; another
  /// recognised API gives error_code::unexpected_api.
  ALICERT_API result<document_view> parse(padded_view input, api expected) noexcept;

  /// The certificates of `doc` (from this parser's last parse) as normalized
  /// records: one for CAS, KMS DescribeCertificate and GetCertificate, one per
  /// CDN entry, none for an error envelope. Borrowed like the view itself.
  ALICERT_API std::span<const certificate_record> records(const document_view& doc) noexcept;

 private:
  friend class document_stream;
  result<document_view> parse_at(const char* base, std::size_t offset, std::size_t size,
                                 std::size_t allocated, const api* expected) noexcept;
  result<document_view> parse_in_place(const char* base, std::size_t offset, std::size_t size,
                                       std::size_t allocated, const api* expected) noexcept;
  std::unique_ptr<internal::parser_state> state_;
};

/// Many documents in one buffer, concatenated or one per line (NDJSON), read
/// one at a time. A document that fails gives its error and the stream goes
/// on with the next one; only the failing document is lost.
///
///   alicert::document_stream s(p, input);
///   while (s.next()) { if (s.document()) use(*s.document()); else report(s.document().error()); }
///
/// Borrows the parser and the input for its whole life; each document's view
/// dies at the next call to next().
class document_stream {
 public:
  ALICERT_API document_stream(parser& p, padded_view input) noexcept;

  /// Finds and parses the next document. False when only whitespace remains.
  ALICERT_API bool next() noexcept;
  /// The current document or its error. Valid after next() returned true.
  [[nodiscard]] const result<document_view>& document() const noexcept { return current_; }
  /// Zero-based position of the current document in the stream.
  [[nodiscard]] std::size_t index() const noexcept { return index_; }
  /// Byte offset of the current document in the input.
  [[nodiscard]] std::size_t offset() const noexcept { return begin_; }
  /// The current document's bytes.
  [[nodiscard]] std::string_view text() const noexcept { return {input_.data() + begin_, end_ - begin_}; }

 private:
  parser* parser_;
  padded_view input_;
  std::size_t begin_{0};
  std::size_t end_{0};
  std::size_t index_{0};
  bool started_{false};
  result<document_view> current_{document_view{}};
  // Where documents start and end after one that was cut short (stream.cpp).
  std::vector<internal::line_object> resync_;
  std::size_t resync_at_{0};
};

}  // namespace alicert
