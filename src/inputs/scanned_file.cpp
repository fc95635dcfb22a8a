#include "inputs/scanned_file.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <cstring>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include "core/digest.hpp"

namespace remit {

// The digest runs on its own thread, behind the reader: the reader goes on parsing the blocks it
// has read while the digest takes them and measures their lines. SHA-256 costs about as much as
// splitting the rows, so on two cores this halves the time of reading a large log. Blocks are not
// copied: each is read straight into the reader's memory, which the reader leaves as it is until
// it has read `blocks_kept` more (csv_records keeps a ring of buffers for this); a read waits only
// when the digest is that far behind. The reader learns of a line over the limit at its next
// read: it has then read at most `blocks_kept` blocks past it.
struct scanned_file::state {
  std::FILE* file = nullptr;
  line_length_tracker lines;  // the digest's until the reader is done
  std::atomic<bool> over_limit = false;  // lines found one
  bool error = false, ended = false;

  std::optional<sha256_stream> digest;  // none: not wanted
  std::deque<std::string_view> pending;  // blocks read and not yet digested, oldest first
  bool done = false;
  std::mutex mutex;
  std::condition_variable changed;
  std::thread worker;

  void digest_blocks() {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return !pending.empty() || done; });
      if (pending.empty()) return;
      const std::string_view block = pending.front();
      lock.unlock();
      lines.add(block);
      if (lines.over().line) over_limit = true;
      if (digest) digest->add(block);
      lock.lock();
      pending.pop_front();
      changed.notify_all();
    }
  }

  void wait_until_pending_below(std::size_t most) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return pending.size() < most; });
  }

  void hand_over(const char* data, std::size_t n) {
    std::lock_guard lock(mutex);
    pending.emplace_back(data, n);
    changed.notify_all();
  }

  void stop() {
    if (!worker.joinable()) return;
    wait_until_pending_below(1);
    {
      std::lock_guard lock(mutex);
      done = true;
      changed.notify_all();
    }
    worker.join();
  }

  // Reads on to the end of a line over the limit, so that the error can say how long it is.
  void measure_long_line() {
    std::vector<char> block(std::size_t{1} << 20);
    while (!lines.settled()) {
      const std::size_t n = std::fread(block.data(), 1, block.size(), file);
      if (n == 0) {
        error = error || std::ferror(file);
        lines.finish();
        return;
      }
      lines.add({block.data(), n});
    }
  }

  std::size_t end_at_long_line() {
    wait_until_pending_below(1);
    if (!lines.settled()) measure_long_line();
    ended = true;
    return 0;
  }

  std::size_t read(char* into, std::size_t size) {
    if (ended) return 0;
    // The block read `blocks_kept` reads ago may be where this one goes: it must be digested.
    wait_until_pending_below(blocks_kept);
    if (over_limit) return end_at_long_line();
    const std::size_t n = std::fread(into, 1, size, file);
    if (n == 0) {
      wait_until_pending_below(1);  // the digest is idle: `lines` is this thread's
      ended = true;
      if (std::ferror(file)) {
        error = true;
        return 0;
      }
      if (over_limit) return end_at_long_line();
      lines.finish();
      return 0;
    }
    hand_over(into, n);
    return n;
  }
};

scanned_file::scanned_file(std::FILE* file, bool digest) : state_(std::make_unique<state>()) {
  state_->file = file;
  if (digest) state_->digest.emplace();
  state_->worker = std::thread([s = state_.get()] { s->digest_blocks(); });
}

std::size_t scanned_file::read(char* into, std::size_t size) { return state_->read(into, size); }

void scanned_file::wait_for_digest() { state_->wait_until_pending_below(1); }

scanned_file::~scanned_file() {
  state_->stop();
  std::fclose(state_->file);
}

std::string scanned_file::sha256() {
  state_->stop();
  return state_->digest ? state_->digest->hex() : std::string{};
}

bool scanned_file::read_error() const { return state_->error; }

long_line scanned_file::line_over_limit() const {
  state_->stop();
  // The reader may have stopped before it read past the long line's end, or before it asked again.
  if (state_->lines.over().line && !state_->lines.settled()) state_->measure_long_line();
  return state_->lines.over();
}

}  // namespace remit
