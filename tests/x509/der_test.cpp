// The DER reader: single TLVs, and BER constructed strings judged as OpenSSL
// 3.0 joins them (asn1_collect: segments of any tag, five levels deep, no
// end-of-contents inside a definite length) and checks the joined content.
// OpenSSL decodes the SAN and SKI lazily: a string it cannot join, or whose
// content it refuses, makes X509_get_ext_d2i report the extension absent, and
// alicert must then report it absent too (quirk::der_bad_extension).
#include <gtest/gtest.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "alicert/x509/certificate.h"
#include "alicert/x509/der.h"
#include "alicert/x509/general_name.h"
#include "alicert/x509/oid.h"
#include "mutant_support.h"
#include "x509_test_support.h"

namespace alicert::x509 {
namespace {

using namespace mutants;

TEST(der, read_tlv) {
  const std::uint8_t short_form[] = {0x04, 0x02, 0xaa, 0xbb, 0xcc};
  auto a = read_tlv(short_form, nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->identifier, 0x04);
  EXPECT_EQ(a->value.size(), 2u);
  EXPECT_EQ(a->encoding.size(), 4u);
  quirk_set q;
  const std::uint8_t long_form[] = {0x04, 0x82, 0x00, 0x01, 0xaa};
  auto b = read_tlv(long_form, &q);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->value.size(), 1u);
  EXPECT_TRUE(q.has(quirk::der_non_minimal_length));
  const std::uint8_t high_tag[] = {0x9f, 0x81, 0x00, 0x01, 0x00};
  auto c = read_tlv(high_tag, nullptr);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->number, 128u);
  const std::uint8_t indefinite[] = {0x30, 0x80, 0x04, 0x00, 0x30, 0x80, 0x00, 0x00, 0x00, 0x00, 0xff};
  quirk_set ber;
  auto d = read_tlv(indefinite, &ber);
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->indefinite);
  EXPECT_EQ(d->value.size(), 6u);
  EXPECT_EQ(d->encoding.size(), 10u);
  EXPECT_TRUE(ber.has(quirk::der_ber_encoding));
  const std::uint8_t primitive_indefinite[] = {0x04, 0x80, 0x00, 0x00};
  EXPECT_EQ(read_tlv(primitive_indefinite, nullptr).error().code, error_code::der_bad_length);
  const std::uint8_t no_eoc[] = {0x30, 0x80, 0x04, 0x00};
  EXPECT_EQ(read_tlv(no_eoc, nullptr).error().code, error_code::der_truncated);
  const std::uint8_t past_end[] = {0x04, 0x05, 0x00};
  EXPECT_EQ(read_tlv(past_end, nullptr).error().code, error_code::der_truncated);
}

// Every length form at the edges of read_tlv_at's inline path (one-octet tag,
// minimal lengths of up to three octets) and just past them (the out-of-line
// path): the same TLV, the same quirk, the same error for one byte less.
TEST(der, length_forms_at_the_edges_of_the_inline_path) {
  struct form {
    bytes_t header;
    std::size_t length;
    bool non_minimal;
  };
  const form forms[] = {
      {{0x04, 0x00}, 0, false},
      {{0x04, 0x7f}, 127, false},
      {{0x04, 0x81, 0x80}, 128, false},
      {{0x04, 0x81, 0xff}, 255, false},
      {{0x04, 0x81, 0x7f}, 127, true},
      {{0x04, 0x82, 0x01, 0x00}, 256, false},
      {{0x30, 0x82, 0xff, 0xff}, 65535, false},
      {{0x04, 0x82, 0x00, 0xff}, 255, true},
      {{0x04, 0x82, 0x00, 0x05}, 5, true},
      {{0x04, 0x83, 0x01, 0x00, 0x00}, 65536, false},
      {{0x04, 0x83, 0x00, 0x01, 0x00}, 256, true},
      {{0x9f, 0x1f, 0x02}, 2, false},
  };
  for (const form& f : forms) {
    bytes_t der = f.header;
    der.resize(f.header.size() + f.length, 0x5a);
    der.push_back(0x00);  // a byte after the TLV, left alone
    quirk_set q;
    auto t = read_tlv(der, &q);
    ASSERT_TRUE(t) << f.length;
    EXPECT_EQ(t->identifier, f.header[0]);
    EXPECT_EQ(t->value.data(), der.data() + f.header.size());
    EXPECT_EQ(t->value.size(), f.length);
    EXPECT_EQ(t->encoding.size(), f.header.size() + f.length);
    EXPECT_EQ(t->constructed, (f.header[0] & 0x20) != 0);
    EXPECT_FALSE(t->indefinite);
    EXPECT_EQ(q.has(quirk::der_non_minimal_length), f.non_minimal) << f.length;
    der.resize(f.header.size() + f.length - (f.length == 0 ? 0 : 1));
    if (f.length == 0) continue;
    auto cut = read_tlv(der, nullptr);
    ASSERT_FALSE(cut) << f.length;
    EXPECT_EQ(cut.error().code, error_code::der_truncated);
  }
  for (const bytes_t& header : {bytes_t{0x04}, bytes_t{0x04, 0x81}, bytes_t{0x04, 0x82, 0x01}}) {
    auto cut = read_tlv(header, nullptr);
    ASSERT_FALSE(cut);
    EXPECT_EQ(cut.error().code, error_code::der_truncated);
  }
}

