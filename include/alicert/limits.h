// alicert: the documented limits. Input past any of these is refused with a
// typed error (see error.h) instead of consuming unbounded time or memory.
#pragma once

#include <cstddef>

namespace alicert::limits {

/// Largest single response document, in bytes (error_code::document_too_large).
inline constexpr std::size_t max_document_bytes = 8u * 1024u * 1024u;

/// Deepest JSON nesting accepted in a document (error_code::depth_exceeded).
/// The real responses nest four levels; the margin is for unknown fields.
inline constexpr std::size_t max_depth = 32;

/// Most certificates in one CDN `CertInfos` list (error_code::too_many_certificates).
inline constexpr std::size_t max_certificates = 1024;

/// Most entries in one SAN or domain list (error_code::too_many_sans).
inline constexpr std::size_t max_sans = 4096;

/// Most tags on one certificate (error_code::too_many_tags).
inline constexpr std::size_t max_tags = 1024;

/// Most PEM blocks in one PEM field, e.g. a chain (error_code::too_many_pem_blocks).
inline constexpr std::size_t max_pem_blocks = 16;

/// Longest single JSON string value, in bytes (error_code::string_too_long).
inline constexpr std::size_t max_string_bytes = 1024u * 1024u;

/// Largest DER certificate the x509 reader accepts, in bytes.
inline constexpr std::size_t max_certificate_bytes = 256u * 1024u;

}  // namespace alicert::limits
