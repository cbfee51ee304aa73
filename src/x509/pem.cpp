// PEM armour and a table-driven base64 decoder that reads the text in place
// (whole blocks of alphabet characters with SIMD: base64.cpp).
#include "alicert/x509/pem.h"

#include "common/memory.h"

#include <array>
#include <new>

#include "alicert/limits.h"
#include "x509/base64.h"

namespace alicert::x509 {
namespace {

constexpr std::uint8_t k_space = 64;      // ASCII whitespace
constexpr std::uint8_t k_pad = 65;        // '='
constexpr std::uint8_t k_backslash = 66;  // '\' (start of a literal "\n")
constexpr std::uint8_t k_other = 255;

constexpr std::array<std::uint8_t, 256> make_table() {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = k_other;
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::uint8_t i = 0; i < 64; ++i) t[static_cast<unsigned char>(alphabet[i])] = i;
  for (char c : {' ', '\t', '\n', '\r', '\v', '\f'}) t[static_cast<unsigned char>(c)] = k_space;
  t['='] = k_pad;
  t['\\'] = k_backslash;
  return t;
}
constexpr std::array<std::uint8_t, 256> table = make_table();

// What the separators between base64 characters looked like.
struct gaps {
  bool space{false};     // ' ' or '\t'
  bool cr{false};        // a real '\r'
  bool escaped{false};   // the two characters '\' 'n' (or 'r')
  bool newline{false};   // a real or escaped line end
};

enum class run_status { stopped, bad_padding, overflow };

struct run_result {
  run_status status{run_status::stopped};
  std::size_t pos{0};      // where decoding stopped (end, or the offending character)
  std::size_t written{0};
  const char* what{""};
};

void note_space(char c, gaps& g) noexcept {
  if (c == '\n') g.newline = true;
  else if (c == '\r') g.cr = true;
  else if (c == ' ' || c == '\t') g.space = true;
}

// Decodes base64 from text[pos..end) into out until a character that is
// neither alphabet, padding, whitespace nor (when allowed) a literal "\n".
// The caller decides what the stopping character means.
run_result decode_run(std::string_view text, std::size_t pos, bool escapes, std::uint8_t* out,
                      std::size_t cap, gaps& g, internal::base64_kernel kernel) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t end = text.size();
  std::size_t i = pos, w = 0;
  std::uint32_t acc = 0;
  unsigned n = 0, pad = 0;
  auto fail = [&](run_status st, std::size_t at, const char* what) {
    return run_result{st, at, w, what};
  };
  while (i < end) {
    if (n == 0 && pad == 0) {
      // The common case: whole quads of alphabet characters, a SIMD block at a
      // time while there are whole blocks (a PEM line is two AVX2 blocks).
      const internal::base64_blocks blocks = internal::base64_decode_blocks(kernel, s + i, end - i, out + w, cap - w);
      i += blocks.consumed;
      w += blocks.written;
      if (blocks.newline) g.newline = true;
      while (end - i >= 4) {
        const unsigned a = table[s[i]], b = table[s[i + 1]], c = table[s[i + 2]], d = table[s[i + 3]];
        if ((a | b | c | d) >= 64) break;
        if (cap - w < 3) return fail(run_status::overflow, i, "decoded bytes do not fit the output");
        const std::uint32_t v = (a << 18) | (b << 12) | (c << 6) | d;
        out[w] = static_cast<std::uint8_t>(v >> 16);
        out[w + 1] = static_cast<std::uint8_t>(v >> 8);
        out[w + 2] = static_cast<std::uint8_t>(v);
        w += 3;
        i += 4;
      }
      if (i == end) break;
    }
    const unsigned char ch = s[i];
    const std::uint8_t v = table[ch];
    if (v < 64) {
      if (pad != 0) return fail(run_status::bad_padding, i, "base64 data after the padding");
      acc = (acc << 6) | v;
      if (++n == 4) {
        if (cap - w < 3) return fail(run_status::overflow, i, "decoded bytes do not fit the output");
        out[w] = static_cast<std::uint8_t>(acc >> 16);
        out[w + 1] = static_cast<std::uint8_t>(acc >> 8);
        out[w + 2] = static_cast<std::uint8_t>(acc);
        w += 3;
        n = 0;
        acc = 0;
      }
      ++i;
    } else if (v == k_space) {
      note_space(static_cast<char>(ch), g);
      ++i;
    } else if (v == k_backslash && escapes && end - i >= 2 && (s[i + 1] == 'n' || s[i + 1] == 'r')) {
      g.escaped = true;
      g.newline = true;
      i += 2;
    } else if (v == k_pad) {
      if (n < 2 || n + pad >= 4) return fail(run_status::bad_padding, i, "misplaced base64 padding");
      ++pad;
      if (n + pad == 4) {
        const std::size_t bytes = n - 1;
        if (cap - w < bytes) return fail(run_status::overflow, i, "decoded bytes do not fit the output");
        // The low bits of the last character are not part of any byte; OpenSSL ignores them too.
        if (n == 2) {
          out[w] = static_cast<std::uint8_t>(acc >> 4);
        } else {
          out[w] = static_cast<std::uint8_t>(acc >> 10);
          out[w + 1] = static_cast<std::uint8_t>(acc >> 2);
        }
        w += bytes;
        n = 4;  // a full quad: anything but whitespace after it is an error
      }
      ++i;
    } else {
      break;
    }
  }
  if (pad != 0 && n != 4) return fail(run_status::bad_padding, i, "incomplete base64 padding");
  if (pad == 0 && n != 0) return fail(run_status::bad_padding, i, "base64 length is not a multiple of 4");
  return run_result{run_status::stopped, i, w, ""};
}

