// The checker: every reported field of a document against its certificate
// (spec/responses.md, the rightmost column; spec/report.md).
#include "alicert/check/checker.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "algorithms.h"
#include "alicert/check/compare.h"
#include "alicert/x509/certificate.h"
#include "alicert/x509/general_name.h"
#include "alicert/x509/name.h"
#include "alicert/x509/oid.h"
#include "alicert/x509/pem.h"
#include "arena.h"
#include "common/ascii.h"

namespace alicert {

namespace {

// Leaves the OpenSSL error queue as it was found.
class openssl_error_mark {
 public:
  openssl_error_mark() noexcept { ERR_set_mark(); }
  ~openssl_error_mark() { ERR_pop_to_mark(); }
  openssl_error_mark(const openssl_error_mark&) = delete;
  openssl_error_mark& operator=(const openssl_error_mark&) = delete;
};

struct md_free {
  void operator()(EVP_MD* md) const noexcept { EVP_MD_free(md); }
};
using md_ptr = std::unique_ptr<EVP_MD, md_free>;

md_ptr fetch_md(const char* name) noexcept {
  openssl_error_mark mark;
  return md_ptr(EVP_MD_fetch(nullptr, name, nullptr));
}

struct md_ctx_free {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
using md_ctx_ptr = std::unique_ptr<EVP_MD_CTX, md_ctx_free>;

// One digest with its own context: EVP_Digest allocates a context and the
// provider's state on every call; a context kept for one algorithm is
// re-initialised in place.
struct digester {
  explicit digester(const char* name) noexcept : md(fetch_md(name)), ctx(EVP_MD_CTX_new()) {}
  bool run(std::span<const std::uint8_t> data, unsigned char* out, unsigned int& size) const noexcept {
    return md && ctx && EVP_DigestInit_ex2(ctx.get(), md.get(), nullptr) == 1 &&
           EVP_DigestUpdate(ctx.get(), data.data(), data.size()) == 1 &&
           EVP_DigestFinal_ex(ctx.get(), out, &size) == 1;
  }
  md_ptr md;
  md_ctx_ptr ctx;
};

}  // namespace

namespace internal {

struct checker_state {
  digester sha256{"SHA256"};
  digester md5{"MD5"};
  digester sha1{"SHA1"};

  x509::pem_decoder pem_cert;   // the certificate (and, for CDN, its chain)
  x509::pem_decoder pem_chain;  // KMS CertificateChain
  x509::pem_decoder pem_aux;    // KMS Csr / SubjectPublicKey
  x509::name_set subject_set, issuer_set, reported_set, chain_a, chain_b;

  check_detail::text_arena arena;
  std::string join;       // building notes and lists
  std::string name_text;  // format_name output
  std::vector<char> chars;
  std::vector<std::uint8_t> bytes;

