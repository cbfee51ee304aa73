// Internal: the non-allocating DER cursor every x509 reader is built on.
//
// Failures are recorded once, as the `alicert::error` they will be (which
// never allocates), and the functions return false.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "alicert/error.h"
#include "alicert/quirks.h"
#include "alicert/x509/der.h"

namespace alicert::x509 {
struct general_name;
}

namespace alicert::internal {

using bytes = std::span<const std::uint8_t>;

/// The first failure of a read, as the error it is reported as.
struct der_fault {
  error e{error_code::der_bad_value, {}, {}, 0};
  bool failed{false};
};

/// The public error for a recorded fault.
inline error to_error(const der_fault& fault) noexcept { return fault.e; }

/// OpenSSL stops at 30 levels of nested constructed encodings; so does alicert.
inline constexpr unsigned max_der_nesting = 30;

struct der_context {
  const std::uint8_t* base;  // offsets are measured from here
  der_fault* fault;
  quirk_set* quirks;  // may be null

  bool fail(error_code code, const std::uint8_t* at, const char* what) const noexcept {
    if (!fault->failed) {
      fault->failed = true;
      fault->e = error{code, what, {}, static_cast<std::size_t>(at - base)};
    }
    return false;
  }
  void note(quirk q) const noexcept {
    if (quirks) quirks->add(q);
  }
};

/// A copy of `s` read as its two halves. read_tlv_at stores a span as two
/// 8-byte halves; copying it whole right after is one 16-byte load that waits
/// for both stores to land (a store-forwarding stall) on the hot paths.
inline bytes halves(bytes s) noexcept { return bytes{s.data(), s.size()}; }

/// Reads one TLV from [p, end) in every form the fast path below does not
/// take (high tag numbers, long-form and indefinite lengths, errors).
bool read_tlv_slow(const der_context& ctx, const std::uint8_t* p, const std::uint8_t* end,
                   x509::tlv& out) noexcept;

/// Reads one TLV from [p, end); on success `out` is set and true returned.
/// Inline for the forms nearly every TLV of a certificate has: a one-octet
/// tag and a minimal length of one to three octets (any other form, and
/// every error, is read_tlv_slow's, which decides exactly the same way).
inline bool read_tlv_at(const der_context& ctx, const std::uint8_t* p, const std::uint8_t* end,
                        x509::tlv& out) noexcept {
  const std::size_t avail = static_cast<std::size_t>(end - p);
  if (avail >= 2 && (p[0] & 0x1f) != 0x1f) {
    std::size_t length = p[1], header = 2;
    if (length >= 0x80) {
      // 0x81 LL with LL >= 0x80, 0x82 HH LL with HH != 0: minimal long forms.
      if (length == 0x81 && avail >= 3 && p[2] >= 0x80) {
        length = p[2];
        header = 3;
      } else if (length == 0x82 && avail >= 4 && p[2] != 0) {
        length = (std::size_t{p[2]} << 8) | p[3];
        header = 4;
      } else {
        return read_tlv_slow(ctx, p, end, out);
      }
    }
    if (length <= avail - header) {
      out.identifier = p[0];
      out.number = p[0] & 0x1fu;
      out.constructed = (p[0] & 0x20) != 0;
      out.indefinite = false;
      out.value = bytes{p + header, length};
      out.encoding = bytes{p, header + length};
      return true;
    }
  }
  return read_tlv_slow(ctx, p, end, out);
}

/// A forward cursor over the content of one constructed TLV (or a whole input).
class der_cursor {
 public:
  der_cursor(const der_context& ctx, bytes data) noexcept
      : ctx_(&ctx), p_(data.data()), end_(data.data() + data.size()) {}

  [[nodiscard]] bool done() const noexcept { return p_ == end_; }
  [[nodiscard]] const std::uint8_t* position() const noexcept { return p_; }
  [[nodiscard]] const der_context& context() const noexcept { return *ctx_; }

  /// The next identifier octet is `id` (without reading it).
  [[nodiscard]] bool at(std::uint8_t id) const noexcept { return p_ != end_ && *p_ == id; }

  /// Reads the next TLV, whatever its tag.
  bool next(x509::tlv& out) noexcept {
    if (!read_tlv_at(*ctx_, p_, end_, out)) return false;
    p_ = out.encoding.data() + out.encoding.size();
    return true;
  }

  /// Reads the next TLV and requires identifier `id`.
  bool expect(std::uint8_t id, x509::tlv& out, const char* what) noexcept {
    if (p_ == end_) return ctx_->fail(error_code::der_truncated, p_, what);
    if (*p_ != id) return ctx_->fail(error_code::der_bad_tag, p_, what);
    return next(out);
  }

