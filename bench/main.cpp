// alicert_bench: Google Benchmark over the corpus.
//
//   alicert_bench [--corpus=DIR] [google benchmark flags]
//   alicert_bench --write-stream=PATH [--stream-documents=N] [--corpus=DIR]
//
// The second form writes the N-document stream (default 10000) that the
// stream benchmark parses, for timing `alicert check` as a process.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <simdjson.h>

#include "harness.h"

#ifndef ALICERT_BENCH_CORPUS_DIR
#define ALICERT_BENCH_CORPUS_DIR "corpus"
#endif

namespace {

bool take(std::vector<char*>& args, const char* flag, std::string& value) {
  const std::size_t n = std::strlen(flag);
  for (auto it = args.begin(); it != args.end(); ++it) {
    if (std::strncmp(*it, flag, n) == 0 && (*it)[n] == '=') {
      value = *it + n + 1;
      args.erase(it);
      return true;
    }
  }
  return false;
}

}  // namespace

bool bench::wanted(const std::string& name) {
  std::string filter = benchmark::GetBenchmarkFilter();
  if (filter.empty() || filter == "all" || filter == ".") return true;
  const bool negate = filter.front() == '-';
  if (negate) filter.erase(0, 1);
  try {
    return std::regex_search(name, std::regex(filter)) != negate;
  } catch (const std::regex_error&) {
    return true;
  }
}

int main(int argc, char** argv) {
  // First, before OpenSSL allocates anything.
  const bool openssl_counted = bench::count_openssl_allocations();

  std::vector<char*> args(argv, argv + argc);
  bench::corpus c;
  c.dir = ALICERT_BENCH_CORPUS_DIR;
  if (const char* env = std::getenv("ALICERT_BENCH_CORPUS")) c.dir = env;
  take(args, "--corpus", c.dir);
  std::string stream_path, stream_documents = "10000";
  take(args, "--write-stream", stream_path);
  take(args, "--stream-documents", stream_documents);

  for (bench::api_kind a : bench::all_apis) c.of(a) = bench::load_api(c.dir, a);
  // ListUserCertificateOrder and SLB entries pair with the certificates of
  // the GetUserCertificateDetail documents, as `alicert check` pairs them
  // within its window; every unit is offered all of them, in corpus order.
  bench::collect_partners(c.gucd, c.partners);
  for (bench::api_kind a : {bench::api_kind::luco, bench::api_kind::slb})
    for (auto& u : c.of(a).units) u.partners = c.partners.certificates;

  if (!stream_path.empty()) {
    const std::size_t n = std::strtoull(stream_documents.c_str(), nullptr, 10);
    const std::string s = bench::make_stream({&c.cas, &c.kms, &c.cdn}, n);
    std::ofstream out(stream_path, std::ios::binary);
    out << s;
    if (!out || s.empty()) {
      std::fprintf(stderr, "alicert_bench: cannot write the stream to %s\n", stream_path.c_str());
      return 1;
    }
    std::fprintf(stderr, "alicert_bench: wrote %zu documents, %zu bytes to %s\n", n, s.size(), stream_path.c_str());
    return 0;
  }

  // On-Demand's stage 2 (navigation, string unescaping, number parsing) is
  // inline code compiled for the including translation unit's target: its
  // kernel is the SIMDJSON_BUILTIN_IMPLEMENTATION of this build's flags, the
  // same for alicert's sources and for this file. builtin_implementation()
  // is compiled inside libsimdjson and reports the library's own build;
  // stage 1 runs the runtime-selected active implementation.
  const std::string kernel(SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION));
  const std::string builtin(simdjson::builtin_implementation()->name());
  const std::string active(simdjson::get_active_implementation()->name());
  std::fprintf(stderr, "simdjson On-Demand kernel of this build (SIMDJSON_BUILTIN_IMPLEMENTATION): %s\n", kernel.c_str());
  std::fprintf(stderr, "simdjson::builtin_implementation() (libsimdjson's own build): %s\n", builtin.c_str());
  std::fprintf(stderr, "simdjson::get_active_implementation() (stage 1, chosen at run time): %s\n", active.c_str());
  std::fprintf(stderr, "corpus %s:", c.dir.c_str());
  for (bench::api_kind a : bench::all_apis) {
    const auto& set = c.of(a);
    std::fprintf(stderr, " %s %zu units (%zu bytes)", bench::api_label(a), set.units.size(), set.total_bytes());
  }
  std::fprintf(stderr, "; %zu paired certificates\n", c.partners.certificates.size());
  for (bench::api_kind a : bench::all_apis)
    for (const auto& why : c.of(a).skipped) std::fprintf(stderr, "  skipped %s/%s\n", bench::api_label(a), why.c_str());
  if (!openssl_counted) std::fprintf(stderr, "warning: OpenSSL allocations are not counted\n");

  benchmark::AddCustomContext("simdjson_ondemand_kernel", kernel);
  benchmark::AddCustomContext("simdjson_builtin", builtin);
  benchmark::AddCustomContext("simdjson_active", active);
  benchmark::AddCustomContext("corpus", c.dir);
  for (bench::api_kind a : bench::all_apis)
    benchmark::AddCustomContext(std::string("units_") + bench::api_label(a), std::to_string(c.of(a).units.size()));
  benchmark::AddCustomContext("openssl_allocations_counted", openssl_counted ? "yes" : "no");

  int bargc = static_cast<int>(args.size());
  args.push_back(nullptr);
  benchmark::Initialize(&bargc, args.data());
  if (benchmark::ReportUnrecognizedArguments(bargc, args.data())) return 1;

  bench::register_alicert(c);
  bench::register_floors(c);
  bench::register_signature_floor(c);
  bench::register_peers(c);
  bench::register_chains();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
