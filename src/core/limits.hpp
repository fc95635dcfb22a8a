// Resource limits: the most remit takes in before it refuses, so that a huge or hostile input
// gives a clear error (exit 2) instead of exhausting memory or time. Each has a safe default
// and can be raised or lowered on the command line (--limit NAME=VALUE); one set per run.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace remit {

enum class limit { file_size, line_length, rules, errors, findings };

struct limit_info {
  limit which;
  std::string_view name;  // as --limit spells it: "file-size"
  bool bytes;             // a size, which takes K, M and G
  std::uint64_t default_value;
  std::string_view what;  // for --help and messages: "bytes in one rule file or log"
  std::string_view otherwise = {};  // what else than raising the limit may do, for limit_advice
};

std::span<const limit_info> limits();
const limit_info& info(limit l);
std::uint64_t limit_value(limit l);
bool limit_is_default(limit l);

// Applies "NAME=VALUE" (VALUE a whole number, for sizes with an optional K, M or G suffix:
// 1024, 1048576, 1073741824). Returns why it cannot, or "".
std::string set_limit(std::string_view assignment);
void set_limit(limit l, std::uint64_t value);
void reset_limits();

// "16 MiB" for a size, "10000" for a count: how messages quote a limit and a measure.
std::string limit_words(limit l, std::uint64_t value);

// The sentence every exceeded limit ends with: "the limit is 16 MiB: raise it with
// --limit line-length=SIZE", and what else may do, for a limit that has something else.
std::string limit_advice(limit l);

// The first line of `text` longer than the line-length limit, 1-based, and its length; line 0
// when there is none.
struct long_line {
  std::uint32_t line = 0;
  std::size_t length = 0;
};
long_line first_line_over_limit(std::string_view text);

// The same for text that comes a block at a time (a log read as a stream): `over()` is the first
// line over the limit, and its length grows with each block until `settled()`, when its end (or
// the end of the text) has been seen.
class line_length_tracker {
 public:
  void add(std::string_view block);
  void finish() { settled_ = over_.line != 0; }  // at the end of the text
  const long_line& over() const { return over_; }
  bool settled() const { return settled_; }

 private:
  std::uint64_t most_ = limit_value(limit::line_length);
  std::uint32_t line_ = 1;
  std::size_t length_ = 0;  // of the current line so far
  long_line over_;
  bool settled_ = false;
};

}  // namespace remit
