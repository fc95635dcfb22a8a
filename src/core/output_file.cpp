#include "core/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace remit {

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
  temp_ = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  fd_ = mkstemp(temp_.data());
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
  // Readable like any file the user creates, not with mkstemp's private mode; on disk before
  // the rename, so that a crash leaves the old file or the new one, never a part.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
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

}  // namespace remit
