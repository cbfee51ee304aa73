// Internal: OpenSSL from C++ for the check wing, the only wing that calls it:
// owning handles, the error-queue guard, and digests with kept contexts.
#pragma once

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <array>
#include <cstdint>
#include <memory>
#include <span>

namespace alicert::internal {

/// Leaves the OpenSSL error queue as it was found.
class openssl_error_mark {
 public:
  openssl_error_mark() noexcept { ERR_set_mark(); }
  ~openssl_error_mark() { ERR_pop_to_mark(); }
  openssl_error_mark(const openssl_error_mark&) = delete;
  openssl_error_mark& operator=(const openssl_error_mark&) = delete;
};

template <auto Free>
struct freer {
  template <class T>
  void operator()(T* p) const noexcept { Free(p); }
};
using md_ptr = std::unique_ptr<EVP_MD, freer<&EVP_MD_free>>;
using md_ctx_ptr = std::unique_ptr<EVP_MD_CTX, freer<&EVP_MD_CTX_free>>;
using x509_ptr = std::unique_ptr<X509, freer<&X509_free>>;

/// One digest algorithm (SHA-256, MD5 or SHA-1), fetched once. OpenSSL 3.0's
/// EVP allocates a provider context on every EVP_DigestInit_ex, even on a kept
/// EVP_MD_CTX; its low-level SHA256_* / MD5_* / SHA1_* functions run the same
/// assembly on a context on the stack and allocate nothing, so run() uses them
/// where OpenSSL still has them (not built with no-deprecated), and a kept
/// EVP_MD_CTX otherwise. md() serves the rare paths that need EVP (X509_digest).
class digester {
 public:
  enum class algorithm : std::uint8_t { sha256, md5, sha1 };
  explicit digester(algorithm a) noexcept;
  /// The digest of `data` into `out`; its size, 0 when unavailable.
  unsigned run(std::span<const std::uint8_t> data, std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) const noexcept;
  [[nodiscard]] const EVP_MD* md() const noexcept { return md_.get(); }

 private:
  algorithm algorithm_;
  md_ptr md_;
  md_ctx_ptr ctx_;  // the EVP path only
};

/// SHA-256 and MD5 of the same `data` (the digesters `sha256` and `md5`):
/// with the low-level functions, one 64-byte block of each in turn, which lets
/// SHA-256 run in the gaps of MD5's long dependency chain (1.95 -> 1.67 us
/// for a 1.1 KB certificate here); otherwise one after the other. Each size
/// is 0 when that digest is unavailable.
void run_sha256_md5(const digester& sha256, const digester& md5, std::span<const std::uint8_t> data,
                    std::array<std::uint8_t, EVP_MAX_MD_SIZE>& sha256_out, unsigned& sha256_size,
                    std::array<std::uint8_t, EVP_MAX_MD_SIZE>& md5_out, unsigned& md5_size) noexcept;

/// The digest named `nid` (of `md`, fetched for it) of `data`: by the
/// low-level function for SHA-1 and the SHA-2 family where OpenSSL still has
/// them (no allocation), else by EVP. Its size, 0 when it cannot be computed.
unsigned digest_of(int nid, const EVP_MD* md, std::span<const std::uint8_t> data,
                   std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) noexcept;

/// The digest OpenSSL's X509_digest gives: over its re-encoding of `der`,
/// which differs from the received bytes when they are BER or carry
/// non-minimal forms. 0 when OpenSSL cannot decode it.
unsigned reencoded_digest(std::span<const std::uint8_t> der, const EVP_MD* md,
                          std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) noexcept;

}  // namespace alicert::internal
