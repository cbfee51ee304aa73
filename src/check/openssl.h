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

/// One digest with its own context: EVP_Digest allocates a context and the
/// provider's state on every call; a context kept for one algorithm is
/// re-initialised in place.
class digester {
 public:
  explicit digester(const char* name) noexcept;
  /// The digest of `data` into `out`; its size, 0 when unavailable.
  unsigned run(std::span<const std::uint8_t> data, std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) const noexcept;
  [[nodiscard]] const EVP_MD* md() const noexcept { return md_.get(); }

 private:
  md_ptr md_;
  md_ctx_ptr ctx_;
};

/// The digest OpenSSL's X509_digest gives: over its re-encoding of `der`,
/// which differs from the received bytes when they are BER or carry
/// non-minimal forms. 0 when OpenSSL cannot decode it.
unsigned reencoded_digest(std::span<const std::uint8_t> der, const EVP_MD* md,
                          std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) noexcept;

}  // namespace alicert::internal
