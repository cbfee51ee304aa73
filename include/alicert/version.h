// alicert: the library's version.
#pragma once

#include <string_view>

#include "alicert/export.h"

namespace alicert {

inline constexpr int version_major = 0;
inline constexpr int version_minor = 1;
inline constexpr int version_patch = 0;

/// The version of the alicert library linked in, e.g. "0.1.0".
ALICERT_API std::string_view version() noexcept;

}  // namespace alicert
