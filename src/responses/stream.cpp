// Many documents in one buffer.
//
// Documents are delimited here, by a bracket-and-string scan, and each one is
// parsed on its own. simdjson's iterate_many was the first choice, but its
// stage 1 runs over a whole batch: one invalid UTF-8 byte or unclosed string
// fails every document of the batch, and after an error the stream cannot
// resynchronise. Here a bad document costs only itself and the bytes up to
// the next line that begins with '{': a document that does not close (a raw
// newline cannot occur inside a JSON string, so an unclosed string stops the
// scan at the end of its line; brackets that never close) ends where the
// first such line after its start begins.
//
// Bytes that are not JSON (a binary file, a PEM file) make one error record
// per unbroken run, not one per fragment: after a document that is not JSON,
// each later brace line is tried in turn, and those that are not JSON either
// join the run. The first one that is (a document, or a complete value that
// fails for another reason) ends the run and is read again as the next
// document, so no view outlives the parse it came from.
#include "alicert/responses/parser.h"

#include "alicert/limits.h"
#include "scan.h"

namespace alicert {
namespace {

// The scan counts the root as one level, the walker allows max_depth below
// it: anything deeper is no valid document.
constexpr std::size_t deepest_document = limits::max_depth + 1;

// A failure that says the bytes are not one JSON value, as opposed to a
// complete value that is no known API, of a wrong type, or over a limit.
bool not_json(const result<document_view>& r, bool cut) noexcept {
  if (r) return false;
  if (cut) return true;
  const error_code code = r.error().code;
  return code == error_code::malformed_json || code == error_code::invalid_utf8;
}

// Past whitespace and then a byte order mark with the whitespace after it.
std::size_t past_bom(std::string_view in, std::size_t pos) noexcept {
  if (!internal::is_bom_at(in, pos)) return pos;
  pos += 3;
  while (pos < in.size() && internal::is_json_space(in[pos])) ++pos;
  return pos;
}

// `to` with the whitespace before it left out, but never before `floor`.
std::size_t trim_back(std::string_view in, std::size_t to, std::size_t floor) noexcept {
  while (to > floor && internal::is_json_space(in[to - 1])) --to;
  return to;
}

}  // namespace

document_stream::document_stream(parser& p, padded_view input) noexcept
    : parser_(&p), input_(input) {}

result<document_view> document_stream::parse(std::size_t from, std::size_t end) noexcept {
  return parser_->parse_at(input_.data(), from, end - from, input_.size() + padding, nullptr);
}

bool document_stream::next() noexcept {
  const std::string_view in = input_.view();
  if (pending_end_ != 0) {  // the document that ended a run
    ++index_;
    begin_ = pending_begin_;
    end_ = pending_end_;
    current_ = parse(pending_from_, pending_end_);
    pending_end_ = 0;
    return true;
  }
  std::size_t from = end_;
  while (from < in.size() && internal::is_json_space(in[from])) ++from;
  const std::size_t pos = past_bom(in, from);
  if (pos >= in.size()) return false;
  if (started_) ++index_;
  started_ = true;
  const internal::extent first = internal::document_extent(in, pos, deepest_document);
  begin_ = pos;
  end_ = first.end;
  // The parser is given the byte order mark too: it skips it and notes it.
  current_ = parse(from, first.end);
  if (!not_json(current_, first.cut)) return true;

  // One record for the whole run; its error is the first failure's.
  std::size_t last_end = first.end;
  for (;;) {
    const std::size_t line = internal::brace_line_at_or_after(in, last_end);
    if (line == in.size()) {
      end_ = trim_back(in, in.size(), last_end);
      return true;
    }
    const std::size_t json = past_bom(in, line);
    const internal::extent next = internal::document_extent(in, json, deepest_document);
    if (!not_json(parse(line, next.end), next.cut)) {
      pending_from_ = line;
      pending_begin_ = json;
      pending_end_ = next.end;
      end_ = trim_back(in, line, last_end);
      return true;
    }
    last_end = next.end;
  }
}

}  // namespace alicert
