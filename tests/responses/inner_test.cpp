// The public tolerant readers for JSON held inside strings (inner.h).
#include "support.h"

namespace alicert::test {
namespace {

TEST(Inner, CasSansTrailingCommaAndEscapes) {
  inner_reader ir;
  quirk_set q;
  const std::string text = R"([ {"Type": 7, "Value": "192.0.2.1"}, {"Type": 2, "Value": "a\u002eexample"}, ])";
  auto r = ir.read_cas_sans(text, q);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].type, san_type::ip);
  EXPECT_EQ((*r)[0].value.data(), text.data() + text.find("192"));  // a view of the text
  EXPECT_EQ((*r)[1].value, "a.example");
  EXPECT_QUIRKS(q, quirk::sans_trailing_comma);
}

TEST(Inner, CasSansBareNamesAndEmpty) {
  inner_reader ir;
  quirk_set q;
  auto r = ir.read_cas_sans(R"(["a.example", {"Value": "b.example"}])", q);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].type, san_type::unspecified);
  EXPECT_EQ((*r)[1].value, "b.example");
  auto e = ir.read_cas_sans("  [ ]  ", q);
  ASSERT_TRUE(e.has_value());
  EXPECT_TRUE(e->empty());
}

TEST(Inner, CasSansInvalid) {
  inner_reader ir;
  quirk_set q;
  for (const char* bad : {"", "{}", "[", R"([{"Type": 2, "Value": "a"})", R"([{"Type": 2, "Value": "a"}] x)",
                          R"([{"Type": "x", "Value": "a"}])", R"([{"Type": 2, "Value": 5}])", "[,,]",
                          R"([{"Type": 2, "Value": "a\q"}])"}) {
    auto r = ir.read_cas_sans(bad, q);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, error_code::invalid_inner_json) << bad;
  }
  EXPECT_QUIRKS(q);
}

// The inner strings are scanned eight bytes at a time (json_string_stop): an
// escape, a quote or a control character is found wherever it falls in a
// word, and an escaped quote does not end the string.
TEST(Inner, CasSansStringsAcrossWordBoundaries) {
  inner_reader ir;
  quirk_set q;
  for (std::size_t pad = 0; pad < 17; ++pad) {
    const std::string name = std::string(pad, 'a') + "\\\"b.example";
    const std::string text = R"([{"Type": 2, "Value": ")" + name + R"("}])";
    auto r = ir.read_cas_sans(text, q);
    ASSERT_TRUE(r.has_value()) << pad;
    ASSERT_EQ(r->size(), 1u);
    EXPECT_EQ((*r)[0].value, std::string(pad, 'a') + "\"b.example") << pad;
    for (const char bad : {'\n', '\x01', '\x1f'}) {
      std::string broken = text;
      broken[text.find("b.example") + 1] = bad;
      auto e = ir.read_cas_sans(broken, q);
      ASSERT_FALSE(e.has_value()) << pad;
      EXPECT_EQ(e.error().code, error_code::invalid_inner_json);
    }
    auto cut = ir.read_cas_sans(text.substr(0, text.find("b.example")), q);
    EXPECT_FALSE(cut.has_value()) << pad;
  }
}

TEST(Inner, EmptyListWithATrailingComma) {
  // `[ , ]`: the documented sample's "every entry followed by a comma", with no entries.
  inner_reader ir;
  quirk_set q;
  auto s = ir.read_cas_sans("[ , ]", q);
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE(s->empty());
  EXPECT_QUIRKS(q, quirk::sans_trailing_comma);
  auto n = ir.read_name_list("[,]", name_list_kind::cdn_domain_list, q);
  ASSERT_TRUE(n.has_value());
  EXPECT_TRUE(n->empty());
  auto t = ir.read_tags("[ ,]", q);
  ASSERT_TRUE(t.has_value());
  EXPECT_TRUE(t->empty());
}

TEST(Inner, KmsSansWrapperHeldInAString) {
  inner_reader ir;
  quirk_set q;
  auto r = ir.read_name_list(R"({"Total": 2, "SubjectAlternativeName": ["a.example", "b.example"]})",
                             name_list_kind::kms_subject_alternative_names, q);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(values_of(*r), (std::vector<std::string>{"a.example", "b.example"}));
  EXPECT_QUIRKS(q, quirk::sans_wrapper_object);
  quirk_set c;
  auto cdn = ir.read_name_list(R"({"SubjectAlternativeName": ["a"]})", name_list_kind::cdn_domain_list, c);
  ASSERT_FALSE(cdn.has_value());
  EXPECT_EQ(cdn.error().code, error_code::invalid_inner_json);
}

