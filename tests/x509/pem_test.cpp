// PEM armour shapes and the base64 decoder.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "alicert/limits.h"
#include "alicert/x509/pem.h"
#include "x509_test_support.h"

namespace alicert::x509 {
namespace {

// "hello world!" is 12 bytes: a block without padding.
constexpr std::string_view body = "aGVsbG8g\nd29ybGQh";
const std::string canonical = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQh\n-----END CERTIFICATE-----\n";

std::string der_text(const pem_block& b) {
  return {reinterpret_cast<const char*>(b.der.data()), b.der.size()};
}

struct decoded {
  std::vector<std::string> ders;
  std::vector<std::string> labels;
  quirk_set quirks;
};

decoded decode_ok(std::string_view text) {
  pem_decoder d;
  decoded out;
  auto r = d.decode(text, &out.quirks);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message) << " in: " << text;
  if (r)
    for (const pem_block& b : *r) {
      out.ders.push_back(der_text(b));
      out.labels.emplace_back(b.label);
    }
  return out;
}

error_code decode_error(std::string_view text, std::size_t* offset = nullptr) {
  pem_decoder d;
  auto r = d.decode(text, nullptr);
  EXPECT_FALSE(r.has_value()) << text;
  if (r) return error_code::empty_input;
  if (offset) *offset = r.error().offset;
  return r.error().code;
}

TEST(pem, canonical_has_no_quirks) {
  const decoded d = decode_ok(canonical);
  ASSERT_EQ(d.ders.size(), 1u);
  EXPECT_EQ(d.ders[0], "hello world!");
  EXPECT_EQ(d.labels[0], "CERTIFICATE");
  EXPECT_TRUE(d.quirks.empty());
}

TEST(pem, crlf) {
  const decoded d = decode_ok("-----BEGIN CERTIFICATE-----\r\naGVsbG8g\r\nd29ybGQh\r\n-----END CERTIFICATE-----\r\n");
  EXPECT_EQ(d.ders.at(0), "hello world!");
  EXPECT_TRUE(d.quirks.has(quirk::pem_crlf));
  EXPECT_FALSE(d.quirks.has(quirk::pem_surrounding_whitespace));
}

TEST(pem, escaped_newlines) {
  const decoded d = decode_ok(R"(-----BEGIN CERTIFICATE-----\naGVsbG8g\nd29ybGQh\n-----END CERTIFICATE-----\n)");
  EXPECT_EQ(d.ders.at(0), "hello world!");
  EXPECT_TRUE(d.quirks.has(quirk::pem_escaped_newlines));
  EXPECT_FALSE(d.quirks.has(quirk::pem_missing_final_newline));
  const decoded crlf = decode_ok(R"(-----BEGIN CERTIFICATE-----\r\naGVsbG8gd29ybGQh\r\n-----END CERTIFICATE-----)");
  EXPECT_EQ(crlf.ders.at(0), "hello world!");
  EXPECT_TRUE(crlf.quirks.has(quirk::pem_escaped_newlines));
}

TEST(pem, spaces_for_newlines_on_one_line) {
  const decoded d = decode_ok("-----BEGIN CERTIFICATE----- aGVsbG8g d29ybGQh -----END CERTIFICATE-----");
  EXPECT_EQ(d.ders.at(0), "hello world!");
  EXPECT_TRUE(d.quirks.has(quirk::pem_spaces_for_newlines));
  EXPECT_TRUE(d.quirks.has(quirk::pem_missing_final_newline));
}

TEST(pem, public_key_label_with_spaces) {
  const decoded d = decode_ok("-----BEGIN PUBLIC KEY----- aGVsbG8gd29ybGQh -----END PUBLIC KEY-----");
  EXPECT_EQ(d.labels.at(0), "PUBLIC KEY");
}

TEST(pem, missing_final_newline) {
  const decoded d = decode_ok(canonical.substr(0, canonical.size() - 1));
  EXPECT_EQ(d.ders.at(0), "hello world!");
  EXPECT_TRUE(d.quirks.has(quirk::pem_missing_final_newline));
  EXPECT_FALSE(d.quirks.has(quirk::pem_surrounding_whitespace));
}

TEST(pem, surrounding_whitespace) {
  const decoded lead = decode_ok("\n  " + canonical);
  EXPECT_TRUE(lead.quirks.has(quirk::pem_surrounding_whitespace));
  const decoded trail = decode_ok(canonical + "\n\n  ");
  EXPECT_TRUE(trail.quirks.has(quirk::pem_surrounding_whitespace));
}

TEST(pem, explanatory_text_is_ignored) {
  const decoded d = decode_ok("subject=CN=x\nissuer=CN=y\n" + canonical + "trailer\n");
  EXPECT_EQ(d.ders.at(0), "hello world!");
}

TEST(pem, padding) {
  const decoded one = decode_ok("-----BEGIN X-----\naGk=\n-----END X-----\n");  // "hi"
  EXPECT_EQ(one.ders.at(0), "hi");
  const decoded two = decode_ok("-----BEGIN X-----\naA==\n-----END X-----\n");  // "h"
  EXPECT_EQ(two.ders.at(0), "h");
  const decoded split = decode_ok("-----BEGIN X-----\naG\nk\n=\n-----END X-----\n");
  EXPECT_EQ(split.ders.at(0), "hi");
}

TEST(pem, chain_of_three) {
  const decoded d = decode_ok(canonical + canonical + "\n" + canonical);
  ASSERT_EQ(d.ders.size(), 3u);
  for (const auto& s : d.ders) EXPECT_EQ(s, "hello world!");
  const decoded one_line = decode_ok(
      "-----BEGIN CERTIFICATE----- aGk= -----END CERTIFICATE----- -----BEGIN CERTIFICATE----- aA== "
      "-----END CERTIFICATE-----");
  ASSERT_EQ(one_line.ders.size(), 2u);
  EXPECT_EQ(one_line.ders[1], "h");
}

TEST(pem, offsets_of_blocks) {
  pem_decoder d;
  const std::string text = "xx\n" + canonical + canonical;
  auto r = d.decode(text, nullptr);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].offset, 3u);
  EXPECT_EQ((*r)[1].offset, 3u + canonical.size());
}

