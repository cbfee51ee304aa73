// The names of error codes and quirks are a contract: stable, unique,
// snake_case, and every quirk is documented in the README's table.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "alicert/error.h"
#include "alicert/quirks.h"

namespace {

const std::regex snake_case("[a-z][a-z0-9]*(_[a-z0-9]+)*");

std::string readme() {
  std::ifstream in(ALICERT_SOURCE_DIR "/README.md");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Names, ErrorCodesAreUniqueSnakeCase) {
  std::set<std::string> seen;
  unsigned count = 0;
  for (unsigned i = 0; i < 256; ++i) {
    std::string name(alicert::error_name(static_cast<alicert::error_code>(i)));
    if (name == "unknown_error") break;
    ++count;
    EXPECT_TRUE(std::regex_match(name, snake_case)) << name;
    EXPECT_TRUE(seen.insert(name).second) << "duplicate error name " << name;
  }
  EXPECT_EQ(std::string(alicert::error_name(alicert::error_code::io_error)), "io_error");
  EXPECT_GE(count, 27u);
}

TEST(Names, QuirksAreUniqueSnakeCaseAndInTheReadme) {
  const std::string doc = readme();
  ASSERT_FALSE(doc.empty()) << "README.md not found";
  std::set<std::string> seen;
  for (unsigned i = 0; i < alicert::quirk_count; ++i) {
    std::string name(alicert::quirk_name(static_cast<alicert::quirk>(i)));
    EXPECT_NE(name, "unknown_quirk") << "quirk " << i << " has no name";
    EXPECT_TRUE(std::regex_match(name, snake_case)) << name;
    EXPECT_TRUE(seen.insert(name).second) << "duplicate quirk name " << name;
    EXPECT_NE(doc.find("| `" + name + "` |"), std::string::npos)
        << "README.md's quirks table lacks " << name << " (run tools/quirks_table.py)";
  }
}

TEST(Names, QuirkSetHoldsEveryQuirk) {
  alicert::quirk_set set;
  for (unsigned i = 0; i < alicert::quirk_count; ++i) set.add(static_cast<alicert::quirk>(i));
  unsigned n = 0;
  set.for_each([&](alicert::quirk) { ++n; });
  EXPECT_EQ(n, alicert::quirk_count);
  EXPECT_TRUE(set.has(alicert::quirk::sans_trailing_comma));
}

TEST(Names, QuirkSetVisitsItsMembersAloneInEnumOrder) {
  // Sparse sets: every pair of quirks, and every third one, against has().
  const auto visited = [](const alicert::quirk_set& set) {
    std::vector<unsigned> out;
    set.for_each([&](alicert::quirk q) { out.push_back(static_cast<unsigned>(q)); });
    return out;
  };
  for (unsigned a = 0; a < alicert::quirk_count; ++a)
    for (unsigned b = a; b < alicert::quirk_count; ++b) {
      alicert::quirk_set set;
      set.add(static_cast<alicert::quirk>(b));
      set.add(static_cast<alicert::quirk>(a));
      const std::vector<unsigned> want = a == b ? std::vector<unsigned>{a} : std::vector<unsigned>{a, b};
      ASSERT_EQ(visited(set), want) << a << " " << b;
    }
  alicert::quirk_set thirds;
  std::vector<unsigned> want;
  for (unsigned i = 2; i < alicert::quirk_count; i += 3) {
    thirds.add(static_cast<alicert::quirk>(i));
    want.push_back(i);
  }
  EXPECT_EQ(visited(thirds), want);
  EXPECT_TRUE(visited(alicert::quirk_set{}).empty());
}

}  // namespace
