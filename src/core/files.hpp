// Reading a file whole, and telling a regular file from a pipe or a device. Every stage reads
// its files this way (rule files, logs, manifests, reports), within the same size limit.
#pragma once

#include <optional>
#include <string>

namespace remit {

// Reads a whole file. Returns nullopt and says why in `why` when it cannot.
std::optional<std::string> read_file(const std::string& path, std::string& why);

// What `path` is when it is there but is not a regular file (nor a folder, which has its own
// message): "a named pipe", "a device", "a socket"; "" otherwise. For the commands that must read
// only regular files: a named pipe holds a reader until something writes to it, and a device
// may never end.
std::string not_regular_file(const std::string& path);

}  // namespace remit