TEST(pem, invalid_base64) {
  std::size_t offset = 0;
  const std::string text = "-----BEGIN CERTIFICATE-----\naGVs*bG8gd29ybGQh\n-----END CERTIFICATE-----\n";
  EXPECT_EQ(decode_error(text, &offset), error_code::pem_invalid_base64);
  EXPECT_EQ(offset, text.find('*'));
  EXPECT_EQ(decode_error("-----BEGIN X-----\naGk=aGk=\n-----END X-----\n"), error_code::pem_invalid_base64);
  EXPECT_EQ(decode_error("-----BEGIN X-----\naGk\n-----END X-----\n"), error_code::pem_invalid_base64);
  EXPECT_EQ(decode_error("-----BEGIN X-----\na===\n-----END X-----\n"), error_code::pem_invalid_base64);
  EXPECT_EQ(decode_error("-----BEGIN X-----\naGk==\n-----END X-----\n"), error_code::pem_invalid_base64);
  EXPECT_EQ(decode_error("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\naGk=\n-----END X-----\n"),
            error_code::pem_invalid_base64);
  EXPECT_EQ(decode_error("-----BEGIN X-----\naG-k=\n-----END X-----\n"), error_code::pem_invalid_base64);
}

TEST(pem, bad_armour) {
  EXPECT_EQ(decode_error("-----BEGIN CERTIFICATE-----\naGk=\n"), error_code::pem_bad_armour);
  EXPECT_EQ(decode_error("-----BEGIN CERTIFICATE-----\naGk=\n-----END PUBLIC KEY-----\n"), error_code::pem_bad_armour);
  EXPECT_EQ(decode_error("-----BEGIN CERTIFICATE-----\naGk=\n-----BEGIN CERTIFICATE-----\naGk=\n-----END CERTIFICATE-----"),
            error_code::pem_bad_armour);
  EXPECT_EQ(decode_error("-----BEGIN CERTIFICATE\naGk=\n-----END CERTIFICATE-----\n"), error_code::pem_bad_armour);
}

TEST(pem, no_block) {
  EXPECT_EQ(decode_error(""), error_code::pem_no_block);
  EXPECT_EQ(decode_error("MIIBaGk="), error_code::pem_no_block);
  EXPECT_EQ(decode_error("-----END CERTIFICATE-----"), error_code::pem_no_block);
}

TEST(pem, too_many_blocks) {
  std::string text;
  for (std::size_t i = 0; i < limits::max_pem_blocks; ++i) text += canonical;
  EXPECT_EQ(decode_ok(text).ders.size(), limits::max_pem_blocks);
  text += canonical;
  EXPECT_EQ(decode_error(text), error_code::too_many_pem_blocks);
}

TEST(pem, decoder_reuse_keeps_results_until_next_call) {
  pem_decoder d;
  auto first = d.decode(canonical, nullptr);
  ASSERT_TRUE(first);
  EXPECT_EQ(der_text((*first)[0]), "hello world!");
  auto second = d.decode("-----BEGIN X-----\naGk=\n-----END X-----\n", nullptr);
  ASSERT_TRUE(second);
  EXPECT_EQ(der_text((*second)[0]), "hi");
  auto third = d.decode("no pem here", nullptr);
  EXPECT_FALSE(third);
}

TEST(pem, real_chain_file) {
  const std::string text = test::read_text(test::x509_data("chain.pem"));
  const decoded d = decode_ok(text);
  EXPECT_EQ(d.ders.size(), 3u);
  EXPECT_TRUE(d.quirks.empty());
}

TEST(base64, decodes_and_skips_whitespace) {
  std::uint8_t out[32];
  auto r = base64_decode("aGVs bG8g\nd29y\tbGQh", out);
  ASSERT_TRUE(r);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(out), *r), "hello world!");
  auto empty = base64_decode("", out);
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, 0u);
}

TEST(base64, every_byte_value_round_trips) {
  // Base64 of 0x00..0xff, checked against OpenSSL's encoder.
  unsigned char raw[256];
  for (int i = 0; i < 256; ++i) raw[i] = static_cast<unsigned char>(i);
  unsigned char text[400];
  const int n = EVP_EncodeBlock(text, raw, 256);
  std::uint8_t out[base64_max_decoded_size(400)];
  auto r = base64_decode({reinterpret_cast<char*>(text), static_cast<std::size_t>(n)}, out);
  ASSERT_TRUE(r);
  ASSERT_EQ(*r, 256u);
  EXPECT_EQ(0, std::memcmp(out, raw, 256));
}

TEST(base64, errors) {
  std::uint8_t out[16];
  auto bad = base64_decode("aGk\\n", out);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, error_code::pem_invalid_base64);
  EXPECT_EQ(bad.error().offset, 3u);
  EXPECT_EQ(base64_decode("aGk", out).error().code, error_code::pem_invalid_base64);
  EXPECT_EQ(base64_decode("=aGk", out).error().code, error_code::pem_invalid_base64);
  std::uint8_t tiny[2];
  EXPECT_EQ(base64_decode("aGVsbG8g", tiny).error().code, error_code::certificate_too_large);
}

}  // namespace
}  // namespace alicert::x509
