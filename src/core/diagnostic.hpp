// Mistakes in a user's input: collected, sorted and rendered as
//   file:line:column: error: message
//   <the source line>
//         ^
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace remit {

struct source_location {
  std::string file;
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in characters
};

struct diagnostic {
  source_location where;
  std::string message;
  std::string source_line;  // the whole line, without its line end; empty when unknown
};

class diagnostics {
 public:
  void error(source_location where, std::string message, std::string source_line = {});
  void add(const diagnostics& more);  // each diagnostic of `more`, once
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  // Sorted by file, line, column, then message, so output never depends on discovery order.
  std::vector<diagnostic> sorted() const;
  void render(std::ostream& out) const;

 private:
  std::vector<diagnostic> list_;
};

std::string render(const diagnostic& d);

// The line of `text` that holds byte `offset`, and the character column of that byte (1-based).
struct line_at {
  std::string_view line;
  std::uint32_t column;
};
line_at locate_in_line(std::string_view text, std::size_t line_begin_offset, std::size_t offset);

}  // namespace remit
