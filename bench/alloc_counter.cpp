// Counting replacements of the global allocation functions ([new.delete]):
// every variant forwards to malloc/posix_memalign/free and bumps a counter.
#include "alloc_counter.h"

#include <atomic>
#include <cstdlib>
#include <new>

#include <openssl/crypto.h>

namespace {

std::atomic<std::uint64_t> g_new{0};
std::atomic<std::uint64_t> g_delete{0};
std::atomic<std::uint64_t> g_openssl{0};

void* counted_alloc(std::size_t size) noexcept {
  g_new.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}

void* counted_aligned_alloc(std::size_t size, std::align_val_t align) noexcept {
  g_new.fetch_add(1, std::memory_order_relaxed);
  std::size_t a = static_cast<std::size_t>(align);
  if (a < sizeof(void*)) a = sizeof(void*);
  void* p = nullptr;
  if (posix_memalign(&p, a, size == 0 ? 1 : size) != 0) return nullptr;
  return p;
}

void counted_free(void* p) noexcept {
  if (p == nullptr) return;
  g_delete.fetch_add(1, std::memory_order_relaxed);
  std::free(p);
}

void* ossl_malloc(std::size_t n, const char*, int) {
  g_openssl.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n);
}
void* ossl_realloc(void* p, std::size_t n, const char*, int) {
  g_openssl.fetch_add(1, std::memory_order_relaxed);
  return std::realloc(p, n);
}
void ossl_free(void* p, const char*, int) { std::free(p); }

}  // namespace

namespace bench {

alloc_totals allocations() noexcept {
  return {g_new.load(std::memory_order_relaxed), g_delete.load(std::memory_order_relaxed),
          g_openssl.load(std::memory_order_relaxed)};
}

bool count_openssl_allocations() noexcept {
  return CRYPTO_set_mem_functions(ossl_malloc, ossl_realloc, ossl_free) == 1;
}

}  // namespace bench

// ---- the replaceable global allocation functions ----

void* operator new(std::size_t size) {
  if (void* p = counted_alloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_alloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted_alloc(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted_alloc(size); }
void* operator new(std::size_t size, std::align_val_t align) {
  if (void* p = counted_aligned_alloc(size, align)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) {
  if (void* p = counted_aligned_alloc(size, align)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return counted_aligned_alloc(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return counted_aligned_alloc(size, align);
}

void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }
