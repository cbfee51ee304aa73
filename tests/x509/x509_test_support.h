// Helpers shared by the x509 tests: test files, and owning wrappers for the
// OpenSSL objects the differential tests use as an oracle.
#pragma once

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/x509/pem.h"

namespace alicert::test {

inline std::filesystem::path x509_data(std::string_view name) {
  return std::filesystem::path(ALICERT_TEST_DATA_DIR) / "x509" / name;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  const std::string s = read_text(path);
  return {s.begin(), s.end()};
}

inline std::span<const std::uint8_t> as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/// The DER of the first block of a PEM file, or the bytes of a DER file.
inline std::vector<std::uint8_t> load_der(const std::filesystem::path& path) {
  const std::string text = read_text(path);
  if (text.find("-----BEGIN") == std::string::npos) return {text.begin(), text.end()};
  x509::pem_decoder decoder;
  auto blocks = decoder.decode(text, nullptr);
  if (!blocks || blocks->empty()) return {};
  return {(*blocks)[0].der.begin(), (*blocks)[0].der.end()};
}

template <auto fn>
struct ossl_deleter {
  template <class T>
  void operator()(T* p) const noexcept {
    fn(p);
  }
};
using x509_ptr = std::unique_ptr<X509, ossl_deleter<X509_free>>;
using bignum_ptr = std::unique_ptr<BIGNUM, ossl_deleter<BN_free>>;
using general_names_ptr = std::unique_ptr<GENERAL_NAMES, ossl_deleter<GENERAL_NAMES_free>>;
using octet_string_ptr = std::unique_ptr<ASN1_OCTET_STRING, ossl_deleter<ASN1_OCTET_STRING_free>>;
struct ossl_free_deleter {
  void operator()(void* p) const noexcept { OPENSSL_free(p); }
};
using ossl_bytes = std::unique_ptr<unsigned char, ossl_free_deleter>;

/// d2i_X509 over the whole input: trailing bytes count as a refusal, as alicert refuses them.
inline x509_ptr openssl_parse(std::span<const std::uint8_t> der) {
  const unsigned char* p = der.data();
  // As d2i_X509 itself: bytes after the certificate are ignored.
  return x509_ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

}  // namespace alicert::test
