// The floors: what no parser or checker of these documents can avoid.
//   simdjson_walk   a bare simdjson On-Demand walk touching every value once
//                   (same simdjson, same kernel as alicert: compiled here);
//   sha256_md5      the two digests of the DER the CAS check must compute
//                   (EVP, digests fetched once, one reused context);
//   sha256_md5_lowlevel  the same through OpenSSL's low-level SHA256_* and
//                   MD5_* functions (deprecated in 3.0, same assembly, no
//                   provider round trip and no allocation);
//   sha256_md5_interleaved  the low-level functions a 64-byte block of each in
//                   turn, as alicert computes the pair: the fastest way known
//                   here, so the floor bench.sh divides by is the least of the three;
//   base64          alicert's base64 decoder over every PEM body of the document.
#include <algorithm>
#include <string>
#include <vector>

#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/sha.h>
#include <simdjson.h>

#include "alicert/responses/padded.h"
#include "alicert/x509/pem.h"
#include "harness.h"

namespace bench {
namespace {

namespace od = simdjson::ondemand;

simdjson::error_code walk(od::value v, std::uint64_t& acc) noexcept {
  od::json_type t;
  if (auto e = v.type().get(t)) return e;
  switch (t) {
    case od::json_type::object: {
      od::object o;
      if (auto e = v.get_object().get(o)) return e;
      for (auto f : o) {
        od::field field;
        if (auto e = std::move(f).get(field)) return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return e;
        acc += key.size();
        if (auto e = walk(field.value(), acc)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::array: {
      od::array a;
      if (auto e = v.get_array().get(a)) return e;
      for (auto item : a) {
        od::value iv;
        if (auto e = item.get(iv)) return e;
        if (auto e = walk(iv, acc)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return e;
      acc += s.size();
      return simdjson::SUCCESS;
    }
    case od::json_type::number: {
      od::number n;
      if (auto e = v.get_number().get(n)) return e;
      acc += static_cast<std::uint64_t>(n.as_double());
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (auto e = v.get_bool().get(b)) return e;
      acc += b ? 1u : 0u;
      return simdjson::SUCCESS;
    }
    case od::json_type::null: {
      bool n = false;
      if (auto e = v.is_null().get(n)) return e;
      return n ? simdjson::SUCCESS : simdjson::INCORRECT_TYPE;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

bool walk_unit(od::parser& p, const unit& u, std::uint64_t& acc) noexcept {
  for (const auto& d : u.docs) {
    od::document doc;
    if (p.iterate(d.padded.data(), d.padded.size(), d.padded.size() + alicert::padding).get(doc)) return false;
    od::value root;
    if (doc.get_value().get(root)) return false;
    if (walk(root, acc)) return false;
  }
  return true;
}

void bm_simdjson_walk(benchmark::State& s, const std::vector<unit>* units) {
  od::parser p;
  std::uint64_t acc = 0;
  for (const auto& u : *units)
    if (!walk_unit(p, u, acc)) s.SkipWithError(("simdjson refused " + u.name).c_str());
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    walk_unit(p, u, acc);
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

void bm_sha256_md5(benchmark::State& s, const std::vector<unit>* units) {
  EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_MD* md5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  std::uint64_t acc = 0;
  auto digest = [&](EVP_MD* md, const std::vector<std::uint8_t>& der) {
    EVP_DigestInit_ex(ctx, md, nullptr);
    EVP_DigestUpdate(ctx, der.data(), der.size());
    EVP_DigestFinal_ex(ctx, out, &len);
    acc += out[0] + len;
  };
  for (const auto& u : *units) {
    digest(sha256, u.cert_ders.front());
    digest(md5, u.cert_ders.front());
  }
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    digest(sha256, u.cert_ders.front());
    digest(md5, u.cert_ders.front());
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
  EVP_MD_CTX_free(ctx);
  EVP_MD_free(md5);
  EVP_MD_free(sha256);
}

// OpenSSL 3.0 deprecates these in favour of EVP; they are measured because
// EVP allocates a provider context on every EVP_DigestInit_ex.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
void bm_sha256_md5_lowlevel(benchmark::State& s, const std::vector<unit>* units, bool interleaved) {
  unsigned char out[SHA256_DIGEST_LENGTH + MD5_DIGEST_LENGTH];
  std::uint64_t acc = 0;
  auto digest = [&](const std::vector<std::uint8_t>& der) {
    SHA256_CTX sha;
    MD5_CTX md5;
    SHA256_Init(&sha);
    MD5_Init(&md5);
    if (interleaved) {
      for (std::size_t at = 0; at < der.size(); at += 64) {
        const std::size_t n = std::min<std::size_t>(64, der.size() - at);
        MD5_Update(&md5, der.data() + at, n);
        SHA256_Update(&sha, der.data() + at, n);
      }
    } else {
      SHA256_Update(&sha, der.data(), der.size());
      MD5_Update(&md5, der.data(), der.size());
    }
    SHA256_Final(out, &sha);
    MD5_Final(out + SHA256_DIGEST_LENGTH, &md5);
    acc += out[0] + out[SHA256_DIGEST_LENGTH];
  };
  for (const auto& u : *units) digest(u.cert_ders.front());
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    digest(u.cert_ders.front());
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}
#pragma GCC diagnostic pop

void bm_base64(benchmark::State& s, const std::vector<unit>* units) {
  std::size_t largest = 0;
  for (const auto& u : *units)
    for (const auto& b : u.base64_bodies) largest = std::max(largest, alicert::x509::base64_max_decoded_size(b.size()));
  std::vector<std::uint8_t> out(largest + 1);
  std::uint64_t acc = 0;
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    for (const auto& b : u.base64_bodies) {
      auto n = alicert::x509::base64_decode(b, out);
      if (n) acc += *n;
    }
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

}  // namespace

void register_floors(const corpus& c) {
  for (api_kind a : all_apis) {
    const api_set& set = c.of(a);
    if (set.units.empty()) continue;
    const std::string p = std::string(api_label(a)) + "/";
    benchmark::RegisterBenchmark((p + "floor_simdjson_walk").c_str(), bm_simdjson_walk, &set.units);
    if (!carries_pem(a)) continue;
    // The digest floors: CAS as before, and every PEM API added after it
    // (KMS and CDN ByID never had them; kept so, their names unchanged).
    if (a != api_kind::kms && a != api_kind::cdn) {
      benchmark::RegisterBenchmark((p + "floor_sha256_md5").c_str(), bm_sha256_md5, &set.units);
      benchmark::RegisterBenchmark((p + "floor_sha256_md5_lowlevel").c_str(), bm_sha256_md5_lowlevel, &set.units,
                                   false);
      benchmark::RegisterBenchmark((p + "floor_sha256_md5_interleaved").c_str(), bm_sha256_md5_lowlevel,
                                   &set.units, true);
    }
    benchmark::RegisterBenchmark((p + "floor_base64").c_str(), bm_base64, &set.units);
  }
}

}  // namespace bench
