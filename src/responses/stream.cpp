// Many documents in one buffer.
//
// Documents are delimited here, by a bracket-and-string scan, and each one is
// parsed on its own. simdjson's iterate_many was the first choice, but its
// stage 1 runs over a whole batch: one invalid UTF-8 byte or unclosed string
// fails every document of the batch, and after an error the stream cannot
// resynchronise. Here a bad document costs only itself: a raw newline cannot
// occur inside a JSON string, so an unclosed string ends at the end of its
// line and the next line (NDJSON) parses again; and a document whose brackets
// never close ends where the next line starting with '{' begins.
#include "alicert/responses/parser.h"

#include "scan.h"

namespace alicert {

document_stream::document_stream(parser& p, padded_view input) noexcept
    : parser_(&p), input_(input) {}

bool document_stream::next() noexcept {
  const std::string_view in = input_.view();
  std::size_t pos = end_;
  while (pos < in.size() && internal::is_json_space(in[pos])) ++pos;
  if (pos >= in.size()) return false;
  if (started_) ++index_;
  started_ = true;
  begin_ = pos;
  // Line objects found after a document that never closed: drop those the
  // documents read since then have covered.
  while (resync_at_ < resync_.size() && resync_[resync_at_].begin < pos) ++resync_at_;
  const auto cut_at_next_line_object = [&](std::size_t after) {
    std::size_t k = resync_at_;
    while (k < resync_.size() && resync_[k].begin <= after) ++k;
    return k < resync_.size() ? resync_[k].begin : in.size();
  };
  if (resync_at_ < resync_.size() && resync_[resync_at_].begin == pos) {
    const std::size_t known = resync_[resync_at_].end;
    end_ = known != std::string_view::npos ? known : cut_at_next_line_object(pos);
  } else if (resync_at_ < resync_.size()) {
    // Between line objects after a broken document: a document that has not
    // closed by the next line object is cut there too (so no scan runs to the
    // end of the input again: the whole recovery stays linear).
    const std::size_t limit = resync_[resync_at_].begin;
    end_ = internal::value_end(in.substr(0, limit), pos);
  } else {
    bool closed = true;
    end_ = internal::value_end(in, pos, &closed);
    if (!closed) {
      // Cut short (a truncated NDJSON line): the broken document ends where
      // the next line starting with '{' begins, and that one is read on its own.
      resync_.clear();
      resync_at_ = 0;
      try {
        internal::line_objects_after(in, pos, resync_);
      } catch (...) {  // out of memory: the rest is one broken document
        resync_.clear();
      }
      end_ = cut_at_next_line_object(pos);
    }
  }
  if (end_ <= begin_) end_ = begin_ + 1;  // always make progress
  current_ = parser_->parse_at(input_.data(), begin_, end_ - begin_, in.size() + padding, nullptr);
  return true;
}

}  // namespace alicert
