#include "openssl.h"

#include <openssl/md5.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/sha.h>

namespace alicert::internal {

namespace {

int nid_of(digester::algorithm a) noexcept {
  switch (a) {
    case digester::algorithm::sha256: return NID_sha256;
    case digester::algorithm::md5: return NID_md5;
    case digester::algorithm::sha1: return NID_sha1;
  }
  return NID_sha256;
}

#ifndef OPENSSL_NO_DEPRECATED_3_0
// The low-level functions are deprecated in OpenSSL 3.0, in favour of EVP;
// they are used on purpose (see openssl.h) and cannot fail on these inputs.
// Certificates are public: their digest contexts need no cleansing.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
// One digest through its low-level context. Not the one-shot SHA256(),
// MD5(), ...: in OpenSSL 3.0 those call EVP_Q_digest, which fetches the
// digest and allocates a context on every call (33 and 48 allocations per
// ListUserCertificateOrder and SLB document, whose SHA-1 fingerprints went
// through SHA1(); and every signature's hash).
template <class Ctx, int (*Init)(Ctx*), int (*Update)(Ctx*, const void*, std::size_t),
          int (*Final)(unsigned char*, Ctx*), unsigned Size>
unsigned through(std::span<const std::uint8_t> data, std::uint8_t* out) noexcept {
  Ctx c;
  Init(&c);
  Update(&c, data.data(), data.size());
  Final(out, &c);
  return Size;
}

// The digest named `nid`, with no allocation (SHA-1, the SHA-2 family,
// MD5); 0 for any other digest.
unsigned low_level(int nid, std::span<const std::uint8_t> data, std::uint8_t* out) noexcept {
  switch (nid) {
    case NID_sha1: return through<SHA_CTX, SHA1_Init, SHA1_Update, SHA1_Final, SHA_DIGEST_LENGTH>(data, out);
    case NID_sha224:
      return through<SHA256_CTX, SHA224_Init, SHA224_Update, SHA224_Final, SHA224_DIGEST_LENGTH>(data, out);
    case NID_sha256:
      return through<SHA256_CTX, SHA256_Init, SHA256_Update, SHA256_Final, SHA256_DIGEST_LENGTH>(data, out);
    case NID_sha384:
      return through<SHA512_CTX, SHA384_Init, SHA384_Update, SHA384_Final, SHA384_DIGEST_LENGTH>(data, out);
    case NID_sha512:
      return through<SHA512_CTX, SHA512_Init, SHA512_Update, SHA512_Final, SHA512_DIGEST_LENGTH>(data, out);
    case NID_md5: return through<MD5_CTX, MD5_Init, MD5_Update, MD5_Final, MD5_DIGEST_LENGTH>(data, out);
    default: return 0;
  }
}

void interleaved_sha256_md5(std::span<const std::uint8_t> data, std::uint8_t* sha256_out,
                            std::uint8_t* md5_out) noexcept {
  SHA256_CTX sha;
  MD5_CTX md5;
  SHA256_Init(&sha);
  MD5_Init(&md5);
  for (std::size_t at = 0; at < data.size(); at += 64) {
    const std::size_t n = data.size() - at < 64 ? data.size() - at : 64;
    MD5_Update(&md5, data.data() + at, n);
    SHA256_Update(&sha, data.data() + at, n);
  }
  SHA256_Final(sha256_out, &sha);
  MD5_Final(md5_out, &md5);
}

#pragma GCC diagnostic pop
#endif

}  // namespace

unsigned digest_of(int nid, const EVP_MD* md, std::span<const std::uint8_t> data,
                   std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) noexcept {
  if (md == nullptr) return 0;
#ifndef OPENSSL_NO_DEPRECATED_3_0
  if (const unsigned n = low_level(nid, data, out.data()); n != 0) return n;
#endif
  unsigned size = 0;
  return EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) == 1 ? size : 0;
}

void run_sha256_md5(const digester& sha256, const digester& md5, std::span<const std::uint8_t> data,
                    std::array<std::uint8_t, EVP_MAX_MD_SIZE>& sha256_out, unsigned& sha256_size,
                    std::array<std::uint8_t, EVP_MAX_MD_SIZE>& md5_out, unsigned& md5_size) noexcept {
#ifndef OPENSSL_NO_DEPRECATED_3_0
  if (sha256.md() != nullptr && md5.md() != nullptr) {
    interleaved_sha256_md5(data, sha256_out.data(), md5_out.data());
    sha256_size = SHA256_DIGEST_LENGTH;
    md5_size = MD5_DIGEST_LENGTH;
    return;
  }
#endif
  sha256_size = sha256.run(data, sha256_out);
  md5_size = md5.run(data, md5_out);
}

digester::digester(algorithm a) noexcept : algorithm_(a) {
  openssl_error_mark mark;
  md_.reset(EVP_MD_fetch(nullptr, OBJ_nid2sn(nid_of(a)), nullptr));  // "SHA256", "MD5", "SHA1"
#ifdef OPENSSL_NO_DEPRECATED_3_0
  ctx_.reset(EVP_MD_CTX_new());
#endif
}

unsigned digester::run(std::span<const std::uint8_t> data,
                       std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) const noexcept {
#ifndef OPENSSL_NO_DEPRECATED_3_0
  // Unavailable as EVP (a FIPS-only configuration without MD5): unavailable here too.
  if (!md_) return 0;
  return low_level(nid_of(algorithm_), data, out.data());
#else
  unsigned size = 0;
  const bool ok = md_ && ctx_ && EVP_DigestInit_ex2(ctx_.get(), md_.get(), nullptr) == 1 &&
                  EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) == 1 &&
                  EVP_DigestFinal_ex(ctx_.get(), out.data(), &size) == 1;
  return ok ? size : 0;
#endif
}

unsigned reencoded_digest(std::span<const std::uint8_t> der, const EVP_MD* md,
                          std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) noexcept {
  if (md == nullptr) return 0;
  const unsigned char* p = der.data();
  x509_ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!x) return 0;
  unsigned size = 0;
  return X509_digest(x.get(), md, out.data(), &size) == 1 ? size : 0;
}

}  // namespace alicert::internal
