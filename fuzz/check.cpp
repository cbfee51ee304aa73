// Fuzz target: the whole pipeline as `alicert check` runs it. Every document
// of the input (a stream, so KMS describe+get pairs fit in one input) is
// parsed, checked, and its report rendered as one JSON line with a small
// local writer (the CLI's renderer lives in the CLI, not the library).
// Properties:
//  - the rendered line is valid JSON (simdjson DOM parses it);
//  - one certificate_report per record, each pointing to its record;
//  - findings in check_id order, names and statuses known,
//    offsets inside the input, failed() as the statuses say;
//  - facts: nothing when not decoded; serial lower-case hex without leading
//    zeros; fingerprints hex of the right length; names and key algorithm as
//    facts.h lists them;
//  - the document's quirks are in the report's;
//  - a reused checker reports the same document identically.
// A kms.DescribeCertificate gets the input's first kms.GetCertificate as its
// pair (whatever its CertificateId: pairing is the CLI's job, and a wrong
// pair must not hurt the checker).
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "alicert/check.h"
#include "alicert/responses.h"
#include "fuzz_common.h"

namespace {

using namespace alicert;

// ---- a tiny JSON writer: escapes everything, replaces invalid UTF-8 ----

class writer {
 public:
  explicit writer(std::string& out) : out_(out) {}
  void begin_object() { value_start(); out_ += '{'; first_ = true; }
  void end_object() { out_ += '}'; first_ = false; }
  void begin_array() { value_start(); out_ += '['; first_ = true; }
  void end_array() { out_ += ']'; first_ = false; }
  void key(std::string_view k) { value_start(); quote(k); out_ += ':'; after_key_ = true; }
  void string(std::string_view s) { value_start(); quote(s); }
  void optional(std::string_view s) { s.empty() ? null() : string(s); }
  void number(std::int64_t n) { value_start(); out_ += std::to_string(n); }
  void boolean(bool b) { value_start(); out_ += b ? "true" : "false"; }
  void null() { value_start(); out_ += "null"; }

 private:
  void value_start() {
    if (after_key_) { after_key_ = false; return; }
    if (!first_) out_ += ',';
    first_ = false;
  }
  void quote(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t i = 0;
    while (i < s.size()) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '"' || c == '\\') { out_ += '\\'; out_ += static_cast<char>(c); ++i; continue; }
      if (c < 0x20) { out_ += "\\u00"; out_ += hex[c >> 4]; out_ += hex[c & 15]; ++i; continue; }
      if (c < 0x80) { out_ += static_cast<char>(c); ++i; continue; }
      const std::size_t n = utf8_length(s.substr(i));
      if (n == 0) { out_ += "\\ufffd"; ++i; continue; }
      out_.append(s.substr(i, n));
      i += n;
    }
    out_ += '"';
  }
  // Length of the valid UTF-8 sequence at the start of `s`, 0 when invalid.
  static std::size_t utf8_length(std::string_view s) {
    const auto c = static_cast<unsigned char>(s[0]);
    const std::size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
    if (n == 0 || c > 0xf4 || s.size() < n) return 0;
    return fuzz::valid_utf8(s.substr(0, n)) ? n : 0;
  }
  std::string& out_;
  bool first_{true};
  bool after_key_{false};
};

void render_time(writer& w, utc_seconds t) { w.number(t.time_since_epoch().count()); }