bytes_t text(std::string_view s) { return bytes_t(s.begin(), s.end()); }

bytes_t nest(std::uint8_t tag, bytes_t inner, int levels) {
  for (int i = 0; i < levels; ++i) inner = enc(tag, inner);
  return inner;
}

// The two ways an extension can be there or not, as d2i_X509 + X509_get_ext_d2i say.
struct oracle {
  bool san = false, ski = false;
};

oracle openssl_extensions(const bytes_t& der) {
  oracle o;
  test::x509_ptr x = test::openssl_parse(der);
  EXPECT_TRUE(x) << "d2i_X509 refuses the mutant";
  if (!x) return o;
  int crit = 0;
  test::general_names_ptr names(
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x.get(), NID_subject_alt_name, &crit, nullptr)));
  test::octet_string_ptr ski(
      static_cast<ASN1_OCTET_STRING*>(X509_get_ext_d2i(x.get(), NID_subject_key_identifier, &crit, nullptr)));
  ERR_clear_error();
  o.san = names != nullptr;
  o.ski = ski != nullptr;
  return o;
}

// The fuzz find itself: a directoryName whose O attribute is a constructed
// UTF8String (0x2c) holding the raw bytes "alicert fuzz", not TLVs.
TEST(ber_strings, regress_san_dirname_constructed_utf8_garbage) {
  const bytes_t der = test::read_bytes(std::filesystem::path(ALICERT_CORPUS_DIR) / "der" /
                                       "regress_san_dirname_constructed_utf8_garbage.der");
  ASSERT_FALSE(der.empty());
  const oracle o = openssl_extensions(der);
  EXPECT_FALSE(o.san) << "OpenSSL cannot join the segments, so GENERAL_NAMES does not decode";
  EXPECT_TRUE(o.ski);
  const certificate_view cert = must_read(der);
  EXPECT_FALSE(cert.subject_alt_names);
  EXPECT_TRUE(cert.quirks.has(quirk::der_bad_extension));
  EXPECT_TRUE(cert.quirks.has(quirk::der_ber_encoding));
  EXPECT_TRUE(cert.subject_key_identifier);
}

struct san_case {
  const char* name;
  bytes_t general_name;
  bool openssl;  // X509_get_ext_d2i decodes the SAN
  bool alicert;  // read_certificate reports it
};

// A directoryName of one attribute, O = value.
bytes_t dirname(const bytes_t& value) {
  return enc(0xa4, enc(0x30, enc(0x31, enc(0x30, cat({enc(0x06, {0x55, 0x04, 0x0a}), value})))));
}
bytes_t edi(const bytes_t& party) { return enc(0xa5, enc(0xa1, party)); }
bytes_t other_name(const bytes_t& value) {
  return enc(0xa0, cat({enc(0x06, {0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x14, 0x02, 0x03}), enc(0xa0, value)}));
}
bytes_t seg(const bytes_t& content) { return enc(0x04, content); }

