// alicert: the command-line tool (`alicert --help`; output contract: spec/report.md).
#include <csignal>
#include <cstdio>
#include <exception>
#include <new>
#include <span>
#include <string>

#include "alicert/version.h"
#include "args.h"
#include "check_command.h"
#include "text_escape.h"

int main(int argc, char** argv) {
  using alicert::cli::options;
  // A closed standard output (`alicert check ... | head`) is a write error
  // to report, not a signal to die of.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const options o = alicert::cli::parse_args(std::span<char* const>(argv, static_cast<std::size_t>(argc)));
    switch (o.what) {
      case options::action::help:
        std::fputs(alicert::cli::help_text().data(), stdout);
        return std::fflush(stdout) == 0 ? 0 : alicert::cli::exit_errors;
      case options::action::version:
        std::printf("alicert %.*s\n", static_cast<int>(alicert::version().size()), alicert::version().data());
        return std::fflush(stdout) == 0 ? 0 : alicert::cli::exit_errors;
      case options::action::usage_error: {
        std::string msg = "alicert: ";
        alicert::cli::append_terminal_safe(msg, o.message);
        msg += '\n';
        msg += alicert::cli::usage_text();
        std::fputs(msg.c_str(), stderr);
        return alicert::cli::exit_errors;
      }
      case options::action::check:
        return alicert::cli::run_check(o);
    }
  } catch (const std::bad_alloc&) {
    std::fputs("alicert: out of memory\n", stderr);
  } catch (const std::exception& e) {
    std::string msg = "alicert: internal error: ";
    alicert::cli::append_terminal_safe(msg, e.what());
    msg += '\n';
    std::fputs(msg.c_str(), stderr);
  }
  return alicert::cli::exit_errors;
}
