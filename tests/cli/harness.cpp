#include "harness.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <simdjson.h>

extern char** environ;

namespace alicert_cli_test {

namespace {

run_result spawn_and_wait(const std::vector<std::string>& argv_strings, const std::string& stdin_path,
                          int timeout_s, char** envp) {
  run_result result;
  temp_dir scratch;
  const std::string out_path = (scratch.path() / "stdout").string();
  const std::string err_path = (scratch.path() / "stderr").string();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

  std::vector<char*> argv;
  argv.reserve(argv_strings.size() + 1);
  for (const auto& a : argv_strings) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("posix_spawn failed: " + std::to_string(rc));

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int wstatus = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &wstatus, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &wstatus, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!result.timed_out) {
    if (WIFEXITED(wstatus)) result.status = WEXITSTATUS(wstatus);
    if (WIFSIGNALED(wstatus)) result.signal = WTERMSIG(wstatus);
  }
  result.out = read_whole(out_path);
  result.err = read_whole(err_path);
  return result;
}

std::optional<std::string> opt_string(simdjson::dom::element e, const char* what) {
  if (e.is_null()) return std::nullopt;
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) throw std::runtime_error(std::string(what) + ": not a string or null");
  return std::string(s);
}

std::string req_string(simdjson::dom::element e, const char* what) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) throw std::runtime_error(std::string(what) + ": not a string");
  return std::string(s);
}

std::uint64_t req_uint(simdjson::dom::element e, const char* what) {
  std::uint64_t n = 0;
  if (e.get_uint64().get(n) != simdjson::SUCCESS) throw std::runtime_error(std::string(what) + ": not an unsigned integer");
  return n;
}

/// The members of `e`, which must be an object with exactly `keys`, in order.
std::vector<simdjson::dom::element> members(simdjson::dom::element e, std::initializer_list<const char*> keys,
                                            const char* what) {
  simdjson::dom::object obj;
  if (e.get_object().get(obj) != simdjson::SUCCESS) throw std::runtime_error(std::string(what) + ": not an object");
  std::vector<simdjson::dom::element> values;
  auto expected = keys.begin();
  for (auto field : obj) {
    if (expected == keys.end())
      throw std::runtime_error(std::string(what) + ": unexpected key '" + std::string(field.key) + "'");
    if (field.key != *expected)
      throw std::runtime_error(std::string(what) + ": key '" + std::string(field.key) + "' where '" + *expected +
                               "' was expected");
    values.push_back(field.value);
    ++expected;
  }
  if (expected != keys.end()) throw std::runtime_error(std::string(what) + ": missing key '" + *expected + "'");
  return values;
}

simdjson::dom::array req_array(simdjson::dom::element e, const char* what) {
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) throw std::runtime_error(std::string(what) + ": not an array");
  return a;
}

certificate read_certificate(simdjson::dom::element e) {
  const auto v = members(e,
                         {"id", "serial", "not_before", "not_after", "subject", "issuer", "sans", "sha256", "md5",
                          "key_algorithm", "key_size", "signature_algorithm", "validity_at_now", "expires_in_days",
                          "warnings", "findings"},
                         "certificate");
  certificate c;
  c.id = opt_string(v[0], "id");
  c.serial = opt_string(v[1], "serial");
  c.not_before = opt_string(v[2], "not_before");
  c.not_after = opt_string(v[3], "not_after");
  c.subject = opt_string(v[4], "subject");
  c.issuer = opt_string(v[5], "issuer");
  if (!v[6].is_null()) {
    for (auto san : req_array(v[6], "sans")) {
      const auto s = members(san, {"type", "value"}, "san");
      const std::string type = req_string(s[0], "san type");
      if (type != "dns" && type != "ip" && type != "email" && type != "uri")
        throw std::runtime_error("san type '" + type + "' is not one of report.md's");
      (void)req_string(s[1], "san value");
    }
  }
  c.sha256 = opt_string(v[7], "sha256");
  c.md5 = opt_string(v[8], "md5");
  c.key_algorithm = opt_string(v[9], "key_algorithm");
  if (!v[10].is_null()) {
    std::int64_t n = 0;
    if (v[10].get_int64().get(n) != simdjson::SUCCESS) throw std::runtime_error("key_size: not an integer");
    c.key_size = n;
  }
  c.signature_algorithm = opt_string(v[11], "signature_algorithm");
  c.validity_at_now = opt_string(v[12], "validity_at_now");
  if (c.validity_at_now && *c.validity_at_now != "valid" && *c.validity_at_now != "expired" &&
      *c.validity_at_now != "not_yet_valid")
    throw std::runtime_error("validity_at_now '" + *c.validity_at_now + "' is not one of report.md's");
  if (!v[13].is_null()) {
    std::int64_t n = 0;
    if (v[13].get_int64().get(n) != simdjson::SUCCESS) throw std::runtime_error("expires_in_days: not an integer");
    c.expires_in_days = n;
  }
  if (!v[14].is_null()) {
    static const std::array<std::string_view, 7> codes = {"rsa_key_below_2048", "weak_signature_hash",
                                                          "serial_not_positive", "serial_over_20_bytes",
                                                          "version_1", "leaf_is_ca", "validity_inverted"};
    for (auto we : req_array(v[14], "warnings")) {
      const auto w = members(we, {"code", "detail"}, "warning");
      const std::string code = req_string(w[0], "warning code");
      if (std::find(codes.begin(), codes.end(), code) == codes.end())
        throw std::runtime_error("warning code '" + code + "' is not one of report.md's");
      (void)opt_string(w[1], "warning detail");
      c.warnings.push_back(code);
    }
  }
  for (auto fe : req_array(v[15], "findings")) {
    const auto f = members(fe, {"check", "status", "field", "reported", "actual", "note"}, "finding");
    finding out;
    out.check = req_string(f[0], "check");
    out.status = req_string(f[1], "status");
    static const std::array<std::string_view, 6> statuses = {"match",  "mismatch", "invalid",
                                                             "masked", "absent",   "unverifiable"};
    bool known = false;
    for (auto s : statuses) known = known || s == out.status;
    if (!known) throw std::runtime_error("finding status '" + out.status + "' is not one of report.md's");
    out.field = req_string(f[2], "field");
    out.reported = opt_string(f[3], "reported");
    out.actual = opt_string(f[4], "actual");
    out.note = opt_string(f[5], "note");
    c.findings.push_back(std::move(out));
  }
  return c;
}

