// Fuzz target: the whole pipeline as `alicert check` runs it. Every document
// of the input (a stream, so KMS describe+get pairs fit in one input) is
// parsed, checked, and its record rendered with the renderers the CLI ships
// (alicert_report_render): one JSON line each, and the Prometheus exposition
// of all of them at the end. Properties:
//  - each rendered record is one line of valid JSON (simdjson DOM parses it),
//    error records included;
//  - the exposition is well-formed: HELP and TYPE comments, then samples
//    `name{label="value",...} number`, label values escaped as the format says;
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
#include "json_writer.h"
#include "prometheus.h"
#include "record.h"

namespace {

using namespace alicert;

// ---- the CLI's renderers ----

void render(std::string& line, std::size_t index, std::size_t offset, const document_view& doc,
            const document_report& rep, cli::prometheus_writer& exposition) {
  const cli::output_record r = cli::checked_record("fuzz-input", index, offset, doc, rep);
  cli::render_json_line(line, r);
  exposition.add(r);
}

void expect_one_json_line(simdjson::dom::parser& json, const std::string& line) {
  ALICERT_FUZZ_CHECK(!line.empty() && line.back() == '\n' && line.find('\n') == line.size() - 1,
                     "a rendered record is not exactly one line");
  simdjson::dom::element parsed;
  const auto err = json.parse(line).get(parsed);
  if (err) std::fprintf(stderr, "rendered: %s\n", line.c_str());
  ALICERT_FUZZ_CHECK(!err, "the rendered record is not valid JSON");
}

bool metric_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return !(s[0] >= '0' && s[0] <= '9');
}

// `{name="value",...}` at the start of `s`: its length, 0 when malformed.
std::size_t label_set(std::string_view s) {
  std::size_t i = 1;
  for (;;) {
    const std::size_t eq = s.find('=', i);
    if (eq == std::string_view::npos || !metric_name(s.substr(i, eq - i)) || eq + 1 >= s.size() || s[eq + 1] != '"')
      return 0;
    std::size_t j = eq + 2;
    for (; j < s.size() && s[j] != '"'; ++j)
      if (s[j] == '\\') {
        if (j + 1 >= s.size() || (s[j + 1] != '\\' && s[j + 1] != '"' && s[j + 1] != 'n')) return 0;
        ++j;
      }
    if (j + 1 >= s.size()) return 0;
    if (!fuzz::valid_utf8(s.substr(eq + 2, j - eq - 2))) return 0;
    if (s[j + 1] == '}') return j + 2;
    if (s[j + 1] != ',') return 0;
    i = j + 2;
  }
}

void expect_exposition(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    ALICERT_FUZZ_CHECK(end != std::string_view::npos, "the exposition does not end with a newline");
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) continue;
    std::size_t name_end = 0;
    while (name_end < line.size() && line[name_end] != '{' && line[name_end] != ' ') ++name_end;
    ALICERT_FUZZ_CHECK(metric_name(line.substr(0, name_end)), "an exposition sample without a metric name");
    std::size_t at = name_end;
    if (at < line.size() && line[at] == '{') {
      const std::size_t labels = label_set(line.substr(at));
      ALICERT_FUZZ_CHECK(labels != 0, "an exposition sample with malformed labels");
      at += labels;
    }
    ALICERT_FUZZ_CHECK(at + 1 < line.size() && line[at] == ' ', "an exposition sample without its value");
    const std::string_view value = line.substr(at + 1);
    bool digits = !value.empty();
    for (std::size_t k = 0; k < value.size(); ++k)
      digits = digits && ((value[k] >= '0' && value[k] <= '9') || (k == 0 && value[k] == '-'));
    ALICERT_FUZZ_CHECK(digits, "an exposition sample whose value is not an integer");
  }
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

  // Pass 2: check and render every document, error records too.
  parser p;
  checker c;
  simdjson::dom::parser json;
  cli::prometheus_writer exposition;
  std::string line, again;
  document_stream s(p, input);
  while (s.next()) {
    if (!s.document()) {
      cli::output_record failed;
      failed.input = "fuzz-input";
      failed.index = s.index();
      failed.offset = s.offset();
      failed.error = &s.document().error();
      line.clear();
      cli::render_json_line(line, failed);
      expect_one_json_line(json, line);
      exposition.add(failed);
      continue;
    }
    const document_view& doc = *s.document();
    const auto records = p.records(doc);
    check_options options = base;
    if (doc.kind == api::kms_describe_certificate) options.paired_get = paired;
    const document_report& rep = c.check(doc, options);
    check_report(doc, records, rep, size);
    line.clear();
    render(line, s.index(), s.offset(), doc, rep, exposition);
    expect_one_json_line(json, line);

    // The same checker, again: the same report.
    const document_report& rep2 = c.check(doc, options);
    again.clear();
    cli::prometheus_writer unused;
    render(again, s.index(), s.offset(), doc, rep2, unused);
    ALICERT_FUZZ_CHECK(again == line, "a reused checker reports the same document differently");
  }
  std::string text;
  exposition.finish(text);
  expect_exposition(text);
  return 0;
}
