// A log file opened for a reader that streams it: as the reader takes the bytes, they are
// digested for the report's manifest, on a second core, and checked against the line-length
// limit. One pass over the file, so the digest names exactly the bytes that were read, and a
// line over the limit stops the reader there rather than after the whole file.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "core/limits.hpp"

namespace remit {

class scanned_file {
 public:
  // Takes ownership of `file`, which is read from its current position.
  explicit scanned_file(std::FILE* file);
  ~scanned_file();
  scanned_file(const scanned_file&) = delete;
  scanned_file& operator=(const scanned_file&) = delete;

  // What the reader reads from: ends early (as at the end of the file) at a line over the limit.
  std::FILE* stream() const { return stream_; }
  // Once the reader is done: the SHA-256 of the bytes it read, in hex, and the first line over
  // the line-length limit (line 0: none).
  std::string sha256();
  long_line line_over_limit() const;
  bool read_error() const;

  struct state;

 private:
  std::unique_ptr<state> state_;
  std::FILE* stream_ = nullptr;
};

}  // namespace remit
