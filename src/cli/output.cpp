#include "output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace alicert::cli {
namespace {

// Writes all of `text` to `fd`; false on failure (a closed pipe included:
// SIGPIPE is ignored, so that is EPIPE).
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

constexpr std::size_t large_documents = 10000;
constexpr std::size_t large_bytes = std::size_t{16} << 20;

}  // namespace

bool output_sink::write(std::string_view text) {
  if (failed_) return false;
  if (pending_.size() + text.size() > block && !flush()) return false;
  if (text.size() >= block) {
    if (!write_all(fd_, text)) failed_ = true;
    return !failed_;
  }
  pending_.append(text);
  return true;
}

bool output_sink::flush() {
  if (failed_) return false;
  if (!pending_.empty() && !write_all(fd_, pending_.view())) failed_ = true;
  pending_.clear();
  return !failed_;
}

bool diagnostics::stderr_is_terminal() noexcept { return ::isatty(STDERR_FILENO) == 1; }

void diagnostics::put(std::string_view text) { write_all(STDERR_FILENO, text); }

void diagnostics::write(std::string_view text) {
  if (text.empty()) return;
  clear_progress();
  put(text);
}

void diagnostics::clear_progress() {
  if (!shown_) return;
  put("\r\x1b[K");
  shown_ = false;
}

void diagnostics::progress(std::size_t documents, std::size_t bytes) {
  if (!progress_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!started_) {
    started_ = true;
    start_ = now;
  }
  if (documents < large_documents && bytes < large_bytes) return;
  if (shown_ && now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(documents) / seconds : 0.0;
  char line[160];
  const int n = std::snprintf(line, sizeof line, "\ralicert: %zu documents, %.1f MiB, %.0f documents/s\x1b[K",
                              documents, static_cast<double>(bytes) / (1024.0 * 1024.0), rate);
  if (n > 0) put(std::string_view(line, static_cast<std::size_t>(n) < sizeof line ? static_cast<std::size_t>(n) : sizeof line - 1));
  shown_ = true;
}

}  // namespace alicert::cli
