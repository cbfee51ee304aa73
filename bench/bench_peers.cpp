// The peers: what people would use instead of alicert.
//   jsoncpp_sdk     JsonCpp, fields extracted as the official C++ SDK's models do
//   nlohmann        nlohmann::json, same models, same style
//   openssl_check   the usual OpenSSL check over the SDK models (check alone)
//   sdk_openssl     both: SDK parse + the usual OpenSSL check (end to end)
//   d2i_X509        OpenSSL's DER parser alone, every certificate of the document
//   mbedtls_der     mbedTLS mbedtls_x509_crt_parse_der, the second X.509 anchor
#include <memory>
#include <string>
#include <vector>

#include <mbedtls/x509_crt.h>
#include <openssl/x509.h>

#include "certificates.h"
#include "harness.h"
#include "naive_openssl.h"
#include "sdk_models.h"
#include "sdk_models_siblings.h"

namespace bench {
namespace {

struct models {
  sdk::cas_result cas;
  sdk::kms_get_result get;
  sdk::kms_describe_result describe;
  sdk::cdn_result cdn;
  sdk::gucd_result gucd;
  sdk::luco_result luco;
  sdk::cdn_domain_result cdn_domain;
  sdk::dcdn_result dcdn;
  sdk::slb_result slb;
};

enum class json_peer { jsoncpp, nlohmann };

// Parses the documents of `u` into fresh models, as an SDK result object is
// built per response. False when the peer threw. The sibling APIs have
// JsonCpp models only (registration asks nlohmann for cas, kms, cdn alone).
bool parse_models(api_kind a, json_peer peer, const unit& u, models& m) {
  try {
    auto run = [&](const std::string& text, auto& out) {
      if (peer == json_peer::jsoncpp) sdk::parse_jsoncpp(text, out);
      else sdk::parse_nlohmann(text, out);
    };
    const std::string& text = u.docs[0].text;
    switch (a) {
      case api_kind::cas: run(u.docs[0].text, m.cas); break;
      case api_kind::kms:
        run(u.docs[0].text, m.get);
        run(u.docs[1].text, m.describe);
        break;
      case api_kind::cdn: run(u.docs[0].text, m.cdn); break;
      case api_kind::gucd: sdk::parse_jsoncpp(text, m.gucd); break;
      case api_kind::luco: sdk::parse_jsoncpp(text, m.luco); break;
      case api_kind::cdn_domain: sdk::parse_jsoncpp(text, m.cdn_domain); break;
      case api_kind::dcdn: sdk::parse_jsoncpp(text, m.dcdn); break;
      case api_kind::slb: sdk::parse_jsoncpp(text, m.slb); break;
    }
    return true;
  } catch (...) {
    return false;
  }
}

std::uint64_t weight(const models& m) {
  return m.cas.certificate.x509Certificate.size() + m.get.certificate.size() + m.describe.serial.size() +
         m.cdn.certInfos.size() + m.gucd.cert.size() + m.luco.certificateOrderList.size() +
         m.cdn_domain.certInfos.size() + m.dcdn.certInfos.size() + m.slb.serverCertificates.size();
}

void check_models(api_kind a, const models& m, naive::tally& t) {
  switch (a) {
    case api_kind::cas: naive::check(m.cas, reference_now(), t); break;
    case api_kind::kms: naive::check(m.describe, m.get, reference_now(), t); break;
    case api_kind::cdn: naive::check(m.cdn, reference_now(), t); break;
    case api_kind::gucd: naive::check(m.gucd, reference_now(), t); break;
    case api_kind::cdn_domain: naive::check(m.cdn_domain, reference_now(), t); break;
    case api_kind::dcdn: naive::check(m.dcdn, reference_now(), t); break;
    case api_kind::luco:  // no PEM: no OpenSSL check registered
    case api_kind::slb: break;
  }
}

void bm_json_peer(benchmark::State& s, api_kind a, json_peer peer, const std::vector<unit>* units) {
  std::uint64_t acc = 0;
  std::size_t exceptions = 0;
  for (const auto& u : *units) {
    models m;
    parse_models(a, peer, u, m);
  }
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    models m;
    if (!parse_models(a, peer, u, m)) ++exceptions;
    acc += weight(m);
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
  s.counters["peer_exceptions_per_doc"] = static_cast<double>(exceptions) / static_cast<double>(s.iterations());
}

void bm_openssl_check(benchmark::State& s, api_kind a, bool with_parse, const std::vector<unit>* units) {
  std::vector<models> parsed(units->size());
  for (std::size_t k = 0; k < units->size(); ++k) parse_models(a, json_peer::jsoncpp, (*units)[k], parsed[k]);
  naive::tally warm;
  for (const auto& m : parsed) check_models(a, m, warm);
  naive::tally t;
  std::uint64_t acc = 0;
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const std::size_t k = i++ % units->size();
    if (with_parse) {
      models m;
      parse_models(a, json_peer::jsoncpp, (*units)[k], m);
      check_models(a, m, t);
      acc += weight(m);
    } else {
      check_models(a, parsed[k], t);
    }
    f.add(1, (*units)[k].bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
  const double docs = static_cast<double>(s.iterations());
  s.counters["checks_per_doc"] = static_cast<double>(t.checks) / docs;
  s.counters["mismatches_per_doc"] = static_cast<double>(t.mismatches) / docs;
}

void bm_d2i(benchmark::State& s, const std::vector<unit>* units) {
  std::uint64_t acc = 0;
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    for (const auto& der : u.cert_ders) {
      const unsigned char* p = der.data();
      X509* x = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
      acc += x ? 1 : 0;
      X509_free(x);
    }
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

void bm_mbedtls(benchmark::State& s, const std::vector<unit>* units) {
  std::uint64_t acc = 0;
  std::size_t refused = 0;
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    for (const auto& der : u.cert_ders) {
      mbedtls_x509_crt crt;
      mbedtls_x509_crt_init(&crt);
      if (mbedtls_x509_crt_parse_der(&crt, der.data(), der.size()) == 0) acc += crt.version;
      else ++refused;
      mbedtls_x509_crt_free(&crt);
    }
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
  s.counters["refused_per_doc"] = static_cast<double>(refused) / static_cast<double>(s.iterations());
}

std::vector<std::vector<unit>>& chain_store() {
  static std::vector<std::vector<unit>> g = [] {
    std::vector<std::vector<unit>> r;
    r.reserve(8);
    return r;
  }();
  return g;
}

}  // namespace

void register_peers(const corpus& c) {
  for (api_kind a : all_apis) {
    const api_set& set = c.of(a);
    if (set.units.empty()) continue;
    const std::string p = std::string(api_label(a)) + "/";
    const auto* units = &set.units;
    benchmark::RegisterBenchmark((p + "peer_jsoncpp_sdk").c_str(), bm_json_peer, a, json_peer::jsoncpp, units);
    if (a == api_kind::cas || a == api_kind::kms || a == api_kind::cdn)
      benchmark::RegisterBenchmark((p + "peer_nlohmann").c_str(), bm_json_peer, a, json_peer::nlohmann, units);
    if (!carries_pem(a)) continue;
    benchmark::RegisterBenchmark((p + "peer_openssl_check").c_str(), bm_openssl_check, a, false, units);
    benchmark::RegisterBenchmark((p + "peer_sdk_openssl").c_str(), bm_openssl_check, a, true, units);
    benchmark::RegisterBenchmark((p + "peer_d2i_X509").c_str(), bm_d2i, units);
    benchmark::RegisterBenchmark((p + "peer_mbedtls_der").c_str(), bm_mbedtls, units);
  }
  auto& chains = chain_store();
  for (std::size_t k = 1; k <= 4; ++k) {
    if (!wanted("scale/chain_" + std::to_string(k) + "/peer_sdk_openssl")) continue;
    chains.emplace_back();
    chains.back().push_back(make_chain_document(k));
    const std::string p = "scale/chain_" + std::to_string(k) + "/";
    benchmark::RegisterBenchmark((p + "peer_sdk_openssl").c_str(), bm_openssl_check, api_kind::cdn, true,
                                 &chains.back());
  }
}

}  // namespace bench
