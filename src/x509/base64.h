// Internal: base64 decoding of whole blocks of alphabet characters with SIMD,
// the kernel chosen at run time from what the CPU has (the library is built
// for the baseline x86-64 target: SSE2 only). pem.cpp decodes everything
// else (whitespace, escapes, padding, errors) and calls this for the runs
// of alphabet characters between them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace alicert::internal {

enum class base64_kernel : std::uint8_t {
  scalar,  ///< no block decoding: pem.cpp's quad loop does it all
  ssse3,   ///< 16 characters to 12 bytes per step (x86-64-v2 has SSSE3)
  avx2,    ///< 32 characters to 24 bytes per step
};

/// The widest kernel this CPU runs (__builtin_cpu_supports; no state kept).
base64_kernel best_base64_kernel() noexcept;

/// What base64_decode_blocks did.
struct base64_blocks {
  std::size_t consumed{0};  ///< characters read
  std::size_t written{0};   ///< bytes written: 3/4 of the alphabet characters read
  bool newline{false};      ///< a line feed was stepped over
};

/// Decodes `text[0..size)` a block of the kernel's width (32 or 16
/// characters) at a time, stepping over line feeds between blocks, while the
/// next block is made of alphabet characters only (A-Z a-z 0-9 + /: no
/// padding, no other whitespace) and its bytes fit `out[0..cap)`. Called at
/// a quad boundary, it reads and writes exactly what decoding four characters
/// at a time, line feeds skipped, would have; the scalar kernel does nothing.
base64_blocks base64_decode_blocks(base64_kernel kernel, const unsigned char* text, std::size_t size,
                                   std::uint8_t* out, std::size_t cap) noexcept;

}  // namespace alicert::internal
