// Fuzz target: the DER certificate reader, differential against OpenSSL 3's
// d2i_X509.
//
//  1. OpenSSL accepts => alicert accepts, and the certificate ends where
//     d2i_X509 stopped. certificate.h promises that every certificate
//     d2i_X509 reads is read.
//  2. Both accept => every field both expose agrees: serial (magnitude and
//     sign), version, validity (when both can read the time), both signature
//     AlgorithmIdentifier OIDs and the signature bits, issuer/subject DER and
//     each attribute (RDN index, type, string tag and bytes), SPKI algorithm
//     and key bits and, for a strict DER input, the SPKI DER; key size where
//     both derive it; the SAN extension (present alike, same names) and the SKI.
//  3. Round trips on alicert alone: the tbs/name/spki/SAN spans re-read as
//     they were; names render to RFC 4514 text that parses back to the same
//     attribute set; read_public_key on the SPKI span gives the same key.
// Any disagreement aborts with a message saying which.
#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/limits.h"
#include "alicert/time.h"
#include "alicert/x509/certificate.h"
#include "alicert/x509/der.h"
#include "alicert/x509/general_name.h"
#include "alicert/x509/name.h"
#include "alicert/x509/oid.h"
#include "fuzz_common.h"

namespace {

namespace x509 = alicert::x509;
using bytes = std::span<const std::uint8_t>;

struct x509_free {
  void operator()(X509* p) const noexcept { X509_free(p); }
};
struct general_names_free {
  void operator()(GENERAL_NAMES* p) const noexcept { GENERAL_NAMES_free(p); }
};
struct octet_string_free {
  void operator()(ASN1_OCTET_STRING* p) const noexcept { ASN1_OCTET_STRING_free(p); }
};

// Marks the OpenSSL error queue and pops back to the mark, so one input's
// errors never reach the next.
class error_mark {
 public:
  error_mark() noexcept { ERR_set_mark(); }
  ~error_mark() { ERR_pop_to_mark(); }
  error_mark(const error_mark&) = delete;
  error_mark& operator=(const error_mark&) = delete;
};

bool same(bytes a, bytes b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}
bytes view(const ASN1_STRING* s) {
  if (s == nullptr || ASN1_STRING_length(s) <= 0) return {};
  return {ASN1_STRING_get0_data(s), static_cast<std::size_t>(ASN1_STRING_length(s))};
}
bytes view(const ASN1_OBJECT* o) {
  if (o == nullptr || OBJ_length(o) == 0) return {};
  return {OBJ_get0_data(o), OBJ_length(o)};
}
bytes strip_zeros(bytes b) {
  std::size_t i = 0;
  while (i < b.size() && b[i] == 0) ++i;
  return b.subspan(i);
}

[[noreturn]] void disagree(const char* what) {
  std::fprintf(stderr, "\n*** alicert and OpenSSL disagree: %s\n", what);
  alicert::fuzz::fail(what, __FILE__, __LINE__);
}
#define AGREE(cond, what) \
  do {                    \
    if (!(cond)) disagree(what); \
  } while (0)

// ---- alicert alone: spans re-read, names round trip ----

void check_name_round_trip(x509::name_view name, const char* which) {
  (void)which;
  // The Name re-reads as one TLV spanning exactly its bytes, and walks cleanly.
  auto t = x509::read_tlv(name.der, nullptr);
  // (0x10: a SEQUENCE OF without the constructed bit, which OpenSSL reads too.)
  ALICERT_FUZZ_CHECK(t.has_value() && t->encoding.size() == name.der.size() &&
                         (t->identifier == x509::tag::sequence || t->identifier == 0x10),
                     "a Name span does not re-read as itself");
  x509::name_reader reader(name);
  x509::name_entry e;
  std::size_t count = 0, last_rdn = 0;
  while (reader.next(e)) {
    ALICERT_FUZZ_CHECK(count == 0 || e.rdn >= last_rdn, "name_reader RDN indexes go backwards");
    ALICERT_FUZZ_CHECK(x509::valid_oid(e.type), "name_reader yields a malformed attribute OID");
    ALICERT_FUZZ_CHECK(!e.value_der.empty() && e.value_der[0] == e.tag, "name_entry::tag is not value_der's identifier");
    last_rdn = e.rdn;
    ++count;
  }
  ALICERT_FUZZ_CHECK(!reader.malformed(), "name_reader finds a Name of an accepted certificate malformed");

  x509::name_set from_der;
  auto set = from_der.read(name);
  ALICERT_FUZZ_CHECK(set.has_value(), "name_set::read refuses a Name of an accepted certificate");
  ALICERT_FUZZ_CHECK(set->size() == count, "name_set::read and name_reader count different attributes");
  for (const auto& a : *set)
    ALICERT_FUZZ_CHECK(alicert::fuzz::valid_utf8(a.value), "name_set::read yields a value that is not UTF-8");

  // The round trip is defined when every attribute type's dotted text parses
  // back (parse_oid takes arcs up to 2^64-1; format_oid writes any arc).
  bool dotted_round_trip = true;
  {
    x509::name_reader again(name);
    while (again.next(e)) {
      std::vector<char> dotted(4 * e.type.size() + 4);
      const std::string_view d = x509::format_oid(e.type, dotted);
      ALICERT_FUZZ_CHECK(!d.empty(), "format_oid refuses an attribute type of an accepted certificate");
      std::vector<std::uint8_t> back(d.size());
      auto n = x509::parse_oid(d, back);
      if (!n) dotted_round_trip = false;
      else ALICERT_FUZZ_CHECK(same({back.data(), *n}, e.type), "format_oid then parse_oid gives another OID");
    }
  }

  std::string text;
  auto formatted = x509::format_name(name, text);
  ALICERT_FUZZ_CHECK(formatted.has_value(), "format_name refuses a Name of an accepted certificate");
  ALICERT_FUZZ_CHECK(alicert::fuzz::valid_utf8(*formatted), "format_name writes text that is not UTF-8");
  if (!dotted_round_trip) return;
  x509::name_set from_text;
  auto parsed = from_text.parse_text(*formatted);
  if (!parsed) {
    std::fprintf(stderr, "RFC 4514 text that does not parse back: [%.*s] (%s at %zu)\n",
                 static_cast<int>(formatted->size()), formatted->data(), parsed.error().message.data(),
                 parsed.error().offset);
  }
  ALICERT_FUZZ_CHECK(parsed.has_value(), "format_name writes RFC 4514 text that parse_text refuses");
  if (!x509::same_name(*set, *parsed)) {
    std::fprintf(stderr, "RFC 4514 text that parses back to another name: [%.*s]\n",
                 static_cast<int>(formatted->size()), formatted->data());
  }
  ALICERT_FUZZ_CHECK(x509::same_name(*set, *parsed), "format_name then parse_text gives another attribute set");
  alicert::fuzz::consume(text.size());
}

void check_spans(const x509::certificate_view& c, bytes input) {
  // The certificate is the outer SEQUENCE; bytes after it are left out, as d2i_X509 leaves them.
  ALICERT_FUZZ_CHECK(c.der.data() == input.data() && c.der.size() <= input.size(),
                     "certificate_view::der does not start the input");
  ALICERT_FUZZ_CHECK((c.der.size() < input.size()) == c.quirks.has(alicert::quirk::der_trailing_data),
                     "trailing bytes and quirk::der_trailing_data disagree");
  auto tbs = x509::read_tlv(c.tbs, nullptr);
  ALICERT_FUZZ_CHECK(tbs.has_value() && tbs->encoding.size() == c.tbs.size() && tbs->identifier == x509::tag::sequence,
                     "the tbs span does not re-read as itself");
  ALICERT_FUZZ_CHECK(c.tbs.data() > c.der.data() && c.tbs.data() + c.tbs.size() <= c.der.data() + c.der.size(),
                     "the tbs span lies outside the certificate");
  ALICERT_FUZZ_CHECK(c.version >= 0, "negative version");
  ALICERT_FUZZ_CHECK(!c.serial.empty(), "empty serial accepted");
  ALICERT_FUZZ_CHECK(c.serial_negative() == c.quirks.has(alicert::quirk::der_negative_serial),
                     "serial_negative() and quirk::der_negative_serial disagree");
  ALICERT_FUZZ_CHECK(x509::valid_oid(c.signature_algorithm.oid) && x509::valid_oid(c.tbs_signature.oid),
                     "a signature algorithm OID is malformed");
  ALICERT_FUZZ_CHECK(c.not_before_known || c.not_before == alicert::utc_seconds{}, "unknown notBefore not at the epoch");
  ALICERT_FUZZ_CHECK(c.not_after_known || c.not_after == alicert::utc_seconds{}, "unknown notAfter not at the epoch");
  if (!c.not_before_known || !c.not_after_known)
    ALICERT_FUZZ_CHECK(c.quirks.has(alicert::quirk::der_unreadable_time), "an unreadable time without its quirk");

  check_name_round_trip(c.issuer, "issuer");
  check_name_round_trip(c.subject, "subject");

  // The SPKI span reads alone as the same key.
  alicert::quirk_set kq;
  auto key = x509::read_public_key(c.public_key.der, &kq);
  ALICERT_FUZZ_CHECK(key.has_value(), "read_public_key refuses the SPKI of an accepted certificate");
  ALICERT_FUZZ_CHECK(same(key->der, c.public_key.der) && same(key->algorithm.oid, c.public_key.algorithm.oid) &&
                         same(key->algorithm.parameters, c.public_key.algorithm.parameters) &&
                         same(key->key, c.public_key.key) && same(key->curve, c.public_key.curve) &&
                         key->unused_bits == c.public_key.unused_bits && key->type == c.public_key.type &&
                         key->key_bits == c.public_key.key_bits,
                     "read_public_key reads the SPKI span differently");

  // The SAN value is well-formed GeneralNames.
  if (c.subject_alt_names) {
    x509::general_name_reader r(*c.subject_alt_names);
    x509::general_name g;
    while (r.next(g)) {
      ALICERT_FUZZ_CHECK(static_cast<unsigned>(g.kind) <= 8, "general_name_kind out of range");
      if (g.kind == x509::general_name_kind::directory) check_name_round_trip(x509::name_view{g.value}, "dirName");
    }
    ALICERT_FUZZ_CHECK(!r.malformed(), "the SAN of an accepted certificate walks as malformed");
  }
  // The serial's magnitude: no leading zero, and the scratch suffices.
  std::vector<std::uint8_t> scratch(c.serial.size());
  const auto m = x509::integer_magnitude(c.serial, scratch);
  ALICERT_FUZZ_CHECK(m.negative == c.serial_negative(), "integer_magnitude sign");
  ALICERT_FUZZ_CHECK(m.magnitude.empty() || m.magnitude[0] != 0, "integer_magnitude keeps a leading zero");
}

// ---- differential ----

std::int64_t tm_to_epoch(const std::tm& t) {
  return alicert::civil_to_epoch(t.tm_year + 1900, static_cast<unsigned>(t.tm_mon + 1),
                                 static_cast<unsigned>(t.tm_mday), static_cast<unsigned>(t.tm_hour),
                                 static_cast<unsigned>(t.tm_min), static_cast<unsigned>(t.tm_sec));
}

void compare_time(const ASN1_TIME* t, bool known, alicert::utc_seconds when, bytes text, const char* which) {
  AGREE(t != nullptr, which);
  // The text, when both read it as one primitive string.
  if (!text.empty() && ASN1_STRING_length(t) == static_cast<int>(text.size()))
    AGREE(same(view(t), text), "a validity time's text");
  std::tm tm{};
  const bool openssl_known = ASN1_TIME_to_tm(t, &tm) == 1;
  if (known && openssl_known) {
    if (tm_to_epoch(tm) != when.time_since_epoch().count())
      std::fprintf(stderr, "%s: alicert %lld, OpenSSL %lld\n", which,
                   static_cast<long long>(when.time_since_epoch().count()), static_cast<long long>(tm_to_epoch(tm)));
    AGREE(tm_to_epoch(tm) == when.time_since_epoch().count(), "validity time");
  }
}

void compare_name(const X509_NAME* n, x509::name_view mine, const char* which) {
  const unsigned char* der = nullptr;
  std::size_t der_len = 0;
  AGREE(X509_NAME_get0_der(const_cast<X509_NAME*>(n), &der, &der_len) == 1, which);
  AGREE(same({der, der_len}, mine.der), "a Name's DER");

  x509::name_reader reader(mine);
  x509::name_entry e;
  const int count = X509_NAME_entry_count(n);
  int i = 0;
  for (; reader.next(e); ++i) {
    AGREE(i < count, "alicert reads more attributes in a Name");
    const X509_NAME_ENTRY* ne = X509_NAME_get_entry(n, i);
    AGREE(same(view(X509_NAME_ENTRY_get_object(ne)), e.type), "an attribute type");
    AGREE(static_cast<std::size_t>(X509_NAME_ENTRY_set(ne)) == e.rdn, "an attribute's RDN index");
    const ASN1_STRING* v = X509_NAME_ENTRY_get_data(ne);
    // Primitive universal strings: OpenSSL keeps the tag number as the type and
    // the content octets as the data. (Other types are kept differently.)
    const unsigned t = e.tag;
    const bool string_tag = t == 0x0c || (t >= 0x12 && t <= 0x16) || (t >= 0x19 && t <= 0x1e && t != 0x1d);
    if (string_tag) {
      AGREE(ASN1_STRING_type(v) == static_cast<int>(t), "an attribute value's string type");
      AGREE(same(view(v), e.value), "an attribute value's bytes");
    }
  }
  AGREE(i == count, "OpenSSL reads more attributes in a Name");
}

x509::key_type openssl_key_type(const EVP_PKEY* k) {
  switch (EVP_PKEY_get_base_id(k)) {
    case EVP_PKEY_RSA: return x509::key_type::rsa;
    case EVP_PKEY_RSA_PSS: return x509::key_type::rsa_pss;
    case EVP_PKEY_EC: return x509::key_type::ec;
    case EVP_PKEY_SM2: return x509::key_type::sm2;
    case EVP_PKEY_ED25519: return x509::key_type::ed25519;
    case EVP_PKEY_ED448: return x509::key_type::ed448;
    case EVP_PKEY_DSA: return x509::key_type::dsa;
    default: return x509::key_type::unknown;
  }
}

void compare_key(X509* x, const x509::certificate_view& c) {
  X509_PUBKEY* pub = X509_get_X509_PUBKEY(x);
  AGREE(pub != nullptr, "no X509_PUBKEY");
  ASN1_OBJECT* alg = nullptr;
  const unsigned char* pk = nullptr;
  int pk_len = 0;
  X509_ALGOR* pa = nullptr;
  AGREE(X509_PUBKEY_get0_param(&alg, &pk, &pk_len, &pa, pub) == 1, "X509_PUBKEY_get0_param");
  AGREE(same(view(alg), c.public_key.algorithm.oid), "the public key algorithm OID");
  if (!c.quirks.has(alicert::quirk::der_ber_encoding)) {
    // OpenSSL clears the unused bits of the last octet; compare the rest.
    bytes theirs{pk, static_cast<std::size_t>(pk_len)};
    const bytes mine = c.public_key.key;
    AGREE(theirs.size() == mine.size(), "the public key's length");
    if (!mine.empty()) {
      AGREE(same(theirs.first(mine.size() - 1), mine.first(mine.size() - 1)), "the public key's bytes");
      const auto mask = static_cast<std::uint8_t>(0xffu << c.public_key.unused_bits);
      AGREE((theirs.back() & mask) == (mine.back() & mask), "the public key's last byte");
    }
  }
  // The whole SPKI, when OpenSSL's re-encoding can be the input's: strict DER only.
  // OpenSSL re-encodes the parameters (an ANY) from its own model: only NULL,
  // an OID or a SEQUENCE (kept as its bytes) come back as they were.
  const bytes params = c.public_key.algorithm.parameters;
  const bool params_round_trip = params.empty() || (params.size() == 2 && params[0] == 0x05 && params[1] == 0) ||
                                 params[0] == 0x06 || params[0] == 0x30;
  if (!c.quirks.has(alicert::quirk::der_ber_encoding) && !c.quirks.has(alicert::quirk::der_non_minimal_length) &&
      c.public_key.unused_bits == 0 && params_round_trip) {
    unsigned char* der = nullptr;
    const int len = i2d_X509_PUBKEY(pub, &der);
    if (len > 0) AGREE(same({der, static_cast<std::size_t>(len)}, c.public_key.der), "the SPKI DER");
    OPENSSL_free(der);
  }
  // The key's type and size, when OpenSSL can decode the key.
  EVP_PKEY* k = X509_get0_pubkey(x);
  if (k == nullptr) return;
  const x509::key_type theirs = openssl_key_type(k);
  const x509::key_type mine = c.public_key.type;
  if (theirs == x509::key_type::unknown) return;
  const bool sm2_as_ec = (theirs == x509::key_type::ec && mine == x509::key_type::sm2) ||
                         (theirs == x509::key_type::sm2 && mine == x509::key_type::ec);
  AGREE(theirs == mine || sm2_as_ec, "the key type");
  const int bits = EVP_PKEY_get_bits(k);
  const bool comparable = mine == x509::key_type::rsa || mine == x509::key_type::rsa_pss ||
                          mine == x509::key_type::ec || mine == x509::key_type::sm2 || mine == x509::key_type::dsa;
  if (comparable && bits > 0 && c.public_key.key_bits != 0) {
    if (static_cast<std::uint32_t>(bits) != c.public_key.key_bits)
      std::fprintf(stderr, "key bits: alicert %u, OpenSSL %d\n", c.public_key.key_bits, bits);
    AGREE(static_cast<std::uint32_t>(bits) == c.public_key.key_bits, "the key size");
  }
}

void compare_sans(X509* x, const x509::certificate_view& c) {
  int crit = 0;
  std::unique_ptr<GENERAL_NAMES, general_names_free> names(
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, &crit, nullptr)));
  if (!names) {
    if (c.subject_alt_names)
      std::fprintf(stderr, "SAN: OpenSSL reports none (crit %d), alicert reads one\n", crit);
    AGREE(!c.subject_alt_names, "the SAN extension: alicert reads one OpenSSL reports absent");
    return;
  }
  // Known divergence (fuzz/README.md): a BER constructed string in the SAN
  // (its extnValue, or a dNSName/rfc822Name/URI/iPAddress) is joined by
  // OpenSSL, while the zero-copy reader reports the SAN absent.
  if (!c.subject_alt_names && c.quirks.has(alicert::quirk::der_ber_encoding)) return;
  AGREE(c.subject_alt_names.has_value(), "the SAN extension: OpenSSL reads one alicert reports absent");
  x509::general_name_reader r(*c.subject_alt_names);
  x509::general_name g;
  int i = 0;
  const int count = sk_GENERAL_NAME_num(names.get());
  for (; r.next(g); ++i) {
    AGREE(i < count, "alicert reads more SAN entries");
    const GENERAL_NAME* n = sk_GENERAL_NAME_value(names.get(), i);
    int type = 0;
    void* value = GENERAL_NAME_get0_value(n, &type);
    AGREE(type == static_cast<int>(g.kind), "a SAN entry's kind");
    switch (g.kind) {
      case x509::general_name_kind::email:
      case x509::general_name_kind::dns:
      case x509::general_name_kind::uri:
      case x509::general_name_kind::ip:
        AGREE(same(view(static_cast<const ASN1_STRING*>(value)), g.value), "a SAN entry's value");
        break;
      case x509::general_name_kind::registered_id:
        AGREE(same(view(static_cast<const ASN1_OBJECT*>(value)), g.value), "a registeredID");
        break;
      case x509::general_name_kind::directory: {
        const unsigned char* der = nullptr;
        std::size_t len = 0;
        AGREE(X509_NAME_get0_der(static_cast<X509_NAME*>(value), &der, &len) == 1, "a dirName");
        AGREE(same({der, len}, g.value), "a dirName's DER");
        break;
      }
      case x509::general_name_kind::other_name: {
        ASN1_OBJECT* oid = nullptr;
        ASN1_TYPE* v = nullptr;
        AGREE(GENERAL_NAME_get0_otherName(n, &oid, &v) == 1, "an otherName");
        AGREE(same(view(oid), g.type_id), "an otherName's type-id");
        break;
      }
      default: break;
    }
  }
  AGREE(i == count, "OpenSSL reads more SAN entries");
}

