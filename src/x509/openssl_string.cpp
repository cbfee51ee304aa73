// What OpenSSL 3.0's decoder requires of a string's content, checked on the
// segments as they lie in the DER: OpenSSL joins a constructed string into a
// copy first, alicert validates the same bytes in place, carrying the state of
// a character or unit across segment boundaries.
#include "x509/der_reader.h"

namespace alicert::internal {
namespace {

constexpr std::uint32_t bit_string = 3, utf8_string = 12, universal_string = 28, bmp_string = 30;

// The UTF-8 OpenSSL's UTF8_getc and X509_NAME's canonical form accept:
// shortest forms only, no surrogates, nothing above U+10FFFF.
class utf8_validator {
 public:
  bool take(std::uint8_t b) noexcept {
    if (need_ == 0) {
      if (b < 0x80) return true;
      if ((b & 0xe0) == 0xc0) start(1, b & 0x1fu, 0x80);
      else if ((b & 0xf0) == 0xe0) start(2, b & 0x0fu, 0x800);
      else if ((b & 0xf8) == 0xf0) start(3, b & 0x07u, 0x10000);
      else return false;
      return true;
    }
    if ((b & 0xc0) != 0x80) return false;
    cp_ = (cp_ << 6) | (b & 0x3fu);
    if (--need_ != 0) return true;
    return cp_ >= min_ && cp_ <= 0x10ffff && !(cp_ >= 0xd800 && cp_ <= 0xdfff);
  }
  /// No character left open at the end.
  [[nodiscard]] bool complete() const noexcept { return need_ == 0; }

 private:
  void start(unsigned need, char32_t cp, char32_t min) noexcept {
    need_ = need;
    cp_ = cp;
    min_ = min;
  }
  unsigned need_ = 0;
  char32_t cp_ = 0, min_ = 0;
};

class content_check final : public segment_sink {
 public:
  content_check(std::uint32_t type, string_rules rules) noexcept
      : type_(type), canonical_(rules == string_rules::canonical) {
    if (type == bmp_string) unit_size_ = 2;
    if (type == universal_string) unit_size_ = 4;
  }

  bool take(bytes segment) noexcept override {
    // The unused-bits octet is the first of the joined content, in whichever segment.
    if (type_ == bit_string && length_ == 0 && segment[0] > 7) return false;
    length_ += segment.size();
    if (!canonical_) return true;
    for (const std::uint8_t b : segment)
      if (!take_octet(b)) return false;
    return true;
  }

  [[nodiscard]] bool complete() const noexcept {
    if (type_ == bit_string) return length_ != 0;
    if (unit_size_ != 0) return length_ % unit_size_ == 0;
    return utf8_.complete();
  }

 private:
  bool take_octet(std::uint8_t b) noexcept {
    if (type_ == utf8_string) return utf8_.take(b);
    if (unit_size_ == 0) return true;
    unit_ = (unit_ << 8) | b;
    if (++unit_fill_ < unit_size_) return true;
    const char32_t u = unit_;
    unit_ = 0;
    unit_fill_ = 0;
    // UTF-16 surrogates are no characters to OpenSSL's conversion, paired or not.
    return u <= 0x10ffff && !(u >= 0xd800 && u <= 0xdfff);
  }

  std::uint32_t type_;
  bool canonical_;
  unsigned unit_size_ = 0, unit_fill_ = 0;
  char32_t unit_ = 0;
  std::size_t length_ = 0;
  utf8_validator utf8_;
};

}  // namespace

bool openssl_string(const der_context& ctx, const x509::tlv& t, std::uint32_t type, string_rules rules) noexcept {
  content_check check(type, rules);
  return collect_string(ctx, t, check) && check.complete();
}

}  // namespace alicert::internal
