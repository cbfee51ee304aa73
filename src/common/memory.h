// Internal: the out-of-memory policy, in one place. Internal code grows
// standard containers (the reusable buffers of parsers, decoders and
// checkers, which grow only for a document larger than any before) and may
// meet std::bad_alloc. Every public entry point that can allocate runs its
// body through guarded(), which reports the failure as
// error_code::out_of_memory; the object stays usable. Nothing else in the
// library throws or catches.
#pragma once

#include <cstddef>
#include <exception>
#include <type_traits>

#include "alicert/error.h"

namespace alicert::internal {

inline error out_of_memory_error() noexcept { return error{error_code::out_of_memory, "out of memory", {}, 0}; }

/// `body()`, or `on_failure()` when memory ran out (std::bad_alloc, or a
/// std::length_error from a container asked to grow past its limit).
template <class Body, class OnFailure>
auto guarded(Body&& body, OnFailure&& on_failure) noexcept -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception&) {
    return on_failure();
  }
}

/// `body()` returning a result<T>; out of memory becomes its error.
template <class Body>
auto guarded(Body&& body) noexcept -> decltype(body()) {
  return guarded(static_cast<Body&&>(body), [] { return decltype(body())(out_of_memory_error()); });
}

/// Overwrites `n` bytes at `p` with zeros through a volatile pointer, which
/// the compiler may not drop as a dead store: for memory that held a private key.
inline void secure_zero(void* p, std::size_t n) noexcept {
  volatile unsigned char* q = static_cast<volatile unsigned char*>(p);
  for (std::size_t i = 0; i < n; ++i) q[i] = 0;
}

}  // namespace alicert::internal
