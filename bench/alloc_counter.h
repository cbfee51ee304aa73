// Heap allocation counting for the benchmarks.
//
// alloc_counter.cpp replaces the global operator new/delete of the bench
// binary (every variant), so every C++ allocation in the process is counted:
// alicert, simdjson, JsonCpp, nlohmann, the standard library. OpenSSL does not
// use operator new; its allocations go through CRYPTO_malloc, which
// count_openssl_allocations() redirects to counting functions (it must run
// before OpenSSL allocates anything, i.e. first thing in main).
#pragma once

#include <cstdint>

namespace bench {

struct alloc_totals {
  std::uint64_t cxx_new{0};      ///< operator new calls (every variant)
  std::uint64_t cxx_delete{0};   ///< operator delete calls on non-null pointers
  std::uint64_t openssl{0};      ///< CRYPTO_malloc / CRYPTO_realloc calls
};

/// The totals since the process started.
alloc_totals allocations() noexcept;

/// Redirects OpenSSL's allocator to counting wrappers. False when OpenSSL had
/// already allocated (the counts then miss OpenSSL).
bool count_openssl_allocations() noexcept;

}  // namespace bench
