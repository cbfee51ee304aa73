// Fuzz target: pem_decoder and base64_decode over any text.
// Properties:
//  - every block's label lies in the text, its offset points at its BEGIN line,
//    and all blocks fit base64_max_decoded_size(text);
//  - a reused decoder decodes the same text the same way;
//  - round trip: each block re-armoured canonically (64-column base64, LF,
//    final newline) decodes to one block, same label and bytes, no quirk;
//  - a text decoded without any quirk, whose first block is laid out in
//    lines as RFC 7468 writes them, is read the same by OpenSSL's
//    PEM_read_bio (same label and bytes for the first block);
//  - base64_decode never overflows an output of base64_max_decoded_size, and
//    base64 of the input bytes decodes back to them.
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/limits.h"
#include "alicert/x509/pem.h"
#include "fuzz_common.h"

namespace {

using alicert::x509::pem_block;

std::string base64(std::span<const std::uint8_t> bytes, std::size_t wrap) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t column = 0;
  auto put = [&](char c) {
    out += c;
    if (wrap != 0 && ++column == wrap) {
      out += '\n';
      column = 0;
    }
  };
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
    put(alphabet[(v >> 18) & 63]);
    put(alphabet[(v >> 12) & 63]);
    put(alphabet[(v >> 6) & 63]);
    put(alphabet[v & 63]);
  }
  if (bytes.size() - i == 1) {
    const std::uint32_t v = std::uint32_t{bytes[i]} << 16;
    put(alphabet[(v >> 18) & 63]);
    put(alphabet[(v >> 12) & 63]);
    put('=');
    put('=');
  } else if (bytes.size() - i == 2) {
    const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8);
    put(alphabet[(v >> 18) & 63]);
    put(alphabet[(v >> 12) & 63]);
    put(alphabet[(v >> 6) & 63]);
    put('=');
  }
  if (wrap != 0 && column != 0) out += '\n';
  return out;
}

