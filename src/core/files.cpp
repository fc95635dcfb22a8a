#include "core/files.hpp"

#include <array>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "core/limits.hpp"

namespace remit {

std::optional<std::string> read_file(const std::string& path, std::string& why) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    why = "is a directory, not a file";
    return std::nullopt;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    why = std::filesystem::exists(path, ec) ? "cannot be read (permission denied?)" : "no such file";
    return std::nullopt;
  }
  // A file larger than the limit is refused unread; what has no size (a pipe) is read only up
  // to the limit.
  const std::uint64_t most = limit_value(limit::file_size);
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > most) {
    why = fmt::format("the file is {} ({})", limit_words(limit::file_size, size), limit_advice(limit::file_size));
    return std::nullopt;
  }
  std::string content;
  if (!ec) content.reserve(size);
  std::array<char, 1 << 16> block;
  while (f.read(block.data(), block.size()) || f.gcount() > 0) {
    content.append(block.data(), static_cast<std::size_t>(f.gcount()));
    if (content.size() > most) {
      why = fmt::format("the file is more than {} ({})", limit_words(limit::file_size, most),
                        limit_advice(limit::file_size));
      return std::nullopt;
    }
  }
  return content;
}

std::string not_regular_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);  // through links: a link to a regular file is one
  if (ec || !fs::exists(st) || fs::is_regular_file(st) || fs::is_directory(st)) return {};
  switch (st.type()) {
    case fs::file_type::fifo: return "a named pipe";
    case fs::file_type::block:
    case fs::file_type::character: return "a device";
    case fs::file_type::socket: return "a socket";
    default: return "a special file";
  }
}

}  // namespace remit