void render(std::string& line, const document_view& doc, const document_report& rep) {
  writer w(line);
  w.begin_object();
  w.key("api");
  w.string(api_name(doc.kind));
  w.key("offset");
  w.number(static_cast<std::int64_t>(doc.offset));
  w.key("request_id");
  w.optional(doc.request_id.text);
  if (doc.error) {
    w.key("error");
    w.begin_object();
    w.key("code");
    w.optional(doc.error->code.text);
    w.key("message");
    w.optional(doc.error->message.text);
    w.end_object();
  }
  w.key("quirks");
  w.begin_array();
  rep.quirks.for_each([&](quirk q) { w.string(quirk_name(q)); });
  w.end_array();
  w.key("failed");
  w.boolean(rep.failed());
  w.key("certificates");
  w.begin_array();
  for (const certificate_report& c : rep.certificates) {
    const certificate_facts& f = c.facts;
    w.begin_object();
    w.key("id");
    w.optional(c.id.text);
    w.key("decoded");
    w.boolean(f.decoded);
    w.key("serial");
    f.decoded ? w.string(f.serial) : w.null();
    w.key("not_before");
    f.decoded && f.not_before_known ? render_time(w, f.not_before) : w.null();
    w.key("not_after");
    f.decoded && f.not_after_known ? render_time(w, f.not_after) : w.null();
    w.key("subject");
    f.decoded ? w.string(f.subject) : w.null();
    w.key("issuer");
    f.decoded ? w.string(f.issuer) : w.null();
    w.key("sans");
    w.begin_array();
    for (const certificate_san& s : f.sans) {
      w.begin_object();
      w.key("type");
      w.string(san_kind_name(s.type));
      w.key("value");
      w.string(s.value);
      w.end_object();
    }
    w.end_array();
    w.key("sha256");
    w.optional(f.sha256);
    w.key("md5");
    w.optional(f.md5);
    w.key("key_algorithm");
    w.optional(f.key_algorithm);
    w.key("key_size");
    f.key_size ? w.number(f.key_size) : w.null();
    w.key("signature_algorithm");
    w.optional(f.signature_algorithm);
    w.key("validity_at_now");
    f.decoded ? w.string(validity_state_name(f.validity_at_now)) : w.null();
    w.key("quirks");
    w.begin_array();
    c.quirks.for_each([&](quirk q) { w.string(quirk_name(q)); });
    w.end_array();
    w.key("findings");
    w.begin_array();
    for (const finding& x : c.findings) {
      w.begin_object();
      w.key("check");
      w.string(check_name(x.check));
      w.key("status");
      w.string(status_name(x.status));
      w.key("field");
      w.string(x.field);
      w.key("reported");
      w.optional(x.reported);
      w.key("actual");
      w.optional(x.actual);
      w.key("note");
      w.optional(x.note);
      w.key("offset");
      w.number(static_cast<std::int64_t>(x.offset));
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  line += '\n';
}

bool lower_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

void check_report(const document_view& doc, std::span<const certificate_record> records,
                  const document_report& rep, std::size_t input_size) {
  ALICERT_FUZZ_CHECK(rep.certificates.size() == records.size(), "one certificate_report per record");
  bool any_failed = false;
  quirk_set all = rep.quirks;
  quirk_set doc_quirks = doc.quirks;
  doc_quirks.merge(all);
  ALICERT_FUZZ_CHECK(doc_quirks == all, "the document's quirks are not in the report's");
  for (std::size_t i = 0; i < rep.certificates.size(); ++i) {
    const certificate_report& c = rep.certificates[i];
    ALICERT_FUZZ_CHECK(c.id.state == records[i].id.state && c.id.text == records[i].id.text,
                       "a certificate_report's id is not its record's");
    quirk_set q = c.quirks;
    q.merge(all);
    ALICERT_FUZZ_CHECK(q == all, "a certificate's quirks are not in the document report's");
    int previous = -1;
    bool failed = false;
    for (const finding& f : c.findings) {
      ALICERT_FUZZ_CHECK(static_cast<unsigned>(f.check) < check_count, "check_id out of range");
      ALICERT_FUZZ_CHECK(f.status <= finding_status::unverifiable, "finding_status out of range");
      // Strictly increasing: one finding per check per certificate, in check_id order.
      ALICERT_FUZZ_CHECK(static_cast<int>(f.check) > previous, "findings not one per check in check_id order");
      previous = static_cast<int>(f.check);
      const std::string_view cn = check_name(f.check), sn = status_name(f.status);
      ALICERT_FUZZ_CHECK(!cn.empty() && cn != "unknown" && !sn.empty() && sn != "unknown", "a name is missing");
      ALICERT_FUZZ_CHECK(!f.field.empty(), "a finding without its field name");
      ALICERT_FUZZ_CHECK(f.offset < input_size || f.offset == 0, "a finding's offset lies outside the input");
      if (f.status == finding_status::absent)
        ALICERT_FUZZ_CHECK(f.reported.empty(), "an absent finding with a reported value");
      failed |= is_failure(f.status);
    }
    ALICERT_FUZZ_CHECK(c.failed() == failed, "certificate_report::failed() disagrees with its findings");
    any_failed |= failed;

    const certificate_facts& f = c.facts;
    if (!f.decoded) {
      ALICERT_FUZZ_CHECK(f.serial.empty() && f.subject.empty() && f.issuer.empty() && f.sans.empty() &&
                             f.sha256.empty() && f.md5.empty() && f.key_size == 0,
                         "facts of an undecoded certificate are not empty");
      continue;
    }
    // Lower-case hex without leading zeros, `-` before a negative one's magnitude.
    const std::string_view magnitude = f.serial.starts_with('-') ? f.serial.substr(1) : f.serial;
    ALICERT_FUZZ_CHECK(!magnitude.empty() && lower_hex(magnitude) && (magnitude == "0" || magnitude[0] != '0') &&
                           f.serial != "-0",
                       "facts.serial is not lower-case hex without leading zeros");
    ALICERT_FUZZ_CHECK(f.sha256.empty() || (f.sha256.size() == 64 && lower_hex(f.sha256)), "facts.sha256");
    ALICERT_FUZZ_CHECK(f.md5.empty() || (f.md5.size() == 32 && lower_hex(f.md5)), "facts.md5");
    ALICERT_FUZZ_CHECK(fuzz::valid_utf8(f.subject) && fuzz::valid_utf8(f.issuer), "an RFC 4514 name is not UTF-8");
    const std::string_view k = f.key_algorithm;
    ALICERT_FUZZ_CHECK(k == "RSA" || k == "EC" || k == "SM2" || k == "Ed25519" || k == "Ed448" || k == "unknown",
                       "facts.key_algorithm is none of those facts.h lists");
    ALICERT_FUZZ_CHECK(f.key_size >= 0, "negative key size");
    ALICERT_FUZZ_CHECK(!f.signature_algorithm.empty(), "no signature algorithm name");
    ALICERT_FUZZ_CHECK(f.validity_at_now <= validity_state::not_yet_valid, "validity_state out of range");
    for (const certificate_san& s : f.sans)
      ALICERT_FUZZ_CHECK(s.type <= san_kind::uri, "san_kind out of range");
  }
  ALICERT_FUZZ_CHECK(rep.failed() == any_failed, "document_report::failed() disagrees with its certificates");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const padded_buffer input(std::string_view(reinterpret_cast<const char*>(data), size));
  check_options base;
  base.now = utc_seconds{std::chrono::seconds{civil_to_epoch(2026, 6, 1, 0, 0, 0)}};

  // Pass 1: the first kms.GetCertificate, kept alive in a parser of its own.
  parser pair_parser;
  std::optional<padded_buffer> get_text;
  const kms_get_view* paired = nullptr;
  {
    parser p;
    document_stream s(p, input);
    while (s.next()) {
      if (s.document() && s.document()->kind == api::kms_get_certificate) {
        get_text.emplace(s.text());
        auto r = pair_parser.parse(*get_text);
        ALICERT_FUZZ_CHECK(r.has_value() && r->kms_get, "a GetCertificate reads differently on its own");
        paired = r->kms_get;
        break;
      }
    }
  }

  // Pass 2: check and render every document.
  parser p;
  checker c;
  simdjson::dom::parser json;
  std::string line, again;
  document_stream s(p, input);
  while (s.next()) {
    if (!s.document()) continue;
    const document_view& doc = *s.document();
    const auto records = p.records(doc);
    check_options options = base;
    if (doc.kind == api::kms_describe_certificate) options.paired_get = paired;
    const document_report& rep = c.check(doc, options);
    check_report(doc, records, rep, size);
    line.clear();
    render(line, doc, rep);
    simdjson::dom::element parsed;
    const auto err = json.parse(line).get(parsed);
    if (err) std::fprintf(stderr, "rendered: %s\n", line.c_str());
    ALICERT_FUZZ_CHECK(!err, "the rendered report is not valid JSON");

    // The same checker, again: the same report.
    const document_report& rep2 = c.check(doc, options);
    again.clear();
    render(again, doc, rep2);
    ALICERT_FUZZ_CHECK(again == line, "a reused checker reports the same document differently");
  }
  return 0;
}
