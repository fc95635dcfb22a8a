// Writes a whole file or nothing: the text goes to a temporary file beside the target,
// which is renamed over it only once everything is written.
#pragma once

#include <string>
#include <string_view>

namespace remit {

// Returns an empty string on success, else what went wrong.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace remit
