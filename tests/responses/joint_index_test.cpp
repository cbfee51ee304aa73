// The root's joint key index (src/responses/joint_index.h, root_joint.h)
// against its definition, each schema's own key_index: for every key of
// every root schema, in its own case and others, cut short, lengthened, and
// for keys no schema has, the joint lookup gives each schema's own row and
// other-case flag, or declines (only for another case of an any_case key),
// and walker::root takes it only for readings in its own order.
#include <gtest/gtest.h>

#include <cctype>
#include <span>
#include <utility>
#include <string>
#include <vector>

#include "responses/root_joint.h"

namespace {

using alicert::api_count;
using alicert::internal::key_index;
using alicert::internal::root_joint;

std::string with_case(std::string s, int (*to)(int)) {
  for (char& c : s) c = static_cast<char>(to(static_cast<unsigned char>(c)));
  return s;
}

// Every key of the root schemas, and what a document may bring near them.
std::vector<std::string> probe_keys() {
  std::vector<std::string> keys{"", "x", "Unknown", "certificate", "CERTIFICATE", "requestid", "code", "CODE",
                                "\xe8\xaf\x81\xe4\xb9\xa6", "Code ", " Code", "Sans,"};
  for (const key_index* s : root_joint::index.schemas()) {
    for (std::size_t row = 0; row < s->size(); ++row) {
      const std::string k(s->key(row));
      keys.push_back(k);
      keys.push_back(with_case(k, ::tolower));
      keys.push_back(with_case(k, ::toupper));
      keys.push_back(k + "x");
      keys.push_back(k.substr(1));
      keys.push_back(k.substr(0, k.size() - 1));
    }
  }
  return keys;
}

bool is_other_case_of_any_case_key(const std::string& key) {
  for (const key_index* s : root_joint::index.schemas())
    for (std::size_t row = 0; row < s->size(); ++row)
      if (s->is_any_case(row) && s->key(row) != key && alicert::internal::ascii_iequals(s->key(row), key)) return true;
  return false;
}

TEST(JointIndex, RootRowsAreEachSchemasOwn) {
  std::size_t answered = 0, declined = 0, found_somewhere = 0;
  for (const std::string& key : probe_keys()) {
    std::array<std::size_t, api_count> rows{};
    std::uint32_t other_case = 0xffffffffu;
    if (!root_joint::find(key, rows, other_case)) {
      EXPECT_TRUE(is_other_case_of_any_case_key(key)) << "declined \"" << key << "\"";
      ++declined;
      continue;
    }
    ++answered;
    bool somewhere = false;
    for (std::size_t t = 0; t < root_joint::count; ++t) {
      bool own_other_case = false;
      const std::size_t own = root_joint::index.schemas()[t]->find(key, own_other_case);
      EXPECT_EQ(rows[t], own) << "\"" << key << "\" in schema " << t;
      EXPECT_EQ(((other_case >> t) & 1u) != 0, own_other_case) << "\"" << key << "\" in schema " << t;
      somewhere = somewhere || own != key_index::npos;
    }
    if (somewhere) ++found_somewhere;
  }
  // The probes reach all three outcomes: keys found, keys in no schema, and
  // other-case keys left to the schemas ("code", "requestid", ...).
  EXPECT_GT(found_somewhere, 0u);
  EXPECT_GT(answered, found_somewhere);
  EXPECT_GT(declined, 0u);
}

TEST(JointIndex, AnswersForEveryKeyOfEverySchema) {
  for (std::size_t t = 0; t < root_joint::count; ++t) {
    const key_index* s = root_joint::index.schemas()[t];
    for (std::size_t row = 0; row < s->size(); ++row) {
      std::array<std::size_t, api_count> rows{};
      std::uint32_t other_case = 0;
      ASSERT_TRUE(root_joint::find(s->key(row), rows, other_case)) << s->key(row);
      EXPECT_EQ(rows[t], row) << s->key(row) << " in schema " << t;
      EXPECT_EQ((other_case >> t) & 1u, 0u) << s->key(row);
    }
  }
}

TEST(JointIndex, RootHoldsEveryKey) {
  // An index that could not hold every key declines every lookup (the walk
  // is then right but slow): the root's must hold them all.
  std::array<std::size_t, api_count> rows{};
  std::uint32_t other_case = 0;
  EXPECT_TRUE(root_joint::find("SerialNumber", rows, other_case));
  EXPECT_TRUE(root_joint::find("no schema has this key", rows, other_case));
}

TEST(JointIndex, ServesTheRootsReadingsAndNoOthers) {
  alicert::internal::parser_state st;
  auto r = alicert::internal::root_readings(st);
  EXPECT_TRUE(root_joint::serves(r));
  std::swap(r[0], r[1]);
  EXPECT_FALSE(root_joint::serves(r));
  std::swap(r[0], r[1]);
  EXPECT_FALSE(root_joint::serves(std::span(r).first(r.size() - 1)));
}

}  // namespace
