// How far a long run has got, for a line on a terminal while `remit check` reads and judges
// (src/cli/check_command.cpp): counts that the readers and the judges add to as they go, and a
// line redrawn by a thread of its own. Only ever shown, never part of a result: the counts are
// relaxed atomics, and nothing is drawn unless the command asks (on a terminal only), so reports
// and exit statuses are the same with or without it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace remit {

struct progress_counts {
  std::atomic<std::uint64_t> rows_read{0};      // log rows read (CSV and JSON Lines), of every log
  std::atomic<std::uint64_t> bodies_judged{0};  // bodies whose rules have been judged
};
// The counts of this process: one run of remit is one command.
progress_counts& progress();

// Adds to a count a thousand at a time, and what is left when it goes: a row is read in a
// few hundred nanoseconds, and two readers of one file adding one at a time would fight over
// the count's cache line.
class progress_tally {
 public:
  explicit progress_tally(std::atomic<std::uint64_t>& count) : count_(count) {}
  progress_tally(const progress_tally&) = delete;
  progress_tally& operator=(const progress_tally&) = delete;
  ~progress_tally() { flush(); }
  void add_one() {
    if (++pending_ == batch) flush();
  }
  void flush() {
    if (pending_) count_.fetch_add(pending_, std::memory_order_relaxed);
    pending_ = 0;
  }

 private:
  static constexpr std::uint64_t batch = 1024;
  std::atomic<std::uint64_t>& count_;
  std::uint64_t pending_ = 0;
};

// "1,234,567".
std::string grouped(std::uint64_t n);

// A line on `out` saying what `words()` says, drawn once `delay` has passed and redrawn every
// `interval`, until stop() (or the destructor) wipes it. A run shorter than `delay` draws
// nothing. Nothing else may write to `out` meanwhile: the caller holds back what it has to say.
class progress_line {
 public:
  progress_line(std::ostream& out, std::function<std::string()> words, std::chrono::milliseconds delay,
                std::chrono::milliseconds interval);
  progress_line(const progress_line&) = delete;
  progress_line& operator=(const progress_line&) = delete;
  ~progress_line() { stop(); }
  // Wipes the line, if one was drawn, once the thread has ended; then `out` is the caller's.
  void stop();

 private:
  void run(std::chrono::milliseconds delay, std::chrono::milliseconds interval);

  std::ostream& out_;
  std::function<std::string()> words_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // under mutex_
  bool drawn_ = false;     // the thread's own, read once it has ended
  std::thread thread_;
};

}  // namespace remit
