#include "inputs/scanned_file.hpp"

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/digest.hpp"

namespace remit {

// The digest runs on its own thread, one block behind the reader: a block read is copied to
// `pending`, and the reader goes on while the digest takes it. SHA-256 costs about as much as
// splitting the rows, so on two cores this halves the time of reading a large log.
struct scanned_file::state {
  std::FILE* file = nullptr;
  std::vector<char> buffer;  // the stream's
  line_length_tracker lines;
  bool error = false;

  sha256_stream digest;
  std::string pending;
  bool has_pending = false, done = false;
  std::mutex mutex;
  std::condition_variable changed;
  std::thread worker;

  void digest_blocks() {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return has_pending || done; });
      if (!has_pending) return;
      lock.unlock();
      digest.add(pending);
      lock.lock();
      has_pending = false;
      changed.notify_all();
    }
  }

  void hand_over(const char* data, std::size_t n) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return !has_pending; });
    pending.assign(data, n);
    has_pending = true;
    changed.notify_all();
  }

  void stop() {
    if (!worker.joinable()) return;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !has_pending; });
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

  static ssize_t read(void* cookie, char* buffer, std::size_t size) {
    auto& self = *static_cast<state*>(cookie);
    if (self.lines.over().line) return 0;
    const std::size_t n = std::fread(buffer, 1, size, self.file);
    if (n == 0) {
      if (std::ferror(self.file)) {
        self.error = true;
        return -1;
      }
      self.lines.finish();
      return 0;
    }
    self.lines.add({buffer, n});
    if (self.lines.over().line) {
      self.measure_long_line();
      return 0;
    }
    self.hand_over(buffer, n);
    return static_cast<ssize_t>(n);
  }
};

scanned_file::scanned_file(std::FILE* file) : state_(std::make_unique<state>()) {
  state_->file = file;
  state_->worker = std::thread([s = state_.get()] { s->digest_blocks(); });
  const cookie_io_functions_t io{state::read, nullptr, nullptr, nullptr};
  stream_ = fopencookie(state_.get(), "rb", io);
  if (!stream_) {
    state_->stop();
    std::fclose(file);
    throw std::runtime_error("could not open a stream over a log file");
  }
  // A stream of this kind is read a buffer at a time, whatever the reader asks for: a large
  // buffer keeps the hand-overs to the digest few (setvbuf ignores a size given without one).
  state_->buffer.resize(std::size_t{1} << 22);
  std::setvbuf(stream_, state_->buffer.data(), _IOFBF, state_->buffer.size());
}

scanned_file::~scanned_file() {
  state_->stop();
  std::fclose(stream_);
  std::fclose(state_->file);
}

std::string scanned_file::sha256() {
  state_->stop();
  return state_->digest.hex();
}

bool scanned_file::read_error() const { return state_->error; }

long_line scanned_file::line_over_limit() const { return state_->lines.over(); }

}  // namespace remit
