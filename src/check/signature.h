// Internal: whether an issuer's key signed a certificate, through OpenSSL's
// EVP over the certificate's own TBS bytes (no re-encoding): RSA PKCS#1 v1.5
// and PSS, ECDSA on named curves, Ed25519/Ed448, SM2 with SM3 and its default
// identifier, DSA. Issuer keys are parsed once and kept, keyed by their
// SubjectPublicKeyInfo bytes, so a stream of leaves from one CA parses its
// key once.
#pragma once

#include <array>
#include <cstdint>
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
  verdict verify(const x509::certificate_view& issued, std::span<const std::uint8_t> issuer_spki,
                 std::string_view& why);

 private:
  EVP_PKEY* key_for(std::span<const std::uint8_t> spki);
  const EVP_MD* digest_for(int nid);
  // SM2 with SM3 under identifier `id` (null: OpenSSL's, none).
  bool verify_sm2(const x509::certificate_view& issued, EVP_PKEY* key, const EVP_MD* md, const char* id);

  struct cached_key {
    std::vector<std::uint8_t> spki;
    std::unique_ptr<EVP_PKEY, freer<&EVP_PKEY_free>> key;
    std::uint64_t used{0};
  };
  struct cached_digest {
    int nid{0};
    md_ptr md;
  };
  std::array<cached_key, 16> keys_;
  std::array<cached_digest, 8> digests_;
  std::uint64_t clock_{0};
  md_ctx_ptr ctx_;
};

}  // namespace alicert::internal
