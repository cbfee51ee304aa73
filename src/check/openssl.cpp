#include "openssl.h"

namespace alicert::internal {

digester::digester(const char* name) noexcept : ctx_(EVP_MD_CTX_new()) {
  openssl_error_mark mark;
  md_.reset(EVP_MD_fetch(nullptr, name, nullptr));
}

unsigned digester::run(std::span<const std::uint8_t> data,
                       std::array<std::uint8_t, EVP_MAX_MD_SIZE>& out) const noexcept {
  unsigned size = 0;
  const bool ok = md_ && ctx_ && EVP_DigestInit_ex2(ctx_.get(), md_.get(), nullptr) == 1 &&
                  EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) == 1 &&
                  EVP_DigestFinal_ex(ctx_.get(), out.data(), &size) == 1;
  return ok ? size : 0;
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
