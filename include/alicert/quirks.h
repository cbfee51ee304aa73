// alicert: quirks, the tolerated deviations from the documented shapes.
//
// alicert accepts every shape a field is known to arrive in (see the README's
// quirks table). Each time it accepts something other than the documented
// shape it records a quirk, so a caller can see how far a response strayed.
#pragma once

#include <bit>
#include <cstdint>
#include <string_view>

#include "alicert/export.h"

namespace alicert {

/// One tolerated deviation. `quirk_name` gives its stable snake_case name;
/// new quirks are only ever appended.
enum class quirk : std::uint8_t {
  number_as_string,             ///< a numeric field sent as a string ("1634283958000")
  string_as_number,             ///< a string field sent as a number (CDN CertId 1644)
  bool_as_string,               ///< a boolean sent as "true"/"false"
  empty_string_as_absent,       ///< "" in a numeric or boolean field, read as absent
  duplicate_key,                ///< a key repeated in one object; the first occurrence counts
  sans_trailing_comma,          ///< inner JSON with a trailing comma, as in the documented CAS sample
  sans_as_array,                ///< CAS Sans sent as a JSON array instead of a string holding one
  sans_as_string,               ///< KMS SubjectAlternativeNames sent as a string holding JSON
  sans_wrapper_object,          ///< KMS SubjectAlternativeNames as {"SubjectAlternativeName": [...]}
  sans_single_value,            ///< a list sent as one bare value
  domain_list_as_array,         ///< CDN DomainList sent as a JSON array instead of a string
  domain_list_comma_separated,  ///< CDN DomainList as "a.com,b.com"
  domain_list_single,           ///< CDN DomainList as one bare name
  domain_list_empty_entry,      ///< empty entries in a list (the documented [""]), ignored
  tags_as_string,               ///< Tags sent as a string holding JSON
  tags_as_object,               ///< Tags sent as a {"key": "value"} map
  tags_unparseable,             ///< Tags text that is not JSON even tolerantly; kept as opaque text
  tag_value_escaped_json,       ///< a TagValue holding escaped JSON text
  cert_info_single_object,      ///< CDN CertInfo collapsed from a list to one object
  cert_info_bare_array,         ///< CDN certificates as an array directly under CertInfos
  cert_info_empty,              ///< CDN CertInfos as {} or with an empty CertInfo
  date_fractional_seconds,      ///< a date with fractional seconds (ignored below the second)
  date_numeric_offset,          ///< a date with a UTC offset other than Z / +0000 UTC
  date_iso8601_in_cdn,          ///< a CDN date in ISO 8601 instead of Go's layout
  lowercase_keys,               ///< an error envelope with lower-case keys (code, message)
  pem_escaped_newlines,         ///< PEM with literal "\n" left in the text
  pem_crlf,                     ///< PEM with CRLF line ends
  pem_spaces_for_newlines,      ///< PEM with spaces where newlines belong
  pem_missing_final_newline,    ///< PEM without a final newline
  pem_surrounding_whitespace,   ///< PEM with leading or trailing whitespace
  serial_leading_zeros,         ///< a reported serial padded with leading zeros
  serial_decimal,               ///< a KMS Serial that matched as a decimal number
  der_non_minimal_integer,      ///< a DER INTEGER with redundant leading bytes (OpenSSL tolerates it)
  der_negative_serial,          ///< a certificate serial that is negative
  der_unusual_string_type,      ///< a name attribute in a rare string type (T61String, BMPString, ...)
  der_non_minimal_length,       ///< a DER length in long form where short would do
  sans_comma_separated,         ///< KMS SubjectAlternativeNames as "a.com,b.com"
  sans_empty_entry,             ///< empty entries in a SAN list, ignored
  der_ber_encoding,             ///< BER, not DER: an indefinite length or a constructed string (OpenSSL accepts both)
  der_unreadable_time,          ///< a validity time whose text is no valid UTCTime/GeneralizedTime (OpenSSL defers the check)
  der_unusual_version,          ///< a certificate version other than v1..v3, or v1 written out explicitly
  der_bad_extension,            ///< a SAN or SKI extension that is malformed or repeated; read as absent, as OpenSSL does
  der_trailing_data,            ///< bytes after the certificate's outer SEQUENCE (OpenSSL ignores them)
  utf8_bom,                     ///< a UTF-8 byte order mark before the document, skipped
  domain_list_leading_dot,      ///< a CDN wildcard domain written `.example.com` (for `*.example.com`)
  list_single_object,           ///< a list of entries collapsed to one object (CertificateOrderList, ServerCertificate, CertChain)
  list_bare_array,              ///< entries as an array directly where a wrapper object belongs (ServerCertificates)
  list_empty,                   ///< a list of entries as {}, or a wrapper without its list
  cert_infos_mixed,             ///< CertInfos entries of DescribeCertificateInfoByID beside per-domain entries
  cert_infos_ambiguous,         ///< CertInfos entries with only the keys every CertInfos API shares (read as ByID)
  cert_identifier_id,           ///< a CAS CertIdentifier whose prefix is not the document's Id
  sans_include_cn,              ///< a reported SAN set that holds the subject CN besides the certificate's SANs
  date_utc8,                    ///< a reported date (YYYY-MM-DD) that is the certificate's date in UTC+8
  time_utc8,                    ///< a zoneless reported time that is the certificate's time in UTC+8
  more_pages,                   ///< a list page that ends before TotalCount
  ambiguous_pair,               ///< two certificates of the input could pair with an entry; the first counts
  reported_times_disagree,      ///< two reported fields of one property disagree, with no certificate to compare
  issuer_name_prefix,           ///< a reported CA name that is a whole-word prefix of the issuer's O or CN
  date_zoneless,                ///< a time without a zone (`YYYY-MM-DD HH:MM:SS`), read as UTC
};

/// Number of quirk values; quirk values are 0 .. quirk_count-1.
inline constexpr unsigned quirk_count = static_cast<unsigned>(quirk::date_zoneless) + 1;

/// The stable snake_case name of `q`, e.g. "sans_trailing_comma".
ALICERT_API std::string_view quirk_name(quirk q) noexcept;

/// A set of quirks; small, trivially copyable, no allocation.
class quirk_set {
 public:
  void add(quirk q) noexcept { word(q) |= bit(q); }
  [[nodiscard]] bool has(quirk q) const noexcept { return (bits_[index(q)] & bit(q)) != 0; }
  [[nodiscard]] bool empty() const noexcept { return bits_[0] == 0 && bits_[1] == 0; }
  void merge(quirk_set other) noexcept {
    bits_[0] |= other.bits_[0];
    bits_[1] |= other.bits_[1];
  }
  void clear() noexcept { bits_[0] = bits_[1] = 0; }
  /// Calls `f(quirk)` for each member, in enum order. Only the members are
  /// visited (the set bits, lowest first): a renderer calls this for every
  /// record, and a test of all quirk_count bits was a tenth of the JSON
  /// writer's time.
  template <class F>
  void for_each(F&& f) const {
    for (unsigned w = 0; w < 2; ++w)
      for (std::uint64_t left = bits_[w]; left != 0; left &= left - 1)
        f(static_cast<quirk>(w * 64u + static_cast<unsigned>(std::countr_zero(left))));
  }
  friend bool operator==(quirk_set, quirk_set) = default;

 private:
  static constexpr unsigned index(quirk q) noexcept { return static_cast<unsigned>(q) / 64u; }
  static constexpr std::uint64_t bit(quirk q) noexcept {
    return std::uint64_t{1} << (static_cast<unsigned>(q) % 64u);
  }
  std::uint64_t& word(quirk q) noexcept { return bits_[index(q)]; }
  std::uint64_t bits_[2]{0, 0};
};
static_assert(quirk_count <= 128, "quirk_set holds 128 quirks; widen it before adding more");

}  // namespace alicert
