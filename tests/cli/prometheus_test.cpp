// --format prometheus (report.md, Prometheus output), read back by a strict
// reader of the text exposition format written for this test: every line is
// `# HELP name text`, `# TYPE name gauge`, or `name{label="value",...} number`;
// a family's samples stand together after its TYPE line; label values are
// escaped as the format requires. The values are checked against the
// certificates as the JSON report gives them.
#include <gtest/gtest.h>

#include <cctype>
#include <ctime>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

namespace alicert_cli_test {
namespace {

struct sample {
  std::string name;
  std::map<std::string, std::string> labels;
  std::string value;
};

bool metric_name(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != ':') return false;
  return true;
}

// Parses the exposition; any violation is a test failure naming the line.
std::vector<sample> read_exposition(const std::string& text) {
  std::vector<sample> out;
  std::istringstream in(text);
  std::string line, current_family;
  std::set<std::string> finished;  // families whose samples are over
  std::size_t no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
      const std::string rest = line.substr(7);
      const std::string name = rest.substr(0, rest.find(' '));
      EXPECT_TRUE(metric_name(name)) << no << ": " << line;
      if (line.rfind("# TYPE ", 0) == 0) {
        EXPECT_EQ(rest.substr(name.size()), " gauge") << no << ": " << line;
        EXPECT_EQ(finished.count(name), 0u) << no << ": family " << name << " appears twice";
        if (!current_family.empty()) finished.insert(current_family);
        current_family = name;
      }
      continue;
    }
    EXPECT_FALSE(line.empty() || line[0] == '#') << no << ": not a sample: " << line;
    sample s;
    std::size_t i = 0;
    while (i < line.size() && line[i] != '{' && line[i] != ' ') s.name += line[i++];
    EXPECT_TRUE(metric_name(s.name)) << no << ": " << line;
    EXPECT_EQ(s.name, current_family) << no << ": a sample outside its family: " << line;
    if (i < line.size() && line[i] == '{') {
      ++i;
      while (i < line.size() && line[i] != '}') {
        std::string key;
        while (i < line.size() && line[i] != '=') key += line[i++];
        EXPECT_TRUE(metric_name(key)) << no << ": label " << key;
        EXPECT_TRUE(i + 1 < line.size() && line[i + 1] == '"') << no << ": " << line;
        i += 2;
        std::string value;
        for (; i < line.size() && line[i] != '"'; ++i) {
          if (line[i] != '\\') {
            value += line[i];
            continue;
          }
          ++i;
          EXPECT_TRUE(i < line.size() && (line[i] == '\\' || line[i] == '"' || line[i] == 'n'))
              << no << ": a bad escape in " << line;
          value += line[i] == 'n' ? '\n' : line[i];
        }
        EXPECT_LT(i, line.size()) << no << ": an unclosed label value";
        ++i;  // the closing quote
        s.labels[key] = value;
        if (i < line.size() && line[i] == ',') ++i;
      }
      ++i;  // '}'
    }
    EXPECT_TRUE(i < line.size() && line[i] == ' ') << no << ": " << line;
    s.value = line.substr(i + 1);
    char* end = nullptr;
    std::strtod(s.value.c_str(), &end);
    EXPECT_TRUE(!s.value.empty() && end == s.value.c_str() + s.value.size()) << no << ": value " << s.value;
    out.push_back(std::move(s));
  }
  return out;
}

TEST(Prometheus, TheWholeCorpusParsesAndNotAfterIsEachCertificates) {
  const std::string root = ALICERT_SOURCE_DIR;
  const std::string files = "cd '" + root + "' && \"$ALICERT\" check --now 2026-06-01T00:00:00Z ";
  const run_result prom = run_shell(files + "--format prometheus $(scripts/main_job_inputs.sh)");
  ASSERT_EQ(prom.status, 0) << prom.err;
  const run_result json = run_shell(files + "--json $(scripts/main_job_inputs.sh)");
  std::string problem;
  const auto records = parse_records(json.out, problem);
  ASSERT_TRUE(problem.empty()) << problem;
  const auto samples = read_exposition(prom.out);

  // Each decoded certificate's notAfter, as the JSON report has it, by (input, id).
  // (An NDJSON file may hold one id in several documents: a multiset.)
  std::multimap<std::pair<std::string, std::string>, std::string> not_after;
  std::size_t certificates = 0;
  for (const auto& r : records)
    for (const auto& c : r.certificates) {
      ++certificates;
      if (c.not_after) not_after.emplace(std::make_pair(r.input, c.id.value_or("")), *c.not_after);
    }
  std::size_t checked = 0, failed_series = 0;
  for (const auto& s : samples) {
    if (s.name == "alicert_cert_failed_checks") {
      ++failed_series;
      EXPECT_EQ(s.value, "0") << s.labels.at("input");
    }
    if (s.name != "x509_cert_not_after") continue;
    for (const char* label : {"api", "id", "serial_number", "subject_CN", "issuer_CN", "input"})
      EXPECT_EQ(s.labels.count(label), 1u) << label;
    const auto [from, to] = not_after.equal_range({s.labels.at("input"), s.labels.at("id")});
    ASSERT_NE(from, to) << s.labels.at("input") << " " << s.labels.at("id");
    bool equal = false;
    for (auto it = from; it != to; ++it) {
      // RFC 3339 to Unix seconds, for the comparison.
      std::tm tm{};
      std::istringstream t(it->second);
      t >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
      equal = equal || std::stoll(s.value) == static_cast<long long>(timegm(&tm));
    }
    EXPECT_TRUE(equal) << s.labels.at("input") << " " << s.labels.at("id") << " " << s.value;
    ++checked;
  }
  EXPECT_EQ(checked, not_after.size());
  EXPECT_EQ(failed_series, certificates);
  EXPECT_GT(checked, 40u);
  // the bounded totals
  bool documents = false;
  for (const auto& s : samples)
    if (s.name == "alicert_documents" && s.labels.at("status") == "ok") documents = std::stoll(s.value) > 0;
  EXPECT_TRUE(documents);
}

TEST(Prometheus, LabelValuesAreEscaped) {
  temp_dir dir;
  const std::string doc = "{\"CertInfos\":{\"CertInfo\":[{\"CertId\":\"a\\\"b\\\\c\\nd\",\"CertExpireTime\":\"x\"}]}}";
  const auto r = run_cli({"check", "--format", "prometheus", dir.write("odd.json", doc)});
  const auto samples = read_exposition(r.out);
  bool found = false;
  for (const auto& s : samples)
    if (s.name == "alicert_cert_failed_checks") {
      EXPECT_EQ(s.labels.at("id"), "a\"b\\c\nd");
      found = true;
    }
  EXPECT_TRUE(found) << r.out;
}

}  // namespace
}  // namespace alicert_cli_test