TEST(Inner, NameListShapes) {
  inner_reader ir;
  {
    quirk_set q;
    auto r = ir.read_name_list(R"(["a", "b",])", name_list_kind::cdn_domain_list, q);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(values_of(*r), (std::vector<std::string>{"a", "b"}));
    EXPECT_QUIRKS(q, quirk::sans_trailing_comma);
  }
  {
    quirk_set q;
    auto r = ir.read_name_list(R"("a.example")", name_list_kind::kms_subject_alternative_names, q);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(values_of(*r), std::vector<std::string>{"a.example"});
    EXPECT_QUIRKS(q, quirk::sans_single_value);
  }
  {
    quirk_set q;
    auto r = ir.read_name_list(" a.example , b.example ", name_list_kind::kms_subject_alternative_names, q);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(values_of(*r), (std::vector<std::string>{"a.example", "b.example"}));
    EXPECT_QUIRKS(q, quirk::sans_comma_separated);
  }
  {
    quirk_set q;
    auto r = ir.read_name_list("a.example", name_list_kind::cdn_domain_list, q);
    ASSERT_TRUE(r.has_value());
    EXPECT_QUIRKS(q, quirk::domain_list_single);
  }
  quirk_set q;
  for (const char* bad : {"{\"a\": 1}", "[1]", "[\"a\"", "a,[b]", "]"}) {
    auto r = ir.read_name_list(bad, name_list_kind::cdn_domain_list, q);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, error_code::invalid_inner_json) << bad;
  }
}

TEST(Inner, NameListLimit) {
  inner_reader ir;
  quirk_set q;
  std::string many;
  for (std::size_t i = 0; i <= limits::max_sans; ++i) many += "n,";
  auto r = ir.read_name_list(many, name_list_kind::cdn_domain_list, q);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, error_code::too_many_sans);
  EXPECT_EQ(r.error().offset, 2 * limits::max_sans);
}

TEST(Inner, TagsShapes) {
  inner_reader ir;
  {
    quirk_set q;
    auto r = ir.read_tags(R"([{"TagKey": "k", "TagValue": "[{\"tag\":1}]"}, {"Key": "k2", "Value": 3}])", q);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ((*r)[0].value, R"([{"tag":1}])");
    EXPECT_FALSE((*r)[0].value_is_escaped_json);
    EXPECT_EQ((*r)[1].key, "k2");
    EXPECT_EQ((*r)[1].value, "3");  // a non-string value kept as its text
    EXPECT_QUIRKS(q);
  }
  {
    quirk_set q;
    auto r = ir.read_tags(R"({"a": "1", "b": {"c": [2]}})", q);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->size(), 2u);
    EXPECT_EQ((*r)[1].key, "b");
    EXPECT_EQ((*r)[1].value, R"({"c": [2]})");
  }
  {
    quirk_set q;
    auto r = ir.read_tags(R"([{"TagKey": "k", "TagValue": "[{\\\"a\\\":1}]"}])", q);
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE((*r)[0].value_is_escaped_json);
    EXPECT_QUIRKS(q, quirk::tag_value_escaped_json);
  }
  quirk_set q;
  auto bad = ir.read_tags(R"([{"key1":"value"},"key2":"value2"])", q);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, error_code::invalid_inner_json);
}

TEST(Inner, ReaderResultsLiveUntilItsNextCall) {
  inner_reader ir;
  quirk_set q;
  auto a = ir.read_cas_sans(R"([{"Type": 2, "Value": "x\u0031"}])", q);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ((*a)[0].value, "x1");
  auto b = ir.read_cas_sans(R"([{"Type": 2, "Value": "y\u0032"}])", q);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ((*b)[0].value, "y2");
}

TEST(Inner, DecodeEscapedJson) {
  std::string out = "old content";
  auto r = decode_escaped_json(R"([{\"tag\":\"PROPERTY_TYPE\",\"values\":[]}])", out);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, R"([{"tag":"PROPERTY_TYPE","values":[]}])");
  EXPECT_EQ(out, *r);
  auto u = decode_escaped_json(R"(\u00e9\ud83d\ude00\n)", out);
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(*u, "é😀\n");
  auto plain = decode_escaped_json("no escapes", out);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(*plain, "no escapes");
  for (const char* bad : {R"(\q)", R"(\)", R"(\u12)", R"(\ud800)", R"(\udc00)", R"(\ud800\u0041)"}) {
    auto e = decode_escaped_json(bad, out);
    ASSERT_FALSE(e.has_value()) << bad;
    EXPECT_EQ(e.error().code, error_code::invalid_inner_json);
  }
}

TEST(Inner, QuirkNamesAreStable) {
  EXPECT_EQ(quirk_name(quirk::sans_trailing_comma), "sans_trailing_comma");
  EXPECT_EQ(quirk_name(quirk::tags_unparseable), "tags_unparseable");
  EXPECT_EQ(quirk_name(quirk::cert_info_single_object), "cert_info_single_object");
  for (unsigned i = 0; i < quirk_count; ++i) EXPECT_FALSE(quirk_name(static_cast<quirk>(i)).empty());
}

}  // namespace
}  // namespace alicert::test