std::vector<san_case> san_cases() {
  const bytes_t ab = text("ab"), garbage = text("alicert fuzz");
  return {
      // X509_NAME values: joined, then put in canonical form (UTF-8 checked).
      {"dirname_utf8_raw_bytes", dirname(enc(0x2c, garbage)), false, false},
      {"dirname_utf8_segments", dirname(enc(0x2c, cat({seg(ab), seg(text("c"))}))), true, true},
      {"dirname_utf8_char_split_across_segments", dirname(enc(0x2c, cat({seg({0xc3}), seg({0xa9})}))), true, true},
      {"dirname_utf8_invalid_across_segments", dirname(enc(0x2c, cat({seg({0xc3}), seg(text("a"))}))), false, false},
      {"dirname_utf8_cut_at_the_end", dirname(enc(0x2c, cat({seg(text("a")), seg({0xc3})}))), false, false},
      {"dirname_utf8_one_invalid_segment", dirname(enc(0x2c, seg({0xff}))), false, false},
      {"dirname_utf8_segments_of_any_class", dirname(enc(0x2c, cat({enc(0x80, ab), enc(0xc5, text("c"))}))), true, true},
      {"dirname_utf8_five_levels_deep", dirname(enc(0x2c, nest(0x24, seg(ab), 5))), true, true},
      {"dirname_utf8_six_levels_deep", dirname(enc(0x2c, nest(0x24, seg(ab), 6))), false, false},
      {"dirname_utf8_eoc_in_definite_length", dirname(enc(0x2c, cat({seg(ab), {0, 0}}))), false, false},
      {"dirname_utf8_indefinite", dirname(enc(0x2c, seg(ab), form::indefinite)), true, true},
      {"dirname_utf8_indefinite_inside", dirname(enc(0x2c, enc(0x24, cat({seg(ab), seg(ab)}), form::indefinite))), true, true},
      {"dirname_utf8_empty_constructed", dirname(enc(0x2c, {})), true, true},
      {"dirname_bmp_unit_split", dirname(enc(0x3e, cat({seg({0x00}), seg({'a'})}))), true, true},
      {"dirname_bmp_odd_length", dirname(enc(0x3e, cat({seg({0x00, 'a'}), seg({0x00})}))), false, false},
      {"dirname_bmp_surrogate_split", dirname(enc(0x3e, cat({seg({0xd8}), seg({0x00})}))), false, false},
      {"dirname_universal_split", dirname(enc(0x3c, cat({seg({0, 0}), seg({0, 'a'})}))), true, true},
      {"dirname_universal_above_unicode", dirname(enc(0x3c, cat({seg({0, 0x11}), seg({0, 'a'})}))), false, false},
      {"dirname_bit_string_split", dirname(enc(0x23, cat({enc(0x03, {0}), enc(0x03, {0, 0xff})}))), true, true},
      {"dirname_bit_string_unused_bits_in_second_segment",
       dirname(enc(0x23, cat({enc(0x03, {}), enc(0x03, {9, 0xff})}))), false, false},
      {"dirname_bit_string_only_empty_segments", dirname(enc(0x23, cat({enc(0x03, {}), enc(0x03, {})}))), false, false},
      {"dirname_printable_raw_bytes", dirname(enc(0x33, garbage)), false, false},
      {"dirname_printable_segments", dirname(enc(0x33, cat({seg(ab), seg(ab)}))), true, true},
      {"dirname_ia5_raw_bytes", dirname(enc(0x36, garbage)), false, false},
      {"dirname_t61_raw_bytes", dirname(enc(0x34, garbage)), false, false},
      {"dirname_tag_29_raw_bytes", dirname(enc(0x3d, garbage)), false, false},
      // A SEQUENCE value is kept as its encoding, unread, but it must be constructed.
      {"dirname_sequence_any_content", dirname(enc(0x30, text("alicert"))), true, true},
      {"dirname_primitive_sequence", dirname(enc(0x10, {0x02, 0x01, 0x01})), false, false},
      // EDIPartyName's DirectoryString: joined, lengths checked, no canonical form.
      {"edi_utf8_raw_bytes", edi(enc(0x2c, garbage)), false, false},
      {"edi_utf8_segments", edi(enc(0x2c, cat({seg(ab), seg(ab)}))), true, true},
      {"edi_utf8_invalid_is_no_concern", edi(enc(0x0c, {0xff})), true, true},
      {"edi_bmp_odd_length", edi(enc(0x1e, {0x00, 'a', 0x00})), false, false},
      {"edi_bmp_odd_length_across_segments", edi(enc(0x3e, cat({seg({0x00}), seg({'a', 0x00})}))), false, false},
      {"edi_bmp_surrogate_is_no_concern", edi(enc(0x1e, {0xd8, 0x00})), true, true},
      {"edi_universal_bad_length", edi(enc(0x1c, {0, 0, 0})), false, false},
      {"edi_name_assigner_raw_bytes", enc(0xa5, cat({enc(0xa0, enc(0x2c, garbage)), enc(0xa1, enc(0x0c, text("x")))})),
       false, false},
      // otherName's ANY: joined, then the decoder's checks for the type.
      {"other_name_bmp_odd_across_segments", other_name(enc(0x3e, cat({seg({0x00}), seg({'a', 0x00})}))), false, false},
      {"other_name_bmp_even_across_segments", other_name(enc(0x3e, cat({seg({0x00}), seg({'a'})}))), true, true},
      {"other_name_bit_string_unused_bits_in_second_segment",
       other_name(enc(0x23, cat({enc(0x03, {}), enc(0x03, {9})}))), false, false},
      {"other_name_utf8_invalid_is_no_concern", other_name(enc(0x2c, cat({seg({0xc3}), seg({'a'})}))), true, true},
      {"other_name_utf8_six_levels_deep", other_name(enc(0x2c, nest(0x24, seg(ab), 6))), false, false},
      // dNSName (an IMPLICIT IA5String): joined the same way.
      {"dns_five_levels_deep", enc(0xa2, nest(0x24, seg(text("a.com")), 5)), true, true},
      {"dns_six_levels_deep", enc(0xa2, nest(0x24, seg(text("a.com")), 6)), false, false},
      {"dns_empty_segment_then_one", enc(0xa2, cat({seg({}), seg(text("a.com"))})), true, true},
      {"dns_eoc_in_definite_length", enc(0xa2, cat({seg(text("a.com")), {0, 0}})), false, false},
      {"dns_raw_bytes", enc(0xa2, garbage), false, false},
      {"dns_one_indefinite_segment", enc(0xa2, seg(text("a.com")), form::indefinite), true, true},
      // On purpose: two non-empty segments cannot be viewed without a copy, so
      // the zero-copy reader reports the SAN absent (quirk::der_ber_encoding)
      // where OpenSSL joins them (fuzz/README.md, divergences).
      {"dns_two_segments", enc(0xa2, cat({seg(text("a.")), seg(text("com"))})), true, false},
  };
}

