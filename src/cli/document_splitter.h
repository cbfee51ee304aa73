// alicert CLI: the documents of one input, read in blocks. The library's
// document_stream delimits and parses them (its rules for NDJSON,
// concatenated documents, byte order marks, documents that do not close
// and runs of bytes that are not JSON stay as they are) over a window that
// holds the part of the input still to be read; the window slides on as
// documents are handed out, so memory is bounded by the largest document.
//
// A document is handed out only once its verdict cannot depend on bytes
// after the window: when the input ends inside the window, when it parsed
// (its value closed inside the window), or when the stream gives it the
// same extent and error with two different endings appended to the window
// (one closes an open string, one closes open brackets: a decision that
// looked past the end of the window tells them apart). Otherwise more of the
// input is read and the document is parsed again.
//
// What outgrows the window (limits::max_document_bytes plus a margin) is
// followed with stream_recovery's scans: a document whose value does not
// end within it gets document_too_large and the stream goes on after its
// end; a run of not-JSON bytes longer than it gives its one record and
// goes on to the next brace line after it that starts a JSON value.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "alicert/limits.h"
#include "alicert/responses/parser.h"
#include "chunk_pool.h"
#include "input.h"
#include "stream_recovery.h"

namespace alicert::cli {

/// One document as the splitter hands it out.
struct split_document {
  std::size_t index{0};   ///< position in its input
  std::size_t offset{0};  ///< byte offset in its input
  /// The document, or its error (offsets in the input). The view borrows the
  /// parser it was parsed with and `bytes`.
  result<document_view> doc{document_view{}};
  std::shared_ptr<const chunk> bytes;
  /// The document's bytes from its byte order mark (if any) to its end:
  /// enough to parse it again to the same view.
  std::string_view text;
};

enum class split_status : std::uint8_t {
  document,     ///< `out` holds the next document
  end,          ///< the input has no more
  would_block,  ///< the next read would wait for a writer (only when not allowed to)
};

class document_splitter {
 public:
  struct tuning {
    /// Bytes read at a time: few enough that a block is still in the core's
    /// cache when its documents are scanned and parsed (over a 10,000-document
    /// CAS stream, 128 KiB took 0.96x the time of 256 KiB and 0.94x of 1 MiB).
    std::size_t block = std::size_t{1} << 17;
    /// Most bytes held for one document before it counts as oversized.
    std::size_t window = limits::max_document_bytes + (std::size_t{64} << 10);
  };

  explicit document_splitter(input_source& in) : document_splitter(in, tuning{}) {}
  document_splitter(input_source& in, tuning t);

  /// The next document, parsed with `p`: `out`'s view lives until `p` parses
  /// again. With `may_block` false, returns would_block instead of reading
  /// when the read would wait (so that the caller can write what it has).
  split_status next(parser& p, split_document& out, bool may_block);

  /// Bytes of the input read so far.
  [[nodiscard]] std::size_t bytes_read() const noexcept { return base_ + end_; }

 private:
  enum class step : std::uint8_t { emitted, progressed, need_more, ended };
  enum class mode : std::uint8_t { stream, skip_value, seek_brace };

  step stream_step(parser& p, split_document& out);
  step skip_step();
  step seek_step();
  bool overflow(parser& p, split_document& out);
  bool probe_agrees(std::size_t begin, std::size_t end, const alicert::error& e);
  split_status finish(split_document& out);
  void fill(bool may_block, bool& blocked);
  void make_room();
  void hand_out(split_document& out, const result<document_view>& r, std::size_t begin, std::size_t end);
  void oversized(split_document& out, std::size_t begin);
  [[nodiscard]] char* data() noexcept { return chunk_->data(); }

  input_source* in_;
  tuning tuning_;
  std::shared_ptr<chunk> chunk_;
  // Chunks read before come back here once no document borrows them.
  std::shared_ptr<chunk_pool> pool_;
  std::size_t base_{0};  // input offset of chunk_->data()[0]
  std::size_t pos_{0};   // where the stream goes on, in chunk_
  std::size_t end_{0};   // bytes held in chunk_
  std::size_t index_{0};
  bool eof_{false};
  bool done_{false};
  bool run_{false};        // joining not-JSON records to a run that outgrew the window
  bool line_start_{false};  // seek_brace: pos_ begins a line
  bool dropped_bom_{false};
  mode mode_{mode::stream};
  value_skipper skipper_;
  std::optional<alicert::error> read_error_;
  std::optional<alicert::error> too_large_;  // the parser's verdict on an oversized document
  parser probe_;
};

}  // namespace alicert::cli
