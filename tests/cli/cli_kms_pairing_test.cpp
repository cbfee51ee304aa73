// KMS pairing: a DescribeCertificate is checked with the GetCertificate of the
// same CertificateId in the same file, before or after it.
#include <gtest/gtest.h>

#include "fixtures.h"
#include "harness.h"

namespace alicert_cli_test {
namespace {

std::vector<record> run_records(const std::string& input, int& status) {
  temp_dir dir;
  const auto r = run_cli({"check", "--json", "--now", "2030-01-01T00:00:00Z", dir.write("kms.ndjson", input)});
  status = r.status;
  return records_of(r);
}

const record* find_api(const std::vector<record>& records, std::string_view api, std::size_t nth = 0) {
  for (const auto& r : records)
    if (r.api && *r.api == api && nth-- == 0) return &r;
  return nullptr;
}

void expect_paired(const record& describe, std::string_view serial_status) {
  ASSERT_EQ(describe.certificates.size(), 1u);
  const auto& c = describe.certificates[0];
  EXPECT_EQ(c.id, std::optional<std::string>("kms-cert-1"));
  // The certificate's own fields come from the paired GetCertificate.
  EXPECT_EQ(c.serial, std::optional<std::string>(fixtures::serial));
  EXPECT_EQ(c.validity_at_now, std::optional<std::string>("valid"));
  const auto* serial = c.find("serial");
  ASSERT_NE(serial, nullptr);
  EXPECT_EQ(serial->status, serial_status);
  EXPECT_EQ(serial->field, "Serial");
  const auto* not_after = c.find("not_after");
  ASSERT_NE(not_after, nullptr);
  EXPECT_EQ(not_after->status, "match");
}

TEST(CliKmsPairing, GetAfterDescribe) {
  int status = -1;
  const auto records =
      run_records(fixtures::kms_describe("kms-cert-1") + "\n" + fixtures::kms_get("kms-cert-1") + "\n", status);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].api, std::optional<std::string>("kms.DescribeCertificate"));
  EXPECT_EQ(records[1].api, std::optional<std::string>("kms.GetCertificate"));
  expect_paired(records[0], "match");
  EXPECT_EQ(status, 0);
}

TEST(CliKmsPairing, GetBeforeDescribe) {
  int status = -1;
  const auto records = run_records(fixtures::api_error() + fixtures::kms_get("kms-cert-1") + "\n" +
                                       fixtures::api_error() + "\n" + fixtures::kms_describe("kms-cert-1"),
                                   status);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].api, std::optional<std::string>("kms.GetCertificate"));
  EXPECT_EQ(records[3].api, std::optional<std::string>("kms.DescribeCertificate"));
  expect_paired(records[3], "match");
  EXPECT_EQ(status, 0);
}

TEST(CliKmsPairing, PairedMismatchExitsOne) {
  for (bool get_first : {false, true}) {
    const auto describe = fixtures::kms_describe("kms-cert-1", "deadbeef");
    const auto get = fixtures::kms_get("kms-cert-1");
    int status = -1;
    const auto records = run_records(get_first ? get + "\n" + describe : describe + "\n" + get, status);
    const record* d = find_api(records, "kms.DescribeCertificate");
    ASSERT_NE(d, nullptr);
    expect_paired(*d, "mismatch");
    EXPECT_EQ(status, 1) << get_first;
  }
}

TEST(CliKmsPairing, GetCertificateRecordListsItsCertificate) {
  int status = -1;
  const auto records = run_records(fixtures::kms_get("kms-cert-1"), status);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].certificates.size(), 1u);
  const auto& c = records[0].certificates[0];
  EXPECT_EQ(c.serial, std::optional<std::string>(fixtures::serial));
  const auto* cert = c.find("certificate");
  ASSERT_NE(cert, nullptr);
  EXPECT_EQ(cert->status, "match");
  EXPECT_EQ(status, 0);
}

TEST(CliKmsPairing, WithoutItsGetTheChecksAreUnverifiable) {
  // The only GetCertificate has another id: nothing to compare with, and a
  // wrong serial is then not a mismatch.
  int status = -1;
  const auto records = run_records(
      fixtures::kms_describe("kms-cert-1", "deadbeef") + "\n" + fixtures::kms_get("kms-cert-2") + "\n", status);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_EQ(records[0].certificates.size(), 1u);
  const auto& c = records[0].certificates[0];
  EXPECT_FALSE(c.serial);
  EXPECT_FALSE(c.validity_at_now);
  const auto* serial = c.find("serial");
  ASSERT_NE(serial, nullptr);
  EXPECT_EQ(serial->status, "unverifiable");
  EXPECT_EQ(status, 0);
}

