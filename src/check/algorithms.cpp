// The algorithm names the APIs report, mapped to key families and OIDs.
#include "algorithms.h"

#include <array>
#include <cstddef>

#include "alicert/x509/oid.h"
#include "common/chars.h"

namespace alicert::internal {
namespace {

// Upper-cased letters and digits of `text` (separators dropped), truncated to 64.
struct folded {
  std::array<char, 64> buf{};
  std::size_t size{0};
  explicit folded(std::string_view text) noexcept {
    for (char c : text) {
      if (!internal::is_ascii_alnum(c)) continue;
      c = ascii_upper(c);
      if (size == buf.size()) {
        size = 0;  // too long for any known name
        return;
      }
      buf[size++] = c;
    }
  }
  [[nodiscard]] std::string_view view() const noexcept { return {buf.data(), size}; }
  [[nodiscard]] bool has(std::string_view s) const noexcept { return view().find(s) != std::string_view::npos; }
};

constexpr std::uint8_t md5_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04};
constexpr std::uint8_t sha1_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05};
constexpr std::uint8_t sha224_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e};
constexpr std::uint8_t sha256_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b};
constexpr std::uint8_t sha384_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c};
constexpr std::uint8_t sha512_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d};
constexpr std::uint8_t sha1_ecdsa[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01};
constexpr std::uint8_t sha224_ecdsa[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01};
constexpr std::uint8_t sha256_ecdsa[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02};
constexpr std::uint8_t sha384_ecdsa[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03};
constexpr std::uint8_t sha512_ecdsa[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04};
constexpr std::uint8_t sha1_dsa[] = {0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03};
constexpr std::uint8_t sha224_dsa[] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x01};
constexpr std::uint8_t sha256_dsa[] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x02};
constexpr std::uint8_t sm3_sm2[] = {0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x75};

enum class hash : std::uint8_t { none, md5, sha1, sha224, sha256, sha384, sha512, sm3, other };

hash find_hash(const folded& f) noexcept {
  if (f.has("SHA3224") || f.has("SHA3256") || f.has("SHA3384") || f.has("SHA3512")) return hash::other;
  if (f.has("SHA224")) return hash::sha224;
  if (f.has("SHA256")) return hash::sha256;
  if (f.has("SHA384")) return hash::sha384;
  if (f.has("SHA512")) return hash::sha512;
  if (f.has("SHA1")) return hash::sha1;
  if (f.has("SM3")) return hash::sm3;
  if (f.has("MD5")) return hash::md5;
  if (f.has("SHA")) return hash::other;
  return hash::none;
}

