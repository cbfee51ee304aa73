// The error envelope: a successfully parsed document of its own kind.
#include "support.h"

namespace alicert::test {
namespace {

TEST(ApiError, KmsCertificateNotFound) {
  parsed r(R"({
  "RequestId": "edb671a3-c5a1-4ebe-a1de-d748b640bdf2",
  "HostId": "kms.cn-hangzhou.aliyuncs.com",
  "Code": "Certificate.NotFound",
  "Message": "The specified certificate is not found.",
  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Certificate.NotFound&product=Kms"
})");
  ASSERT_PARSED(r);
  const document_view& d = *r.doc;
  EXPECT_EQ(d.kind, api::api_error);
  ASSERT_NE(d.error, nullptr);
  EXPECT_EQ(d.cas, nullptr);
  EXPECT_EQ(d.kms_describe, nullptr);
  EXPECT_EQ(d.kms_get, nullptr);
  EXPECT_EQ(d.cdn, nullptr);
  EXPECT_EQ(d.error->code.value, "Certificate.NotFound");
  EXPECT_EQ(d.error->message.value, "The specified certificate is not found.");
  EXPECT_EQ(d.error->request_id.value, "edb671a3-c5a1-4ebe-a1de-d748b640bdf2");
  EXPECT_EQ(d.error->host_id.value, "kms.cn-hangzhou.aliyuncs.com");
  EXPECT_EQ(d.error->recommend.value, "https://next.api.aliyun.com/troubleshoot?q=Certificate.NotFound&product=Kms");
  EXPECT_TRUE(d.error->access_denied_detail.absent());
  EXPECT_EQ(d.request_id.value, "edb671a3-c5a1-4ebe-a1de-d748b640bdf2");
  EXPECT_QUIRKS(d.quirks);
}

TEST(ApiError, CdnLowerCaseKeysAnyOrder) {
  parsed r(R"({"message": "The certificate does not exist.", "requestId": "5C1E", "code": "CertNotExisted", "hostId": "cdn.aliyuncs.com"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::api_error);
  EXPECT_EQ(r.doc->error->code.value, "CertNotExisted");
  EXPECT_EQ(r.doc->error->message.value, "The certificate does not exist.");
  EXPECT_EQ(r.doc->error->host_id.value, "cdn.aliyuncs.com");
  EXPECT_EQ(r.doc->error->request_id.value, "5C1E");
  EXPECT_TRUE(r.doc->error->recommend.absent());
  EXPECT_QUIRKS(r.doc->quirks, quirk::lowercase_keys);
}

// Keys are read in place unless they hold escapes: an escaped key still
// names its field.
TEST(ApiError, EscapedKeysAreUnescaped) {
  parsed r(R"({"\u0043ode": "NotFound", "Mess\u0061ge": "m", "Request\u0049d": "r"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::api_error);
  EXPECT_EQ(r.doc->error->code.value, "NotFound");
  EXPECT_EQ(r.doc->error->message.value, "m");
  EXPECT_EQ(r.doc->request_id.value, "r");
}

TEST(ApiError, CasNotFoundCodeLast) {
  parsed r(R"({"RequestId": "r", "Message": "not found", "HostId": "cas.aliyuncs.com", "Code": "NotFound"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kind, api::api_error);
  EXPECT_EQ(r.doc->error->code.value, "NotFound");
  EXPECT_QUIRKS(r.doc->quirks);
}

TEST(ApiError, AccessDeniedDetailIsItsRawJsonText) {
  constexpr std::string_view detail =
      R"({"PolicyType": "AccountLevelIdentityBasedPolicy", "AuthPrincipalType": "SubUser", "AuthAction": "kms:DescribeCertificate", "NoPermissionType": "ImplicitDeny", "EncodedDiagnosticMessage": "AQE\u0041"})";
  parsed r(std::string(R"({"Code": "Forbidden.RAM", "Message": "denied", "AccessDeniedDetail": )") +
           std::string(detail) + R"(, "RequestId": "r"})");
  ASSERT_PARSED(r);
  const reported_text& a = r.doc->error->access_denied_detail;
  ASSERT_TRUE(a.present());
  EXPECT_EQ(a.value, detail);
  EXPECT_EQ(a.text, detail);
  EXPECT_EQ(a.offset, r.at(R"({"PolicyType")"));
  EXPECT_TRUE(r.in_input(a.value));  // raw text: never copied
}

TEST(ApiError, AccessDeniedDetailAsStringOrArray) {
  parsed s(R"({"Code": "Forbidden", "AccessDeniedDetail": "plain text"})");
  ASSERT_PARSED(s);
  EXPECT_EQ(s.doc->error->access_denied_detail.value, "plain text");
  parsed a(R"({"Code": "Forbidden", "AccessDeniedDetail": [1, {"a": []}] })");
  ASSERT_PARSED(a);
  EXPECT_EQ(a.doc->error->access_denied_detail.value, R"([1, {"a": []}])");
}

TEST(ApiError, MalformedAccessDeniedDetailIsMalformedJson) {
  parsed r(R"({"Code": "Forbidden", "AccessDeniedDetail": {"a": 1,}})");
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::malformed_json);
  EXPECT_EQ(r.doc.error().pointer, "/AccessDeniedDetail");
}

TEST(ApiError, WrongTypeOfCode) {
  parsed r(R"({"Code": {"x": 1}, "Message": "m"})");
  ASSERT_FALSE(r.doc.has_value());
  EXPECT_EQ(r.doc.error().code, error_code::wrong_type);
  EXPECT_EQ(r.doc.error().pointer, "/Code");
  EXPECT_EQ(r.doc.error().offset, r.at(R"({"x")"));
}

TEST(ApiError, NumericCodeKeptAsText) {
  parsed r(R"({"Code": 404, "Message": "m"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->error->code.value, "404");
  EXPECT_QUIRKS(r.doc->quirks, quirk::string_as_number);
}

TEST(ApiError, DuplicateCodeFirstWins) {
  parsed r(R"({"Code": "A", "code": "B"})");
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->error->code.value, "A");
  EXPECT_QUIRKS(r.doc->quirks, quirk::duplicate_key);
}

}  // namespace
}  // namespace alicert::test
