#include "core/output_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace remit {

namespace {

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
}

std::string atomic_output_file::commit() {
  if (!problem_.empty()) return problem_;
  if (temp_.empty()) {  // not a regular file: written in place
    out_.flush();
    committed_ = true;
    return out_ && stream_ ? std::string{} : fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  }
  out_.flush();
  const bool written = out_ && stream_;
  stream_.close();
  if (!written || !stream_) return fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  // On disk before the rename, so that a crash leaves the old file or the new one, never a part.
  const bool synced = ::fsync(fd_) == 0;
  const std::string why = std::strerror(errno);
  ::close(fd_);
  fd_ = -1;
  if (!synced) return fmt::format("cannot write {}: {}", path_, why);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) return fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  committed_ = true;
  return {};
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
