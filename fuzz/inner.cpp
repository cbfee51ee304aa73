// Fuzz target: the tolerant readers of JSON held inside strings (inner.h).
// A first byte 0..4 picks the reader and the rest is the text:
//   0 read_cas_sans   1 read_name_list(kms)   2 read_name_list(cdn)
//   3 read_tags       4 decode_escaped_json
// Any other first byte (so the plain texts of corpus/inner/, which start with
// `[`, `{`, `"` or a letter) runs the whole input through all five.
// Each reader runs twice on one inner_reader (reuse must not change the
// result). Then, differential with the parser: when the reader accepts the
// text, the same text as the JSON string of the matching response field
// (CAS Sans, KMS SubjectAlternativeNames, CDN DomainList, KMS Tags) must read
// to the same entries.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "alicert/limits.h"
#include "alicert/responses.h"
#include "fuzz_common.h"

namespace {

using alicert::fuzz::fingerprint;

void touch_entries(std::span<const alicert::san_entry> entries, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(entries.size() <= alicert::limits::max_sans, "more names than limits::max_sans");
  for (const auto& e : entries) {
    ALICERT_FUZZ_CHECK(e.type <= alicert::san_type::other, "san_type out of range");
    fp.mix(static_cast<std::uint64_t>(e.type));
    fp.mix(static_cast<std::uint64_t>(e.type_code));
    fp.mix(e.value);
  }
}

void touch_tags(std::span<const alicert::tag> tags, fingerprint& fp) {
  ALICERT_FUZZ_CHECK(tags.size() <= alicert::limits::max_tags, "more tags than limits::max_tags");
  for (const auto& t : tags) {
    fp.mix(t.key);
    fp.mix(t.value);
    fp.mix(t.value_is_escaped_json ? 1u : 0u);
  }
}

template <class T>
std::uint64_t touch_result(const alicert::result<T>& r, std::string_view text, alicert::quirk_set quirks,
                           void (*entries)(T, fingerprint&)) {
  fingerprint fp;
  if (r) {
    entries(*r, fp);
  } else {
    ALICERT_FUZZ_CHECK(r.error().offset <= text.size(), "an inner error's offset lies outside the text");
    alicert::fuzz::touch_error(r.error(), fp);
  }
  quirks.for_each([&](alicert::quirk q) { fp.mix(alicert::quirk_name(q)); });
  return fp.value();
}

// `text` as a JSON string literal (quotes included); false when it is not UTF-8.
bool json_string(std::string_view text, std::string& out) {
  if (!alicert::fuzz::valid_utf8(text)) return false;
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
  return true;
}

bool same_entries(std::span<const alicert::san_entry> a, std::span<const alicert::san_entry> b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].type != b[i].type || a[i].type_code != b[i].type_code || a[i].value != b[i].value) return false;
  return true;
}

bool same_tags(std::span<const alicert::tag> a, std::span<const alicert::tag> b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].key != b[i].key || a[i].value != b[i].value || a[i].value_is_escaped_json != b[i].value_is_escaped_json)
      return false;
  return true;
}

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

// Parses `doc` and returns the names / tags field the selector targets.
const alicert::reported_names* names_field(const alicert::document_view& d, unsigned mode) {
  if (mode == 0 && d.cas) return &d.cas->certificate.sans;
  if (mode == 1 && d.kms_describe) return &d.kms_describe->subject_alternative_names;
  if (mode == 2 && d.cdn && d.cdn->cert_infos.size() == 1) return &d.cdn->cert_infos[0].domain_list;
  return nullptr;
}

