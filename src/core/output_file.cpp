#include "core/output_file.hpp"

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace remit {

namespace {

// The temporary files a signal removes. A signal may arrive at any instant, on any thread, even
// while a file is being added or dropped, and its handler may call only what is
// async-signal-safe: so a fixed table of paths rather than a container (which may be moving
// its memory when the signal comes), each slot guarded by a lock-free atomic state that the
// handler takes with compare-and-swap: it reads only a path whose writing is done, and only
// unlink() and raise() are called. A run has a file open per report and per sweep worker, far
// fewer than the slots; a file for which no slot is free is still written, but not removed
// by a signal.
enum slot_state : int {
  slot_free,
  slot_owned,  // its file's thread is writing or clearing the path
  slot_live,   // the path names a temporary file: a signal removes it
  slot_taken,  // by the handler: the process is ending
};
struct temporary_slot {
  std::atomic<int> state{slot_free};
  char path[PATH_MAX];
};
static_assert(std::atomic<int>::is_always_lock_free);
temporary_slot temporaries[256];

int register_temporary(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < static_cast<int>(std::size(temporaries)); ++i) {
    int expected = slot_free;
    if (!temporaries[i].state.compare_exchange_strong(expected, slot_owned)) continue;
    std::memcpy(temporaries[i].path, path.c_str(), path.size() + 1);
    temporaries[i].state.store(slot_live);
    return i;
  }
  return -1;
}

// After the file is renamed or removed: a signal in between unlinks a name no longer there.
void forget_temporary(int slot) {
  if (slot < 0) return;
  int expected = slot_live;
  if (temporaries[slot].state.compare_exchange_strong(expected, slot_owned)) temporaries[slot].state.store(slot_free);
}

extern "C" void remove_temporaries_and_end(int signal) {
  const int saved = errno;
  for (temporary_slot& t : temporaries) {
    int expected = slot_live;
    if (t.state.compare_exchange_strong(expected, slot_taken)) ::unlink(t.path);
  }
  errno = saved;
  // SA_RESETHAND put back the default disposition as the handler began, and the signal is
  // blocked until it returns: then it ends the process, whose status says which signal it was.
  ::raise(signal);
}

// Creates the temporary file beside the target, named after it and a random word. Created with
// mode 0666, so that the process's umask gives it the mode of any file the user creates, without
// changing the umask, which every thread shares (a sweep writes from several); and a report that
// replaces a file keeps that file's mode.
int create_temporary(const std::filesystem::path& dir, const std::filesystem::path& target, std::string& temp) {
  static std::atomic<unsigned> serial{0};
  std::random_device seed;
  std::mt19937 random(seed() ^ static_cast<unsigned>(::getpid()) ^ serial.fetch_add(1));
  constexpr std::string_view letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  // The name stays within a file name's 255 bytes whatever the target's length.
  std::string stem = "." + target.filename().string();
  if (stem.size() > 240) stem.resize(240);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string word(6, 'x');
    for (char& c : word) c = letters[random() % letters.size()];
    temp = (dir / (stem + "." + word)).string();
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) {
      struct stat old {};
      if (fd >= 0 && ::stat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode)) ::fchmod(fd, old.st_mode & 07777);
      return fd;
    }
  }
  errno = EEXIST;
  return -1;
}

}  // namespace

atomic_output_file::atomic_output_file(std::string path) : path_(std::move(path)) {
  const std::filesystem::path target(path_);
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written to as it is: renaming a file
  // over it would replace the device.
  std::error_code ec;
  if (const auto st = std::filesystem::status(target, ec); !ec && std::filesystem::exists(st) &&
                                                           !std::filesystem::is_regular_file(st)) {
    stream_.open(path_, std::ios::binary);
    if (!stream_) problem_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
    out_.setstate(stream_.rdstate());
    return;
  }
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  fd_ = create_temporary(dir, target, temp_);
  if (fd_ < 0) {
    problem_ = fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    temp_.clear();
    return;
  }
  // Registered once created, never before: the handler must not unlink a name that is not yet
  // known to be remit's. A signal in the instant between leaves this one file behind.
  slot_ = register_temporary(temp_);
  // For tests only (tests/cli/signals_and_full_disk.sh): REMIT_TEST_PAUSE_WRITING=NAME waits
  // here, up to a minute, while the temporary file of the output named NAME exists, so that a
  // test can send its signal at this instant rather than by chance.
  if (const char* pause_at = std::getenv("REMIT_TEST_PAUSE_WRITING"); pause_at && target.filename() == pause_at) ::sleep(60);
  stream_.open(temp_, std::ios::binary | std::ios::trunc);  // the text goes through the stream's buffer
  if (!stream_) problem_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  out_.setstate(stream_.rdstate());
  writeback_.start_on(fd_);
}

