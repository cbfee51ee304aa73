// The main of the OpenSSL allocation tests: OpenSSL takes memory functions
// only before its first allocation, so they are set here, before anything
// else runs.
#include <gtest/gtest.h>
#include <openssl/crypto.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>

extern std::atomic<std::uint64_t> openssl_allocations;

namespace {

void* counted_malloc(std::size_t n, const char*, int) {
  openssl_allocations.fetch_add(1);
  return std::malloc(n);
}

void* counted_realloc(void* p, std::size_t n, const char*, int) {
  openssl_allocations.fetch_add(1);
  return std::realloc(p, n);
}

void counted_free(void* p, const char*, int) { std::free(p); }

}  // namespace

int main(int argc, char** argv) {
  if (CRYPTO_set_mem_functions(counted_malloc, counted_realloc, counted_free) != 1) return 3;
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
