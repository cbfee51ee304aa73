// Steady state: a parser that has seen a document parses it again without
// allocating. This translation unit replaces the global operator new of the
// test binary with a counting one (the only one that does).
#include <atomic>
#include <cstdlib>
#include <new>

#include "support.h"

namespace {
std::atomic<std::size_t> g_allocations{0};
// Out-of-memory tests: the allocation with this count fails, and every later one.
std::atomic<std::size_t> g_fail_from{static_cast<std::size_t>(-1)};

bool out_of_memory_now() noexcept {
  return g_allocations.load(std::memory_order_relaxed) >= g_fail_from.load(std::memory_order_relaxed);
}

void* counted(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (out_of_memory_now()) throw std::bad_alloc();
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* counted_aligned(std::size_t n, std::align_val_t al) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (out_of_memory_now()) throw std::bad_alloc();
  std::size_t a = static_cast<std::size_t>(al);
  std::size_t size = (n + a - 1) / a * a;
  if (void* p = std::aligned_alloc(a, size ? size : a)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return counted(n); }
void* operator new[](std::size_t n) { return counted(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return out_of_memory_now() ? nullptr : std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return out_of_memory_now() ? nullptr : std::malloc(n ? n : 1);
}
void* operator new(std::size_t n, std::align_val_t al) { return counted_aligned(n, al); }
void* operator new[](std::size_t n, std::align_val_t al) { return counted_aligned(n, al); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace alicert::test {
namespace {

// Parses `json` once to warm the parser up, then again counting allocations
// of the parse and of records().
std::size_t second_parse_allocations(std::string_view json) {
  parser p;
  padded_buffer in(json);
  {
    auto warm = p.parse(in);
    EXPECT_TRUE(warm.has_value()) << describe(warm.error());
    if (warm) (void)p.records(*warm);
  }
  const std::size_t before = g_allocations.load();
  auto again = p.parse(in);
  std::size_t records = 0;
  if (again) records = p.records(*again).size();
  const std::size_t after = g_allocations.load();
  EXPECT_TRUE(again.has_value());
  (void)records;
  return after - before;
}

TEST(Allocations, CountingIsActive) {
  const std::size_t before = g_allocations.load();
  void* p = ::operator new(16);  // a new-expression could be elided by the optimizer
  ::operator delete(p);
  EXPECT_EQ(g_allocations.load() - before, 1u);
}

TEST(Allocations, SteadyStateCas) {
  EXPECT_EQ(second_parse_allocations(read_file(data_path("responses/reference/cas_reference.json"))), 0u);
  EXPECT_EQ(second_parse_allocations(cas_with(
                R"("Identifier": "a\"b", "Sans": [{"Type": "2", "Value": "a.example"}], "BeforeDate": "1634283958000", "Tags": {"k": "v"}, "X": [1, {"y": null}])")),
            0u);
}

TEST(Allocations, SteadyStateKmsDescribe) {
  EXPECT_EQ(second_parse_allocations(read_file(data_path("responses/reference/kms_reference.json"))), 0u);
  EXPECT_EQ(second_parse_allocations(kms_with(
                R"("SubjectAlternativeNames": {"SubjectAlternativeName": ["a", "b"]}, "Tags": [{"TagKey": "k", "TagValue": "v"}], "ExportablePrivateKey": "true", "NotBefore": "2020-10-13T03:09:00.5+08:00")")),
            0u);
}

TEST(Allocations, SteadyStateKmsGet) {
  EXPECT_EQ(second_parse_allocations(
                R"({"CertificateId": "c", "Certificate": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "CertificateChain": "x", "Csr": "y", "RequestId": "r"})"),
            0u);
}

TEST(Allocations, SteadyStateCdn) {
  EXPECT_EQ(second_parse_allocations(read_file(data_path("responses/reference/cdn_reference.json"))), 0u);
  EXPECT_EQ(second_parse_allocations(
                R"({"CertInfos": {"CertInfo": [{"CertId": 1, "DomainList": "a.com,b.com"}, {"CertId": "2", "DomainList": "[\"c.com\"]", "CreateTime": "2015-12-21T08:02:07Z"}]}, "RequestId": "r"})"),
            0u);
  EXPECT_EQ(second_parse_allocations(R"({"CertInfos": {"CertInfo": {"CertId": "1"}}})"), 0u);
}

TEST(Allocations, SteadyStateApiError) {
  EXPECT_EQ(second_parse_allocations(
                R"({"RequestId": "r", "HostId": "h", "code": "Certificate.NotFound", "Message": "m", "Recommend": "u", "AccessDeniedDetail": {"a": [1]}})"),
            0u);
}

TEST(Allocations, SteadyStateWithUnreadableValues) {
  // Unreadable values are kept as text, not errors: they must not allocate either.
  EXPECT_EQ(second_parse_allocations(cas_with(
                R"("Sans": "not a list", "Days": "many", "Tags": "[{\"a\"}]", "Status": null)")),
            0u);
  EXPECT_EQ(second_parse_allocations(kms_with(R"("Tags": "[{\"key1\":\"value\"},\"key2\":\"value2\"]")")), 0u);
}

TEST(Allocations, SteadyStateWithUnreadableDates) {
  EXPECT_EQ(second_parse_allocations(kms_with(R"("NotBefore": "yesterday")")), 0u);
  EXPECT_EQ(second_parse_allocations(cdn_with(R"("CreateTime": "2015-12-21")")), 0u);
}

TEST(Allocations, SteadyStateStream) {
  parser p;
  padded_buffer in(std::string(R"({"Code": "a"})") + "\n" + cas_with(R"("Identifier": "x")") + "\n");
  auto run = [&] {
    document_stream s(p, in);
    std::size_t n = 0;
    while (s.next()) n += s.document().has_value() ? 1 : 0;
    return n;
  };
  EXPECT_EQ(run(), 2u);
  const std::size_t before = g_allocations.load();
  const std::size_t n = run();
  const std::size_t after = g_allocations.load();
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(after - before, 0u);
}

TEST(Allocations, SteadyStateStreamWithByteOrderMarks) {
  parser p;
  const std::string bom = "\xEF\xBB\xBF";
  padded_buffer in(bom + R"({"Code": "a"})" + "\n" + bom + cas_with(R"("Identifier": "x")") + "\n");
  auto run = [&] {
    document_stream s(p, in);
    std::size_t n = 0;
    while (s.next()) n += s.document() && s.document()->quirks.has(quirk::utf8_bom) ? 1 : 0;
    return n;
  };
  EXPECT_EQ(run(), 2u);
  const std::size_t before = g_allocations.load();
  const std::size_t n = run();
  const std::size_t after = g_allocations.load();
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(after - before, 0u);
}

// After a document cut short, the stream keeps no bookkeeping per later
// document: what reading allocates does not grow with their number.
TEST(Allocations, RecoveryAllocatesNothingPerLaterDocument) {
  parser p;
  auto allocations_for = [&](std::size_t documents) {
    std::string input = R"({"Code": [)" "\n";
    for (std::size_t i = 0; i < documents; ++i) input += R"({"Code": "a"})" "\n";
    padded_buffer in(input);
    std::size_t ok = 0;
    const std::size_t before = g_allocations.load();
    document_stream s(p, in);
    while (s.next()) ok += s.document() ? 1 : 0;
    const std::size_t after = g_allocations.load();
    EXPECT_EQ(ok, documents);
    return after - before;
  };
  (void)allocations_for(4000);  // warm the parser up
  EXPECT_EQ(allocations_for(4000), allocations_for(10));
}

// The out-of-memory policy (README): whichever allocation fails, parse()
// returns out_of_memory (never a crash, never an exception), and the same
// parser then parses the document as if nothing had happened.
TEST(Allocations, OutOfMemoryIsAnErrorAndTheParserStaysUsable) {
  std::string big = cas_with(R"("Sans": "[{\"Type\": 2, \"Value\": \"a.example.com\"},]", "Tags": [{"TagKey": "k", "TagValue": "v"}])");
  std::string list = R"({"CertInfos": {"CertInfo": [)";
  for (int i = 0; i < 50; ++i) list += std::string(i ? "," : "") + R"({"CertId": "c", "DomainList": "[\"a.com\", \"b.com\"]"})";
  list += "]}}";
  for (const std::string& json : {big, list}) {
    const padded_buffer in(json);
    bool failed_once = false;
    for (std::size_t k = 0; k < 400; ++k) {
      parser p;
      g_fail_from = g_allocations.load() + k;
      auto r = p.parse(in);
      g_fail_from = static_cast<std::size_t>(-1);
      if (r) break;  // enough memory for this document from the k-th allocation on
      failed_once = true;
      EXPECT_EQ(r.error().code, error_code::out_of_memory) << k << ": " << describe(r.error());
      auto again = p.parse(in);
      ASSERT_TRUE(again.has_value()) << k << ": " << describe(again.error());
      EXPECT_FALSE(p.records(*again).empty());
    }
    EXPECT_TRUE(failed_once);
  }
}

}  // namespace
}  // namespace alicert::test
