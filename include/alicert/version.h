// alicert: the library's version. This header is the one place the version is
// written: CMake reads the three numbers below (project(VERSION), the SONAME,
// the package version files), so they can never disagree.
#pragma once

#include <string_view>

#include "alicert/export.h"

#define ALICERT_VERSION_MAJOR 0
#define ALICERT_VERSION_MINOR 1
#define ALICERT_VERSION_PATCH 0

namespace alicert {

inline constexpr int version_major = ALICERT_VERSION_MAJOR;
inline constexpr int version_minor = ALICERT_VERSION_MINOR;
inline constexpr int version_patch = ALICERT_VERSION_PATCH;

/// The version of the alicert library linked in, e.g. "0.1.0": compare it
/// with the version_* constants to tell the headers from the binary.
ALICERT_API std::string_view version() noexcept;

}  // namespace alicert
