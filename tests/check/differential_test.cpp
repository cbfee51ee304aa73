// What OpenSSL accepts is never `invalid`: every certificate file under
// tests/data and corpus/, wrapped as a CAS X509Certificate, decodes as a
// `certificate` match whenever d2i_X509 accepts its DER (whole input, as the
// x509 wing's differential test defines it), and its serial and SHA-256 then
// agree with OpenSSL's.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "alicert/x509/pem.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using namespace checktest;
using alicert::check_id;
using alicert::finding_status;

std::string pem_of(const std::vector<std::uint8_t>& der) {
  std::string b64(4 * ((der.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()), der.data(), static_cast<int>(der.size()));
  b64.resize(static_cast<std::size_t>(n));
  std::string pem = "-----BEGIN CERTIFICATE-----\n";
  for (std::size_t i = 0; i < b64.size(); i += 64) pem += b64.substr(i, 64) + "\n";
  return pem + "-----END CERTIFICATE-----\n";
}

TEST(Differential, OpenSslAcceptanceDecidesTheCertificateFinding) {
  std::vector<std::pair<std::string, std::vector<std::uint8_t>>> samples;
  alicert::x509::pem_decoder decoder;
  for (const fs::path root : {fs::path(ALICERT_TEST_DATA_DIR), fs::path(ALICERT_CORPUS_DIR)}) {
    std::error_code ec;
    if (!fs::exists(root, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const std::string ext = it->path().extension().string();
      if (!it->is_regular_file(ec) || (ext != ".pem" && ext != ".der" && ext != ".bin" && ext != ".crt")) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (ext == ".pem") {
        auto blocks = decoder.decode(text, nullptr);
        if (!blocks) continue;
        for (const auto& b : *blocks)
          if (b.label == "CERTIFICATE") samples.push_back({it->path().string(), {b.der.begin(), b.der.end()}});
      } else {
        samples.push_back({it->path().string(), {text.begin(), text.end()}});
      }
    }
  }
  if (samples.empty()) GTEST_SKIP() << "no certificate files";
  alicert::checker ch;
  std::size_t accepted = 0, refused = 0, lenient = 0;
  for (const auto& [where, der] : samples) {
    const unsigned char* p = der.data();
    x509_ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    const bool openssl_accepts = x && p == der.data() + der.size();
    ERR_clear_error();
    text_store t;
    alicert::cas_response_view v;
    v.certificate.x509_certificate = t.text(pem_of(der));
    if (openssl_accepts) {
      v.certificate.serial_number = t.text(serial_hex(x.get()));
      v.certificate.sha2 = t.text(digest(x.get(), EVP_sha256()));
      v.certificate.subject_dn = t.text(subject_text(x.get()));
    }
    alicert::document_view doc;
    doc.kind = alicert::api::cas_describe_client_certificate;
    doc.cas = &v;
    auto* r = &ch.check(doc, {});
    ASSERT_TRUE(r);
    const auto& cr = r->certificates[0];
    if (openssl_accepts) {
      ++accepted;
      EXPECT_EQ(status(cr, check_id::certificate), finding_status::match) << where << ": " << dump(cr);
      EXPECT_EQ(status(cr, check_id::serial), finding_status::match) << where << ": " << dump(cr);
      EXPECT_EQ(status(cr, check_id::sha256), finding_status::match) << where;
      // the subject as OpenSSL prints it (RFC 2253) reads back as the same name
      EXPECT_NE(status(cr, check_id::subject), finding_status::mismatch) << where << ": " << dump(cr);
    } else {
      // What OpenSSL refuses *may* be invalid; alicert reads a few such certificates too.
      ++refused;
      lenient += status(cr, check_id::certificate) == finding_status::match;
    }
  }
  EXPECT_GT(accepted, 20u);
  std::printf("differential: %zu accepted, %zu refused by OpenSSL (%zu of them read by alicert)\n", accepted,
              refused, lenient);
}

}  // namespace