constexpr long long writeback_step = 16LL << 20;

atomic_output_file::early_writeback::int_type atomic_output_file::early_writeback::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  if (traits_type::eq_int_type(file_->sputc(traits_type::to_char_type(c)), traits_type::eof())) return traits_type::eof();
  passed(1);
  return c;
}

std::streamsize atomic_output_file::early_writeback::xsputn(const char* s, std::streamsize n) {
  const std::streamsize put = file_->sputn(s, n);
  passed(put);
  return put;
}

void atomic_output_file::early_writeback::passed(std::streamsize n) {
  passed_ += n;
  if (fd_ < 0 || passed_ - started_ < writeback_step) return;
  // A hint: if the file cannot start writing now (or at all), commit's fsync still does it all.
  if (file_->pubsync() == 0) ::sync_file_range(fd_, started_, passed_ - started_, SYNC_FILE_RANGE_WRITE);
  started_ = passed_;
}

atomic_output_file::~atomic_output_file() {
  if (fd_ >= 0) ::close(fd_);
  if (committed_ || temp_.empty()) return;
  stream_.close();
  std::remove(temp_.c_str());
  forget_temporary(slot_);
}

std::string atomic_output_file::finish() {
  if (!problem_.empty() || finished_) return problem_;
  if (temp_.empty()) {  // not a regular file: written in place
    out_.flush();
    finished_ = true;
    if (!out_ || !stream_) problem_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
    return problem_;
  }
  out_.flush();
  const bool written = out_ && stream_;
  stream_.close();
  if (!written || !stream_) return problem_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  // On disk before the rename, so that a crash leaves the old file or the new one, never a part.
  const bool synced = ::fsync(fd_) == 0;
  const std::string why = std::strerror(errno);
  ::close(fd_);
  fd_ = -1;
  if (!synced) return problem_ = fmt::format("cannot write {}: {}", path_, why);
  finished_ = true;
  return {};
}

std::string atomic_output_file::commit() {
  if (std::string why = finish(); !why.empty()) return why;
  if (committed_ || temp_.empty()) {
    committed_ = true;
    return {};
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    return problem_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  forget_temporary(slot_);
  committed_ = true;
  return {};
}

void remove_temporaries_on_signals() {
  for (const int signal : {SIGINT, SIGTERM}) {
    struct sigaction old {};
    if (::sigaction(signal, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction handler {};
    handler.sa_handler = remove_temporaries_and_end;
    sigemptyset(&handler.sa_mask);  // one at a time: the other waits until the first has ended the process
    sigaddset(&handler.sa_mask, SIGINT);
    sigaddset(&handler.sa_mask, SIGTERM);
    handler.sa_flags = SA_RESETHAND;
    ::sigaction(signal, &handler, nullptr);
  }
}

std::string write_file_atomically(const std::string& path, std::string_view content) {
  atomic_output_file file(path);
  if (!file.problem().empty()) return file.problem();
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return file.commit();
}

namespace {

// Whether two paths name one file: the same device and inode when both exist, else the same path
// once `.`, `..` and symbolic links are resolved.
bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  std::error_code ea, eb;
  const auto resolved = [](const std::string& p, std::error_code& ec) {
    const std::filesystem::path absolute = std::filesystem::absolute(p, ec);
    return ec ? absolute : std::filesystem::weakly_canonical(absolute, ec).lexically_normal();
  };
  const std::filesystem::path ca = resolved(a, ea), cb = resolved(b, eb);
  return !ea && !eb ? ca == cb : a == b;
}

}  // namespace

std::string outputs_clash(const std::vector<std::string>& outputs, const std::vector<run_input>& inputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    for (const run_input& in : inputs)
      if (same_file(outputs[i], in.path))
        return outputs[i] == in.path
                   ? fmt::format("{} is {} of this run: an output never replaces an input; write it elsewhere", outputs[i], in.what)
                   : fmt::format("{} is {}, {} of this run, under another name: an output never replaces an input; write it "
                                 "elsewhere",
                                 outputs[i], in.path, in.what);
    for (std::size_t j = 0; j < i; ++j)
      if (same_file(outputs[i], outputs[j]))
        return fmt::format("{} and {} are one file: two outputs would be written to it; give each its own file", outputs[j],
                           outputs[i]);
  }
  return {};
}

}  // namespace remit
