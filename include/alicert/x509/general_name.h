// alicert x509: GeneralNames (RFC 5280 section 4.2.1.6), as the SAN extension holds them.
#pragma once

#include <cstdint>
#include <span>

#include "alicert/export.h"

namespace alicert::x509 {

/// The GeneralName CHOICE alternatives, numbered as their context tags.
enum class general_name_kind : std::uint8_t {
  other_name = 0,     ///< [0] OtherName
  email = 1,          ///< [1] rfc822Name (IA5String)
  dns = 2,            ///< [2] dNSName (IA5String)
  x400 = 3,           ///< [3] x400Address
  directory = 4,      ///< [4] directoryName (a Name)
  edi_party = 5,      ///< [5] ediPartyName
  uri = 6,            ///< [6] uniformResourceIdentifier (IA5String)
  ip = 7,             ///< [7] iPAddress (4 or 16 octets; 8 or 32 in name constraints)
  registered_id = 8,  ///< [8] registeredID (an OID)
};

/// One GeneralName. Spans borrow the DER given to general_name_reader.
struct general_name {
  general_name_kind kind{general_name_kind::dns};
  /// email, dns, uri: the characters; ip: the address octets; registered_id:
  /// the OID content octets; directory: the whole Name TLV (a name_view's der);
  /// other_name: the value TLV inside its [0] EXPLICIT; x400, edi_party: the content octets.
  std::span<const std::uint8_t> value;
  std::span<const std::uint8_t> type_id;  ///< other_name only: the type-id OID content octets
  std::span<const std::uint8_t> der;      ///< the whole GeneralName TLV
};

/// Walks a GeneralNames SEQUENCE without copying. Names from
/// certificate_view::subject_alt_names are known to be well-formed; for any
/// other input next() stops early and malformed() turns true.
class general_name_reader {
 public:
  /// `der`: the GeneralNames TLV (`SEQUENCE OF GeneralName`); borrowed, must outlive the reader.
  ALICERT_API explicit general_name_reader(std::span<const std::uint8_t> der) noexcept;
  /// Fills `out` with the next name; false at the end or on malformed input.
  ALICERT_API bool next(general_name& out) noexcept;
  /// True when next() stopped on malformed DER rather than at the end.
  [[nodiscard]] bool malformed() const noexcept { return malformed_; }

 private:
  const std::uint8_t* base_;
  const std::uint8_t* p_;
  const std::uint8_t* end_;
  bool malformed_{false};
};

}  // namespace alicert::x509