error pem_error(error_code code, std::size_t offset, const char* what) {
  return error{code, what, {}, offset};
}

bool label_char(char c) noexcept { return c >= 0x20 && c <= 0x7e && c != '-' && c != '\\'; }

// Reads "LABEL-----" at text[pos..]; sets `label` and returns the position after it.
bool read_label(std::string_view text, std::size_t pos, std::string_view& label, std::size_t& after) noexcept {
  std::size_t i = pos;
  while (i < text.size() && label_char(text[i])) ++i;
  if (text.substr(i, 5) != "-----") return false;
  label = text.substr(pos, i - pos);
  after = i + 5;
  return true;
}

// Classifies the text between blocks (or around them): whitespace, literal
// "\n" escapes and explanatory text. Returns the number of line ends seen
// and whether anything else than line ends was there.
struct gap_info {
  unsigned line_ends{0};
  bool other_space{false};  // spaces, tabs, blank-line runs
  bool text{false};
  bool cr{false};
  bool escaped{false};
};

gap_info classify_gap(std::string_view gap) noexcept {
  gap_info info;
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == '\n') {
      ++info.line_ends;
    } else if (c == '\r') {
      info.cr = true;
      if (i + 1 >= gap.size() || gap[i + 1] != '\n') ++info.line_ends;
    } else if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
      info.other_space = true;
    } else if (c == '\\' && i + 1 < gap.size() && (gap[i + 1] == 'n' || gap[i + 1] == 'r')) {
      info.escaped = true;
      if (gap[i + 1] == 'n' || i + 2 >= gap.size() || gap[i + 2] != '\\') ++info.line_ends;
      ++i;
    } else {
      info.text = true;
    }
  }
  return info;
}

}  // namespace

result<std::size_t> base64_decode(std::string_view text, std::span<std::uint8_t> out) noexcept {
  gaps g;
  const run_result r = decode_run(text, 0, false, out.data(), out.size(), g, internal::best_base64_kernel());
  switch (r.status) {
    case run_status::overflow: return pem_error(error_code::certificate_too_large, r.pos, r.what);
    case run_status::bad_padding: return pem_error(error_code::pem_invalid_base64, r.pos, r.what);
    case run_status::stopped: break;
  }
  if (r.pos != text.size())
    return pem_error(error_code::pem_invalid_base64, r.pos, "a character outside the base64 alphabet");
  return r.written;
}

