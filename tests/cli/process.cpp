#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace alicert_cli_test {

cli_process::cli_process(const std::vector<std::string>& args, int stderr_fd) {
  err_path_ = (scratch_.path() / "stderr").string();
  int in_pipe[2];
  int out_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0 || ::pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  if (stderr_fd >= 0)
    posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  else
    posix_spawn_file_actions_addopen(&actions, 2, err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_strings{ALICERT_CLI_PATH};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  in_ = in_pipe[1];
  out_ = out_pipe[0];
  if (rc != 0) {
    pid_ = -1;
    throw std::runtime_error("posix_spawn failed");
  }
  // A test that stops reading must not leave the child blocked forever,
  // nor be killed by SIGPIPE when the child has gone.
  ::signal(SIGPIPE, SIG_IGN);
}

cli_process::~cli_process() {
  if (in_ >= 0) ::close(in_);
  if (out_ >= 0) ::close(out_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

bool cli_process::write(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(in_, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void cli_process::close_input() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
}

bool cli_process::read_some(int timeout_ms) {
  pollfd p{out_, POLLIN, 0};
  const int ready = ::poll(&p, 1, timeout_ms);
  if (ready <= 0) return false;
  char buf[65536];
  const ssize_t n = ::read(out_, buf, sizeof buf);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  out_text_.append(buf, static_cast<std::size_t>(n));
  lines_ += static_cast<std::size_t>(std::count(buf, buf + n, '\n'));
  return true;
}

std::optional<std::string> cli_process::read_lines(std::size_t lines, int timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (lines_ < lines) {
    if (eof_ || std::chrono::steady_clock::now() > deadline) return std::nullopt;
    read_some(100);
  }
  return out_text_;
}

std::optional<std::size_t> cli_process::drain_lines(int timeout_s, std::string* tail, std::size_t keep) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (!eof_) {
    if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
    read_some(100);
    if (out_text_.size() > 2 * keep) out_text_.erase(0, out_text_.size() - keep);
  }
  if (tail != nullptr) *tail = out_text_;
  return lines_;
}

run_result cli_process::wait(int timeout_s, long* max_rss_kb) {
  run_result result;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t done = ::wait4(pid_, &status, WNOHANG, &usage);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) throw std::runtime_error("wait4 failed");
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::wait4(pid_, &status, 0, &usage);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  pid_ = -1;
  if (!result.timed_out) {
    if (WIFEXITED(status)) result.status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  }
  if (max_rss_kb != nullptr) *max_rss_kb = usage.ru_maxrss;
  result.out = out_text_;
  result.err = read_whole(err_path_);
  return result;
}

}  // namespace alicert_cli_test