bool same_bytes(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

void round_trip(const pem_block& block) {
  std::string armoured = "-----BEGIN ";
  armoured.append(block.label);
  armoured += "-----\n";
  armoured += base64(block.der, 64);
  armoured += "-----END ";
  armoured.append(block.label);
  armoured += "-----\n";
  const std::string label(block.label);
  const std::vector<std::uint8_t> der(block.der.begin(), block.der.end());

  alicert::x509::pem_decoder again;
  alicert::quirk_set quirks;
  auto r = again.decode(armoured, &quirks);
  ALICERT_FUZZ_CHECK(r.has_value(), "a block re-armoured canonically does not decode");
  ALICERT_FUZZ_CHECK(r->size() == 1, "a block re-armoured canonically gives another number of blocks");
  ALICERT_FUZZ_CHECK((*r)[0].label == label, "a block re-armoured canonically changes its label");
  ALICERT_FUZZ_CHECK(same_bytes((*r)[0].der, der), "a block re-armoured canonically changes its bytes");
  ALICERT_FUZZ_CHECK((*r)[0].offset == 0, "the canonical block is not at offset 0");
  ALICERT_FUZZ_CHECK(quirks.empty(), "the canonical PEM form is reported with a quirk");
}

// OpenSSL reads a strict PEM text the way alicert does.
void against_openssl(std::string_view text, const pem_block& first) {
  ERR_set_mark();
  BIO* bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
  char* name = nullptr;
  char* header = nullptr;
  unsigned char* data = nullptr;
  long len = 0;
  const int ok = bio ? PEM_read_bio(bio, &name, &header, &data, &len) : 0;
  if (ok) {
    // OpenSSL reads RFC 1421 headers (Proc-Type: ...), which alicert refuses as
    // base64; a strict text accepted by alicert has none.
    ALICERT_FUZZ_CHECK(header == nullptr || header[0] == '\0', "OpenSSL found PEM headers alicert decoded as base64");
    if (std::string_view(name) != first.label || !same_bytes({data, static_cast<std::size_t>(len)}, first.der))
      std::fprintf(stderr, "OpenSSL: label [%s], %ld bytes; alicert: label [%.*s], %zu bytes at offset %zu\n", name, len,
                   static_cast<int>(first.label.size()), first.label.data(), first.der.size(), first.offset);
    ALICERT_FUZZ_CHECK(std::string_view(name) == first.label, "OpenSSL reads another label");
    ALICERT_FUZZ_CHECK(same_bytes({data, static_cast<std::size_t>(len)}, first.der),
                       "OpenSSL decodes other bytes from a strict PEM block");
  }
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(data);
  BIO_free(bio);
  ERR_pop_to_mark();
  // OpenSSL refusing a text alicert reads strictly is not checked: OpenSSL
  // wants lines of at most 64 (80) characters and refuses some it could read.
}

// The block at `at`: BEGIN at a line start and alone on its line, then lines
// of 1..64 base64 characters, then END at a line start.
bool strict_lines(std::string_view text, std::size_t at) {
  if (at != 0 && text[at - 1] != '\n') return false;
  std::size_t nl = text.find('\n', at);
  if (nl == text.npos || text.substr(at, nl - at).find("-----", 11) != nl - at - 5) return false;
  for (std::size_t pos = nl + 1; pos < text.size();) {
    if (text.substr(pos).starts_with("-----END ")) return true;
    nl = text.find('\n', pos);
    if (nl == text.npos || nl == pos || nl - pos > 64) return false;
    for (std::size_t i = pos; i < nl; ++i) {
      const char c = text[i];
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
            c == '='))
        return false;
    }
    pos = nl + 1;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = std::make_unique<char[]>(size == 0 ? 1 : size);
  if (size) std::memcpy(bytes.get(), data, size);
  const std::string_view text(bytes.get(), size);

  alicert::x509::pem_decoder decoder;
  alicert::fuzz::fingerprint first;
  for (int round = 0; round < 2; ++round) {
    alicert::quirk_set quirks;
    alicert::fuzz::fingerprint fp;
    auto r = decoder.decode(text, &quirks);
    if (r) {
      ALICERT_FUZZ_CHECK(!r->empty(), "decode succeeds with no block");
      ALICERT_FUZZ_CHECK(r->size() <= alicert::limits::max_pem_blocks, "more blocks than limits::max_pem_blocks");
      std::size_t total = 0, previous = 0;
      for (const pem_block& b : *r) {
        ALICERT_FUZZ_CHECK(b.offset < text.size() && text.substr(b.offset).starts_with("-----BEGIN "),
                           "a block's offset is not at its BEGIN line");
        ALICERT_FUZZ_CHECK(b.offset >= previous, "blocks out of order");
        previous = b.offset + 1;
        ALICERT_FUZZ_CHECK(b.label.data() >= text.data() && b.label.data() + b.label.size() <= text.data() + text.size(),
                           "a label does not borrow the text");
        total += b.der.size();
        fp.mix(b.label);
        fp.mix(b.der);
        fp.mix(static_cast<std::uint64_t>(b.offset));
      }
      ALICERT_FUZZ_CHECK(total <= alicert::x509::base64_max_decoded_size(text.size()),
                         "blocks larger than base64_max_decoded_size");
      if (round == 1) {
        for (const pem_block& b : *r) round_trip(b);
        // OpenSSL reads line by line: the comparison holds for a first block
        // laid out in lines as RFC 7468 writes them (alicert also takes the
        // armour mid-line, base64 on the BEGIN line, blank lines; see README).
        if (quirks.empty() && strict_lines(text, (*r)[0].offset)) against_openssl(text, (*r)[0]);
      }
    } else {
      ALICERT_FUZZ_CHECK(r.error().offset <= text.size(), "a PEM error's offset lies outside the text");
      alicert::fuzz::touch_error(r.error(), fp);
    }
    quirks.for_each([&](alicert::quirk q) { fp.mix(alicert::quirk_name(q)); });
    if (round == 0) first = fp;
    else ALICERT_FUZZ_CHECK(fp.value() == first.value(), "a reused pem_decoder decodes the same text differently");
  }

  // base64_decode: the documented bound always suffices.
  std::vector<std::uint8_t> out(alicert::x509::base64_max_decoded_size(size));
  auto n = alicert::x509::base64_decode(text, out);
  if (n) {
    ALICERT_FUZZ_CHECK(*n <= out.size(), "base64_decode wrote more than it has");
  } else {
    ALICERT_FUZZ_CHECK(n.error().code != alicert::error_code::certificate_too_large,
                       "base64_decode overflows base64_max_decoded_size");
    ALICERT_FUZZ_CHECK(n.error().offset <= size, "a base64 error's offset lies outside the text");
  }
  // ... and base64 of any bytes decodes back to them (wrapped or on one line).
  for (std::size_t wrap : {std::size_t{0}, std::size_t{76}}) {
    const std::string encoded = base64({data, size}, wrap);
    std::vector<std::uint8_t> back(alicert::x509::base64_max_decoded_size(encoded.size()));
    auto m = alicert::x509::base64_decode(encoded, back);
    ALICERT_FUZZ_CHECK(m.has_value() && *m == size && same_bytes({back.data(), *m}, {data, size}),
                       "base64 of the input does not decode back to it");
  }
  alicert::fuzz::consume(first.value());
  return 0;
}
