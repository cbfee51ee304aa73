#include "args.h"

#include <charconv>
#include <string>

namespace alicert::cli {

std::string_view usage_text() noexcept {
  return "usage: alicert check [--json | --format table|json|prometheus] [--now RFC3339]\n"
         "                     [--warn-days N] [--jobs N] [--pair-window N] [FILE ...]\n"
         "       alicert --help | --version\n";
}

std::string_view help_text() noexcept {
  return "usage: alicert check [--json | --format table|json|prometheus] [--now RFC3339]\n"
         "                     [--warn-days N] [--jobs N] [--pair-window N] [FILE ...]\n"
         "       alicert --help | --version\n"
         "\n"
         "Checks Alibaba Cloud certificate API responses (CAS DescribeClientCertificate,\n"
         "KMS DescribeCertificate/GetCertificate, CDN DescribeCertificateInfoByID) against\n"
         "the X.509 certificates they describe, one report per response document.\n"
         "\n"
         "  FILE            a file holding one or many documents (concatenated or one per\n"
         "                  line); '-' or no FILE reads standard input\n"
         "  --json          JSON Lines on standard output, one object per document\n"
         "                  (the same as --format json)\n"
         "  --format F      table (the default), json, or prometheus (the text exposition\n"
         "                  format, written once the input ends)\n"
         "  --now RFC3339   reference time for validity_at_now and expires_in_days\n"
         "                  (default: the current time)\n"
         "  --warn-days N   exit with 3 when a certificate is expired or expires within\n"
         "                  N days (and nothing worse applies); the table marks it\n"
         "  --jobs N        check documents on N threads (default: the number of CPUs);\n"
         "                  the output is the same for every N\n"
         "  --pair-window N how many documents before or after a kms.DescribeCertificate\n"
         "                  its kms.GetCertificate may stand (default 1024)\n"
         "  --help          this text\n"
         "  --version       the version\n"
         "\n"
         "A kms.DescribeCertificate is checked with the kms.GetCertificate of the same\n"
         "CertificateId within the pairing window; the FILEs are read in order as one\n"
         "sequence. Records are written as their documents are checked, in input order;\n"
         "memory stays bounded whatever the input's size. On a terminal, standard error\n"
         "shows a progress line while a large input is read.\n"
         "\n"
         "Exit status: 0 all documents parsed and nothing disagrees; 1 a finding is\n"
         "mismatch or invalid; 2 a document could not be parsed or a file could not be\n"
         "read; 3 with --warn-days, a certificate expires within the window. When\n"
         "several apply: 2, then 1, then 3.\n";
}

namespace {

options usage_error(std::string message) {
  options o;
  o.what = options::action::usage_error;
  o.message = std::move(message);
  return o;
}

// A count from `value`, from `low` to `high`; false when it is not one.
bool read_count(std::string_view value, std::size_t low, std::size_t high, std::size_t& out) {
  std::size_t n = 0;
  const auto r = std::from_chars(value.data(), value.data() + value.size(), n);
  if (r.ec != std::errc() || r.ptr != value.data() + value.size() || n < low || n > high) return false;
  out = n;
  return true;
}

// The value of `--name V` or `--name=V` at argv[i] (advancing i past V);
// false when it is missing.
bool option_value(std::span<char* const> argv, std::size_t& i, std::string_view name, std::string_view& value) {
  const std::string_view arg = argv[i];
  if (arg.size() > name.size() && arg[name.size()] == '=') {
    value = arg.substr(name.size() + 1);
    return true;
  }
  if (i + 1 >= argv.size()) return false;
  value = argv[++i];
  return true;
}

bool set_now(options& o, std::string_view text) {
  auto t = parse_iso8601(text, nullptr);
  if (!t) return false;
  o.now = *t;
  o.now_given = true;
  return true;
}

}  // namespace

options parse_args(std::span<char* const> argv) {
  options o;
  if (argv.size() < 2) return usage_error("missing command");
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    o.what = options::action::help;
    return o;
  }
  if (command == "--version") {
    o.what = options::action::version;
    return o;
  }
  if (command != "check") return usage_error("unknown command or option '" + std::string(command) + "'");

  o.what = options::action::check;
  bool options_done = false;
  for (std::size_t i = 2; i < argv.size(); ++i) {
    const std::string_view arg = argv[i];
    if (options_done || arg == "-" || arg.empty() || arg.front() != '-') {
      o.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
    } else if (arg == "--json") {
      o.format = output_format::json;
    } else if (arg == "--format" || arg.starts_with("--format=")) {
      std::string_view value;
      if (arg == "--format") {
        if (i + 1 >= argv.size()) return usage_error("--format needs table, json or prometheus");
        value = argv[++i];
      } else {
        value = arg.substr(9);
      }
      if (value == "table") o.format = output_format::table;
      else if (value == "json") o.format = output_format::json;
      else if (value == "prometheus") o.format = output_format::prometheus;
      else return usage_error("--format: not table, json or prometheus: '" + std::string(value) + "'");
    } else if (arg == "--warn-days" || arg.starts_with("--warn-days=")) {
      std::string_view value;
      if (arg == "--warn-days") {
        if (i + 1 >= argv.size()) return usage_error("--warn-days needs a number of days");
        value = argv[++i];
      } else {
        value = arg.substr(12);
      }
      std::int64_t days = 0;
      const auto r = std::from_chars(value.data(), value.data() + value.size(), days);
      if (r.ec != std::errc() || r.ptr != value.data() + value.size() || days < 0 || days > 1000000)
        return usage_error("--warn-days: not a number of days from 0 to 1000000: '" + std::string(value) + "'");
      o.warn_days = days;
    } else if (arg == "--jobs" || arg.starts_with("--jobs=")) {
      std::string_view value;
      if (!option_value(argv, i, "--jobs", value)) return usage_error("--jobs needs a number of threads");
      if (!read_count(value, 1, max_jobs, o.jobs))
        return usage_error("--jobs: not a number of threads from 1 to 256: '" + std::string(value) + "'");
    } else if (arg == "--pair-window" || arg.starts_with("--pair-window=")) {
      std::string_view value;
      if (!option_value(argv, i, "--pair-window", value)) return usage_error("--pair-window needs a number of documents");
      if (!read_count(value, 0, max_pair_window, o.pair_window))
        return usage_error("--pair-window: not a number of documents from 0 to 1000000: '" + std::string(value) + "'");
    } else if (arg == "--help" || arg == "-h") {
      o.what = options::action::help;
      return o;
    } else if (arg == "--now") {
      if (i + 1 >= argv.size()) return usage_error("--now needs an RFC 3339 time");
      const std::string_view value = argv[++i];
      if (!set_now(o, value)) return usage_error("--now: not an RFC 3339 time: '" + std::string(value) + "'");
    } else if (arg.starts_with("--now=")) {
      const std::string_view value = arg.substr(6);
      if (!set_now(o, value)) return usage_error("--now: not an RFC 3339 time: '" + std::string(value) + "'");
    } else {
      return usage_error("unknown option '" + std::string(arg) + "'");
    }
  }
  return o;
}

}  // namespace alicert::cli
