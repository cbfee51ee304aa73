// The signature floor of a check: the signatures of the certificates a
// document carries the issuer of, verified by OpenSSL with nothing else done.
//   floor_leaf_signatures   X509_verify(certificate, issuer key) for the
//                           checked certificate of every chain of the unit
//                           (unit::chains) whose next certificate issued it,
//                           both decoded before the loop
//
// A checker that says whether a certificate was signed by the issuer its
// document gives must verify that signature once per document: in a stream
// the CA links repeat (alicert's verifier remembers them, signature.h), the
// checked certificates do not. X509_verify is OpenSSL's own call for it;
// alicert's kept verify contexts do the same for 2-18% less (stop 17,
// docs/benchmarks.md), so its whole check can cost less than this floor.
// naive check / this floor is the check_vs_naive_openssl ratio of a checker
// that did nothing but these X509_verify calls (scripts/bench.sh
// prints both). CAS has no such floor: its CertChain is only exposed.
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include "harness.h"

namespace bench {
namespace {

using x509_ptr = std::unique_ptr<X509, decltype(&X509_free)>;

/// A checked certificate with the key of its issuer, both owned by unit_links::certs.
struct link {
  X509* leaf;
  EVP_PKEY* issuer_key;
};

struct unit_links {
  std::vector<x509_ptr> certs;  ///< the leaves and issuers, decoded once
  std::vector<link> links;
};

x509_ptr decode(const std::vector<std::uint8_t>& der) {
  const unsigned char* p = der.data();
  return {d2i_X509(nullptr, &p, static_cast<long>(der.size())), &X509_free};
}

// The first link of every chain of the unit (unit::chains) that verifies:
// the checked certificate and the issuer its document puts next to it.
unit_links links_of(const unit& u) {
  unit_links out;
  for (const auto& chain : u.chains) {
    if (chain.size() < 2) continue;
    x509_ptr leaf = decode(chain[0]), issuer = decode(chain[1]);
    if (!leaf || !issuer || X509_check_issued(issuer.get(), leaf.get()) != X509_V_OK) continue;
    EVP_PKEY* key = X509_get0_pubkey(issuer.get());
    if (key == nullptr || X509_verify(leaf.get(), key) != 1) continue;
    out.links.push_back({leaf.get(), key});
    out.certs.push_back(std::move(leaf));
    out.certs.push_back(std::move(issuer));
  }
  return out;
}

void bm_leaf_signatures(benchmark::State& s, const std::vector<unit>* units) {
  std::vector<unit_links> all;
  std::size_t count = 0;
  for (const auto& u : *units) {
    all.push_back(links_of(u));
    count += all.back().links.size();
  }
  if (count == 0) {
    s.SkipWithError("no leaf certificate with its issuer in these units");
    return;
  }
  std::uint64_t acc = 0;
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const std::size_t at = i++ % units->size();
    for (const link& l : all[at].links) acc += static_cast<std::uint64_t>(X509_verify(l.leaf, l.issuer_key));
    f.add(1, (*units)[at].bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
  s.counters["links_per_doc"] = static_cast<double>(count) / static_cast<double>(units->size());
}

}  // namespace

void register_signature_floor(const corpus& c) {
  for (api_kind a : all_apis) {
    const api_set& set = c.of(a);
    if (set.units.empty() || !carries_pem(a) || a == api_kind::cas) continue;
    const std::string name = std::string(api_label(a)) + "/floor_leaf_signatures";
    benchmark::RegisterBenchmark(name.c_str(), bm_leaf_signatures, &set.units);
  }
}

}  // namespace bench
