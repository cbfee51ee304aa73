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

#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/responses/document.h"
#include "alicert/responses/padded.h"
#include "alicert/responses/record.h"

namespace alicert {

namespace internal {
struct parser_state;
}

class document_stream;

class parser {
 public:
  /// Never throws: without memory for its state, every parse() is out_of_memory.
  ALICERT_API parser() noexcept;
  ALICERT_API ~parser();
  ALICERT_API parser(parser&&) noexcept;
  ALICERT_API parser& operator=(parser&&) noexcept;
  parser(const parser&) = delete;
  parser& operator=(const parser&) = delete;

  /// Parses one document and recognizes its API. The view borrows from this
  /// parser and from `input`: it dies at the next parse()/next() on this
  /// parser, at the parser's destruction, or with the input buffer.
  /// A UTF-8 byte order mark before the document (after optional whitespace)
  /// is skipped with quirk::utf8_bom; the view's json and offset then begin
  /// where the JSON does, and a mark with nothing after it is empty_input.
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
  result<document_view> parse_padded(const char* base, std::size_t offset, std::size_t size,
                                     std::size_t allocated, const api* expected) noexcept;
  result<document_view> parse_in_place(const char* base, std::size_t offset, std::size_t size,
                                       std::size_t allocated, const api* expected) noexcept;
  std::unique_ptr<internal::parser_state> state_;
};

/// Many documents in one buffer, concatenated or one per line (NDJSON), read
/// one at a time. A document that fails gives its error and the stream goes
/// on with the next one:
///
/// - A document that is complete JSON but fails (unknown_shape, wrong_type, a
///   limit) costs only itself.
/// - A document whose bytes are not JSON (malformed_json, invalid_utf8, an
///   unclosed string or object, a stray token) ends at the next line that
///   begins, after optional blanks, with `{`, and reading resumes there. When
///   that document is not JSON either, it joins the same unbroken run: the
///   whole run is one error record (the first failure's error; text() spans
///   the run). So a binary or PEM file gives one record, and every document
///   that begins a line after the run still parses.
/// - A document that does not close (a string still open at the end of its
///   line, an object that never closes, or one that nests deeper than
///   limits::max_depth allows and has not closed by the next line beginning
///   with `{`) ends where the first such line after its start begins. A
///   valid document is never cut, whatever lines beginning with `{` it holds.
/// - A UTF-8 byte order mark before a document (after any whitespace between
///   documents) is skipped, and the document gets quirk::utf8_bom; its offset
///   is where the JSON begins. A mark followed by nothing is no document.
///
/// Linear in the input's size; it allocates nothing beyond what its parser does.
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
  // The document that ended a run of bytes that are not JSON, read at the
  // next call: from its byte order mark (if any), its JSON, its end; 0 when none.
  std::size_t pending_from_{0};
  std::size_t pending_begin_{0};
  std::size_t pending_end_{0};
  result<document_view> parse(std::size_t from, std::size_t end) noexcept;
};

}  // namespace alicert
