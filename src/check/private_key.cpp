// `private_key` (CAS SSL Key, SignPrivateKey, EncryptPrivateKey): the
// reported private key's public half against the certificate's key.
//
// The key never leaves this file: its finding reports "(private key)", the
// key's type and size; its decoded DER is wiped after each use, and OpenSSL
// clears the key it parsed when it frees it.
#include <openssl/x509.h>

#include <cstring>

#include "alicert/x509/oid.h"
#include "run.h"

namespace alicert::internal {
namespace {

using pkey_ptr = std::unique_ptr<EVP_PKEY, freer<&EVP_PKEY_free>>;

enum class key_read { ok, absent, encrypted, unreadable };

// The private key of `pem`, parsed; the decoder is wiped before this returns.
key_read read_private_key(run& r, std::string_view pem, pkey_ptr& out) {
  x509::pem_decoder& d = r.state.pem_secret;
  key_read result = key_read::unreadable;
  if (pem.find("BEGIN ENCRYPTED PRIVATE KEY") != std::string_view::npos ||
      pem.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos) {
    result = key_read::encrypted;  // PKCS#8 encrypted, or a traditional key with a Proc-Type header
  } else if (auto blocks = d.decode(pem, nullptr); blocks && !blocks->empty()) {
    const x509::pem_block& b = blocks->front();
    if (b.label == "PRIVATE KEY" || b.label == "RSA PRIVATE KEY" || b.label == "EC PRIVATE KEY" ||
        b.label == "DSA PRIVATE KEY" || b.label == "SM2 PRIVATE KEY") {
      const unsigned char* p = b.der.data();
      out.reset(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(b.der.size())));
      if (out) result = key_read::ok;
    }
  }
  d.wipe();
  return result;
}

std::string_view type_name(const EVP_PKEY* k) noexcept {
  if (EVP_PKEY_is_a(k, "SM2")) return "SM2";
  if (EVP_PKEY_is_a(k, "RSA") || EVP_PKEY_is_a(k, "RSA-PSS")) return "RSA";
  if (EVP_PKEY_is_a(k, "EC")) return "EC";
  if (EVP_PKEY_is_a(k, "ED25519")) return "Ed25519";
  if (EVP_PKEY_is_a(k, "ED448")) return "Ed448";
  if (EVP_PKEY_is_a(k, "DSA")) return "DSA";
  return "of another type";
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

}  // namespace

std::string_view private_key_label(run& r, const field_ref& f) {
  pkey_ptr key;
  switch (read_private_key(r, f.text, key)) {
    case key_read::ok: break;
    case key_read::encrypted: return "(private key, encrypted)";
    default: return "(private key)";
  }
  std::string& s = r.scratch();
  s += "(private key) ";
  s += type_name(key.get());
  s += ' ';
  s += r.int_text(EVP_PKEY_get_bits(key.get()));
  return r.copy(s);
}

outcome check_private_key(run& r, const field_ref& f) {
  pkey_ptr key;
  switch (read_private_key(r, f.text, key)) {
    case key_read::ok: break;
    case key_read::encrypted:
      return {finding_status::unverifiable, {}, "the private key is encrypted: its public half cannot be derived"};
    default: return {finding_status::invalid, {}, "not a PEM private key OpenSSL can read"};
  }
  const auto spki = r.cert().view.public_key.der;
  const unsigned char* p = spki.data();
  pkey_ptr mine(d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())));
  if (!mine) return {finding_status::unverifiable, {}, "OpenSSL cannot read the certificate's public key"};
  if (same_public_half(key.get(), mine.get())) return {finding_status::match, {}, "the key pair's public half is the certificate's key"};
  return {finding_status::mismatch, {}, "the private key belongs to another key pair"};
}

}  // namespace alicert::internal
