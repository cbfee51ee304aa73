#include "check_command.h"

#include <sched.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "document_splitter.h"
#include "input.h"
#include "output.h"
#include "pipeline.h"
#include "terminal_text.h"

namespace alicert::cli {
namespace {

// Reads one input to its end into the pipeline. Returns the bytes read.
std::size_t check_input(std::string_view name, check_pipeline& pipeline, diagnostics& err, const output_sink& out,
                        std::size_t bytes_before) {
  auto source = input_source::open(name);
  if (!source) {
    split_document failed;
    failed.doc = source.error();
    pipeline.add(name, failed);
    return 0;
  }
  document_splitter splitter(*source);
  bool may_block = false;
  while (!out.failed()) {
    split_document doc;
    const split_status s = splitter.next(pipeline.parser_for_next(), doc, may_block);
    if (s == split_status::end) break;
    if (s == split_status::would_block) {
      // The writer is slow: what is checked goes out before the read waits.
      pipeline.drain();
      may_block = true;
      continue;
    }
    may_block = false;
    pipeline.add(name, doc);
    if (pipeline.documents() % 64 == 0) err.progress(pipeline.documents(), bytes_before + splitter.bytes_read());
  }
  return splitter.bytes_read();
}

}  // namespace

std::size_t available_cpus() noexcept {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

int run_check(const options& o) {
  record_settings settings;
  settings.format = o.format;
  settings.warn_days = o.warn_days;
  settings.now =
      o.now_given ? o.now : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  settings.columns = o.format == output_format::table ? output_columns() : 80;
  std::size_t jobs = o.jobs != 0 ? o.jobs : available_cpus();
  if (jobs > max_jobs) jobs = max_jobs;

  output_sink out(STDOUT_FILENO);
  diagnostics err(diagnostics::stderr_is_terminal());
  int status = exit_ok;
  {
    check_pipeline pipeline(settings, jobs, o.pair_window, out, err);
    std::size_t bytes = 0;
    if (o.inputs.empty()) {
      bytes += check_input("-", pipeline, err, out, bytes);
    } else {
      for (const std::string_view name : o.inputs) {
        if (out.failed()) break;
        bytes += check_input(name, pipeline, err, out, bytes);
      }
    }
    pipeline.finish();
    status = pipeline.exit_status();
  }
  err.clear_progress();
  if (out.failed()) {
    err.write("alicert: cannot write to standard output\n");
    return exit_errors;
  }
  return status;
}

}  // namespace alicert::cli
