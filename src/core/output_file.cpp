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
    return;
  }
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  temp_ = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(temp_.data());
  if (fd < 0) {
    problem_ = fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    temp_.clear();
    return;
  }
  ::close(fd);  // reopened as a stream below; mkstemp only made the name safely
  stream_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!stream_) problem_ = fmt::format("cannot write {}: {}", path_, std::strerror(errno));
}

atomic_output_file::~atomic_output_file() {
  if (committed_ || temp_.empty()) return;
  stream_.close();
  std::remove(temp_.c_str());
}

std::string atomic_output_file::commit() {
  if (!problem_.empty()) return problem_;
  if (temp_.empty()) {  // not a regular file: written in place
    stream_.flush();
    committed_ = true;
    return stream_ ? std::string{} : fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  }
  stream_.flush();
  const bool written = static_cast<bool>(stream_);
  stream_.close();
  if (!written || !stream_) return fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  // Readable like any file the user creates, not with mkstemp's private mode; on disk before
  // the rename, so that a crash leaves the old file or the new one, never a part.
  const int fd = ::open(temp_.c_str(), O_RDONLY);
  if (fd < 0) return fmt::format("cannot write {}: {}", path_, std::strerror(errno));
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const bool synced = ::fsync(fd) == 0;
  const std::string why = std::strerror(errno);
  ::close(fd);
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
