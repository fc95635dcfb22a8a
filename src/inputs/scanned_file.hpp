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
  // Takes ownership of `file`, which is read from its current position. Without `digest` the
  // bytes are only measured for the line-length limit, and sha256() is empty.
  explicit scanned_file(std::FILE* file, bool digest = true);
  ~scanned_file();
  scanned_file(const scanned_file&) = delete;
  scanned_file& operator=(const scanned_file&) = delete;

  // Reads the next at most `size` bytes of the file into `into`, as fread does; 0 at the end, and
  // early (as at the end) at a line over the limit or an error. The bytes are digested where they
  // were read, so the reader must leave each block it reads as it is until it has read
  // `blocks_kept` more.
  std::size_t read(char* into, std::size_t size);
  static constexpr std::size_t blocks_kept = 4;
  // Waits until the digest has taken every block read: the reader must call it before it frees
  // or reuses what it read into, however it stops.
  void wait_for_digest();
  // Once the reader is done: the SHA-256 of the bytes it read, in hex (if digested), and the first line over
  // the line-length limit (line 0: none).
  std::string sha256();
  long_line line_over_limit() const;
  bool read_error() const;

  struct state;

 private:
  std::unique_ptr<state> state_;
};

}  // namespace remit