void compare_ski(X509* x, const x509::certificate_view& c) {
  int crit = 0;
  std::unique_ptr<ASN1_OCTET_STRING, octet_string_free> ski(
      static_cast<ASN1_OCTET_STRING*>(X509_get_ext_d2i(x, NID_subject_key_identifier, &crit, nullptr)));
  // The same known divergence as the SAN's for BER constructed OCTET STRINGs.
  if (ski && !c.subject_key_identifier && c.quirks.has(alicert::quirk::der_ber_encoding)) return;
  AGREE(static_cast<bool>(ski) == c.subject_key_identifier.has_value(), "the SKI extension's presence");
  if (ski) AGREE(same(view(ski.get()), *c.subject_key_identifier), "the SKI");
}

void compare(X509* x, const x509::certificate_view& c) {
  // serial: OpenSSL keeps the magnitude and the sign in the type.
  const ASN1_INTEGER* serial = X509_get0_serialNumber(x);
  std::vector<std::uint8_t> scratch(c.serial.size());
  const auto m = x509::integer_magnitude(c.serial, scratch);
  AGREE(same(strip_zeros(view(serial)), m.magnitude), "the serial's magnitude");
  AGREE((ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER) == m.negative, "the serial's sign");

  // version: OpenSSL's is 0-based; alicert clamps what it cannot represent to 0.
  const long v = X509_get_version(x);
  if (c.version != 0) AGREE(v + 1 == c.version, "the version");

  compare_time(X509_get0_notBefore(x), c.not_before_known, c.not_before, c.not_before_text, "notBefore");
  compare_time(X509_get0_notAfter(x), c.not_after_known, c.not_after, c.not_after_text, "notAfter");

  const ASN1_BIT_STRING* sig = nullptr;
  const X509_ALGOR* sig_alg = nullptr;
  X509_get0_signature(&sig, &sig_alg, x);
  const ASN1_OBJECT* oid = nullptr;
  X509_ALGOR_get0(&oid, nullptr, nullptr, sig_alg);
  AGREE(same(view(oid), c.signature_algorithm.oid), "the signatureAlgorithm OID");
  X509_ALGOR_get0(&oid, nullptr, nullptr, X509_get0_tbs_sigalg(x));
  AGREE(same(view(oid), c.tbs_signature.oid), "the TBS signature OID");
  if (!c.quirks.has(alicert::quirk::der_ber_encoding)) {
    const bytes theirs = view(sig);
    AGREE(theirs.size() == c.signature.size(), "the signature's length");
    if (!theirs.empty()) {
      const auto mask = static_cast<std::uint8_t>(0xffu << (sig->flags & 0x07));
      AGREE(same(theirs.first(theirs.size() - 1), c.signature.first(theirs.size() - 1)) &&
                (theirs.back() & mask) == (c.signature.back() & mask),
            "the signature's bytes");
    }
  }

  compare_name(X509_get_issuer_name(x), c.issuer, "issuer");
  compare_name(X509_get_subject_name(x), c.subject, "subject");
  compare_key(x, c);
  compare_sans(x, c);
  compare_ski(x, c);

  // The extensions alicert walks are the ones OpenSSL counts.
  std::size_t mine = 0;
  bytes rest = c.extensions;
  while (!rest.empty()) {
    auto t = x509::read_tlv(rest, nullptr);
    AGREE(t.has_value(), "an extension does not re-read");
    rest = rest.subspan(t->encoding.size());
    ++mine;
  }
  AGREE(static_cast<std::size_t>(X509_get_ext_count(x)) == mine, "the number of extensions");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const bytes input{data, size};
  const auto mine = x509::read_certificate(input);
  if (mine) check_spans(*mine, input);
  else ALICERT_FUZZ_CHECK(mine.error().offset <= size, "a DER error's offset lies outside the input");

  error_mark mark;
  const unsigned char* p = data;
  std::unique_ptr<X509, x509_free> theirs(d2i_X509(nullptr, &p, static_cast<long>(size)));
  // d2i_X509 reads the outer SEQUENCE and leaves what follows; so does alicert.
  const bool whole = static_cast<bool>(theirs);
  if (whole && size <= alicert::limits::max_certificate_bytes) {
    if (!mine) {
      std::fprintf(stderr, "alicert refuses what d2i_X509 reads: %s (%s) at offset %zu\n",
                   std::string(alicert::error_name(mine.error().code)).c_str(), mine.error().message.data(),
                   mine.error().offset);
    }
    AGREE(mine.has_value(), "d2i_X509 reads the certificate and alicert refuses it");
    AGREE(mine->der.size() == static_cast<std::size_t>(p - data), "where the certificate ends");
    compare(theirs.get(), *mine);
  }
  return 0;
}
