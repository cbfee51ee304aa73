// Shared by the benchmark files: the measurement frame every benchmark uses
// (items = documents, bytes = document bytes, allocations per document), the
// loaded corpus, and the registration entry points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "alloc_counter.h"
#include "corpus.h"

namespace bench {

/// Everything the benchmarks run on, loaded once before registration.
struct corpus {
  std::string dir;
  api_set cas, kms, cdn, gucd, luco, cdn_domain, dcdn, slb;
  /// The gucd documents' certificates, offered to the luco and slb units
  /// (their `partners` point here: never moved once filled).
  partner_store partners;
  [[nodiscard]] api_set& of(api_kind a) noexcept {
    switch (a) {
      case api_kind::cas: return cas;
      case api_kind::kms: return kms;
      case api_kind::cdn: return cdn;
      case api_kind::gucd: return gucd;
      case api_kind::luco: return luco;
      case api_kind::cdn_domain: return cdn_domain;
      case api_kind::dcdn: return dcdn;
      case api_kind::slb: return slb;
    }
    return cas;
  }
  [[nodiscard]] const api_set& of(api_kind a) const noexcept { return const_cast<corpus*>(this)->of(a); }
};

/// Counts what happens between begin() (call it right before the timed loop,
/// after a warm-up pass) and end(): documents, bytes, allocations.
class frame {
 public:
  explicit frame(benchmark::State& s) : state_(s) {}
  void begin() noexcept { before_ = allocations(); }
  void add(std::size_t documents, std::size_t bytes) noexcept {
    documents_ += documents;
    bytes_ += bytes;
  }
  /// `items` overrides what items_per_second counts (default: documents).
  void end(double items = -1) {
    const alloc_totals after = allocations();
    const double docs = documents_ ? static_cast<double>(documents_) : 1.0;
    const double iters = state_.iterations() ? static_cast<double>(state_.iterations()) : 1.0;
    state_.SetItemsProcessed(static_cast<std::int64_t>(items < 0 ? static_cast<double>(documents_) : items));
    state_.SetBytesProcessed(static_cast<std::int64_t>(bytes_));
    state_.counters["docs_per_iter"] = docs / iters;
    state_.counters["allocs_per_doc"] = static_cast<double>(after.cxx_new - before_.cxx_new) / docs;
    state_.counters["ossl_allocs_per_doc"] = static_cast<double>(after.openssl - before_.openssl) / docs;
  }

 private:
  benchmark::State& state_;
  alloc_totals before_{};
  std::size_t documents_{0};
  std::size_t bytes_{0};
};

/// True when the --benchmark_filter selects a benchmark named `name` (used to
/// skip building documents for benchmarks that will not run).
bool wanted(const std::string& name);

void register_alicert(const corpus& c);
void register_floors(const corpus& c);
void register_signature_floor(const corpus& c);
void register_peers(const corpus& c);
void register_chains();

}  // namespace bench
