// Padded input buffers (padded.h).
#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <filesystem>
#include <utility>

#include "support.h"

namespace alicert::test {
namespace {

TEST(Padded, CopyHasZeroedPadding) {
  padded_buffer b("abc");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b.view().view(), "abc");
  for (std::size_t i = 0; i < padding; ++i) EXPECT_EQ(b.data()[3 + i], '\0');
}

TEST(Padded, EmptyAndDefault) {
  padded_buffer empty("");
  EXPECT_EQ(empty.size(), 0u);
  padded_buffer none;
  EXPECT_EQ(none.size(), 0u);
  EXPECT_NE(std::as_const(none).data(), nullptr);  // the const view of nothing is ""
  parser p;
  auto r = p.parse(none);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, error_code::empty_input);
}

TEST(Padded, ReadFile) {
  const std::string path = data_path("responses/reference/kms_reference.json");
  auto b = padded_buffer::read_file(path.c_str());
  ASSERT_TRUE(b.has_value()) << b.error().message;
  EXPECT_EQ(b->view().view(), read_file(path));
  for (std::size_t i = 0; i < padding; ++i) EXPECT_EQ(b->data()[b->size() + i], '\0');
  parser p;
  auto d = p.parse(*b);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->kind, api::kms_describe_certificate);
}

TEST(Padded, ReadFileErrors) {
  auto missing = padded_buffer::read_file((data_path("responses") + "/no-such-file.json").c_str());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, error_code::io_error);
  // The system's reason, as static text (an error never allocates; the caller knows the path).
  EXPECT_EQ(missing.error().message, std::string_view(strerrordesc_np(ENOENT)));
  auto dir = padded_buffer::read_file(data_path("responses").c_str());
  ASSERT_FALSE(dir.has_value());
  EXPECT_EQ(dir.error().code, error_code::io_error);
}

TEST(Padded, ReadEmptyFile) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("alicert_responses_empty_" + std::to_string(::getpid()) + ".json");
  { std::FILE* f = std::fopen(path.c_str(), "wb"); ASSERT_NE(f, nullptr); std::fclose(f); }
  auto b = padded_buffer::read_file(path.c_str());
  std::filesystem::remove(path);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->size(), 0u);
}

}  // namespace
}  // namespace alicert::test
