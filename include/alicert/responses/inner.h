// alicert: tolerant readers for the JSON that the APIs put inside strings.
//
// CAS `Sans` is a string holding a JSON array with a trailing comma; KMS
// `SubjectAlternativeNames` and `Tags` and CDN `DomainList` arrive as strings
// holding JSON, as comma-separated text, or as one bare value. The parser
// runs these readers on such strings; they are public for callers that hold
// such text on its own (and for fuzzing). They never copy the text: entries
// point into it, or into the reader's own scratch when they had escapes.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/quirks.h"
#include "alicert/responses/reported.h"

namespace alicert {

namespace internal {
struct inner_scratch;
}

/// Which list a text is read as; it decides the quirk names recorded.
enum class name_list_kind : unsigned char {
  kms_subject_alternative_names,  ///< quirk::sans_* names
  cdn_domain_list,                ///< quirk::domain_list_* names
  slb_subject_alternative_names,  ///< as KMS's; the {"SubjectAlternativeName": ...} wrapper is documented
  cas_ssl_sans,                   ///< CAS SSL Sans: comma-separated names are documented
};

/// A reusable reader. Results borrow from `text` and from this reader: valid
/// until the reader's next call or destruction, and while `text` lives.
class inner_reader {
 public:
  ALICERT_API inner_reader();
  ALICERT_API ~inner_reader();
  ALICERT_API inner_reader(inner_reader&&) noexcept;
  ALICERT_API inner_reader& operator=(inner_reader&&) noexcept;
  inner_reader(const inner_reader&) = delete;
  inner_reader& operator=(const inner_reader&) = delete;

  /// CAS `Sans` text: a JSON array of {"Type": int, "Value": string}, read
  /// tolerantly (trailing commas, numeric strings for Type, any key case).
  ALICERT_API result<std::span<const san_entry>> read_cas_sans(std::string_view text,
                                                               quirk_set& quirks) noexcept;
  /// A list of names: a JSON array of strings, comma-separated names, or one
  /// name. Empty entries are dropped.
  ALICERT_API result<std::span<const san_entry>> read_name_list(std::string_view text,
                                                                name_list_kind kind,
                                                                quirk_set& quirks) noexcept;
  /// Tags text: an array of {"TagKey","TagValue"}, an array of one-key
  /// objects, or a {"key": "value"} object.
  ALICERT_API result<std::span<const tag>> read_tags(std::string_view text,
                                                     quirk_set& quirks) noexcept;

 private:
  friend class parser;
  std::unique_ptr<internal::inner_scratch> scratch_;
};

/// The decoded form of escaped JSON text such as a CAS TagValue
/// (`[{\"tag\":\"PROPERTY_TYPE\",\"values\":[]}]` becomes
/// `[{"tag":"PROPERTY_TYPE","values":[]}]`): JSON string escapes undone once.
/// Writes into `out` (replacing its content) and returns a view of it.
ALICERT_API result<std::string_view> decode_escaped_json(std::string_view text,
                                                         std::string& out) noexcept;

}  // namespace alicert
