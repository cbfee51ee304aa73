// The hygiene warnings (report.md, `warnings`): facts about the certificate
// itself, read from its DER alone, that compliance scanners flag.
#include "alicert/x509/oid.h"
#include "run.h"

namespace alicert::internal {
namespace {

// Signature algorithms whose hash is MD2, MD4, MD5 or SHA-1.
bool weak_hash(std::span<const std::uint8_t> oid) noexcept {
  static constexpr std::uint8_t rsa_prefix[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01};
  static constexpr std::uint8_t ecdsa_sha1[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01};
  static constexpr std::uint8_t dsa_sha1[] = {0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03};
  static constexpr std::uint8_t sha1_rsa_oiw[] = {0x2b, 0x0e, 0x03, 0x02, 0x1d};
  if (oid.size() == sizeof rsa_prefix + 1 && std::equal(std::begin(rsa_prefix), std::end(rsa_prefix), oid.begin()))
    return oid.back() >= 0x02 && oid.back() <= 0x05;  // md2, md4, md5, sha1 WithRSAEncryption
  return x509::same_oid(oid, ecdsa_sha1) || x509::same_oid(oid, dsa_sha1) || x509::same_oid(oid, sha1_rsa_oiw);
}

// The serial's content octets without their sign octet.
std::size_t serial_octets(std::span<const std::uint8_t> serial) noexcept {
  return serial.size() > 1 && serial[0] == 0x00 && (serial[1] & 0x80) != 0 ? serial.size() - 1 : serial.size();
}

}  // namespace

void hygiene_warnings(run& r) {
  const x509::certificate_view& c = r.cert().view;
  const certificate_facts& f = r.report().facts;
  const auto add = [&](warning_code code, std::string_view detail) { r.state.warnings.push_back({code, detail}); };
  const bool rsa = c.public_key.type == x509::key_type::rsa || c.public_key.type == x509::key_type::rsa_pss;
  if (rsa && c.public_key.key_bits != 0 && c.public_key.key_bits < 2048) {
    std::string& d = r.scratch();
    d += r.int_text(c.public_key.key_bits);
    d += " bits";
    add(warning_code::rsa_key_below_2048, r.copy(d));
  }
  if (weak_hash(c.signature_algorithm.oid)) add(warning_code::weak_signature_hash, f.signature_algorithm);
  if (f.serial == "0" || c.serial_negative()) add(warning_code::serial_not_positive, f.serial);
  if (const std::size_t n = serial_octets(c.serial); n > 20) {
    std::string& d = r.scratch();
    d += r.int_text(static_cast<std::int64_t>(n));
    d += " octets";
    add(warning_code::serial_over_20_bytes, r.copy(d));
  }
  if (c.version == 1) add(warning_code::version_1, {});
  if (c.basic_constraints_ca.value_or(false)) add(warning_code::leaf_is_ca, "basicConstraints CA:TRUE");
  if (c.not_before_known && c.not_after_known && c.not_before > c.not_after)
    add(warning_code::validity_inverted, {});
}

}  // namespace alicert::internal