void differential(unsigned mode, std::string_view text, std::span<const alicert::san_entry> names,
                  std::span<const alicert::tag> tags) {
  std::string doc;
  switch (mode) {
    case 0: doc = R"({"RequestId":"r","Certificate":{"Identifier":"i","Sans":)"; break;
    case 1: doc = R"({"RequestId":"r","CertificateId":"i","SubjectAlternativeNames":)"; break;
    case 2: doc = R"({"RequestId":"r","CertInfos":{"CertInfo":[{"CertId":"i","DomainList":)"; break;
    default: doc = R"({"RequestId":"r","CertificateId":"i","Tags":)"; break;
  }
  if (!json_string(text, doc)) return;
  doc += mode == 0 ? "}}" : mode == 2 ? "}]}}" : "}";
  const alicert::padded_buffer input(doc);
  alicert::parser p;
  const auto r = p.parse(input);
  // The field cannot make the document fail: an inner text the reader accepts
  // is read; one that is only whitespace is absent.
  ALICERT_FUZZ_CHECK(r.has_value(), "a document fails on an inner text the inner reader accepts");
  if (mode == 3) {
    const alicert::reported_tags& t = r->kms_describe->tags;
    ALICERT_FUZZ_CHECK(t.state == alicert::field_state::present, "parser and inner reader disagree on Tags");
    ALICERT_FUZZ_CHECK(same_tags(t.entries, tags), "parser and inner reader read different Tags");
    return;
  }
  const alicert::reported_names* n = names_field(*r, mode);
  ALICERT_FUZZ_CHECK(n != nullptr, "the wrapped document is not recognised");
  if (blank(text)) {
    ALICERT_FUZZ_CHECK(n->state == alicert::field_state::absent, "blank list text is not absent");
    return;
  }
  ALICERT_FUZZ_CHECK(n->state == alicert::field_state::present, "parser and inner reader disagree on a list");
  ALICERT_FUZZ_CHECK(same_entries(n->entries, names), "parser and inner reader read different lists");
}

void run(unsigned mode, const std::uint8_t* data, std::size_t n) {
  // The text in a buffer of exactly its size, so any over-read is seen.
  auto bytes = std::make_unique<char[]>(n == 0 ? 1 : n);
  for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<char>(data[i]);
  const std::string_view text(bytes.get(), n);
  alicert::inner_reader reader;
  std::uint64_t first = 0;
  for (int round = 0; round < 2; ++round) {
    alicert::quirk_set quirks;
    std::uint64_t fp = 0;
    switch (mode) {
      case 0: {
        auto r = reader.read_cas_sans(text, quirks);
        fp = touch_result(r, text, quirks, touch_entries);
        if (round == 1 && r) differential(mode, text, *r, {});
        break;
      }
      case 1:
      case 2: {
        const auto kind = mode == 1 ? alicert::name_list_kind::kms_subject_alternative_names
                                    : alicert::name_list_kind::cdn_domain_list;
        auto r = reader.read_name_list(text, kind, quirks);
        fp = touch_result(r, text, quirks, touch_entries);
        if (r)
          for (const auto& e : *r)
            ALICERT_FUZZ_CHECK(!e.value.empty() && e.type == alicert::san_type::unspecified,
                               "read_name_list yields an empty or typed name (empty entries are dropped)");
        if (round == 1 && r) differential(mode, text, *r, {});
        break;
      }
      case 3: {
        auto r = reader.read_tags(text, quirks);
        fp = touch_result(r, text, quirks, touch_tags);
        if (round == 1 && r) differential(mode, text, {}, *r);
        break;
      }
      default: {
        std::string out;
        auto r = alicert::decode_escaped_json(text, out);
        fingerprint f;
        if (r) {
          ALICERT_FUZZ_CHECK(r->size() <= text.size(), "decode_escaped_json made the text longer");
          f.mix(*r);
        } else {
          alicert::fuzz::touch_error(r.error(), f);
        }
        fp = f.value();
        break;
      }
    }
    if (round == 0) first = fp;
    else ALICERT_FUZZ_CHECK(fp == first, "a reused inner_reader reads the same text differently");
  }
  alicert::fuzz::consume(first);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size != 0 && data[0] <= 4) {
    run(data[0], data + 1, size - 1);
  } else {
    for (unsigned mode = 0; mode <= 4; ++mode) run(mode, data, size);
  }
  return 0;
}