bool digits_only(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::uint32_t to_uint(std::string_view s) noexcept {
  std::uint32_t v = 0;
  for (char c : s) {
    if (v > 1000000) return 0;
    v = v * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return v;
}

}  // namespace

key_family family_of(x509::key_type t) noexcept {
  switch (t) {
    case x509::key_type::rsa:
    case x509::key_type::rsa_pss: return key_family::rsa;
    case x509::key_type::ec: return key_family::ec;
    case x509::key_type::sm2: return key_family::sm2;
    case x509::key_type::ed25519: return key_family::ed25519;
    case x509::key_type::ed448: return key_family::ed448;
    case x509::key_type::dsa: return key_family::dsa;
    case x509::key_type::unknown: break;
  }
  return key_family::unknown;
}

std::string_view key_algorithm_name(x509::key_type t) noexcept {
  switch (family_of(t)) {
    case key_family::rsa: return "RSA";
    case key_family::ec: return "EC";
    case key_family::sm2: return "SM2";
    case key_family::ed25519: return "Ed25519";
    case key_family::ed448: return "Ed448";
    default: return "unknown";
  }
}

key_family parse_key_family(std::string_view text) noexcept {
  const folded f(text);
  const std::string_view v = f.view();
  if (v == "RSA" || v == "RSAPSS" || v == "RSASSAPSS") return key_family::rsa;
  if (v == "ECC" || v == "EC" || v == "ECDSA") return key_family::ec;
  if (v == "SM2") return key_family::sm2;
  if (v == "ED25519") return key_family::ed25519;
  if (v == "ED448") return key_family::ed448;
  if (v == "DSA") return key_family::dsa;
  return key_family::unknown;
}

full_algorithm parse_full_algorithm(std::string_view text) noexcept {
  // The family is the text before the first separator or digit run.
  std::size_t i = 0;
  while (i < text.size() && text[i] != '_' && text[i] != '-' && !internal::is_ascii_digit(text[i])) ++i;
  full_algorithm r;
  r.family = parse_key_family(text.substr(0, i));
  std::string_view rest = text.substr(i);
  while (!rest.empty() && (rest.front() == '_' || rest.front() == '-')) rest.remove_prefix(1);
  if (!rest.empty() && (rest.front() == 'P' || rest.front() == 'p')) rest.remove_prefix(1);
  if (digits_only(rest)) r.bits = to_uint(rest);
  if (r.family == key_family::unknown) r.bits = 0;
  return r;
}

key_spec parse_key_spec(std::string_view text) noexcept {
  const folded f(text);
  const std::string_view v = f.view();
  key_spec r;
  if (v.size() > 3 && v.substr(0, 3) == "RSA" && digits_only(v.substr(3))) {
    r.family = key_family::rsa;
    r.rsa_bits = to_uint(v.substr(3));
  } else if (v == "ECP256" || v == "ECPRIME256V1" || v == "ECSECP256R1") {
    r.family = key_family::ec;
    r.curve = x509::oids::prime256v1;
  } else if (v == "ECP256K" || v == "ECSECP256K1") {
    r.family = key_family::ec;
    r.curve = x509::oids::secp256k1;
  } else if (v == "ECP384" || v == "ECSECP384R1") {
    r.family = key_family::ec;
    r.curve = x509::oids::secp384r1;
  } else if (v == "ECP521" || v == "ECSECP521R1") {
    r.family = key_family::ec;
    r.curve = x509::oids::secp521r1;
  } else if (v == "ECSM2" || v == "SM2") {
    r.family = key_family::sm2;
  }
  return r;
}

bool key_matches_spec(const x509::spki_view& key, const key_spec& spec) noexcept {
  switch (spec.family) {
    case key_family::rsa:
      return (key.type == x509::key_type::rsa || key.type == x509::key_type::rsa_pss) &&
             key.key_bits == spec.rsa_bits;
    case key_family::ec:
      return key.type == x509::key_type::ec && x509::same_oid(key.curve, spec.curve);
    case key_family::sm2:
      return key.type == x509::key_type::sm2;
    default:
      return false;
  }
}

signature_name parse_signature_name(std::string_view text) noexcept {
  const folded f(text);
  signature_name r;
  if (f.size == 0) return r;
  if (f.has("ED25519")) return {key_family::ed25519, x509::oids::ed25519};
  if (f.has("ED448")) return {key_family::ed448, x509::oids::ed448};
  const hash h = find_hash(f);
  if (f.has("SM2")) {
    r.family = key_family::sm2;
    if (h == hash::sm3 || h == hash::none) r.oid = sm3_sm2;
    return r;
  }
  if (f.has("ECDSA") || f.has("ECC") || f.view().substr(0, 2) == "EC" || f.has("WITHEC")) {
    r.family = key_family::ec;
    switch (h) {
      case hash::sha1: r.oid = sha1_ecdsa; break;
      case hash::sha224: r.oid = sha224_ecdsa; break;
      case hash::sha256: r.oid = sha256_ecdsa; break;
      case hash::sha384: r.oid = sha384_ecdsa; break;
      case hash::sha512: r.oid = sha512_ecdsa; break;
      default: break;
    }
    return r;
  }
  if (f.has("RSA")) {
    r.family = key_family::rsa;
    if (f.has("PSS")) {
      r.oid = x509::oids::rsassa_pss;  // the hash is in the parameters
      return r;
    }
    switch (h) {
      case hash::md5: r.oid = md5_rsa; break;
      case hash::sha1: r.oid = sha1_rsa; break;
      case hash::sha224: r.oid = sha224_rsa; break;
      case hash::sha256: r.oid = sha256_rsa; break;
      case hash::sha384: r.oid = sha384_rsa; break;
      case hash::sha512: r.oid = sha512_rsa; break;
      default: break;
    }
    return r;
  }
  if (f.view().substr(0, 3) == "DSA" || f.has("WITHDSA")) {  // not ML-DSA, SLH-DSA
    r.family = key_family::dsa;
    switch (h) {
      case hash::sha1: r.oid = sha1_dsa; break;
      case hash::sha224: r.oid = sha224_dsa; break;
      case hash::sha256: r.oid = sha256_dsa; break;
      default: break;
    }
  }
  return r;
}

}  // namespace alicert::internal