result<std::span<const pem_block>> pem_decoder::decode(std::string_view text, quirk_set* quirks) noexcept {
  if (text.size() > limits::max_document_bytes)
    return pem_error(error_code::document_too_large, 0, "PEM text larger than limits::max_document_bytes");
  blocks_.clear();
  const std::size_t need = base64_max_decoded_size(text.size());
  // Sized once up front, so spans handed out during this call stay valid
  // and nothing below allocates.
  const bool sized = internal::guarded(
      [&] {
        if (buffer_.size() < need) buffer_.resize(need);
        if (blocks_.capacity() < limits::max_pem_blocks) blocks_.reserve(limits::max_pem_blocks);
        return true;
      },
      [] { return false; });
  if (!sized) return internal::out_of_memory_error();

  constexpr std::string_view begin_mark = "-----BEGIN ";
  constexpr std::string_view end_mark = "-----END ";
  std::size_t pos = 0, written = 0;
  quirk_set seen;
  const internal::base64_kernel kernel = internal::best_base64_kernel();
  while (true) {
    const std::size_t b = text.find(begin_mark, pos);
    if (b == std::string_view::npos) break;
    const gap_info before = classify_gap(text.substr(pos, b - pos));
    if (blocks_.empty()) {
      // Explanatory text before the block is RFC 7468's business, not a quirk.
      if (!before.text && (before.line_ends != 0 || before.other_space))
        seen.add(quirk::pem_surrounding_whitespace);
    } else if (before.other_space) {
      seen.add(quirk::pem_spaces_for_newlines);
    }
    if (before.cr) seen.add(quirk::pem_crlf);
    if (before.escaped) seen.add(quirk::pem_escaped_newlines);

    std::string_view label;
    std::size_t body = 0;
    if (!read_label(text, b + begin_mark.size(), label, body))
      return pem_error(error_code::pem_bad_armour, b, "malformed BEGIN line");
    if (blocks_.size() == limits::max_pem_blocks)
      return pem_error(error_code::too_many_pem_blocks, b, "more PEM blocks than limits::max_pem_blocks");

    gaps g;
    const run_result r = decode_run(text, body, true, buffer_.data() + written, need - written, g, kernel);
    if (r.status == run_status::bad_padding)
      return pem_error(error_code::pem_invalid_base64, r.pos, r.what);
    if (r.status == run_status::overflow)
      return pem_error(error_code::document_too_large, r.pos, r.what);
    if (r.pos == text.size())
      return pem_error(error_code::pem_bad_armour, b, "BEGIN line without an END line");
    const std::string_view rest = text.substr(r.pos);
    if (rest.starts_with(end_mark)) {
      std::string_view end_label;
      std::size_t after = 0;
      if (!read_label(text, r.pos + end_mark.size(), end_label, after))
        return pem_error(error_code::pem_bad_armour, r.pos, "malformed END line");
      if (end_label != label)
        return pem_error(error_code::pem_bad_armour, r.pos, "END label differs from the BEGIN label");
      pos = after;
    } else if (rest.starts_with("-----BEGIN")) {
      return pem_error(error_code::pem_bad_armour, b, "BEGIN line without an END line");
    } else {
      return pem_error(error_code::pem_invalid_base64, r.pos,
                       "a character that is neither base64 nor whitespace inside a PEM block");
    }
    if (g.space) seen.add(quirk::pem_spaces_for_newlines);
    if (g.cr) seen.add(quirk::pem_crlf);
    if (g.escaped) seen.add(quirk::pem_escaped_newlines);
    blocks_.push_back(pem_block{label, {buffer_.data() + written, r.written}, b});
    written += r.written;
  }
  if (blocks_.empty()) return pem_error(error_code::pem_no_block, 0, "no -----BEGIN line");

  const gap_info after = classify_gap(text.substr(pos));
  if (pos == text.size()) {
    seen.add(quirk::pem_missing_final_newline);
  } else {
    if (!after.text && (after.line_ends > 1 || after.other_space)) seen.add(quirk::pem_surrounding_whitespace);
    if (after.cr) seen.add(quirk::pem_crlf);
    if (after.escaped) seen.add(quirk::pem_escaped_newlines);
  }
  if (quirks) quirks->merge(seen);
  return std::span<const pem_block>{blocks_};
}

void pem_decoder::wipe() noexcept {
  internal::secure_zero(buffer_.data(), buffer_.size());
  blocks_.clear();
}

}  // namespace alicert::x509
