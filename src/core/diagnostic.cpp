#include "core/diagnostic.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

#include "core/text.hpp"

namespace remit {

void diagnostics::error(source_location where, std::string message, std::string source_line) {
  list_.push_back({std::move(where), std::move(message), std::move(source_line)});
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
  std::string out = d.where.line == 0 ? fmt::format("{}: error: {}\n", d.where.file, d.message)
                    : d.where.column ? fmt::format("{}:{}:{}: error: {}\n", d.where.file, d.where.line, d.where.column, d.message)
                                   : fmt::format("{}:{}: error: {}\n", d.where.file, d.where.line, d.message);
  if (!d.source_line.empty() && d.where.column) {
    out += d.source_line;
    out += '\n';
    // Copy tabs from the line so the caret lands under the column in any tab width.
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < d.source_line.size() && col < d.where.column; ++i) {
      const unsigned char c = static_cast<unsigned char>(d.source_line[i]);
      if ((c & 0xC0) == 0x80) continue;
      out += c == '\t' ? '\t' : ' ';
      ++col;
    }
    for (; col < d.where.column; ++col) out += ' ';
    out += "^\n";
  }
  return out;
}

void diagnostics::render(std::ostream& out) const {
  for (const diagnostic& d : sorted()) out << remit::render(d);
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
