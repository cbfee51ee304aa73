// alicert itself: parse (every field of the view touched), parse + full check,
// check alone, its PEM decoder and DER reader, and the scaling benchmarks
// (CDN lists, chains, a 10,000-document stream).
#include <chrono>
#include <memory>
#include <string>
#include <type_traits>

#include "alicert/check/checker.h"
#include "alicert/responses/parser.h"
#include "alicert/x509/certificate.h"
#include "alicert/x509/pem.h"
#include "certificates.h"
#include "harness.h"
#include "responses/schema.h"
#include "responses/schemas/api_error.h"
#include "responses/schemas/cas.h"
#include "responses/schemas/cdn.h"
#include "responses/schemas/cdn_domain.h"
#include "responses/schemas/kms.h"
#include "responses/schemas/slb.h"
#include "responses/schemas/ssl.h"

namespace bench {
namespace {

using namespace alicert;

alicert::utc_seconds now() { return alicert::utc_seconds{std::chrono::seconds{reference_now()}}; }

// ---- touching every field of a view ----
// Through the schemas (src/responses/schemas), so a field added there is
// touched here without a change.

template <class T>
void touch(std::uint64_t& acc, const reported<T>& r) {
  acc += static_cast<std::uint64_t>(r.state) + r.offset + r.text.size();
  if constexpr (std::is_same_v<T, std::string_view>) {
    acc += r.value.size();
  } else if constexpr (std::is_same_v<T, utc_seconds>) {
    acc += static_cast<std::uint64_t>(r.value.time_since_epoch().count());
  } else {
    acc += static_cast<std::uint64_t>(r.value);
  }
}
void touch(std::uint64_t& acc, const reported_names& r) {
  acc += static_cast<std::uint64_t>(r.state) + r.offset + r.text.size();
  for (const auto& e : r.entries) acc += static_cast<std::uint64_t>(e.type) + static_cast<std::uint64_t>(e.type_code) + e.value.size();
}
void touch(std::uint64_t& acc, const reported_tags& r) {
  acc += static_cast<std::uint64_t>(r.state) + r.offset + r.text.size();
  for (const auto& t : r.entries) acc += t.key.size() + t.value.size() + (t.value_is_escaped_json ? 1u : 0u);
}

template <const auto& Schema, class View>
void touch_view(std::uint64_t& acc, const View& v) {
  for (const auto& f : Schema) {
    switch (f.slot.kind) {
      case internal::member_kind::text: touch(acc, v.*f.slot.text); break;
      case internal::member_kind::integer: touch(acc, v.*f.slot.integer); break;
      case internal::member_kind::boolean: touch(acc, v.*f.slot.boolean); break;
      case internal::member_kind::time: touch(acc, v.*f.slot.time); break;
      case internal::member_kind::names: touch(acc, v.*f.slot.names); break;
      case internal::member_kind::tags: touch(acc, v.*f.slot.tags); break;
    }
  }
}

void touch(std::uint64_t& acc, const document_view& d) {
  namespace s = internal::schemas;
  acc += static_cast<std::uint64_t>(d.kind) + d.json.size();
  touch(acc, d.request_id);
  if (d.cas) {
    touch_view<s::cas_certificate>(acc, d.cas->certificate);
    touch_view<s::cas_root>(acc, *d.cas);
  } else if (d.kms_describe) {
    touch_view<s::kms_describe>(acc, *d.kms_describe);
  } else if (d.kms_get) {
    touch_view<s::kms_get>(acc, *d.kms_get);
  } else if (d.cdn) {
    for (const auto& c : d.cdn->cert_infos) touch_view<s::cdn_cert_info>(acc, c);
    touch_view<s::cdn_root>(acc, *d.cdn);
  } else if (const auto* g = d.cas_detail) {
    touch_view<s::gucd>(acc, *g);
    acc += static_cast<std::uint64_t>(g->cert_chain.state) + g->cert_chain.offset;
    for (const auto& e : g->cert_chain.entries) touch_view<s::gucd_chain_entry>(acc, e);
  } else if (d.cas_orders) {
    for (const auto& o : d.cas_orders->orders) touch_view<s::luco_entry>(acc, o);
    touch_view<s::luco_root>(acc, *d.cas_orders);
  } else if (d.cdn_domain) {
    // DCDN fills the same view through its own key names; its schema lacks
    // CertStartTime and DomainCnameStatus, which stay absent.
    for (const auto& c : d.cdn_domain->cert_infos) {
      if (d.kind == api::dcdn_describe_domain_certificate_info) touch_view<s::dcdn_domain_entry>(acc, c);
      else touch_view<s::cdn_domain_entry>(acc, c);
    }
    touch_view<s::cdn_domain_root>(acc, *d.cdn_domain);
  } else if (d.slb) {
    for (const auto& c : d.slb->server_certificates) touch_view<s::slb_entry>(acc, c);
    touch_view<s::slb_root>(acc, *d.slb);
  } else if (d.error) {
    touch_view<s::api_error>(acc, *d.error);
  }
}

struct check_tally {
  std::size_t errors{0};
  std::size_t failed{0};
  std::size_t decoded{0};  ///< certificates with facts: for luco/slb, shows the entries paired
  /// First links (the checked certificate and its issuer) that verified: the
  /// signatures floor_leaf_signatures verifies (bench_signature_floor.cpp).
  std::size_t leaf_links{0};
};

void touch(std::uint64_t& acc, const document_report& r, check_tally& t) {
  if (r.out_of_memory) {
    ++t.errors;
    return;
  }
  for (const auto& c : r.certificates) {
    t.decoded += c.facts.decoded ? 1u : 0u;
    acc += c.facts.serial.size() + c.facts.subject.size() + static_cast<std::uint64_t>(c.facts.key_size);
    for (const auto& f : c.findings) acc += static_cast<std::uint64_t>(f.status) + f.actual.size() + f.note.size();
    for (const auto& l : c.chain) acc += static_cast<std::uint64_t>(l.status);
    if (!c.chain.empty() && c.chain.front().status == link_status::verified) ++t.leaf_links;
  }
  if (r.failed()) ++t.failed;
}

void report_tally(benchmark::State& s, const check_tally& t, double docs) {
  if (docs <= 0) docs = 1;
  s.counters["check_errors_per_doc"] = static_cast<double>(t.errors) / docs;
  s.counters["failed_per_doc"] = static_cast<double>(t.failed) / docs;
  s.counters["decoded_certs_per_doc"] = static_cast<double>(t.decoded) / docs;
  s.counters["leaf_links_per_doc"] = static_cast<double>(t.leaf_links) / docs;
}

// ---- per API ----

// Parses every document of `u` with `p`, touching every field.
bool parse_unit(parser& p, const unit& u, std::uint64_t& acc) {
  for (const auto& d : u.docs) {
    auto doc = p.parse(d.padded);
    if (!doc) return false;
    touch(acc, *doc);
  }
  return true;
}

// Parses and checks `u`: KMS checks the GetCertificate, then the
// DescribeCertificate paired with it (second parser), as `alicert check` does.
struct parse_check_state {
  parser main;
  parser paired;
  checker check;
};

void parse_check_unit(parse_check_state& st, const unit& u, std::uint64_t& acc, check_tally& t) {
  check_options how;
  how.now = now();
  how.certificates = u.partners;
  if (u.docs.size() == 2) {
    auto get = st.paired.parse(u.docs[0].padded);
    if (!get) { ++t.errors; return; }
    touch(acc, *get);
    touch(acc, st.check.check(*get, how), t);
    auto describe = st.main.parse(u.docs[1].padded);
    if (!describe) { ++t.errors; return; }
    touch(acc, *describe);
    how.paired_get = get->kms_get;
    touch(acc, st.check.check(*describe, how), t);
    return;
  }
  auto doc = st.main.parse(u.docs[0].padded);
  if (!doc) { ++t.errors; return; }
  touch(acc, *doc);
  touch(acc, st.check.check(*doc, how), t);
}

void bm_parse(benchmark::State& s, const std::vector<unit>* units) {
  parser p;
  std::uint64_t acc = 0;
  for (const auto& u : *units)
    if (!parse_unit(p, u, acc)) s.SkipWithError(("alicert refused " + u.name).c_str());
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    parse_unit(p, u, acc);
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

void bm_parse_check(benchmark::State& s, const std::vector<unit>* units, double certs_per_doc) {
  auto st = std::make_unique<parse_check_state>();
  std::uint64_t acc = 0;
  check_tally warm;
  for (const auto& u : *units) parse_check_unit(*st, u, acc, warm);
  check_tally t;
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    parse_check_unit(*st, u, acc, t);
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end(certs_per_doc > 0 ? certs_per_doc * static_cast<double>(s.iterations()) : -1);
  report_tally(s, t, static_cast<double>(s.iterations()));
}

// Check alone: every document parsed once, by a parser of its own, before the loop.
void bm_check_only(benchmark::State& s, const std::vector<unit>* units) {
  struct parsed {
    std::vector<std::unique_ptr<parser>> parsers;
    std::vector<document_view> docs;
  };
  std::vector<parsed> all;
  for (const auto& u : *units) {
    parsed p;
    for (const auto& d : u.docs) {
      p.parsers.push_back(std::make_unique<parser>());
      auto doc = p.parsers.back()->parse(d.padded);
      if (!doc) {
        s.SkipWithError(("alicert refused " + d.name).c_str());
        return;
      }
      p.docs.push_back(*doc);
    }
    all.push_back(std::move(p));
  }
  checker c;
  std::uint64_t acc = 0;
  check_tally t;
  auto run = [&](const parsed& p, const unit& u, check_tally& tally) {
    check_options how;
    how.now = now();
    how.certificates = u.partners;
    for (std::size_t k = 0; k < p.docs.size(); ++k) {
      const document_view& d = p.docs[k];
      if (d.kind == api::kms_describe_certificate && p.docs.size() == 2) how.paired_get = p.docs[0].kms_get;
      touch(acc, c.check(d, how), tally);
    }
  };
  check_tally warm;
  for (std::size_t k = 0; k < all.size(); ++k) run(all[k], (*units)[k], warm);
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const std::size_t k = i++ % all.size();
    run(all[k], (*units)[k], t);
    f.add(1, (*units)[k].bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
  report_tally(s, t, static_cast<double>(s.iterations()));
}

void bm_pem_decode(benchmark::State& s, const std::vector<unit>* units) {
  x509::pem_decoder dec;
  std::uint64_t acc = 0;
  for (const auto& u : *units)
    for (const auto& p : u.pems)
      if (auto b = dec.decode(p, nullptr)) acc += b->size();
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    for (const auto& p : u.pems) {
      quirk_set q;
      auto b = dec.decode(p, &q);
      if (b) acc += b->size();
    }
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

void bm_read_certificate(benchmark::State& s, const std::vector<unit>* units) {
  std::uint64_t acc = 0;
  frame f(s);
  std::size_t i = 0;
  f.begin();
  for (auto _ : s) {
    const unit& u = (*units)[i++ % units->size()];
    for (const auto& der : u.cert_ders) {
      auto c = x509::read_certificate(der);
      if (c) acc += c->serial.size() + c->public_key.key_bits;
    }
    f.add(1, u.bytes);
  }
  benchmark::DoNotOptimize(acc);
  f.end();
}

// ---- streams ----

void bm_stream(benchmark::State& s, const std::string* text, std::size_t documents, bool check) {
  padded_buffer input(*text);
  parser p;
  checker c;
  std::uint64_t acc = 0;
  check_tally t;
  auto pass = [&](check_tally& tally) {
    document_stream stream(p, input);
    std::size_t n = 0;
    while (stream.next()) {
      ++n;
      const auto& doc = stream.document();
      if (!doc) {
        ++tally.errors;
        continue;
      }
      touch(acc, *doc);
      if (check) {
        check_options how;
        how.now = now();
        touch(acc, c.check(*doc, how), tally);
      }
    }
    return n;
  };
  check_tally warm;
  if (pass(warm) != documents) s.SkipWithError("the stream does not hold the expected number of documents");
  frame f(s);
  f.begin();
  for (auto _ : s) {
    pass(t);
    f.add(documents, text->size());
  }
  benchmark::DoNotOptimize(acc);
  f.end();
  report_tally(s, t, static_cast<double>(s.iterations()) * static_cast<double>(documents));
}

// Storage for the generated documents (registered benchmarks keep pointers).
struct generated {
  std::vector<std::vector<unit>> singles;
  std::vector<std::string> streams;
};
generated& store() {
  static generated g = [] {
    generated r;
    r.singles.reserve(64);  // registered benchmarks point into these: never reallocate
    r.streams.reserve(8);
    return r;
  }();
  return g;
}

}  // namespace

void register_alicert(const corpus& c) {
  for (api_kind a : all_apis) {
    const api_set& set = c.of(a);
    if (set.units.empty()) continue;
    const std::string p = std::string(api_label(a)) + "/";
    const auto* units = &set.units;
    benchmark::RegisterBenchmark((p + "alicert_parse").c_str(), bm_parse, units);
    benchmark::RegisterBenchmark((p + "alicert_parse_check").c_str(), bm_parse_check, units, 0.0);
    benchmark::RegisterBenchmark((p + "alicert_check_only").c_str(), bm_check_only, units);
    if (!carries_pem(a)) continue;
    benchmark::RegisterBenchmark((p + "alicert_pem_decode").c_str(), bm_pem_decode, units);
    benchmark::RegisterBenchmark((p + "alicert_read_certificate").c_str(), bm_read_certificate, units);
  }

  generated& g = store();
  if (!c.cdn.units.empty()) {
    for (std::size_t n : {1u, 10u, 100u}) {
      if (!wanted("scale/cdn_list_" + std::to_string(n) + "/alicert_parse_check") &&
          !wanted("scale/cdn_list_" + std::to_string(n) + "/alicert_parse"))
        continue;
      g.singles.emplace_back();
    g.singles.back().push_back(make_cdn_list(c.cdn.units.front(), n));
      const auto* units = &g.singles.back();
      const std::string p = "scale/cdn_list_" + std::to_string(n) + "/";
      benchmark::RegisterBenchmark((p + "alicert_parse").c_str(), bm_parse, units);
      benchmark::RegisterBenchmark((p + "alicert_parse_check").c_str(), bm_parse_check, units,
                                   static_cast<double>(n));
    }
  }
  for (std::size_t k = 1; k <= 4; ++k) {
    if (!wanted("scale/chain_" + std::to_string(k) + "/alicert_parse_check")) continue;
    g.singles.emplace_back();
    g.singles.back().push_back(make_chain_document(k));
    const auto* units = &g.singles.back();
    const std::string p = "scale/chain_" + std::to_string(k) + "/";
    benchmark::RegisterBenchmark((p + "alicert_parse_check").c_str(), bm_parse_check, units, 0.0);
  }
  constexpr std::size_t stream_documents = 10000;
  if (!wanted("scale/stream_10000/alicert_parse") && !wanted("scale/stream_10000/alicert_parse_check")) return;
  g.streams.push_back(make_stream({&c.cas, &c.kms, &c.cdn}, stream_documents));
  if (!g.streams.back().empty()) {
    const auto* text = &g.streams.back();
    benchmark::RegisterBenchmark("scale/stream_10000/alicert_parse", bm_stream, text, stream_documents, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("scale/stream_10000/alicert_parse_check", bm_stream, text, stream_documents, true)
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace bench
