#include "core/progress.hpp"

namespace remit {

progress_counts& progress() {
  static progress_counts counts;
  return counts;
}

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

progress_line::progress_line(std::ostream& out, std::function<std::string()> words, std::chrono::milliseconds delay,
                             std::chrono::milliseconds interval)
    : out_(out), words_(std::move(words)), thread_([this, delay, interval] { run(delay, interval); }) {}

void progress_line::run(std::chrono::milliseconds delay, std::chrono::milliseconds interval) {
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, delay, [this] { return stopping_; })) return;
  do {
    // "\r" and "erase to the end of the line": each drawing replaces the last.
    out_ << "\r\033[K" << words_() << std::flush;
    drawn_ = true;
  } while (!wake_.wait_for(lock, interval, [this] { return stopping_; }));
}

void progress_line::stop() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (drawn_) out_ << "\r\033[K" << std::flush;
}

}  // namespace remit
