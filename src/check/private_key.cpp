// `private_key` (CAS SSL Key, SignPrivateKey, EncryptPrivateKey): the
// reported private key's public half against the certificate's key.
//
// The key never leaves this file: its finding reports "(private key)", the
// key's type and size; its decoded DER is wiped after each use, and OpenSSL
// clears the key it parsed when it frees it.
//
// RSA keys and EC keys that carry their point are matched from the DER
// alone (x509/private_key.h): the same modulus and exponent, or the same
// curve and point, are what EVP_PKEY_eq compares, so the verdict is
// OpenSSL's without its decoders (most of the check's time). Every other
// key, and every key that does not match that way, goes through OpenSSL.
#include <openssl/x509.h>

#include <cstring>

#include "alicert/x509/oid.h"
#include "run.h"
#include "x509/private_key.h"

namespace alicert::internal {
namespace {

using pkey_ptr = std::unique_ptr<EVP_PKEY, freer<&EVP_PKEY_free>>;

std::string_view type_name(const EVP_PKEY* k) noexcept {
  if (EVP_PKEY_is_a(k, "SM2")) return "SM2";
  if (EVP_PKEY_is_a(k, "RSA") || EVP_PKEY_is_a(k, "RSA-PSS")) return "RSA";
  if (EVP_PKEY_is_a(k, "EC")) return "EC";
  if (EVP_PKEY_is_a(k, "ED25519")) return "Ed25519";
  if (EVP_PKEY_is_a(k, "ED448")) return "Ed448";
  if (EVP_PKEY_is_a(k, "DSA")) return "DSA";
  return "of another type";
}

std::string_view type_name(x509::key_type t) noexcept {
  switch (t) {
    case x509::key_type::rsa: return "RSA";
    case x509::key_type::sm2: return "SM2";
    default: return "EC";  // read_key_public_half knows no other
  }
}

// True when the two keys have the same public half. EVP_PKEY_eq answers for
// keys of one type; SM2 and EC keys of the SM2 curve are one key under two
// names, so failing that, the two public halves are compared as OpenSSL encodes them.
bool same_public_half(EVP_PKEY* a, EVP_PKEY* b) noexcept {
  const int eq = EVP_PKEY_eq(a, b);
  if (eq >= 0) return eq == 1;
  unsigned char* x = nullptr;
  unsigned char* y = nullptr;
  const int nx = i2d_PUBKEY(a, &x), ny = i2d_PUBKEY(b, &y);
  const bool same = nx > 0 && nx == ny && std::memcmp(x, y, static_cast<std::size_t>(nx)) == 0;
  OPENSSL_free(x);
  OPENSSL_free(y);
  return same;
}

std::string_view label_of(run& r, std::string_view type, std::uint32_t bits) {
  std::string& s = r.scratch();
  s += "(private key) ";
  s += type;
  s += ' ';
  s += r.int_text(bits);
  return r.copy(s);
}

// The verdict on a key OpenSSL parsed: its public half against the certificate's key.
void judge(run& r, EVP_PKEY* key, key_reading& out) {
  out.label = label_of(r, type_name(key), static_cast<std::uint32_t>(EVP_PKEY_get_bits(key)));
  const auto spki = r.cert().view.public_key.der;
  const unsigned char* p = spki.data();
  pkey_ptr mine(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
  if (!mine) {
    out = {out.text, out.size, out.label, finding_status::unverifiable, "OpenSSL cannot read the certificate's public key"};
  } else if (same_public_half(key, mine.get())) {
    out = {out.text, out.size, out.label, finding_status::match, "the key pair's public half is the certificate's key"};
  } else {
    out = {out.text, out.size, out.label, finding_status::mismatch, "the private key belongs to another key pair"};
  }
}

// Reads the key of `pem` once per field and check: its label and its
// verdict. The decoder is wiped before this returns.
const key_reading& read_key(run& r, std::string_view pem) {
  key_reading& k = r.state.key;
  if (k.text == pem.data() && k.size == pem.size() && k.text != nullptr) return k;
  k = {pem.data(), pem.size(), "(private key)", finding_status::invalid, "not a PEM private key OpenSSL can read"};
  if (pem.find("BEGIN ENCRYPTED PRIVATE KEY") != std::string_view::npos ||
      pem.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos) {
    // PKCS#8 encrypted, or a traditional key with a Proc-Type header.
    k.label = "(private key, encrypted)";
    k.status = finding_status::unverifiable;
    k.note = "the private key is encrypted: its public half cannot be derived";
    return k;
  }
  x509::pem_decoder& d = r.state.pem_secret;
  if (auto blocks = d.decode(pem, nullptr); blocks && !blocks->empty()) {
    const x509::pem_block& b = blocks->front();
    if (b.label == "PRIVATE KEY" || b.label == "RSA PRIVATE KEY" || b.label == "EC PRIVATE KEY" ||
        b.label == "DSA PRIVATE KEY" || b.label == "SM2 PRIVATE KEY") {
      const key_public_half half = read_key_public_half(b.der, b.label);
      if (r.cert().ok && same_public_key(half, r.cert().view.public_key)) {
        k.label = label_of(r, type_name(half.type), half.key_bits);
        k.status = finding_status::match;
        k.note = "the key pair's public half is the certificate's key";
      } else {
        const unsigned char* p = b.der.data();
        pkey_ptr key(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(b.der.size())));
        if (key) judge(r, key.get(), k);
      }
    }
  }
  d.wipe();
  return k;
}

}  // namespace

std::string_view private_key_label(run& r, const field_ref& f) { return read_key(r, f.text).label; }

outcome check_private_key(run& r, const field_ref& f) {
  const key_reading& k = read_key(r, f.text);
  return {k.status, {}, k.note};
}

}  // namespace alicert::internal
