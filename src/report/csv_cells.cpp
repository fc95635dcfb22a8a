#include "report/csv_cells.hpp"

#include "core/text.hpp"
#include "report/markup.hpp"

namespace remit {

void append_csv_cell(std::string& out, std::string_view raw) {
  std::string repaired;  // nearly always unused: the logs' rows were checked on reading
  std::string_view text = raw;
  if (!valid_utf8(raw)) {
    repaired = valid_utf8_text(raw);
    text = repaired;
  }
  const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
  const bool quoted = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quoted) out += '"';
  if (formula) out += '\'';
  if (!quoted) {
    out += text;
    return;
  }
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string csv_cell(std::string_view raw) {
  std::string out;
  append_csv_cell(out, raw);
  return out;
}

std::string date_cell(const std::optional<date>& d) { return d ? to_iso(*d) : std::string{}; }

}  // namespace remit
