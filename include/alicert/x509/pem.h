// alicert x509: PEM text (RFC 7468) in every shape the APIs send it, and base64.
//
// Accepted shapes, each noted as a quirk: CRLF line ends (pem_crlf), the two
// characters `\n` / `\r` left in the text by a double JSON escape
// (pem_escaped_newlines), spaces or tabs where newlines belong, also a whole
// block on one line (pem_spaces_for_newlines), no newline after the last END
// line (pem_missing_final_newline), whitespace before the first BEGIN or more
// than one line end after the last END (pem_surrounding_whitespace), and any
// number of blocks in a row. Text outside the blocks that is not whitespace
// is explanatory text (RFC 7468 section 5.2) and is ignored, as OpenSSL does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "alicert/error.h"
#include "alicert/export.h"
#include "alicert/quirks.h"

namespace alicert::x509 {

/// Upper bound of the bytes base64 text of `text_size` characters decodes to.
constexpr std::size_t base64_max_decoded_size(std::size_t text_size) noexcept {
  return text_size / 4 * 3 + 3;
}

/// Decodes standard base64 (RFC 4648 section 4, `+` and `/`, `=` padding
/// required) into `out`, skipping ASCII whitespace anywhere. Returns the
/// number of bytes written. Errors: pem_invalid_base64 for a character outside
/// the alphabet and whitespace, misplaced or missing padding, or data after
/// the padding (offset = its position in `text`); certificate_too_large when the
/// decoded bytes do not fit `out` (base64_max_decoded_size(text.size()) always does).
/// Bits below the last full byte are ignored, as OpenSSL ignores them.
ALICERT_API result<std::size_t> base64_decode(std::string_view text, std::span<std::uint8_t> out) noexcept;

/// One `-----BEGIN label----- ... -----END label-----` block.
struct pem_block {
  std::string_view label;             ///< e.g. "CERTIFICATE", "PUBLIC KEY"; borrows the decoded text
  std::span<const std::uint8_t> der;  ///< the decoded bytes; borrows the decoder's buffer
  std::size_t offset{0};              ///< offset of `-----BEGIN` in the text
};

/// Decodes PEM text into DER blocks, reusing its storage from call to call:
/// after the first calls it allocates nothing. Not thread-safe; use one per thread.
class pem_decoder {
 public:
  pem_decoder() = default;

  /// Decodes every block of `text`, in order, and notes in `quirks` (may be
  /// null) how the text strays from the canonical shape. The blocks and their
  /// `der` spans stay valid until the next decode() or the decoder's
  /// destruction; their `label`s borrow `text`. Errors (offset = position in
  /// `text`): pem_no_block when there is no BEGIN line; pem_bad_armour for a
  /// BEGIN without its END, or labels that differ; pem_invalid_base64 for
  /// anything else between the armour lines, or bad padding;
  /// too_many_pem_blocks past limits::max_pem_blocks; document_too_large for text
  /// larger than limits::max_document_bytes or when the buffer cannot be allocated.
  ALICERT_API result<std::span<const pem_block>> decode(std::string_view text, quirk_set* quirks) noexcept;

  /// Overwrites the decoded bytes with zeros, in a way the compiler keeps:
  /// for a decoder that has read a private key. The last result dies with them.
  ALICERT_API void wipe() noexcept;

 private:
  std::vector<std::uint8_t> buffer_;
  std::vector<pem_block> blocks_;
};

}  // namespace alicert::x509
