// Internal: the tolerant reader for JSON held inside strings, shared by the
// parser (for Sans, SubjectAlternativeNames, DomainList, Tags, whatever JSON
// shape they arrive in) and by the public inner_reader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/error.h"
#include "alicert/quirks.h"
#include "alicert/responses/inner.h"
#include "alicert/responses/reported.h"
#include "common/memory.h"

namespace alicert::internal {

/// Stable storage for unescaped strings during one parse. Its capacity is set
/// before the parse to a bound on what the parse can store (unescaping never
/// grows text), so views into it never move.
class string_arena {
 public:
  void reset(std::size_t capacity) {
    if (bytes_.size() < capacity) bytes_.resize(capacity);
    used_ = 0;
  }
  /// Room for n bytes, or nullptr when the bound was wrong (reported as an error).
  char* take(std::size_t n) noexcept {
    if (n > bytes_.size() - used_) return nullptr;
    char* p = bytes_.data() + used_;
    used_ += n;
    return p;
  }
  /// Returns unused bytes from the last take().
  void give_back(std::size_t n) noexcept { used_ -= n; }
  /// Overwrites what was taken with zeros, in a way the compiler keeps.
  void wipe() noexcept {
    secure_zero(bytes_.data(), used_);
    used_ = 0;
  }

 private:
  std::string bytes_;
  std::size_t used_{0};
};

/// Undoes JSON string escapes of `in` into `out` (room for in.size() bytes,
/// not overlapping `in`). Returns the length written, or false on a bad
/// escape / lone surrogate.
bool unescape_json(std::string_view in, char* out, std::size_t& written) noexcept;
/// True when unescape_json would succeed: the check of a value that is
/// skipped, without copying it anywhere.
bool valid_json_escapes(std::string_view in) noexcept;

/// Where an inner read came from; decides which quirks it records.
enum class inner_origin : unsigned char {
  string_value,  ///< the text of a JSON string (JSON held in a string)
  json_value,    ///< the raw text of a real JSON array/object in the document
};

/// The outcome of an inner read: the number of entries appended, or the
/// error (which never allocates: the parser turns most failures into an
/// unreadable field, and a parse in the steady state must not allocate).
using inner_result = result<std::size_t>;

/// Appends the entries of `text` to `out` (growing it: std::bad_alloc is the
/// caller's to report, common/memory.h). Failures: invalid_inner_json,
/// too_many_sans, too_many_tags, depth_exceeded.
inner_result read_cas_sans(std::string_view text, string_arena& arena, std::vector<san_entry>& out,
                           quirk_set& quirks);
inner_result read_name_list(std::string_view text, name_list_kind kind, string_arena& arena,
                            std::vector<san_entry>& out, quirk_set& quirks);
inner_result read_tags(std::string_view text, string_arena& arena, std::vector<tag>& out,
                       quirk_set& quirks);

struct inner_scratch {
  string_arena arena;
  std::vector<san_entry> names;
  std::vector<tag> tags;
};

}  // namespace alicert::internal
