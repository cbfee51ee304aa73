// Each quirk the responses wing records, each from the smallest document that
// shows it, with the exact quirk set; and a documented-shape document of each
// API records none.
#include "support.h"

namespace alicert::test {
namespace {

struct quirk_case {
  quirk expected;
  std::string json;
  std::vector<quirk> also;  // quirks the same document also records, by nature
};

std::vector<quirk_case> cases() {
  return {
      {quirk::number_as_string, cas_with(R"("KeySize": "2048")"), {}},
      {quirk::string_as_number, cdn_with(R"("CertId": 1644)"), {quirk::cert_infos_ambiguous}},
      {quirk::bool_as_string, kms_with(R"("ExportablePrivateKey": "true")"), {}},
      {quirk::empty_string_as_absent, cas_with(R"("Days": "")"), {}},
      {quirk::duplicate_key, kms_with(R"("Serial": "1", "Serial": "2")"), {}},
      {quirk::sans_trailing_comma, cas_with(R"("Sans": "[{\"Type\": 2, \"Value\": \"a\"}, ]")"), {}},
      {quirk::sans_as_array, cas_with(R"("Sans": [{"Type": 2, "Value": "a"}])"), {}},
      {quirk::sans_as_string, kms_with(R"("SubjectAlternativeNames": "[\"a\"]")"), {}},
      {quirk::sans_wrapper_object, kms_with(R"("SubjectAlternativeNames": {"SubjectAlternativeName": ["a"]})"), {}},
      {quirk::sans_single_value, kms_with(R"("SubjectAlternativeNames": "a")"), {quirk::sans_as_string}},
      {quirk::sans_comma_separated, kms_with(R"("SubjectAlternativeNames": "a,b")"), {quirk::sans_as_string}},
      {quirk::sans_empty_entry, kms_with(R"("SubjectAlternativeNames": ["a", ""])"), {}},
      {quirk::domain_list_as_array, cdn_with(R"("DomainList": ["a"])"), {}},
      {quirk::domain_list_comma_separated, cdn_with(R"("DomainList": "a,b")"), {}},
      {quirk::domain_list_single, cdn_with(R"("DomainList": "a")"), {}},
      {quirk::domain_list_empty_entry, cdn_with(R"("DomainList": "[\"\", \"a\"]")"), {}},
      {quirk::tags_as_string, kms_with(R"("Tags": "{\"k\": \"v\"}")"), {}},
      {quirk::tags_as_object, cas_with(R"("Tags": {"k": "v"})"), {}},
      {quirk::tags_unparseable, kms_with(R"("Tags": [{"key1": "value"}, "key2"])"), {}},
      {quirk::tag_value_escaped_json, cas_with(R"("Tags": [{"TagKey": "k", "TagValue": "[{\\\"a\\\":1}]"}])"), {}},
      {quirk::cert_info_single_object, R"({"CertInfos": {"CertInfo": {"CertId": "1", "CreateTime": null}}})", {}},
      {quirk::cert_info_bare_array, R"({"CertInfos": [{"CertId": "1", "CreateTime": null}]})", {}},
      {quirk::cert_info_empty, R"({"CertInfos": {}})", {quirk::cert_infos_ambiguous}},
      {quirk::cert_infos_ambiguous, R"({"CertInfos": {"CertInfo": [{"CertId": "1"}]}})", {}},
      {quirk::cert_infos_mixed, R"({"CertInfos": {"CertInfo": [{"CertId": "1", "CreateTime": null}, {"DomainName": "a"}]}})", {}},
      {quirk::list_single_object, R"({"CertificateOrderList": {"CertificateId": 1}})", {}},
      {quirk::list_empty, R"({"CertificateOrderList": {}})", {}},
      {quirk::list_bare_array, R"({"ServerCertificates": [{"ServerCertificateId": "a"}]})", {}},
      {quirk::more_pages, R"({"CertificateOrderList": [{"CertificateId": 1}], "TotalCount": 3, "CurrentPage": 1, "ShowSize": 1})", {}},
      {quirk::date_zoneless, R"({"CertInfos": {"CertInfo": [{"DomainName": "a", "CertExpireTime": "2027-01-01 00:00:00"}]}})", {}},
      {quirk::cert_identifier_id, R"({"Id": 12, "CertIdentifier": "13-cn-hangzhou", "Cert": null})", {}},
      {quirk::date_fractional_seconds, kms_with(R"("NotBefore": "2020-10-13T03:09:00.25Z")"), {}},
      {quirk::date_numeric_offset, kms_with(R"("NotBefore": "2020-10-13T11:09:00+08:00")"), {}},
      {quirk::date_iso8601_in_cdn, cdn_with(R"("CreateTime": "2015-12-21T08:02:07Z")"), {}},
      {quirk::lowercase_keys, R"({"code": "NotFound"})", {}},
  };
}

TEST(Quirks, EachQuirkOfTheResponsesWing) {
  for (const quirk_case& c : cases()) {
    parsed r(c.json);
    ASSERT_PARSED(r);
    quirk_set expected;
    expected.add(c.expected);
    for (quirk q : c.also) expected.add(q);
    EXPECT_EQ(names(r.doc->quirks), names(expected)) << quirk_name(c.expected) << ": " << c.json;
  }
}

TEST(Quirks, AnArrayOfTagsHeldInAnArrayIsUnparseableNotAnError) {
  // A real JSON array, not a string: the walker's raw text goes through the same reader.
  parsed r(kms_with(R"("Tags": [["k", "v"]])"));
  ASSERT_PARSED(r);
  EXPECT_EQ(r.doc->kms_describe->tags.state, field_state::unreadable);
  EXPECT_EQ(r.doc->kms_describe->tags.text, R"([["k", "v"]])");
  EXPECT_QUIRKS(r.doc->quirks, quirk::tags_unparseable);
}

TEST(Quirks, QuirksDoNotLeakFromOneDocumentToTheNext) {
  parser p;
  padded_buffer a(cas_with(R"("KeySize": "2048", "Sans": [{"Type": 2, "Value": "a"}])"));
  padded_buffer b(cas_with(R"("KeySize": 2048)"));
  auto first = p.parse(a);
  ASSERT_TRUE(first.has_value());
  EXPECT_QUIRKS(first->quirks, quirk::number_as_string, quirk::sans_as_array);
  auto second = p.parse(b);
  ASSERT_TRUE(second.has_value());
  EXPECT_QUIRKS(second->quirks);
}

}  // namespace
}  // namespace alicert::test