bytes_t with_extensions(const bytes_t& extensions) {
  mutant_base m;
  m.tbs[7] = node{0xa3, enc(0x30, extensions)};
  return m.build();
}

const bytes_t san_oid(std::begin(oids::subject_alt_name), std::end(oids::subject_alt_name));
const bytes_t ski_oid(std::begin(oids::subject_key_identifier), std::end(oids::subject_key_identifier));

TEST(ber_strings, san_present_exactly_when_openssl_decodes_it) {
  for (const san_case& c : san_cases()) {
    SCOPED_TRACE(c.name);
    const bytes_t der = with_extensions(extension(san_oid, enc(0x30, cat({c.general_name, enc(0x82, text("ok.com"))}))));
    EXPECT_EQ(openssl_extensions(der).san, c.openssl) << "the oracle disagrees with the case table";
    const certificate_view cert = must_read(der);
    EXPECT_EQ(cert.subject_alt_names.has_value(), c.alicert);
    EXPECT_EQ(cert.quirks.has(quirk::der_bad_extension), !c.alicert);
    if (c.openssl != c.alicert) EXPECT_TRUE(cert.quirks.has(quirk::der_ber_encoding));
    // A SAN alicert reports walks to its end, both names included.
    if (cert.subject_alt_names) {
      general_name_reader reader(*cert.subject_alt_names);
      general_name g;
      int names = 0;
      while (reader.next(g)) ++names;
      EXPECT_FALSE(reader.malformed());
      EXPECT_EQ(names, 2);
    }
  }
}

TEST(ber_strings, ski_present_exactly_when_openssl_decodes_it) {
  struct ski_case {
    const char* name;
    bytes_t inner;
    bool openssl, alicert;
  };
  const bytes_t id{1, 2};
  const std::vector<ski_case> cases = {
      {"five_levels_deep", enc(0x24, nest(0x24, seg(id), 5)), true, true},
      {"six_levels_deep", enc(0x24, nest(0x24, seg(id), 6)), false, false},
      {"empty_segment_then_one", enc(0x24, cat({seg({}), seg(id)})), true, true},
      {"eoc_in_definite_length", enc(0x24, cat({seg(id), {0, 0}})), false, false},
      {"raw_bytes", enc(0x24, text("alicert")), false, false},
      // On purpose, as for the SAN: two segments would need a copy.
      {"two_segments", enc(0x24, cat({seg({1}), seg({2})})), true, false},
  };
  for (const ski_case& c : cases) {
    SCOPED_TRACE(c.name);
    const bytes_t der = with_extensions(extension(ski_oid, c.inner));
    EXPECT_EQ(openssl_extensions(der).ski, c.openssl) << "the oracle disagrees with the case table";
    const certificate_view cert = must_read(der);
    ASSERT_EQ(cert.subject_key_identifier.has_value(), c.alicert);
    if (cert.subject_key_identifier) EXPECT_EQ(hex(*cert.subject_key_identifier), "0102");
    EXPECT_EQ(cert.quirks.has(quirk::der_bad_extension), !c.alicert);
  }
}

}  // namespace
}  // namespace alicert::x509
