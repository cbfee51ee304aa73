// Internal: what the three halves of names share (reading a Name, rendering it,
// parsing reported DN text): a value that is no readable string is written as
// RFC 4514 writes it, `#` and the lower-case hex of its DER.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace alicert::internal {

/// Appends `#` and the lower-case hex of `der` to `out`.
void append_hex_value(std::span<const std::uint8_t> der, std::string& out);

}  // namespace alicert::internal
