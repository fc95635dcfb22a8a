#include "core/diagnostic.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

#include "core/limits.hpp"
#include "core/text.hpp"

namespace remit {

void diagnostics::error(source_location where, std::string message, std::string source_line) {
  list_.push_back({std::move(where), std::move(message), std::move(source_line)});
}

void diagnostics::add(const diagnostics& more) {
  const std::vector<diagnostic> found = more.sorted();  // sorted() also drops repeats
  list_.insert(list_.end(), found.begin(), found.end());
}

std::vector<diagnostic> diagnostics::sorted() const {
  std::vector<diagnostic> out = list_;
  std::stable_sort(out.begin(), out.end(), [](const diagnostic& a, const diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column, a.message) <
           std::tie(b.where.file, b.where.line, b.where.column, b.message);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const diagnostic& a, const diagnostic& b) {
                          return a.where.file == b.where.file && a.where.line == b.where.line &&
                                 a.where.column == b.where.column && a.message == b.message;
                        }),
            out.end());
  return out;
}

std::string render(const diagnostic& d) {
  // A file name, a message quoting the input and the line itself may hold control characters:
  // shown escaped (core/text.hpp), never sent to the terminal as they are.
  const std::string file = escape_controls(d.where.file), message = escape_controls(d.message);
  std::string out = d.where.line == 0 ? fmt::format("{}: error: {}\n", file, message)
                    : d.where.column ? fmt::format("{}:{}:{}: error: {}\n", file, d.where.line, d.where.column, message)
                                   : fmt::format("{}:{}: error: {}\n", file, d.where.line, message);
  if (!d.source_line.empty() && d.where.column) {
    std::string_view line = d.source_line;
    std::uint32_t column = d.where.column;
    std::string shown;
    // A line too long to read (a hostile input's) is shown as the part around the column.
    constexpr std::size_t context = 60;
    if (line.size() > 3 * context) {
      const std::size_t at = utf8_prefix(line, column - 1).size();
      std::size_t begin = at > context ? at - context : 0, end = std::min(line.size(), at + 1 + context);
      // Widened to whole characters: the start of the one `begin` is in, the end of the one before `end`.
      std::size_t i = 0;
      for (std::size_t next = 0; (next = i + character_length(line, i)) <= begin;) i = next;
      begin = i;
      while (i < end) i += character_length(line, i);
      end = i;
      if (begin > 0) shown = "...";
      column = static_cast<std::uint32_t>(shown.size() + utf8_length(line.substr(begin, at - begin)) + 1);
      shown += line.substr(begin, end - begin);
      if (end < line.size()) shown += "...";
      line = shown;
    }
    out += escape_controls(line);
    out += '\n';
    // The caret goes under the column as shown: the line before it, escaped, as spaces, with its
    // tabs copied so that it lands right in any tab width.
    const std::string_view before = utf8_prefix(line, column - 1);
    const std::string escaped = escape_controls(before);
    for (std::size_t i = 0; i < escaped.size(); i += character_length(escaped, i)) out += escaped[i] == '\t' ? '\t' : ' ';
    for (std::size_t col = 1 + utf8_length(before); col < column; ++col) out += ' ';
    out += "^\n";
  }
  return out;
}

void diagnostics::render(std::ostream& out) const {
  const std::vector<diagnostic> all = sorted();
  const std::uint64_t most = limit_value(limit::errors);
  for (std::size_t i = 0; i < all.size() && i < most; ++i) out << remit::render(all[i]);
  if (all.size() > most)
    out << fmt::format("... and {} more {} ({})\n", all.size() - most, all.size() - most == 1 ? "error" : "errors",
                       limit_advice(limit::errors));
}

line_at locate_in_line(std::string_view text, std::size_t line_begin, std::size_t offset) {
  std::size_t end = text.find('\n', line_begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(line_begin, end - line_begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::size_t in_line = std::min(offset - line_begin, line.size());
  return {line, static_cast<std::uint32_t>(utf8_length(line.substr(0, in_line)) + 1)};
}

}  // namespace remit