  struct ranges {
    std::size_t findings_begin, findings_end, sans_begin, sans_end;
  };
  std::vector<finding> findings;
  std::vector<certificate_san> sans;
  std::vector<certificate_report> reports;
  std::vector<ranges> report_ranges;
};

}  // namespace internal

namespace {

using check_detail::key_family;
using state = internal::checker_state;

constexpr std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool all_decimal(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

constexpr bool iequal(std::string_view a, std::string_view b) noexcept { return internal::ascii_iequals(a, b); }

// The message of a failed `r`, or nothing.
template <class T>
std::string_view message_of(const result<T>& r) noexcept {
  const auto* e = r.error_ptr();
  return e != nullptr ? std::string_view(e->message) : std::string_view{};
}

bool is_certificate_label(std::string_view label) noexcept {
  return label == "CERTIFICATE" || label == "X509 CERTIFICATE";
}

std::string_view as_text(std::span<const std::uint8_t> b) noexcept {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// One decoded certificate (its spans borrow a pem_decoder of the state).
struct loaded {
  bool ok{false};
  x509::certificate_view view{};
  std::string_view why{};  // why there is none, for the unverifiable notes
};

// Checking one document.
class run {
 public:
  run(state& s, const check_options& opt) noexcept : s_(s), opt_(opt) {}

  // -- report bookkeeping --------------------------------------------------

  void begin(const certificate_record* record, std::string_view id) {
    s_.reports.emplace_back();
    rep_ = &s_.reports.back();
    rep_->record = record;
    rep_->id = id;
    s_.report_ranges.push_back({s_.findings.size(), s_.findings.size(), s_.sans.size(), s_.sans.size()});
    cert_ = loaded{};
    subject_ready_ = issuer_ready_ = false;
  }

  void end() {
    auto& r = s_.report_ranges.back();
    r.findings_end = s_.findings.size();
    r.sans_end = s_.sans.size();
  }

  void add(check_id c, finding_status st, std::string_view field, std::string_view reported,
           std::string_view actual, std::string_view note, std::size_t offset) {
    s_.findings.push_back(finding{c, st, field, reported, actual, note, offset});
  }

  // The usual preamble of a comparison: absent, masked, nothing to compare
  // with, unreadable. True when it emitted the finding.
  bool preamble(check_id c, std::string_view field, field_state st, std::string_view text,
                std::size_t offset, bool comparable, std::string_view why) {
    if (st == field_state::absent) {
      add(c, finding_status::absent, field, {}, {}, {}, 0);
      return true;
    }
    if (is_masked(text)) {
      add(c, finding_status::masked, field, text, {}, {}, offset);
      return true;
    }
    if (!comparable) {
      add(c, finding_status::unverifiable, field, text, {}, why, offset);
      return true;
    }
    if (st == field_state::unreadable) {
      add(c, finding_status::invalid, field, text, {}, "the reported value cannot be read", offset);
      return true;
    }
    return false;
  }
  bool preamble(check_id c, std::string_view field, const reported_text& r) {
    return preamble(c, field, r.state, r.text, r.offset, cert_.ok, cert_.why);
  }

  // -- the certificate -----------------------------------------------------

  // Decodes `pem` with `dec` into cert_; emits the `certificate` finding when
  // `field` is not empty. Returns the PEM blocks (empty on failure).
  std::span<const x509::pem_block> load(const reported_text& pem, x509::pem_decoder& dec,
                                        std::string_view field) {
    cert_ = loaded{};
    auto emit = [&](finding_status st, std::string_view note) {
      if (!field.empty()) add(check_id::certificate, st, field, {}, {}, note, pem.offset);
    };
    if (pem.state == field_state::absent) {
      cert_.why = "no certificate was reported";
      emit(finding_status::absent, {});
      return {};
    }
    if (is_masked(pem.text)) {
      cert_.why = "the certificate is masked";
      emit(finding_status::masked, {});
      return {};
    }
    cert_.why = "the certificate could not be decoded";
    auto decoded = dec.decode(pem.text, &rep_->quirks);
    const auto* blocks = decoded.value_ptr();
    if (blocks == nullptr) {
      emit(finding_status::invalid, s_.arena.copy(message_of(decoded)));
      return {};
    }
    if (blocks->empty() || !is_certificate_label(blocks->front().label)) {
      emit(finding_status::invalid, "the first PEM block is not a CERTIFICATE");
      return {};
    }
    auto read = x509::read_certificate(blocks->front().der);
    const auto* view = read.value_ptr();
    if (view == nullptr) {
      emit(finding_status::invalid, s_.arena.copy(message_of(read)));
      return {};
    }
    cert_.ok = true;
    cert_.why = {};
    cert_.view = *view;
    rep_->quirks.merge(view->quirks);
    emit(finding_status::match, {});
    fill_facts();
    return *blocks;
  }

  // The paired certificate of a KMS DescribeCertificate (no finding).
  void load_paired(const kms_get_view* get) {
    if (get == nullptr) {
      cert_ = loaded{};
      cert_.why = "no GetCertificate response was given for this certificate";
      return;
    }
    load(get->certificate, s_.pem_cert, {});
    if (!cert_.ok) cert_.why = "the paired GetCertificate has no decodable certificate";
  }

  void fill_facts() {
    const x509::certificate_view& c = cert_.view;
    certificate_facts& f = rep_->facts;
    f.decoded = true;
    // serial
    s_.bytes.resize(c.serial.size());
    const x509::serial_magnitude mag = x509::integer_magnitude(c.serial, s_.bytes);
    s_.chars.resize(c.serial.size() * 2 + 2);
    std::size_t n = 0;
    if (mag.negative) s_.chars[n++] = '-';
    std::string_view hex = to_hex(mag.magnitude, std::span<char>(s_.chars).subspan(n));
    if (!hex.empty() && hex.front() == '0') hex.remove_prefix(1);
    if (hex.empty()) {
      f.serial = mag.negative ? "-0" : "0";
    } else {
      std::memmove(s_.chars.data() + n, hex.data(), hex.size());
      f.serial = s_.arena.copy({s_.chars.data(), n + hex.size()});
    }
    // validity
    f.not_before = c.not_before;
    f.not_after = c.not_after;
    f.not_before_known = c.not_before_known;
    f.not_after_known = c.not_after_known;
    if (c.not_before_known && opt_.now < c.not_before)
      f.validity_at_now = validity_state::not_yet_valid;
    else if (c.not_after_known && opt_.now > c.not_after)
      f.validity_at_now = validity_state::expired;
    else
      f.validity_at_now = validity_state::valid;
    // names
    if (auto t = x509::format_name(c.subject, s_.name_text)) f.subject = s_.arena.copy(*t);
    if (auto t = x509::format_name(c.issuer, s_.name_text)) f.issuer = s_.arena.copy(*t);
    // SANs
    if (c.subject_alt_names) {
      x509::general_name_reader reader(*c.subject_alt_names);
      x509::general_name g;
      while (reader.next(g)) {
        certificate_san san;
        switch (g.kind) {
          case x509::general_name_kind::dns: san.type = san_kind::dns; break;
          case x509::general_name_kind::email: san.type = san_kind::email; break;
          case x509::general_name_kind::uri: san.type = san_kind::uri; break;
          case x509::general_name_kind::ip: san.type = san_kind::ip; break;
          default: continue;
        }
        if (san.type == san_kind::ip) {
          std::array<char, 64> buf{};
          std::string_view text = format_ip(g.value, buf);
          if (text.empty()) continue;  // 8/32-octet forms belong to name constraints
          san.value = s_.arena.copy(text);
        } else {
          san.value = s_.arena.copy(as_text(g.value));
        }
        s_.sans.push_back(san);
      }
    }
    // key and signature
    f.key_algorithm = check_detail::key_algorithm_name(c.public_key.type);
    f.key_size = static_cast<std::int32_t>(c.public_key.key_bits);
    s_.chars.resize(c.signature_algorithm.oid.size() * 4 + 16);
    f.signature_algorithm =
        s_.arena.copy(x509::signature_algorithm_name(c.signature_algorithm.oid, s_.chars));
  }

  std::span<const certificate_san> current_sans() const noexcept {
    const std::size_t b = s_.report_ranges.back().sans_begin;
    return {s_.sans.data() + b, s_.sans.size() - b};
  }

  // -- digests ---------------------------------------------------------------

  // Lower-case hex of the digest of `data` into the arena; empty when unavailable.
  std::string_view digest_hex(const digester& d, std::span<const std::uint8_t> data) {
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> out{};
    unsigned int size = 0;
    if (!d.run(data, out.data(), size)) return {};
    std::array<char, EVP_MAX_MD_SIZE * 2> hex{};
    return s_.arena.copy(to_hex(std::span<const std::uint8_t>(out.data(), size), hex));
  }

  // The digest OpenSSL's X509_digest gives: over its re-encoding, which differs
  // from the received bytes when they are BER or carry non-minimal forms. Only
  // tried after the digest of the received bytes failed to match.
  std::string_view reencoded_digest_hex(const EVP_MD* md) {
    if (md == nullptr) return {};
    const unsigned char* p = cert_.view.der.data();
    X509* x = d2i_X509(nullptr, &p, static_cast<long>(cert_.view.der.size()));
    if (x == nullptr) return {};
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> out{};
    unsigned int size = 0;
    const bool ok = X509_digest(x, md, out.data(), &size) == 1;
    X509_free(x);
    if (!ok) return {};
    std::array<char, EVP_MAX_MD_SIZE * 2> hex{};
    return s_.arena.copy(to_hex(std::span<const std::uint8_t>(out.data(), size), hex));
  }

  bool sha1(std::span<const std::uint8_t> data, std::array<std::uint8_t, 20>& out) {
    unsigned int size = 0;
    return s_.sha1.run(data, out.data(), size) && size == 20;
  }

  // -- formatting ------------------------------------------------------------

  std::string_view time_text(utc_seconds t) {
    std::array<char, 32> buf{};
    return s_.arena.copy(format_rfc3339(t, buf));
  }

  std::string_view int_text(std::int64_t v) {
    std::array<char, 24> buf{};
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return s_.arena.copy({buf.data(), static_cast<std::size_t>(r.ptr - buf.data())});
  }

  void join_item(std::string_view item) {
    if (!s_.join.empty() && s_.join.back() != ' ') s_.join += ", ";
    s_.join += item;
  }

  std::string_view names_text(const reported_names& r) {
    if (!r.text.empty()) return r.text;
    s_.join.clear();
    for (const auto& e : r.entries) join_item(e.value);
    return s_.arena.copy(s_.join);
  }

  // -- name sets -------------------------------------------------------------

  std::span<const x509::name_attribute> subject_attrs() {
    if (!subject_ready_) {
      subject_ok_ = static_cast<bool>(s_.subject_set.read(cert_.view.subject));
      subject_ready_ = true;
    }
    return subject_ok_ ? s_.subject_set.attributes() : std::span<const x509::name_attribute>{};
  }
  std::span<const x509::name_attribute> issuer_attrs() {
    if (!issuer_ready_) {
      issuer_ok_ = static_cast<bool>(s_.issuer_set.read(cert_.view.issuer));
      issuer_ready_ = true;
    }
    return issuer_ok_ ? s_.issuer_set.attributes() : std::span<const x509::name_attribute>{};
  }

  // -- the checks ------------------------------------------------------------

  void check_serial(std::string_view field, const reported_text& r, bool allow_decimal) {
    if (preamble(check_id::serial, field, r)) return;
    std::string_view text = trim(r.text);
    const std::string_view actual = rep_->facts.serial;
    std::string_view magnitude = actual;
    const bool cert_negative = !magnitude.empty() && magnitude.front() == '-';
    if (cert_negative) magnitude.remove_prefix(1);
    if (!text.empty() && text.front() == '-') text.remove_prefix(1);
    s_.chars.resize(text.size() + 1);
    bool zeros = false;
    const std::string_view hex = normalize_hex(text, s_.chars, true, &zeros);
    if (hex.empty()) {
      add(check_id::serial, finding_status::invalid, field, r.text, actual, "not a hexadecimal number", r.offset);
      return;
    }
    if (hex == magnitude) {
      std::string_view note;
      if (zeros) {
        rep_->quirks.add(quirk::serial_leading_zeros);
        note = "leading zeros ignored";
      }
      if (cert_negative) note = "the certificate's serial is negative; its magnitude matches";
      add(check_id::serial, finding_status::match, field, r.text, actual, note, r.offset);
      return;
    }
    if (allow_decimal && all_decimal(text) && decimal_matches(text, magnitude)) {
      rep_->quirks.add(quirk::serial_decimal);
      add(check_id::serial, finding_status::match, field, r.text, actual, "matches as a decimal number",
          r.offset);
      return;
    }
    add(check_id::serial, finding_status::mismatch, field, r.text, actual, {}, r.offset);
  }

  // Does decimal `digits` equal the hex `magnitude` (lower case, no leading zeros)?
  bool decimal_matches(std::string_view digits, std::string_view magnitude) {
    std::array<std::uint8_t, 128> num{};  // big-endian
    for (char d : digits) {
      unsigned carry = static_cast<unsigned>(d - '0');
      for (std::size_t i = num.size(); i-- > 0;) {
        const unsigned v = num[i] * 10u + carry;
        num[i] = static_cast<std::uint8_t>(v & 0xff);
        carry = v >> 8;
      }
      if (carry != 0) return false;  // longer than any certificate serial
    }
    std::size_t first = 0;
    while (first < num.size() && num[first] == 0) ++first;
    std::array<char, 256> buf{};
    std::string_view hex = to_hex(std::span<const std::uint8_t>(num.data() + first, num.size() - first), buf);
    if (!hex.empty() && hex.front() == '0') hex.remove_prefix(1);
    if (hex.empty()) hex = "0";
    return hex == magnitude;
  }

  void check_time(check_id c, std::string_view field, const reported_time& r, bool is_not_before) {
    if (preamble(c, field, r.state, r.text, r.offset, cert_.ok, cert_.why)) return;
    const bool known = is_not_before ? cert_.view.not_before_known : cert_.view.not_after_known;
    if (!known) {
      add(c, finding_status::unverifiable, field, r.text, {}, "the certificate's time cannot be read", r.offset);
      return;
    }
    const utc_seconds actual = is_not_before ? cert_.view.not_before : cert_.view.not_after;
    add(c, r.value == actual ? finding_status::match : finding_status::mismatch, field, r.text, time_text(actual),
        {}, r.offset);
  }

  void check_days(std::string_view field, const reported_int& r) {
    if (preamble(check_id::validity_days, field, r.state, r.text, r.offset, cert_.ok, cert_.why)) return;
    if (!cert_.view.not_before_known || !cert_.view.not_after_known) {
      add(check_id::validity_days, finding_status::unverifiable, field, r.text, {},
          "the certificate's validity cannot be read", r.offset);
      return;
    }
    const day_span d = days_between(cert_.view.not_before, cert_.view.not_after);
    std::string_view actual;
    if (d.floor == d.ceil) {
      actual = int_text(d.floor);
    } else {
      s_.join.clear();
      s_.join += int_text(d.floor);
      s_.join += " or ";
      s_.join += int_text(d.ceil);
      actual = s_.arena.copy(s_.join);
    }
    const bool ok = r.value == d.floor || r.value == d.ceil;
    add(check_id::validity_days, ok ? finding_status::match : finding_status::mismatch, field, r.text, actual, {},
        r.offset);
  }

  void check_digest(check_id c, std::string_view field, const reported_text& r, const digester& d,
                    std::string_view& fact) {
    if (r.state != field_state::absent && cert_.ok) fact = digest_hex(d, cert_.view.der);
    if (preamble(c, field, r)) return;
    if (fact.empty()) {
      add(c, finding_status::unverifiable, field, r.text, {}, "the digest is not available", r.offset);
      return;
    }
    s_.chars.resize(r.text.size() + 1);
    const std::string_view hex = normalize_hex(r.text, s_.chars, false);
    if (hex.empty()) {
      add(c, finding_status::invalid, field, r.text, fact, "not hexadecimal", r.offset);
      return;
    }
    if (hex != fact) {
      if (const std::string_view other = reencoded_digest_hex(d.md.get()); !other.empty() && hex == other) {
        add(c, finding_status::match, field, r.text, other,
            "the digest of the certificate re-encoded as DER (OpenSSL's X509_digest)", r.offset);
        return;
      }
    }
    add(c, hex == fact ? finding_status::match : finding_status::mismatch, field, r.text, fact, {}, r.offset);
  }

  void check_dn(check_id c, std::string_view field, const reported_text& r, bool subject) {
    if (preamble(c, field, r)) return;
    const std::string_view actual = subject ? rep_->facts.subject : rep_->facts.issuer;
    auto parsed = s_.reported_set.parse_text(r.text);
    if (!parsed) {
      add(c, finding_status::invalid, field, r.text, actual, s_.arena.copy(message_of(parsed)), r.offset);
      return;
    }
    const bool ok = subject ? subject_ready_or_read() : issuer_ready_or_read();
    if (!ok) {
      add(c, finding_status::unverifiable, field, r.text, actual, "the certificate's name cannot be read",
          r.offset);
      return;
    }
    const auto mine = subject ? s_.subject_set.attributes() : s_.issuer_set.attributes();
    add(c, x509::same_name(s_.reported_set.attributes(), mine) ? finding_status::match : finding_status::mismatch, field, r.text,
        actual, {}, r.offset);
  }
  bool subject_ready_or_read() {
    subject_attrs();
    return subject_ok_;
  }
  bool issuer_ready_or_read() {
    issuer_attrs();
    return issuer_ok_;
  }

  // CAS CommonName / Organization / ...: the subject's or the issuer's value.
  void check_attribute(check_id c, std::string_view field, const reported_text& r,
                       std::span<const std::uint8_t> type) {
    if (preamble(c, field, r)) return;
    const std::string_view value = r.text;
    auto find = [&](std::span<const x509::name_attribute> attrs, std::string_view& first) {
      bool found = false;
      for (const auto& a : attrs) {
        if (!x509::same_oid(a.type, type)) continue;
        if (first.empty()) first = a.value;
        if (x509::same_value(type, a.value, value)) found = true;
      }
      return found;
    };
    std::string_view subject_value, issuer_value;
    const bool in_subject = find(subject_attrs(), subject_value);
    const bool in_issuer = find(issuer_attrs(), issuer_value);
    if (in_subject || in_issuer) {
      const std::string_view note = in_subject && in_issuer ? "matches the subject and the issuer"
                                    : in_subject            ? "matches the subject"
                                                            : "matches the issuer";
      add(c, finding_status::match, field, r.text, s_.arena.copy(in_subject ? subject_value : issuer_value),
          note, r.offset);
      return;
    }
    const std::string_view actual = !subject_value.empty() ? subject_value : issuer_value;
    add(c, finding_status::mismatch, field, r.text, s_.arena.copy(actual),
        "neither the subject nor the issuer has this value", r.offset);
  }

  static bool san_matches(const certificate_san& c, san_kind kind, std::string_view value) noexcept {
    if (c.type != kind) return false;
    switch (kind) {
      case san_kind::dns: return dns_equal(c.value, value);
      case san_kind::email: return iequal(c.value, value);
      case san_kind::uri: return c.value == trim(value);
      case san_kind::ip: {
        const ip_address a = parse_ip(value);
        return a.size != 0 && a == parse_ip(c.value);
      }
    }
    return false;
  }

  // CAS Sans (typed) and KMS SubjectAlternativeNames (bare DNS names and IPs).
  void check_sans(std::string_view field, const reported_names& r, bool typed) {
    const std::string_view text = r.state == field_state::absent ? std::string_view{} : names_text(r);
    bool masked = is_masked(r.text);
    for (const auto& e : r.entries) masked = masked || is_masked(e.value);
    if (r.state == field_state::absent) {
      add(check_id::sans, finding_status::absent, field, {}, {}, {}, 0);
      return;
    }
    if (masked) {
      add(check_id::sans, finding_status::masked, field, text, {}, {}, r.offset);
      return;
    }
    if (!cert_.ok) {
      add(check_id::sans, finding_status::unverifiable, field, text, {}, cert_.why, r.offset);
      return;
    }
    if (r.state == field_state::unreadable) {
      add(check_id::sans, finding_status::invalid, field, text, {}, "the reported list cannot be read", r.offset);
      return;
    }
    auto compared = [&](san_kind k) { return typed || k == san_kind::dns || k == san_kind::ip; };
    auto kind_of = [&](const san_entry& e, san_kind& k) {
      switch (e.type) {
        case san_type::dns: k = san_kind::dns; return true;
        case san_type::ip: k = san_kind::ip; return true;
        case san_type::email: k = san_kind::email; return true;
        case san_type::uri: k = san_kind::uri; return true;
        case san_type::unspecified:
          if (typed) return false;
          k = parse_ip(e.value).size != 0 ? san_kind::ip : san_kind::dns;
          return true;
        case san_type::other: return false;
      }
      return false;
    };
    const auto sans = current_sans();
    // actual: the certificate's compared entries
    s_.join.clear();
    for (const auto& c : sans)
      if (compared(c.type)) join_item(c.value);
    const std::string_view actual = s_.arena.copy(s_.join);
    // reported entries missing from the certificate
    s_.join.clear();
    bool skipped = false;
    for (const auto& e : r.entries) {
      san_kind k{};
      if (!kind_of(e, k)) {
        skipped = true;
        continue;
      }
      bool found = false;
      for (const auto& c : sans) found = found || san_matches(c, k, e.value);
      if (!found) {
        if (s_.join.empty()) s_.join = "not in the certificate: ";
        join_item(e.value);
      }
    }
    const bool missing = !s_.join.empty();
    // certificate entries not reported
    bool extra = false;
    for (const auto& c : sans) {
      if (!compared(c.type)) continue;
      bool found = false;
      for (const auto& e : r.entries) {
        san_kind k{};
        found = found || (kind_of(e, k) && san_matches(c, k, e.value));
      }
      if (!found) {
        s_.join += extra ? ", " : (missing ? "; not reported: " : "not reported: ");
        s_.join += c.value;
        extra = true;
      }
    }
    if (skipped) s_.join += s_.join.empty() ? "entries of other GeneralName types not compared"
                                            : "; entries of other GeneralName types not compared";
    add(check_id::sans, missing || extra ? finding_status::mismatch : finding_status::match, field, text, actual,
        s_.arena.copy(s_.join), r.offset);
  }

  // CDN DomainList: every domain covered by the DNS SANs (or the CN without DNS SANs).
  void check_domains(std::string_view field, const reported_names& r) {
    const std::string_view text = r.state == field_state::absent ? std::string_view{} : names_text(r);
    bool masked = is_masked(r.text);
    for (const auto& e : r.entries) masked = masked || is_masked(e.value);
    if (r.state == field_state::absent || (r.state == field_state::present && r.entries.empty())) {
      add(check_id::domain_list, finding_status::absent, field, text, {}, {}, r.offset);
      return;
    }
    if (masked) {
      add(check_id::domain_list, finding_status::masked, field, text, {}, {}, r.offset);
      return;
    }
    if (!cert_.ok) {
      add(check_id::domain_list, finding_status::unverifiable, field, text, {}, cert_.why, r.offset);
      return;
    }
    if (r.state == field_state::unreadable) {
      add(check_id::domain_list, finding_status::invalid, field, text, {}, "the reported list cannot be read",
          r.offset);
      return;
    }
    const auto sans = current_sans();
    bool has_dns = false;
    for (const auto& c : sans) has_dns = has_dns || c.type == san_kind::dns;
    // actual: the names that cover domains
    s_.join.clear();
    if (has_dns) {
      for (const auto& c : sans)
        if (c.type == san_kind::dns || c.type == san_kind::ip) join_item(c.value);
    } else {
      for (const auto& c : sans)
        if (c.type == san_kind::ip) join_item(c.value);
      for (const auto& a : subject_attrs())
        if (x509::same_oid(a.type, x509::oids::common_name)) join_item(a.value);
    }
    const std::string_view actual = s_.arena.copy(s_.join);
    s_.join.clear();
    for (const auto& e : r.entries) {
      const std::string_view domain = trim(e.value);
      bool covered = false;
      const ip_address ip = parse_ip(domain);
      for (const auto& c : sans) {
        if (ip.size != 0)
          covered = covered || (c.type == san_kind::ip && parse_ip(c.value) == ip);
        else if (has_dns)
          covered = covered || (c.type == san_kind::dns && dns_covers(c.value, domain));
      }
      if (!covered && !has_dns && ip.size == 0)
        for (const auto& a : subject_attrs())
          covered = covered || (x509::same_oid(a.type, x509::oids::common_name) && dns_covers(a.value, domain));
      if (!covered) {
        if (s_.join.empty()) s_.join = "not covered by the certificate: ";
        join_item(domain);
      }
    }
    const bool ok = s_.join.empty();
    if (ok && !has_dns) s_.join = "covered by the common name (the certificate has no DNS names)";
    add(check_id::domain_list, ok ? finding_status::match : finding_status::mismatch, field, text, actual,
        s_.arena.copy(s_.join), r.offset);
  }

  void compare_family(check_id c, std::string_view field, std::string_view text, std::size_t offset,
                      key_family reported) {
    const key_family mine = check_detail::family_of(cert_.view.public_key.type);
    const std::string_view actual = rep_->facts.key_algorithm;
    if (reported == key_family::unknown) {
      add(c, finding_status::unverifiable, field, text, actual, "unknown algorithm name", offset);
    } else if (mine == key_family::unknown) {
      add(c, finding_status::unverifiable, field, text, actual, "the certificate's key type is not known", offset);
    } else {
      add(c, reported == mine ? finding_status::match : finding_status::mismatch, field, text, actual, {}, offset);
    }
  }

  void compare_size(std::string_view field, std::string_view text, std::size_t offset, std::int64_t reported) {
    const std::uint32_t bits = cert_.view.public_key.key_bits;
    if (bits == 0) {
      add(check_id::key_size, finding_status::unverifiable, field, text, {},
          "the key size cannot be derived for this key", offset);
      return;
    }
    add(check_id::key_size, reported == bits ? finding_status::match : finding_status::mismatch, field, text,
        int_text(bits), {}, offset);
  }

  void check_cas_key(const cas_certificate_view& v) {
    const reported_text& full = v.full_algorithm;
    if (!preamble(check_id::key_algorithm, "Algorithm", v.algorithm))
      compare_family(check_id::key_algorithm, "Algorithm", v.algorithm.text, v.algorithm.offset,
                     check_detail::parse_key_family(v.algorithm.text));
    const check_detail::full_algorithm parsed = check_detail::parse_full_algorithm(full.text);
    if (full.state != field_state::absent && !preamble(check_id::key_algorithm, "FullAlgorithm", full))
      compare_family(check_id::key_algorithm, "FullAlgorithm", full.text, full.offset, parsed.family);
    if (!preamble(check_id::key_size, "KeySize", v.key_size.state, v.key_size.text, v.key_size.offset, cert_.ok,
                  cert_.why))
      compare_size("KeySize", v.key_size.text, v.key_size.offset, v.key_size.value);
    if (full.state != field_state::absent && !preamble(check_id::key_size, "FullAlgorithm", full)) {
      if (parsed.bits == 0)
        add(check_id::key_size, finding_status::unverifiable, "FullAlgorithm", full.text, {},
            "no key size in this algorithm name", full.offset);
      else
        compare_size("FullAlgorithm", full.text, full.offset, parsed.bits);
    }
  }

  void check_signature_with_certificate(std::string_view field, const reported_text& r) {
    if (preamble(check_id::signature_algorithm, field, r)) return;
    const check_detail::signature_name sig = check_detail::parse_signature_name(r.text);
    const std::string_view actual = rep_->facts.signature_algorithm;
    if (sig.oid.empty()) {
      add(check_id::signature_algorithm, finding_status::unverifiable, field, r.text, actual,
          "no signature algorithm is known by this name", r.offset);
      return;
    }
    const bool ok = x509::same_oid(sig.oid, cert_.view.signature_algorithm.oid);
    add(check_id::signature_algorithm, ok ? finding_status::match : finding_status::mismatch, field, r.text,
        actual, ok && x509::same_oid(sig.oid, x509::oids::rsassa_pss) ? "RSA-PSS parameters not compared" : "",
        r.offset);
  }

  // -- the chain ---------------------------------------------------------------

  // `issued` (a certificate view) is issued by `issuer` when its issuer Name is
  // the issuer's subject Name (byte for byte, or as attribute sets).
  bool issued_by(const x509::certificate_view& issued, const x509::certificate_view& issuer) {
    const auto a = issued.issuer.der, b = issuer.subject.der;
    if (a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin())) return true;
    return s_.chain_a.read(issued.issuer) && s_.chain_b.read(issuer.subject) &&
           x509::same_name(s_.chain_a.attributes(), s_.chain_b.attributes());
  }

  // Each certificate of `leaf` + `blocks` is issued by the next.
  void check_chain(std::string_view field, std::span<const x509::pem_block> blocks, std::size_t offset) {
    if (!cert_.ok) {
      add(check_id::chain, finding_status::unverifiable, field, {}, {}, cert_.why, offset);
      return;
    }
    x509::certificate_view previous = cert_.view;
    s_.join.clear();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (!is_certificate_label(blocks[i].label)) {
        s_.join = "a chain block is not a CERTIFICATE";
        add(check_id::chain, finding_status::invalid, field, {}, {}, s_.arena.copy(s_.join), offset);
        return;
      }
      auto read = x509::read_certificate(blocks[i].der);
      const auto* next = read.value_ptr();
      if (next == nullptr) {
        s_.join = "a chain certificate cannot be decoded: ";
        s_.join += message_of(read);
        add(check_id::chain, finding_status::invalid, field, {}, {}, s_.arena.copy(s_.join), offset);
        return;
      }
      rep_->quirks.merge(next->quirks);
      if (!issued_by(previous, *next)) {
        s_.join = "certificate ";
        s_.join += int_text(static_cast<std::int64_t>(i + 1));
        s_.join += " was not issued by certificate ";
        s_.join += int_text(static_cast<std::int64_t>(i + 2));
        s_.join += " (issuer ";
        if (auto t = x509::format_name(previous.issuer, s_.name_text)) s_.join += *t;
        s_.join += ", next subject ";
        if (auto t = x509::format_name(next->subject, s_.name_text)) s_.join += *t;
        s_.join += ")";
        add(check_id::chain, finding_status::mismatch, field, {}, {}, s_.arena.copy(s_.join), offset);
        return;
      }
      previous = *next;
    }
    s_.join = int_text(static_cast<std::int64_t>(blocks.size()));
    s_.join += blocks.size() == 1 ? " issuer certificate" : " issuer certificates";
    add(check_id::chain, finding_status::match, field, {}, {}, s_.arena.copy(s_.join), offset);
  }

  // -- the documents -----------------------------------------------------------

  void cas(const cas_certificate_view& v, const certificate_record* record) {
    begin(record, v.identifier.text);
    load(v.x509_certificate, s_.pem_cert, "X509Certificate");
    check_serial("SerialNumber", v.serial_number, false);
    check_time(check_id::not_before, "BeforeDate", v.before_date, true);
    check_time(check_id::not_after, "AfterDate", v.after_date, false);
    check_days("Days", v.days);
    check_digest(check_id::sha256, "Sha2", v.sha2, s_.sha256, rep_->facts.sha256);
    check_digest(check_id::md5, "Md5", v.md5, s_.md5, rep_->facts.md5);
    check_dn(check_id::subject, "SubjectDN", v.subject_dn, true);
    check_attribute(check_id::common_name, "CommonName", v.common_name, x509::oids::common_name);
    check_attribute(check_id::organization, "Organization", v.organization, x509::oids::organization);
    check_attribute(check_id::organizational_unit, "OrganizationUnit", v.organization_unit,
                    x509::oids::organizational_unit);
    check_attribute(check_id::locality, "Locality", v.locality, x509::oids::locality);
    check_attribute(check_id::state, "State", v.state, x509::oids::state);
    check_attribute(check_id::country, "CountryCode", v.country_code, x509::oids::country);
    check_sans("Sans", v.sans, true);
    check_cas_key(v);
    check_signature_with_certificate("SignAlgorithm", v.sign_algorithm);
    end();
  }

  void cdn(const cdn_cert_info_view& v, const certificate_record* record) {
    begin(record, v.cert_id.text);
    const auto blocks = load(v.https_crt, s_.pem_cert, "HttpsCrt");
    check_time(check_id::not_before, "CreateTime", v.create_time, true);
    check_time(check_id::not_after, "CertExpireTime", v.cert_expire_time, false);
    check_domains("DomainList", v.domain_list);
    if (v.https_crt.state == field_state::absent || (cert_.ok && blocks.size() < 2))
      add(check_id::chain, finding_status::absent, "HttpsCrt", {}, {},
          cert_.ok ? "no issuer certificates" : "", v.https_crt.offset);
    else
      check_chain("HttpsCrt", blocks.empty() ? blocks : blocks.subspan(1), v.https_crt.offset);
    end();
  }

  void kms_get(const kms_get_view& v, const certificate_record* record) {
    begin(record, v.certificate_id.text);
    load(v.certificate, s_.pem_cert, "GetCertificate.Certificate");
    // chain
    const reported_text& chain = v.certificate_chain;
    constexpr std::string_view chain_field = "GetCertificate.CertificateChain";
    if (chain.state == field_state::absent) {
      add(check_id::chain, finding_status::absent, chain_field, {}, {}, {}, 0);
    } else if (is_masked(chain.text)) {
      add(check_id::chain, finding_status::masked, chain_field, {}, {}, {}, chain.offset);
    } else if (auto blocks = s_.pem_chain.decode(chain.text, &rep_->quirks); !blocks) {
      add(check_id::chain, finding_status::invalid, chain_field, {}, {}, s_.arena.copy(message_of(blocks)),
          chain.offset);
    } else {
      check_chain(chain_field, *blocks, chain.offset);
    }
    // CSR
    const reported_text& csr = v.csr;
    constexpr std::string_view csr_field = "GetCertificate.Csr";
    if (csr.state == field_state::absent) {
      add(check_id::csr_public_key, finding_status::absent, csr_field, {}, {}, {}, 0);
    } else if (is_masked(csr.text)) {
      add(check_id::csr_public_key, finding_status::masked, csr_field, {}, {}, {}, csr.offset);
    } else if (auto blocks = s_.pem_aux.decode(csr.text, &rep_->quirks); !blocks) {
      add(check_id::csr_public_key, finding_status::invalid, csr_field, {}, {},
          s_.arena.copy(message_of(blocks)), csr.offset);
    } else if (blocks->empty() || (blocks->front().label != "CERTIFICATE REQUEST" &&
                                   blocks->front().label != "NEW CERTIFICATE REQUEST")) {
      add(check_id::csr_public_key, finding_status::invalid, csr_field, {}, {},
          "the first PEM block is not a CERTIFICATE REQUEST", csr.offset);
    } else if (auto req = x509::read_csr(blocks->front().der); !req) {
      add(check_id::csr_public_key, finding_status::invalid, csr_field, {}, {},
          s_.arena.copy(message_of(req)), csr.offset);
    } else if (!cert_.ok) {
      add(check_id::csr_public_key, finding_status::unverifiable, csr_field, {}, {}, cert_.why, csr.offset);
    } else {
      const auto a = req->public_key.der, b = cert_.view.public_key.der;
      const bool same = a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
      add(check_id::csr_public_key, same ? finding_status::match : finding_status::mismatch, csr_field, {}, {},
          same ? "" : "the request carries another public key", csr.offset);
    }
    end();
  }

  void kms_describe(const kms_describe_view& v, const certificate_record* record) {
    begin(record, v.certificate_id.text);
    load_paired(opt_.paired_get);
    // SubjectPublicKey, read on its own
    bool key_ok = false;
    x509::spki_view key{};
    std::string_view key_problem;
    const reported_text& pk = v.subject_public_key;
    if (pk.state != field_state::absent && !is_masked(pk.text)) {
      if (auto blocks = s_.pem_aux.decode(pk.text, &rep_->quirks); !blocks) {
        key_problem = s_.arena.copy(message_of(blocks));
      } else if (blocks->empty() || blocks->front().label != "PUBLIC KEY") {
        key_problem = "the first PEM block is not a PUBLIC KEY";
      } else if (auto spki = x509::read_public_key(blocks->front().der, &rep_->quirks); !spki) {
        key_problem = s_.arena.copy(message_of(spki));
      } else {
        key = *spki;
        key_ok = true;
      }
    }

    check_serial("Serial", v.serial, true);
    check_time(check_id::not_before, "NotBefore", v.not_before, true);
    check_time(check_id::not_after, "NotAfter", v.not_after, false);
    check_dn(check_id::subject, "Subject", v.subject, true);
    check_dn(check_id::issuer, "Issuer", v.issuer, false);
    check_sans("SubjectAlternativeNames", v.subject_alternative_names, false);

    // KeySpec: against SubjectPublicKey and the certificate's key.
    const check_detail::key_spec spec = check_detail::parse_key_spec(v.key_spec.text);
    if (!preamble(check_id::key_spec, "KeySpec", v.key_spec.state, v.key_spec.text, v.key_spec.offset,
                  key_ok || cert_.ok, key_problem.empty() ? cert_.why : key_problem)) {
      const std::string_view actual = cert_.ok ? rep_->facts.key_algorithm
                                               : check_detail::key_algorithm_name(key.type);
      if (spec.family == key_family::unknown) {
        add(check_id::key_spec, finding_status::unverifiable, "KeySpec", v.key_spec.text, actual,
            "unknown key spec", v.key_spec.offset);
      } else {
        const bool key_bad = key_ok && !check_detail::key_matches_spec(key, spec);
        const bool cert_bad = cert_.ok && !check_detail::key_matches_spec(cert_.view.public_key, spec);
        std::string_view note = key_bad && cert_bad ? "neither SubjectPublicKey nor the certificate's key"
                                : key_bad           ? "SubjectPublicKey differs"
                                : cert_bad          ? "the certificate's key differs"
                                                    : "";
        add(check_id::key_spec, key_bad || cert_bad ? finding_status::mismatch : finding_status::match, "KeySpec",
            v.key_spec.text, actual, note, v.key_spec.offset);
      }
    }

    // SignatureAlgorithm: the certificate's with it, the KeySpec family on its own.
    const reported_text& sa = v.signature_algorithm;
    if (cert_.ok) {
      check_signature_with_certificate("SignatureAlgorithm", sa);
    } else {
      key_family expected = spec.family;
      if (expected == key_family::unknown && key_ok) expected = check_detail::family_of(key.type);
      if (!preamble(check_id::signature_algorithm, "SignatureAlgorithm", sa.state, sa.text, sa.offset,
                    expected != key_family::unknown, "the key family is not known (KeySpec, SubjectPublicKey)")) {
        const check_detail::signature_name sig = check_detail::parse_signature_name(sa.text);
        if (sig.family == key_family::unknown)
          add(check_id::signature_algorithm, finding_status::unverifiable, "SignatureAlgorithm", sa.text, {},
              "no signature algorithm is known by this name", sa.offset);
        else
          add(check_id::signature_algorithm,
              sig.family == expected ? finding_status::match : finding_status::mismatch, "SignatureAlgorithm",
              sa.text, {}, "compared with the key family of KeySpec", sa.offset);
      }
    }

    // SubjectKeyIdentifier
    const reported_text& ski = v.subject_key_identifier;
    const x509::spki_view* basis = cert_.ok ? &cert_.view.public_key : key_ok ? &key : nullptr;
    const bool extension = cert_.ok && cert_.view.subject_key_identifier.has_value();
    if (!preamble(check_id::subject_key_identifier, "SubjectKeyIdentifier", ski.state, ski.text, ski.offset,
                  basis != nullptr || extension, key_problem.empty() ? cert_.why : key_problem)) {
      s_.chars.resize(ski.text.size() + 1);
      const std::string_view hex = normalize_hex(ski.text, s_.chars, false);
      if (hex.empty()) {
        add(check_id::subject_key_identifier, finding_status::invalid, "SubjectKeyIdentifier", ski.text, {},
            "not hexadecimal", ski.offset);
      } else if (extension) {
        std::array<char, 256> buf{};
        const auto ext = *cert_.view.subject_key_identifier;
        std::string_view actual = ext.size() <= 128 ? to_hex(ext, buf) : std::string_view{};
        add(check_id::subject_key_identifier, hex == actual ? finding_status::match : finding_status::mismatch,
            "SubjectKeyIdentifier", ski.text, s_.arena.copy(actual), "compared with the certificate's extension",
            ski.offset);
      } else {
        std::array<std::uint8_t, 20> h{};
        if (!sha1(basis->key, h)) {
          add(check_id::subject_key_identifier, finding_status::unverifiable, "SubjectKeyIdentifier", ski.text, {},
              "SHA-1 is not available", ski.offset);
        } else {
          std::array<std::uint8_t, 8> m2{};
          std::copy(h.end() - 8, h.end(), m2.begin());
          m2[0] = static_cast<std::uint8_t>(0x40 | (m2[0] & 0x0f));
          std::array<char, 40> b1{}, b2{};
          const std::string_view one = to_hex(h, b1), two = to_hex(m2, b2);
          if (hex == one)
            add(check_id::subject_key_identifier, finding_status::match, "SubjectKeyIdentifier", ski.text,
                s_.arena.copy(one), "RFC 5280 method 1 (SHA-1 of the key)", ski.offset);
          else if (hex == two)
            add(check_id::subject_key_identifier, finding_status::match, "SubjectKeyIdentifier", ski.text,
                s_.arena.copy(two), "RFC 5280 method 2 (0100 and 60 bits of SHA-1 of the key)", ski.offset);
          else
            add(check_id::subject_key_identifier, finding_status::unverifiable, "SubjectKeyIdentifier", ski.text,
                s_.arena.copy(one), "not derived from the key by RFC 5280 method 1 or 2", ski.offset);
        }
      }
    }

    // SubjectPublicKey against the certificate.
    if (pk.state == field_state::absent) {
      add(check_id::public_key, finding_status::absent, "SubjectPublicKey", {}, {}, {}, 0);
    } else if (is_masked(pk.text)) {
      add(check_id::public_key, finding_status::masked, "SubjectPublicKey", {}, {}, {}, pk.offset);
    } else if (!key_ok) {
      add(check_id::public_key, finding_status::invalid, "SubjectPublicKey", {}, {}, key_problem, pk.offset);
    } else if (!cert_.ok) {
      add(check_id::public_key, finding_status::unverifiable, "SubjectPublicKey", {}, {}, cert_.why, pk.offset);
    } else {
      const auto a = key.der, b = cert_.view.public_key.der;
      const bool same = a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
      add(check_id::public_key, same ? finding_status::match : finding_status::mismatch, "SubjectPublicKey", {}, {},
          same ? "" : "the certificate carries another public key", pk.offset);
    }
    end();
  }

 private:
  state& s_;
  const check_options& opt_;
  certificate_report* rep_{nullptr};
  loaded cert_{};
  bool subject_ready_{false}, subject_ok_{false}, issuer_ready_{false}, issuer_ok_{false};
};

}  // namespace

checker::checker() : state_(std::make_unique<internal::checker_state>()) {
  state_->findings.reserve(64);
  state_->sans.reserve(32);
  state_->reports.reserve(4);
  state_->report_ranges.reserve(4);
  state_->join.reserve(256);
  state_->name_text.reserve(256);
}
checker::~checker() = default;
checker::checker(checker&&) noexcept = default;
checker& checker::operator=(checker&&) noexcept = default;

result<document_report> checker::check(const document_view& doc, std::span<const certificate_record> records,
                                       const check_options& options) noexcept {
  openssl_error_mark mark;
  internal::checker_state& s = *state_;
  s.arena.reset();
  s.findings.clear();
  s.sans.clear();
  s.reports.clear();
  s.report_ranges.clear();

  const std::size_t count = doc.cdn ? doc.cdn->cert_infos.size() : (doc.cas || doc.kms_get || doc.kms_describe) ? 1 : 0;
  s.reports.reserve(count);  // begin() keeps pointers into it
  auto record_at = [&](std::size_t i) -> const certificate_record* {
    return records.size() == count && i < records.size() ? &records[i] : nullptr;
  };

  run r(s, options);
  if (doc.kind == api::cas_describe_client_certificate && doc.cas) {
    r.cas(doc.cas->certificate, record_at(0));
  } else if (doc.kind == api::kms_describe_certificate && doc.kms_describe) {
    r.kms_describe(*doc.kms_describe, record_at(0));
  } else if (doc.kind == api::kms_get_certificate && doc.kms_get) {
    r.kms_get(*doc.kms_get, record_at(0));
  } else if (doc.kind == api::cdn_describe_certificate_info && doc.cdn) {
    for (std::size_t i = 0; i < doc.cdn->cert_infos.size(); ++i) r.cdn(doc.cdn->cert_infos[i], record_at(i));
  }

  document_report report;
  report.quirks = doc.quirks;
  for (std::size_t i = 0; i < s.reports.size(); ++i) {
    const auto& rg = s.report_ranges[i];
    certificate_report& c = s.reports[i];
    c.findings = std::span<const finding>(s.findings.data() + rg.findings_begin, rg.findings_end - rg.findings_begin);
    c.facts.sans = std::span<const certificate_san>(s.sans.data() + rg.sans_begin, rg.sans_end - rg.sans_begin);
    report.quirks.merge(c.quirks);
  }
  report.certificates = s.reports;
  return report;
}

}  // namespace alicert