record read_record(simdjson::dom::element e) {
  const auto v = members(
      e, {"input", "index", "offset", "api", "request_id", "error", "api_error", "quirks", "certificates"}, "record");
  record r;
  r.input = req_string(v[0], "input");
  r.index = req_uint(v[1], "index");
  r.offset = req_uint(v[2], "offset");
  r.api = opt_string(v[3], "api");
  if (r.api) {
    // report.md's names, and the five siblings.md adds.
    static const std::array<std::string_view, 10> apis = {
        "cas.DescribeClientCertificate", "kms.DescribeCertificate", "kms.GetCertificate",
        "cdn.DescribeCertificateInfoByID", "api_error", "cas.GetUserCertificateDetail",
        "cas.ListUserCertificateOrder", "cdn.DescribeDomainCertificateInfo",
        "dcdn.DescribeDcdnDomainCertificateInfo", "slb.DescribeServerCertificates"};
    bool known = false;
    for (auto a : apis) known = known || a == *r.api;
    if (!known) throw std::runtime_error("api '" + *r.api + "' is not one of report.md's");
  }
  r.request_id = opt_string(v[4], "request_id");
  if (!v[5].is_null()) {
    const auto ev = members(v[5], {"code", "message", "path", "offset"}, "error");
    r.error_code = req_string(ev[0], "error code");
    r.error_message = req_string(ev[1], "error message");
    r.error_path = req_string(ev[2], "error path");
    r.error_offset = req_uint(ev[3], "error offset");
  }
  if (!v[6].is_null()) {
    const auto av = members(v[6], {"code", "message", "host_id", "recommend"}, "api_error");
    r.api_error_code = opt_string(av[0], "api_error code");
    r.api_error_message = opt_string(av[1], "api_error message");
    r.api_error_host_id = opt_string(av[2], "api_error host_id");
    r.api_error_recommend = opt_string(av[3], "api_error recommend");
  }
  for (auto q : req_array(v[7], "quirks")) r.quirks.push_back(req_string(q, "quirk"));
  for (auto c : req_array(v[8], "certificates")) r.certificates.push_back(read_certificate(c));
  return r;
}

}  // namespace

const finding* certificate::find(std::string_view check) const {
  for (const auto& f : findings)
    if (f.check == check) return &f;
  return nullptr;
}

run_result run_cli(const std::vector<std::string>& args, const std::string& stdin_path, int timeout_s) {
  std::vector<std::string> argv{ALICERT_CLI_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn_and_wait(argv, stdin_path, timeout_s, environ);
}

run_result run_shell(const std::string& script, int timeout_s) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e)
    if (std::string_view(*e).substr(0, 8) != "ALICERT=") env_strings.emplace_back(*e);
  env_strings.emplace_back(std::string("ALICERT=") + ALICERT_CLI_PATH);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  return spawn_and_wait({"/bin/sh", "-c", script}, "/dev/null", timeout_s, envp.data());
}

std::vector<record> parse_records(const std::string& out, std::string& problem) {
  std::vector<record> records;
  problem.clear();
  if (!out.empty() && out.back() != '\n') {
    problem = "output does not end with a newline";
    return {};
  }
  simdjson::dom::parser parser;
  std::size_t start = 0;
  std::size_t line_no = 0;
  while (start < out.size()) {
    const std::size_t end = out.find('\n', start);
    const std::string line = out.substr(start, end - start);
    start = end + 1;
    ++line_no;
    simdjson::dom::element doc;
    const auto err = parser.parse(line).get(doc);
    if (err != simdjson::SUCCESS) {
      problem = "line " + std::to_string(line_no) + " is not valid JSON (" + simdjson::error_message(err) + "): " +
                line.substr(0, 200);
      return {};
    }
    try {
      records.push_back(read_record(doc));
    } catch (const std::exception& e) {
      problem = "line " + std::to_string(line_no) + ": " + e.what() + ": " + line.substr(0, 200);
      return {};
    }
  }
  return records;
}

temp_dir::temp_dir() {
  std::string templ = (std::filesystem::temp_directory_path() / "alicert_cli_XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

temp_dir::~temp_dir() {
  std::error_code ec;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
  std::filesystem::remove_all(path_, ec);
}

std::string temp_dir::write(const std::string& name, std::string_view content) const {
  const auto p = path_ / name;
  std::ofstream f(p, std::ios::binary);
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!f) throw std::runtime_error("cannot write " + p.string());
  return p.string();
}

std::string read_whole(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<record> records_of(const run_result& r) {
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.signal, 0);
  std::string problem;
  auto records = parse_records(r.out, problem);
  EXPECT_TRUE(problem.empty()) << problem;
  return records;
}

}  // namespace alicert_cli_test
