// `serial`: a reported serial (hex, leading zeros tolerated; KMS also
// decimal) against the certificate's serialNumber.
#include <array>

#include "alicert/check/compare.h"
#include "common/chars.h"
#include "run.h"

namespace alicert::internal {
namespace {

std::string_view trim(std::string_view s) noexcept { return internal::trim_ascii_space(s); }

bool all_decimal(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Does decimal `digits` equal the hex `magnitude` (lower case, no leading zeros)?
bool decimal_matches(std::string_view digits, std::string_view magnitude) noexcept {
  std::array<std::uint8_t, 128> num{};  // big-endian
  for (char d : digits) {
    unsigned carry = static_cast<unsigned>(d - '0');
    for (std::size_t i = num.size(); i-- > 0;) {
      const unsigned v = num[i] * 10u + carry;
      num[i] = static_cast<std::uint8_t>(v & 0xff);
      carry = v >> 8;
    }
    if (carry != 0) return false;  // longer than any certificate serial
  }
  std::size_t first = 0;
  while (first < num.size() && num[first] == 0) ++first;
  std::array<char, 256> buf{};
  std::string_view hex = to_hex(std::span<const std::uint8_t>(num.data() + first, num.size() - first), buf);
  if (!hex.empty() && hex.front() == '0') hex.remove_prefix(1);
  if (hex.empty()) hex = "0";
  return hex == magnitude;
}

}  // namespace

outcome check_serial(run& r, const field_ref& f) {
  std::string_view text = trim(f.text);
  const std::string_view actual = r.report().facts.serial;
  std::string_view magnitude = actual;
  const bool cert_negative = !magnitude.empty() && magnitude.front() == '-';
  if (cert_negative) magnitude.remove_prefix(1);
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  r.state.chars.resize(text.size() + 1);
  bool zeros = false;
  const std::string_view hex = normalize_hex(text, r.state.chars, true, &zeros);
  if (hex.empty()) return {finding_status::invalid, actual, "not a hexadecimal number"};
  if (hex == magnitude) {
    std::string_view note;
    if (zeros) {
      r.quirks().add(quirk::serial_leading_zeros);
      note = "leading zeros ignored";
    }
    if (cert_negative) note = "the certificate's serial is negative; its magnitude matches";
    return {finding_status::match, actual, note};
  }
  if (f.how == internal::shape::hex_or_decimal && all_decimal(text) && decimal_matches(text, magnitude)) {
    r.quirks().add(quirk::serial_decimal);
    return {finding_status::match, actual, "matches as a decimal number"};
  }
  return {finding_status::mismatch, actual, {}};
}

}  // namespace alicert::internal
