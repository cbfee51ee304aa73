// Internal: whether an issuer's key signed a certificate, through OpenSSL's
// EVP over the certificate's own TBS bytes (no re-encoding): RSA PKCS#1 v1.5
// and PSS, ECDSA on named curves, Ed25519/Ed448, SM2 with SM3 and its default
// identifier, DSA. Issuer keys are parsed once and kept, keyed by their
// SubjectPublicKeyInfo bytes, so a stream of leaves from one CA parses its
// key once. For RSA PKCS#1 v1.5 and ECDSA, each kept key also keeps a verify
// context, initialized once: the TBS is hashed apart (low-level functions)
// and EVP_PKEY_verify checks the hash, the very check EVP_DigestVerify ends
// in, without the contexts EVP_DigestVerifyInit allocates on every call
// (RSA-2048: 27 -> 13 allocations and 20.8 -> 17.1 us a signature here).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "alicert/x509/certificate.h"
#include "openssl.h"

namespace alicert::internal {

class signature_verifier {
 public:
  enum class verdict : std::uint8_t { valid, invalid, unsupported };

  signature_verifier() noexcept;

  /// Verifies `issued`'s signature with the key whose SubjectPublicKeyInfo is
  /// `issuer_spki`. `why` says why it is not valid (a static text).
  ///
  /// A valid signature on a CA certificate is remembered (the last eight,
  /// each with the whole certificate and the issuer key it was verified
  /// with, compared byte for byte): every leaf a CA issues comes with the
  /// same intermediates, so a stream verifies each CA link once. Leaves,
  /// mostly one per document, are verified every time, and so is whatever
  /// did not verify (a failure may be OpenSSL's own, such as memory).
  verdict verify(const x509::certificate_view& issued, std::span<const std::uint8_t> issuer_spki,
                 std::string_view& why);

 private:
  verdict verify_now(const x509::certificate_view& issued, std::span<const std::uint8_t> issuer_spki,
                     std::string_view& why);
  struct cached_key;
  cached_key* key_for(std::span<const std::uint8_t> spki);
  // The kept context verifying hashes of `md_nid` with `k`'s key (RSA
  // PKCS#1 v1.5 or ECDSA); null when there cannot be one.
  EVP_PKEY_CTX* hash_verifier(cached_key& k, int md_nid, const EVP_MD* md);
  std::optional<bool> verify_hash(const x509::certificate_view& issued, cached_key& k, int md_nid, const EVP_MD* md);
  const EVP_MD* digest_for(int nid);
  // SM2 with SM3 under identifier `id` (null: OpenSSL's, none).
  bool verify_sm2(const x509::certificate_view& issued, EVP_PKEY* key, const EVP_MD* md, const char* id);

  struct cached_key {
    std::vector<std::uint8_t> spki;
    std::unique_ptr<EVP_PKEY, freer<&EVP_PKEY_free>> key;
    std::uint64_t used{0};
    std::unique_ptr<EVP_PKEY_CTX, freer<&EVP_PKEY_CTX_free>> verifier;  // see hash_verifier
    int verifier_md{0};  // the digest `verifier` is set for
  };
  struct cached_digest {
    int nid{0};
    md_ptr md;
  };
  // A CA link that verified (see verify).
  struct verified_link {
    std::vector<std::uint8_t> der;   // the issued certificate, whole
    std::vector<std::uint8_t> spki;  // the key that verified it
    std::uint64_t used{0};           // 0: empty
  };
  std::array<cached_key, 16> keys_;
  std::array<verified_link, 8> links_;
  std::array<cached_digest, 8> digests_;
  std::uint64_t clock_{0};
  md_ctx_ptr ctx_;
};

}  // namespace alicert::internal
