// The OID table against OpenSSL's object database, and dotted-text conversions.
#include <gtest/gtest.h>

#include <openssl/objects.h>

#include <string>
#include <vector>

#include "alicert/x509/oid.h"

namespace alicert::x509 {
namespace {

std::string format(std::span<const std::uint8_t> oid) {
  char buf[256];
  return std::string(format_oid(oid, buf));
}

TEST(oid, table_matches_openssl_names) {
  for (const oid_info& info : known_oids()) {
    const std::string dotted(info.dotted);
    ASN1_OBJECT* obj = OBJ_txt2obj(dotted.c_str(), 1);
    ASSERT_NE(obj, nullptr) << dotted;
    const int nid = OBJ_obj2nid(obj);
    ASSERT_NE(nid, NID_undef) << dotted;
    EXPECT_EQ(info.long_name, OBJ_nid2ln(nid)) << dotted;
    if (info.short_name != "STREET") EXPECT_EQ(info.short_name, OBJ_nid2sn(nid)) << dotted;
    const std::span<const std::uint8_t> der(OBJ_get0_data(obj), OBJ_length(obj));
    EXPECT_TRUE(same_oid(info.der, der)) << dotted;
    EXPECT_EQ(format(info.der), dotted);
    EXPECT_EQ(find_oid(der), &info);
    ASN1_OBJECT_free(obj);
  }
}

TEST(oid, formats_like_openssl) {
  const std::vector<std::vector<std::uint8_t>> cases = {
      {0x2a},                                  // 1.2
      {0x00},                                  // 0.0
      {0x4f},                                  // 1.39
      {0x50},                                  // 2.0
      {0x81, 0x34, 0x03},                      // 2.100.3
      {0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x3c, 0x02, 0x01, 0x03},
      {0x2a, 0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},            // 64-bit arc
      {0x2a, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00},            // 2^64
      {0x2a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},  // 84-bit arc
      {0x8f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},            // huge first arc
  };
  for (const auto& c : cases) {
    const unsigned char* p = c.data();
    ASN1_OBJECT* obj = nullptr;
    // Build the object from content octets through its DER TLV.
    std::vector<unsigned char> tlv = {0x06, static_cast<unsigned char>(c.size())};
    tlv.insert(tlv.end(), c.begin(), c.end());
    p = tlv.data();
    obj = d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(tlv.size()));
    ASSERT_NE(obj, nullptr);
    char text[256];
    OBJ_obj2txt(text, sizeof text, obj, 1);
    EXPECT_EQ(format(c), text);
    ASN1_OBJECT_free(obj);
  }
}

TEST(oid, invalid_and_too_small) {
  const std::uint8_t lead_80[] = {0x2a, 0x80, 0x01};
  const std::uint8_t unfinished[] = {0x2a, 0x86};
  char buf[64];
  EXPECT_TRUE(format_oid(lead_80, buf).empty());
  EXPECT_TRUE(format_oid(unfinished, buf).empty());
  EXPECT_TRUE(format_oid({}, buf).empty());
  EXPECT_FALSE(valid_oid(lead_80));
  char tiny[3];
  const std::uint8_t cn[] = {0x55, 0x04, 0x03};
  EXPECT_TRUE(format_oid(cn, tiny).empty());
  char exact[7];
  EXPECT_EQ(format_oid(cn, exact), "2.5.4.3");
}

TEST(oid, parse_dotted) {
  std::uint8_t out[32];
  auto r = parse_oid("1.2.840.113549.1.1.11", out);
  ASSERT_TRUE(r);
  EXPECT_EQ(format({out, *r}), "1.2.840.113549.1.1.11");
  auto big = parse_oid("2.999.18446744073709551615", out);
  ASSERT_TRUE(big);
  EXPECT_EQ(format({out, *big}), "2.999.18446744073709551615");
  for (const char* bad : {"", "1", "3.1", "1.40", "1..2", "1.2.", "a.b", "1.2.18446744073709551616"})
    EXPECT_FALSE(parse_oid(bad, out)) << bad;
  std::uint8_t small[2];
  EXPECT_FALSE(parse_oid("1.2.840", small));
}

TEST(oid, signature_names) {
  char scratch[64];
  const std::uint8_t sha256_rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b};
  EXPECT_EQ(signature_algorithm_name(sha256_rsa, scratch), "sha256WithRSAEncryption");
  const std::uint8_t unknown[] = {0x2b, 0x06, 0x01, 0x04, 0x01, 0x02, 0x03};
  EXPECT_EQ(signature_algorithm_name(unknown, scratch), "1.3.6.1.4.1.2.3");
}

}  // namespace
}  // namespace alicert::x509
