// alicert CLI: the JSON Lines renderer, one object per document on one line,
// keys and names exactly as report.md has them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "record.h"
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
  void key(std::string_view name);
  void string(std::string_view text);
  void number(std::uint64_t n);
  void number(std::int64_t n);
  void null();
  void optional_string(const std::optional<std::string_view>& text);

 private:
  char* start(std::size_t room);
  void open(char c);
  void close(char c);
  text_buffer& out_;
  bool need_comma_{false};
  bool after_key_{false};
};

/// Appends the record as one line of JSON (with the final '\n') to `out`.
void render_json_line(text_buffer& out, const output_record& record);

/// As above, appended to a string.
void render_json_line(std::string& out, const output_record& record);

}  // namespace alicert::cli
