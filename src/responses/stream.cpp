// Many documents in one buffer.
//
// Documents are delimited here, by a bracket-and-string scan, and each one is
// parsed on its own. simdjson's iterate_many was the first choice, but its
// stage 1 runs over a whole batch: one invalid UTF-8 byte or unclosed string
// fails every document of the batch, and after an error the stream cannot
// resynchronise. Here a bad document costs only itself: a raw newline cannot
// occur inside a JSON string, so an unclosed string ends at the end of its
// line and the next line (NDJSON) parses again.
#include "alicert/responses/parser.h"

namespace alicert {
namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The end of the document that starts at `begin`.
std::size_t document_end(std::string_view in, std::size_t begin) noexcept {
  const char first = in[begin];
  if (first != '{' && first != '[') {
    std::size_t i = begin;
    while (i < in.size() && !is_space(in[i]) && (i == begin || (in[i] != '{' && in[i] != '['))) ++i;
    return i;
  }
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = begin; i < in.size(); ++i) {
    const char c = in[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      else if (c == '\n') return i;  // unterminated string: the document is broken here
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '{':
      case '[': ++depth; break;
      case '}':
      case ']':
        if (--depth == 0) return i + 1;
        break;
      default: break;
    }
  }
  return in.size();
}

}  // namespace

document_stream::document_stream(parser& p, padded_view input) noexcept
    : parser_(&p), input_(input) {}

bool document_stream::next() noexcept {
  const std::string_view in = input_.view();
  std::size_t pos = end_;
  while (pos < in.size() && is_space(in[pos])) ++pos;
  if (pos >= in.size()) return false;
  if (started_) ++index_;
  started_ = true;
  begin_ = pos;
  end_ = document_end(in, pos);
  if (end_ <= begin_) end_ = begin_ + 1;  // always make progress
  current_ = parser_->parse_at(input_.data(), begin_, end_ - begin_, in.size() + padding, nullptr);
  return true;
}

}  // namespace alicert
