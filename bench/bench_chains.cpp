// chain/<key>/: what verifying one chain link costs, per issuer key type,
// against OpenSSL's own X509_verify on the same two certificates.
//   alicert_check_chain   checker::check of a CDN document whose HttpsCrt is a
//                         leaf and its CA (one link: PEM, DER, names, signature)
//   alicert_check_leaf    the same document without the CA: no chain to verify
//   x509_verify           X509_verify(leaf, CA key), both decoded before the loop
// scripts/bench.sh prints (check_chain - check_leaf) / x509_verify.
#include <chrono>
#include <cstdio>
#include <deque>
#include <exception>
#include <memory>
#include <string>

#include <openssl/x509.h>

#include "alicert/check/checker.h"
#include "alicert/responses/parser.h"
#include "certificates.h"
#include "harness.h"

namespace bench {
namespace {

using namespace alicert;

// Checks the one document of `u`, parsed once before the loop; `links` is
// how many chain links its report must hold, each verified.
void bm_check(benchmark::State& s, const unit* u, std::size_t links) {
  parser p;
  auto doc = p.parse(u->docs.front().padded);
  if (!doc) {
    s.SkipWithError(("alicert refused " + u->name).c_str());
    return;
  }
  checker c;
  check_options how;
  how.now = utc_seconds{std::chrono::seconds{reference_now()}};
  const document_report& warm = c.check(*doc, how);
  bool good = !warm.failed() && warm.certificates.size() == 1 && warm.certificates[0].chain.size() == links;
  for (const auto& l : good ? warm.certificates[0].chain : std::span<const chain_link>{})
    good = good && l.status == link_status::verified;
  if (!good) {
    s.SkipWithError((u->name + ": the report is not the expected match").c_str());
    return;
  }
  std::uint64_t acc = 0;
  frame f(s);
  f.begin();
  for (auto _ : s) {
    const document_report& r = c.check(*doc, how);
    acc += r.certificates.size() + r.certificates[0].findings.size() + r.certificates[0].chain.size();
    f.add(1, u->bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

struct x509_free_t {
  void operator()(X509* x) const noexcept { X509_free(x); }
};
using x509_ptr = std::unique_ptr<X509, x509_free_t>;

x509_ptr decode(const std::vector<std::uint8_t>& der) {
  const unsigned char* p = der.data();
  return x509_ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

void bm_x509_verify(benchmark::State& s, const signed_pair* pair) {
  const x509_ptr leaf = decode(pair->leaf_der), ca = decode(pair->ca_der);
  EVP_PKEY* key = ca ? X509_get0_pubkey(ca.get()) : nullptr;
  if (!leaf || key == nullptr || X509_verify(leaf.get(), key) != 1) {
    s.SkipWithError("X509_verify does not accept the generated pair");
    return;
  }
  std::uint64_t acc = 0;
  frame f(s);
  f.begin();
  for (auto _ : s) {
    acc += static_cast<std::uint64_t>(X509_verify(leaf.get(), key));
    f.add(1, pair->leaf_der.size() + pair->ca_der.size());
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

std::deque<signed_pair>& pairs() {
  static std::deque<signed_pair> d;  // a deque: registered benchmarks keep pointers
  return d;
}

}  // namespace

void register_chains() {
  for (key_type k : all_key_types()) {
    const std::string p = std::string("chain/") + key_type_label(k) + "/";
    if (!wanted(p + "alicert_check_chain") && !wanted(p + "alicert_check_leaf") && !wanted(p + "x509_verify"))
      continue;
    try {
      pairs().push_back(make_signed_pair(k));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "chain/%s skipped: %s\n", key_type_label(k), e.what());
      continue;
    }
    const signed_pair* pair = &pairs().back();
    benchmark::RegisterBenchmark((p + "alicert_check_chain").c_str(), bm_check, &pair->with_chain, std::size_t{1});
    benchmark::RegisterBenchmark((p + "alicert_check_leaf").c_str(), bm_check, &pair->without_chain, std::size_t{0});
    benchmark::RegisterBenchmark((p + "x509_verify").c_str(), bm_x509_verify, pair);
  }
}

}  // namespace bench
