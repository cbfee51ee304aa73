#include "document_splitter.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "common/chars.h"

namespace alicert::cli {
namespace {

// Not JSON by its error: what joins a run of such bytes (the library's
// stream also joins documents cut short, which it alone can tell).
bool not_json(const result<document_view>& r) noexcept {
  if (r) return false;
  const error_code c = r.error().code;
  return c == error_code::malformed_json || c == error_code::invalid_utf8;
}

bool same_error(const alicert::error& a, const alicert::error& b) noexcept {
  return a.code == b.code && a.offset == b.offset && a.message == b.message && a.pointer == b.pointer;
}

// The probe's two endings: one closes a string left open (and whatever a
// backslash escapes), the other one closes brackets. A scan that reached
// the end of the window closes inside one of them, so its document's extent
// changes; one that never looked that far is the same with both.
std::size_t write_probe(char* at, int variant) noexcept {
  std::size_t n = 0;
  if (variant == 0) {
    at[n++] = 'a';
    at[n++] = '"';
  }
  std::memset(at + n, '}', chunk::probe_room - 2);
  return n + chunk::probe_room - 2;
}

// The parser's own verdict on a document over limits::max_document_bytes.
// It refuses one by its size alone, reading no more than its first bytes:
// zero pages mapped for the occasion serve.
alicert::error too_large_verdict(parser& p) {
  const std::size_t size = limits::max_document_bytes + 1;
  void* pages = ::mmap(nullptr, size + padding, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED)
    return alicert::error{error_code::document_too_large, "the document is larger than the limit", {}, 0};
  const auto r = p.parse(padded_view(static_cast<const char*>(pages), size));
  alicert::error e{error_code::document_too_large, "the document is larger than the limit", {}, 0};
  if (const alicert::error* got = r.error_ptr()) e = *got;
  ::munmap(pages, size + padding);
  return e;
}

constexpr char bom_only[3 + padding] = "\xEF\xBB\xBF";

// How long a pipe may stay empty before the writer counts as pausing.
constexpr int pause_ms = 2;

}  // namespace

// Four free chunks: the one being read, and room for the documents in
// flight to let go of theirs in any order.
document_splitter::document_splitter(input_source& in, tuning t)
    : in_(&in), tuning_(t), pool_(std::make_shared<chunk_pool>(2 * t.block, 4)) {}

split_status document_splitter::next(parser& p, split_document& out, bool may_block) {
  while (!done_) {
    step s = step::need_more;
    switch (mode_) {
      case mode::stream: s = stream_step(p, out); break;
      case mode::skip_value: s = skip_step(); break;
      case mode::seek_brace: s = seek_step(); break;
    }
    if (s == step::emitted) return split_status::document;
    if (s == step::progressed) continue;
    if (s == step::ended) return finish(out);
    if (mode_ == mode::stream && end_ - pos_ >= tuning_.window) {
      if (overflow(p, out)) return split_status::document;
      continue;
    }
    bool blocked = false;
    fill(may_block, blocked);
    if (blocked) return split_status::would_block;
  }
  return split_status::end;
}

document_splitter::step document_splitter::stream_step(parser& p, split_document& out) {
  if (!chunk_) return eof_ ? step::ended : step::need_more;
  // Whitespace between documents is no part of either: a fresh stream over
  // what follows reads the same documents.
  while (pos_ < end_ && internal::is_json_space(data()[pos_])) ++pos_;
  if (pos_ == end_) return eof_ ? step::ended : step::need_more;
  document_stream s(p, padded_view(data() + pos_, end_ - pos_));
  if (!s.next()) return eof_ ? step::ended : step::need_more;  // a byte order mark, and nothing yet after it
  const result<document_view>& r = s.document();
  const std::size_t begin = s.offset();
  const std::size_t end = begin + s.text().size();
  // A document that parsed closed inside the window; a failure may have
  // looked past it. One that reaches the window's end surely did (with
  // either probe its extent would grow): no need to probe. That is the
  // document cut by every block's end.
  if (!eof_ && !r && (end == end_ - pos_ || !probe_agrees(begin, end, r.error()))) return step::need_more;
  if (run_) {
    run_ = false;
    if (not_json(r)) {
      pos_ += end;
      return step::progressed;
    }
  }
  hand_out(out, r, begin, end);
  return step::emitted;
}

document_splitter::step document_splitter::skip_step() {
  const value_skipper::step s = skipper_.feed(data(), pos_, end_);
  pos_ = s.at;
  if (s.stop == value_stop::more) {
    if (!eof_) return step::need_more;
    mode_ = mode::stream;  // the input ends inside the document
    return step::progressed;
  }
  if (s.stop == value_stop::closed) {
    mode_ = mode::stream;
  } else {
    mode_ = mode::seek_brace;
    line_start_ = false;
    run_ = true;
  }
  return step::progressed;
}

document_splitter::step document_splitter::seek_step() {
  const brace_line b = find_brace_line(data(), pos_, end_, line_start_);
  if (b.found) {
    pos_ = b.at;
    mode_ = mode::stream;
    return step::progressed;
  }
  pos_ = b.at;
  line_start_ = b.at_line_start;
  // A line of nothing but blanks longer than the window is taken for no brace line.
  if (end_ - pos_ > tuning_.window) {
    pos_ = end_;
    line_start_ = false;
  }
  if (!eof_) return step::need_more;
  pos_ = end_;
  mode_ = mode::stream;
  return step::progressed;
}

bool document_splitter::overflow(parser& p, split_document& out) {
  document_stream s(p, padded_view(data() + pos_, end_ - pos_));
  if (!s.next()) {  // whitespace after a byte order mark: nothing to keep
    if (end_ - pos_ >= 3 && std::memcmp(data() + pos_, bom_only, 3) == 0) dropped_bom_ = true;
    pos_ = end_;
    return false;
  }
  const std::size_t begin = pos_ + s.offset();
  value_skipper scan(data()[begin]);
  const value_skipper::step first = scan.feed(data(), begin, end_);
  if (first.stop == value_stop::more) {  // its value does not even end within the window
    run_ = false;
    oversized(out, begin);
    skipper_ = scan;
    pos_ = end_;
    mode_ = mode::skip_value;
    return true;
  }
  // The document's own value ends within the window, so its record stands;
  // what outgrew the window is the run of not-JSON bytes after it. The
  // stream's search for the run's end goes on from the window's last brace
  // line, which it had not settled yet.
  const bool emit = !(run_ && not_json(s.document()));
  const std::size_t resume = last_brace_line(data(), begin + 1, end_);
  if (emit) hand_out(out, s.document(), s.offset(), s.offset() + s.text().size());
  run_ = true;
  if (resume < end_) {
    pos_ = resume;
  } else {
    pos_ = begin + 1;
    line_start_ = false;
    mode_ = mode::seek_brace;
  }
  return emit;
}

bool document_splitter::probe_agrees(std::size_t begin, std::size_t end, const alicert::error& e) {
  char* tail = data() + end_;
  for (int variant = 0; variant < 2; ++variant) {
    const std::size_t n = write_probe(tail, variant);
    std::memset(tail + n, 0, padding);
    document_stream s(probe_, padded_view(data() + pos_, end_ - pos_ + n));
    const bool same = s.next() && s.offset() == begin && s.offset() + s.text().size() == end && !s.document() &&
                      same_error(s.document().error(), e);
    std::memset(tail, 0, n + padding);
    if (!same) return false;
  }
  return true;
}

void document_splitter::hand_out(split_document& out, const result<document_view>& r, std::size_t begin,
                                 std::size_t end) {
  const std::size_t at = base_ + pos_;
  out.index = index_++;
  out.offset = at + begin;
  if (const alicert::error* e = r.error_ptr()) {
    alicert::error moved = *e;
    moved.offset += at;
    out.doc = moved;
  } else {
    out.doc = r;
  }
  out.bytes = chunk_;
  out.text = std::string_view(data() + pos_, end);
  pos_ += end;
}

void document_splitter::oversized(split_document& out, std::size_t begin) {
  if (!too_large_) too_large_ = too_large_verdict(probe_);
  alicert::error e = *too_large_;
  e.offset = base_ + begin;
  out.index = index_++;
  out.offset = base_ + begin;
  out.doc = e;
  out.bytes.reset();
  out.text = {};
}

split_status document_splitter::finish(split_document& out) {
  done_ = true;
  if (!read_error_ && index_ != 0) return split_status::end;
  out.index = index_++;
  out.offset = read_error_ ? bytes_read() : 0;
  out.bytes.reset();
  out.text = {};
  if (read_error_) {
    out.doc = *read_error_;
    return split_status::document;
  }
  // No document in the whole input, which can then only be whitespace with
  // perhaps one byte order mark: the record carries the parser's verdict on
  // it, which depends on nothing else than those two facts.
  const bool bom = dropped_bom_ || (chunk_ && end_ - pos_ >= 3 && std::memcmp(data() + pos_, bom_only, 3) == 0);
  if (bom) {
    out.doc = probe_.parse(padded_view(bom_only, 3));
  } else if (bytes_read() > limits::max_document_bytes) {
    if (!too_large_) too_large_ = too_large_verdict(probe_);
    out.doc = *too_large_;
  } else {
    out.doc = probe_.parse(padded_view());
  }
  return split_status::document;
}

void document_splitter::make_room() {
  if (chunk_ && chunk_->capacity() - end_ >= tuning_.block) return;
  // The bytes still to be read go to the front of a new chunk: documents in
  // flight may borrow the old one, which goes when the last of them is done.
  // (Copying a partial document costs less than telling whether they are.)
  const std::size_t held = end_ - pos_;
  const std::size_t capacity = std::max(2 * tuning_.block, held + tuning_.block);
  std::shared_ptr<chunk> next = pool_->take(capacity);
  if (held != 0) std::memcpy(next->data(), data() + pos_, held);
  chunk_ = std::move(next);
  base_ += pos_;
  end_ = held;
  pos_ = 0;
}

void document_splitter::fill(bool may_block, bool& blocked) {
  // A writer that keeps up (`cat file |`) refills its pipe within a
  // moment: only one that pauses makes the caller write what it has.
  if (!may_block && in_->would_block(pause_ms)) {
    blocked = true;
    return;
  }
  make_room();
  std::size_t got_now = 0;
  for (;;) {
    const auto got = in_->read(data() + end_, chunk_->capacity() - end_);
    if (!got) {
      // What was read is still read to its end; the record of the failure follows.
      read_error_ = got.error();
      eof_ = true;
      break;
    }
    if (*got == 0) {
      eof_ = true;
      break;
    }
    end_ += *got;
    got_now += *got;
    if (got_now >= tuning_.block || end_ == chunk_->capacity() || in_->would_block()) break;
  }
  std::memset(data() + end_, 0, padding);
}

}  // namespace alicert::cli