  /// Reads a SEQUENCE OF / SET OF (`id` is 0x30 or 0x31). OpenSSL's template
  /// decoder does not check the constructed bit of these, so the primitive
  /// form (0x10 / 0x11) is read too, noting quirk::der_ber_encoding.
  bool expect_list(std::uint8_t id, x509::tlv& out, const char* what) noexcept {
    const auto primitive = static_cast<std::uint8_t>(id & ~0x20u);
    if (at(primitive)) {
      ctx_->note(quirk::der_ber_encoding);
      return next(out);
    }
    return expect(id, out, what);
  }

  /// Reads the next TLV when its identifier is `id`; `present` tells whether it was.
  bool optional(std::uint8_t id, x509::tlv& out, bool& present) noexcept {
    present = at(id);
    return !present || next(out);
  }

  /// Requires that nothing is left (a SEQUENCE whose content is longer than its fields).
  bool finish(const char* what) const noexcept {
    return done() || ctx_->fail(error_code::der_bad_length, p_, what);
  }

 private:
  const der_context* ctx_;
  const std::uint8_t* p_;
  const std::uint8_t* end_;
};

/// OpenSSL joins the segments of a constructed string at most five levels
/// below the string itself (ASN1_MAX_STRING_NEST).
inline constexpr unsigned max_string_nesting = 5;

/// Receives the primitive segments of a string, in order (collect_string).
class segment_sink {
 public:
  /// A non-empty segment; false stops the walk (the content is refused).
  virtual bool take(bytes segment) noexcept = 0;

 protected:
  ~segment_sink() = default;
};

/// Walks a string TLV as OpenSSL's asn1_collect joins it: a primitive TLV is
/// one segment; a constructed one holds TLVs of any tag and class, the
/// constructed ones nested at most max_string_nesting levels, and no
/// end-of-contents pair inside a definite length. False when OpenSSL would
/// refuse to join it, or the sink refuses a segment. Records no fault and
/// notes no quirk: refusing is the caller's decision.
bool collect_string(const der_context& ctx, const x509::tlv& t, segment_sink& sink) noexcept;

/// A string-like primitive (BIT STRING, OCTET STRING, character strings) may
/// arrive constructed in BER, as segments. Up to one non-empty segment
/// (possibly nested, among empty ones) is still one contiguous run of bytes,
/// so alicert views it in place; several would need a copy, so their content
/// is reported as unavailable (false), as is a constructed string OpenSSL
/// cannot join (collect_string). Either way a constructed encoding notes
/// quirk::der_ber_encoding.
bool string_content(const der_context& ctx, const x509::tlv& t, bytes& content) noexcept;

/// How strictly openssl_string checks a string's joined content.
enum class string_rules : std::uint8_t {
  decoder,    ///< what OpenSSL's decoder checks (the BIT STRING's unused-bits octet, BMP/Universal lengths)
  canonical,  ///< and what X509_NAME's canonical form adds: valid UTF-8, BMP/Universal code points
};

/// True when OpenSSL 3.0 decodes string TLV `t` as universal type `type` (the
/// tag number of a universal string, or the type an IMPLICIT tag stands for):
/// a constructed `t` must be joinable (collect_string), and the joined content
/// must pass `rules`, checked across segment boundaries.
bool openssl_string(const der_context& ctx, const x509::tlv& t, std::uint32_t type, string_rules rules) noexcept;

/// Checks INTEGER content as OpenSSL 3 does, but tolerates redundant leading
/// octets (quirk::der_non_minimal_integer). Empty content is an error.
bool check_integer(const der_context& ctx, const x509::tlv& t) noexcept;

/// Checks OBJECT IDENTIFIER content as OpenSSL 3 does.
bool check_oid(const der_context& ctx, const x509::tlv& t) noexcept;

/// Reads a BIT STRING's unused-bits octet; `bits` receives the remaining octets.
/// A constructed (BER) BIT STRING of one segment is read through it; of
/// several, `bits` is their raw content and unused_bits 0.
bool read_bit_string(const der_context& ctx, const x509::tlv& t, bytes& bits,
                     std::uint8_t& unused_bits) noexcept;

/// True for the identifier of a SEQUENCE OF / SET OF `id`, in either form (see der_cursor::expect_list).
inline bool is_list(std::uint8_t identifier, std::uint8_t id) noexcept {
  return identifier == id || identifier == static_cast<std::uint8_t>(id & ~0x20u);
}

/// Validates a Name (SEQUENCE OF SET OF SEQUENCE {OID, ANY}) and notes
/// quirk::der_unusual_string_type / der_ber_encoding for its values.
bool check_name(const der_context& ctx, const x509::tlv& name) noexcept;

/// Reads one GeneralName from `c` (general_name.cpp).
bool read_general_name(const der_context& ctx, der_cursor& c, x509::general_name& out) noexcept;

/// Number of significant bits of a big-endian unsigned magnitude (leading zero octets skipped).
std::uint32_t bit_length(bytes magnitude) noexcept;

/// The key size of a named curve (its OID's content), 0 for curves not listed.
std::uint32_t named_curve_bits(bytes curve) noexcept;

}  // namespace alicert::internal