TEST(CliKmsPairing, PairingSpansFiles) {
  // The FILEs are read in order as one sequence: a describe pairs with the
  // GetCertificate of another file, before or after it.
  temp_dir dir;
  const auto describe = dir.write("describe.json", fixtures::kms_describe("kms-cert-1", "deadbeef"));
  const auto get = dir.write("get.json", fixtures::kms_get("kms-cert-1"));
  for (const bool get_first : {true, false}) {
    const auto r = get_first ? run_cli({"check", "--json", "--now", "2030-01-01T00:00:00Z", get, describe})
                             : run_cli({"check", "--json", "--now", "2030-01-01T00:00:00Z", describe, get});
    std::string problem;
    const auto records = parse_records(r.out, problem);
    ASSERT_EQ(records.size(), 2u) << problem;
    const record& d = records[get_first ? 1 : 0];
    EXPECT_EQ(d.input, describe);
    EXPECT_EQ(d.index, 0u);
    EXPECT_EQ(d.api, std::optional<std::string>("kms.DescribeCertificate"));
    expect_paired(d, "mismatch");
    EXPECT_EQ(r.status, 1) << get_first;
  }
}

TEST(CliKmsPairing, UnpairedNoteNamesTheWindow) {
  int status = -1;
  const auto records = run_records(fixtures::kms_describe("kms-cert-1") + "\n", status);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].certificates.size(), 1u);
  const auto* certificate = records[0].certificates[0].find("certificate");
  ASSERT_NE(certificate, nullptr);
  EXPECT_EQ(certificate->status, "unverifiable");
  EXPECT_NE(certificate->note.value_or("").find("within the pairing window"), std::string::npos)
      << certificate->note.value_or("(no note)");
  EXPECT_EQ(status, 0);
}

TEST(CliKmsPairing, ManyDescribesShareOneGet) {
  std::string input = fixtures::kms_describe("kms-cert-1") + "\n";
  for (int i = 0; i < 3; ++i) input += fixtures::kms_describe("kms-cert-1", "deadbeef") + "\n";
  input += fixtures::kms_get("kms-cert-1") + "\n";
  int status = -1;
  const auto records = run_records(input, status);
  ASSERT_EQ(records.size(), 5u);
  expect_paired(records[0], "match");
  for (int i = 1; i <= 3; ++i) expect_paired(records[static_cast<std::size_t>(i)], "mismatch");
  EXPECT_EQ(status, 1);
}

TEST(CliKmsPairing, ABrokenDocumentDoesNotBreakThePairing) {
  int status = -1;
  const auto records = run_records(fixtures::kms_get("kms-cert-1") + "\n{\"RequestId\":,}\n" +
                                       fixtures::kms_describe("kms-cert-1") + "\n",
                                   status);
  const record* d = find_api(records, "kms.DescribeCertificate");
  ASSERT_NE(d, nullptr);
  expect_paired(*d, "match");
  EXPECT_EQ(status, 2);
}

}  // namespace
}  // namespace alicert_cli_test

namespace alicert_cli_test {
namespace {

// Two GetCertificates with one CertificateId: the first counts, and the
// describe's `certificate` finding says so (it is never paired silently).
TEST(CliKmsPairing, AmbiguousPairIsNoted) {
  int status = -1;
  const auto records = run_records(fixtures::kms_get("kms-cert-1") + "\n" + fixtures::kms_describe("kms-cert-1") +
                                       "\n" + fixtures::kms_get("kms-cert-1") + "\n",
                                   status);
  const record* describe = find_api(records, "kms.DescribeCertificate");
  ASSERT_NE(describe, nullptr);
  ASSERT_EQ(describe->certificates.size(), 1u);
  const auto* certificate = describe->certificates[0].find("certificate");
  ASSERT_NE(certificate, nullptr);
  EXPECT_EQ(certificate->status, "match");
  EXPECT_NE(certificate->note.value_or("").find("more than one GetCertificate"), std::string::npos);
  // With one GetCertificate, the note names the pairing without that warning.
  const auto single = run_records(fixtures::kms_describe("kms-cert-1") + "\n" + fixtures::kms_get("kms-cert-1") + "\n",
                                  status);
  const auto* one = find_api(single, "kms.DescribeCertificate")->certificates[0].find("certificate");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->note.value_or("").find("more than one"), std::string::npos);
}

}  // namespace
}  // namespace alicert_cli_test
