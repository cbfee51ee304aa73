// Mutants: a P-256 certificate taken apart and put together again, with the
// pieces a test changes. Shared by the x509 tests that build DER by hand.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "alicert/x509/certificate.h"
#include "x509_test_support.h"

namespace alicert::x509::mutants {

using bytes_t = std::vector<std::uint8_t>;

inline certificate_view must_read(const bytes_t& der) {
  auto r = read_certificate(der);
  EXPECT_TRUE(r.has_value()) << (r ? "" : std::string(error_name(r.error().code)) + ": " + std::string(r.error().message));
  return r ? *r : certificate_view{};
}

inline std::string hex(std::span<const std::uint8_t> b) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (auto x : b) {
    s += digits[x >> 4];
    s += digits[x & 15];
  }
  return s;
}

struct node {
  std::uint8_t tag;
  bytes_t content;
};

inline std::vector<node> children(std::span<const std::uint8_t> der) {
  std::vector<node> out;
  std::size_t i = 0;
  while (i < der.size()) {
    const std::uint8_t t = der[i++];
    std::size_t len = der[i++];
    if (len & 0x80) {
      const std::size_t n = len & 0x7f;
      len = 0;
      for (std::size_t k = 0; k < n; ++k) len = (len << 8) | der[i++];
    }
    out.push_back({t, bytes_t(der.begin() + static_cast<std::ptrdiff_t>(i),
                              der.begin() + static_cast<std::ptrdiff_t>(i + len))});
    i += len;
  }
  return out;
}

enum class form { der, long_length, indefinite };

inline bytes_t enc(std::uint8_t tag, const bytes_t& content, form f = form::der) {
  bytes_t out{tag};
  const std::size_t n = content.size();
  if (f == form::indefinite) {
    out.push_back(0x80);
    out.insert(out.end(), content.begin(), content.end());
    out.push_back(0);
    out.push_back(0);
    return out;
  }
  if (f == form::long_length) {
    out.insert(out.end(), {0x84, static_cast<std::uint8_t>(n >> 24), static_cast<std::uint8_t>(n >> 16),
                           static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
  } else if (n < 0x80) {
    out.push_back(static_cast<std::uint8_t>(n));
  } else if (n < 0x100) {
    out.insert(out.end(), {0x81, static_cast<std::uint8_t>(n)});
  } else {
    out.insert(out.end(), {0x82, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)});
  }
  out.insert(out.end(), content.begin(), content.end());
  return out;
}

inline bytes_t cat(std::initializer_list<bytes_t> parts) {
  bytes_t out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

struct mutant_base {
  std::vector<node> tbs;  // version, serial, alg, issuer, validity, subject, spki, [3]
  node alg, sig;
  mutant_base() {
    const bytes_t der = test::load_der(test::x509_data("ec_p256.pem"));
    const auto cert = children(children(der).at(0).content);
    tbs = children(cert.at(0).content);
    alg = cert.at(1);
    sig = cert.at(2);
  }
  bytes_t build(form outer = form::der, form tbs_form = form::der) const {
    bytes_t fields;
    for (const node& n : tbs) fields = cat({fields, enc(n.tag, n.content)});
    return enc(0x30, cat({enc(0x30, fields, tbs_form), enc(alg.tag, alg.content), enc(sig.tag, sig.content)}), outer);
  }
};

// Reads a mutant both ways: alicert must accept what OpenSSL accepts. The
// view borrows `der`: spans are only looked at while the caller keeps it.
inline certificate_view accepted(const bytes_t& der) {
  EXPECT_TRUE(test::openssl_parse(der)) << "the oracle refuses this mutant";
  return must_read(der);
}

inline bytes_t extension(const bytes_t& oid, const bytes_t& value, std::uint8_t octet_tag = 0x04) {
  return enc(0x30, cat({enc(0x06, oid), enc(octet_tag, value)}));
}

}  // namespace alicert::x509::mutants
