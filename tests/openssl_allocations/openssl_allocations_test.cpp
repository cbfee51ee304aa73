// OpenSSL's own allocations, counted through CRYPTO_set_mem_functions (this
// executable's main sets them before OpenSSL allocates anything): the
// digests the check computes allocate nothing, and checking a document of
// an API that carries no chain to verify allocates nothing once the
// checker is warm (the bench's allocations_per_document goal, issue 12).
// One-shot SHA1()/SHA256()/MD5() go through EVP_Q_digest in OpenSSL 3.0,
// which fetches and allocates on every call: this is what catches them.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "alicert/check/checker.h"
#include "alicert/responses/padded.h"
#include "alicert/responses/parser.h"
#include "alicert/x509/certificate.h"
#include "check/openssl.h"
#include "check/signature.h"

std::atomic<std::uint64_t> openssl_allocations{0};

namespace {

std::uint64_t allocations() { return openssl_allocations.load(); }

TEST(OpensslAllocations, CountingIsOn) {
  // The counter sees OpenSSL's allocations at all: a fresh context allocates.
  const std::uint64_t before = allocations();
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EXPECT_GT(allocations(), before);
  EVP_MD_CTX_free(ctx);
}

TEST(OpensslAllocations, DigestsOfEveryKindAllocateNothing) {
  const std::vector<std::uint8_t> data(1500, 0x5a);
  for (const int nid : {NID_sha1, NID_sha224, NID_sha256, NID_sha384, NID_sha512, NID_md5}) {
    EVP_MD* md = EVP_MD_fetch(nullptr, OBJ_nid2sn(nid), nullptr);
    ASSERT_NE(md, nullptr) << OBJ_nid2sn(nid);
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> got{}, want{};
    unsigned want_size = 0;
    ASSERT_EQ(EVP_Digest(data.data(), data.size(), want.data(), &want_size, md, nullptr), 1);
    const std::uint64_t before = allocations();
    const unsigned size = alicert::internal::digest_of(nid, md, data, got);
    EXPECT_EQ(allocations(), before) << OBJ_nid2sn(nid);
    ASSERT_EQ(size, want_size) << OBJ_nid2sn(nid);
    EXPECT_EQ(std::vector<std::uint8_t>(got.begin(), got.begin() + size),
              std::vector<std::uint8_t>(want.begin(), want.begin() + size))
        << OBJ_nid2sn(nid);
    EVP_MD_free(md);
  }
  using algorithm = alicert::internal::digester::algorithm;
  for (const algorithm a : {algorithm::sha256, algorithm::md5, algorithm::sha1}) {
    const alicert::internal::digester d(a);
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> out{};
    const std::uint64_t before = allocations();
    EXPECT_NE(d.run(data, out), 0u);
    EXPECT_EQ(allocations(), before) << static_cast<int>(a);
  }
}

// Every corpus document of `dir`, checked twice with one checker: the second
// round allocates nothing in OpenSSL.
void expect_warm_checks_allocate_nothing(const char* dir) {
  std::vector<alicert::padded_buffer> docs;
  for (const auto& e : std::filesystem::directory_iterator(std::string(ALICERT_CORPUS_DIR) + "/" + dir)) {
    if (e.path().extension() != ".json") continue;
    auto b = alicert::padded_buffer::read_file(e.path().c_str());
    ASSERT_TRUE(b) << e.path();
    docs.push_back(std::move(*b));
  }
  ASSERT_FALSE(docs.empty()) << dir;
  alicert::parser p;
  alicert::checker c;
  alicert::check_options how;
  how.now = alicert::utc_seconds{std::chrono::seconds{1717200000}};
  std::size_t checked = 0;
  for (int round = 0; round < 2; ++round) {
    const std::uint64_t before = allocations();
    for (const alicert::padded_buffer& d : docs) {
      auto r = p.parse(d);
      if (!r) continue;
      (void)c.check(*r, how);
      if (round == 1) ++checked;
    }
    if (round == 1) EXPECT_EQ(allocations() - before, 0u) << dir << ": " << checked << " documents";
  }
  EXPECT_GT(checked, 0u) << dir;
}

TEST(OpensslAllocations, WarmChecksOfDocumentsWithoutChainsAllocateNothing) {
  expect_warm_checks_allocate_nothing("parse_cas");
  expect_warm_checks_allocate_nothing("parse_luco");
  expect_warm_checks_allocate_nothing("parse_slb");
}

// The DER of corpus/pem/`name` (OpenSSL reads it: what is counted is the verifier alone).
std::vector<std::uint8_t> corpus_der(const char* name) {
  const std::string path = std::string(ALICERT_CORPUS_DIR) + "/pem/" + name;
  std::FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) return {};
  X509* x = PEM_read_X509(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  if (x == nullptr) return {};
  unsigned char* out = nullptr;
  const int n = i2d_X509(x, &out);
  std::vector<std::uint8_t> der;
  if (n > 0) der.assign(out, out + n);
  OPENSSL_free(out);
  X509_free(x);
  return der;
}

// A CA link that verified is remembered: verifying it again costs OpenSSL
// nothing. A leaf is verified every time: ECDSA in OpenSSL 3.0 allocates
// inside every verification, so its count goes up.
TEST(OpensslAllocations, CaLinksAreVerifiedOnceAndLeavesEveryTime) {
  using verdict = alicert::internal::signature_verifier::verdict;
  const auto root = corpus_der("root-ec.pem"), inter = corpus_der("int-ec.pem"), leaf = corpus_der("leaf-ec-p256.pem");
  ASSERT_FALSE(root.empty() || inter.empty() || leaf.empty());
  const auto r = alicert::x509::read_certificate(root), i = alicert::x509::read_certificate(inter),
             l = alicert::x509::read_certificate(leaf);
  ASSERT_TRUE(r && i && l);
  ASSERT_EQ(i->basic_constraints_ca, std::optional<bool>(true));
  ASSERT_NE(l->basic_constraints_ca, std::optional<bool>(true));
  alicert::internal::signature_verifier v;
  std::string_view why;
  for (int round = 0; round < 3; ++round) {
    std::uint64_t before = allocations();
    ASSERT_EQ(v.verify(*i, r->public_key.der, why), verdict::valid) << why;
    if (round > 0) EXPECT_EQ(allocations(), before) << "round " << round;
    before = allocations();
    ASSERT_EQ(v.verify(*l, i->public_key.der, why), verdict::valid) << why;
    if (round > 0) EXPECT_GT(allocations(), before) << "round " << round;
  }
}

}  // namespace
