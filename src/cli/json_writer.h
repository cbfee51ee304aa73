// alicert CLI: the JSON Lines renderer, one object per document on one line,
// keys and names exactly as report.md has them.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "json_fragments.h"
#include "record.h"
#include "rfc3339.h"
#include "text_escape.h"
#include "text_buffer.h"

namespace alicert::cli {

/// A minimal JSON text builder: it tracks commas, escapes every string value,
/// and cannot produce invalid JSON when its calls are balanced. Each call
/// reserves its room once and writes through a pointer.
class json_writer {
 public:
  explicit json_writer(text_buffer& out) noexcept : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// Object member name; the next call writes its value. Names are the
  /// renderer's own (report.md's keys: ASCII letters and `_`), written as they are.
  void key(std::string_view name) {
    char* p = start(name.size() + 3);
    *p++ = '"';
    std::memcpy(p, name.data(), name.size());
    p += name.size();
    *p++ = '"';
    *p++ = ':';
    out_.commit(p);
    after_key_ = true;
  }

  void string(std::string_view text) {
    char* p = start(json_escaped_bound(text.size()) + 2);
    *p++ = '"';
    p = write_json_escaped(p, text);
    *p++ = '"';
    end_value(p);
  }

  /// One of the library's stable names (see fragments::name()).
  void name(std::string_view text) {
    char* p = start(text.size() + 2);
    end_value(fragments::name(p, text));
  }

  void number(std::uint64_t n) {
    char* p = start(20);
    end_value(std::to_chars(p, p + 20, n).ptr);
  }

  void number(std::int64_t n) {
    char* p = start(20);
    end_value(std::to_chars(p, p + 20, n).ptr);
  }

  /// `t` as an RFC 3339 string.
  void timestamp(utc_seconds t) {
    char* p = start(rfc3339_bound + 2);
    *p++ = '"';
    p = write_rfc3339(p, t);
    *p++ = '"';
    end_value(p);
  }

  void null() {
    char* p = start(4);
    std::memcpy(p, "null", 4);
    end_value(p + 4);
  }

  void optional_string(const std::optional<std::string_view>& text) {
    if (text)
      string(*text);
    else
      null();
  }

 private:
  // Room for the value and the comma before it, which is written at once
  // (nothing after a key).
  char* start(std::size_t room) {
    char* p = out_.reserve(room + 1);
    if (after_key_)
      after_key_ = false;
    else if (need_comma_)
      *p++ = ',';
    return p;
  }
  void end_value(char* end) noexcept {
    out_.commit(end);
    need_comma_ = true;
  }
  void open(char c) {
    char* p = start(1);
    *p++ = c;
    out_.commit(p);
    need_comma_ = false;
  }
  void close(char c) {
    out_.push(c);
    need_comma_ = true;
  }

  text_buffer& out_;
  bool need_comma_{false};
  bool after_key_{false};
};

/// Appends the record as one line of JSON (with the final '\n') to `out`.
void render_json_line(text_buffer& out, const output_record& record);

/// As above, appended to a string.
void render_json_line(std::string& out, const output_record& record);

}  // namespace alicert::cli
