// alicert x509: distinguished names, from DER and from the text the APIs report.
//
// A certificate's Name is read in place (name_reader), rendered as RFC 4514
// text (format_name), or turned into a set of (attribute type, UTF-8 value)
// pairs (name_set::read) that compares with the set parsed from a reported DN
// text such as `C=CN,O=阿里云计算有限公司,CN=Aliyun` (name_set::parse_text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/error.h"
#include "alicert/export.h"

namespace alicert::x509 {

/// The DER of a Name (the whole `SEQUENCE OF RelativeDistinguishedName` TLV).
/// Borrows the certificate's bytes; valid while they are.
struct name_view {
  std::span<const std::uint8_t> der;
};

/// One attribute of a Name, in DER order. Spans borrow the Name's DER.
struct name_entry {
  std::size_t rdn{0};                       ///< 0-based index of its RDN, in DER order
  std::span<const std::uint8_t> type;       ///< attribute type OID, content octets
  std::uint8_t tag{0};                      ///< identifier octet of the value (0x0c UTF8String, ...)
  std::span<const std::uint8_t> value;      ///< content octets of the value
  std::span<const std::uint8_t> value_der;  ///< the whole value TLV
};

/// Walks the attributes of a Name without copying. A Name read by
/// read_certificate is known to be well-formed; for any other input, next()
/// stops early and malformed() turns true.
class name_reader {
 public:
  /// Borrows `name.der`, which must outlive the reader.
  ALICERT_API explicit name_reader(name_view name) noexcept;
  /// Fills `out` with the next attribute; false at the end or on malformed input.
  ALICERT_API bool next(name_entry& out) noexcept;
  /// True when next() stopped on malformed DER rather than at the end.
  [[nodiscard]] bool malformed() const noexcept { return malformed_; }

 private:
  const std::uint8_t* base_;
  const std::uint8_t* rdns_;      // next RDN
  const std::uint8_t* rdns_end_;
  const std::uint8_t* atvs_;      // next attribute in the current RDN
  const std::uint8_t* atvs_end_;
  std::size_t rdn_{0};
  bool started_{false};
  bool malformed_{false};
};

/// Appends the UTF-8 form of a string value to `out`: UTF8String as is (it must
/// be valid UTF-8), PrintableString, IA5String, NumericString, VisibleString
/// and TeletexString (T61, read as Latin-1, as OpenSSL does) byte by byte,
/// BMPString as UCS-2/UTF-16BE, UniversalString as UCS-4BE. A BER constructed
/// string (constructed bit set in `tag`; `value` then holds the segments) is
/// read segment by segment. `value` is the content octets (name_entry::value).
/// Returns false, leaving `out` as it was, when the tag is no string type or
/// the bytes are invalid for it.
ALICERT_API bool append_utf8(std::uint8_t tag, std::span<const std::uint8_t> value, std::string& out) noexcept;

/// Writes `name` as an RFC 4514 string into `out` (cleared first) and returns a
/// view of it (borrows `out`): RDNs in reverse DER order, `+` inside a
/// multi-valued RDN, type keywords CN, L, ST, O, OU, C, STREET, DC, UID, then
/// OpenSSL's short names (emailAddress, serialNumber, ...), else the dotted
/// OID; values as UTF-8 with `"+,;<>\` escaped, a leading `#` or space and a
/// trailing space escaped, control characters as `\XX`; values that are no
/// readable string as `#` and the hex of their DER. Errors: der_bad_value for
/// malformed DER; document_too_large when `out` cannot grow (out of memory).
ALICERT_API result<std::string_view> format_name(name_view name, std::string& out) noexcept;

/// One (type, value) pair of a name_set. Views borrow the name_set.
struct name_attribute {
  std::span<const std::uint8_t> type;  ///< attribute type OID, content octets
  std::string_view value;              ///< UTF-8, unescaped
  std::size_t rdn{0};                  ///< index of its RDN in the source (text order or DER order)
};

/// A distinguished name as a set of (type, value) pairs, in canonical form:
/// types as OIDs, values as unescaped UTF-8. Reusable: each read or parse
/// replaces the contents and, after the first calls, allocates nothing. When
/// its storage cannot grow, read/parse fail with document_too_large.
class name_set {
 public:
  /// Reads a certificate's Name. A value that is no readable string becomes
  /// `#` and the lower-case hex of its DER (as RFC 4514 writes it). Error: der_*
  /// for malformed DER. The result borrows this object until its next read/parse.
  ALICERT_API result<std::span<const name_attribute>> read(name_view name) noexcept;

  /// Parses reported DN text: RDNs in any order separated by `,`; `+` for a
  /// multi-valued RDN; spaces around separators and `=` ignored; RFC 4514
  /// escapes (`\,` `\+` `\"` `\\` `\;` `\<` `\>` `\=` `\#` `\ ` and `\XX` hex
  /// pairs, which must form UTF-8); `"quoted"` values (RFC 2253); `#hex`
  /// values (the BER of the value); type names case-insensitive: the RFC 4514
  /// keywords, OpenSSL's short and long names, the aliases S (ST),
  /// E/email/emailAddress, and dotted OIDs (also `OID.2.5.4.3`). Empty text is
  /// the empty name. Error: bad_name (offset = position in `text`) for malformed
  /// text or an unknown type name. The result borrows this object.
  ALICERT_API result<std::span<const name_attribute>> parse_text(std::string_view text) noexcept;

  /// The pairs of the last successful read/parse (empty before any).
  [[nodiscard]] std::span<const name_attribute> attributes() const noexcept { return attrs_; }

  /// The pairs of the last successful read/parse as RFC 4514 text, written
  /// into `out` (cleared first) and returned as a view of it: after read(),
  /// exactly what format_name gives for the same Name, without reading its
  /// DER again. Error: document_too_large when `out` cannot grow.
  ALICERT_API result<std::string_view> format(std::string& out) const noexcept;

 private:
  void finish();
  result<std::span<const name_attribute>> read_impl(name_view name);
  result<std::span<const name_attribute>> parse_text_impl(std::string_view text);
  std::string storage_;
  std::vector<name_attribute> attrs_;
  // Per attribute: type offset, type size, value offset, value size, RDN
  // index, and 1 when the value is the #hex of a value that is no string.
  std::vector<std::size_t> offsets_;
  std::string scratch_;
};

/// True when two values of attribute `type` are equal. Values compare exactly
/// (byte for byte, after unescaping), except countryName, domainComponent and
/// emailAddress, which compare ASCII case-insensitively (their content is
/// case-insensitive by definition: ISO 3166 codes, DNS labels, mail domains).
ALICERT_API bool same_value(std::span<const std::uint8_t> type, std::string_view a, std::string_view b) noexcept;

/// True when `a` and `b` hold the same set of (type, value) pairs, whatever
/// the order of RDNs and of attributes within them (values compared by same_value).
ALICERT_API bool same_name(std::span<const name_attribute> a, std::span<const name_attribute> b) noexcept;

}  // namespace alicert::x509
