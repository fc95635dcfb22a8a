#include "report/icalendar.hpp"

#include "core/text.hpp"
#include "report/markup.hpp"

namespace remit {

std::string ical_text(std::string_view raw) {
  const std::string s = valid_utf8_text(raw);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') break;  // CRLF is one line end
        out += "\\n";
        break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F ? ' ' : c;
    }
  }
  return out;
}

void append_content_line(std::string& out, std::string_view line) {
  constexpr std::size_t limit = 75;
  std::size_t used = 0;  // octets on the current physical line
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t n = character_length(line, i);
    // An escape ("\n", "\,") stays on one line: folding may split anywhere, but not every reader
    // unfolds before it unescapes.
    if (line[i] == '\\' && i + 1 < line.size()) n = 2;
    if (used + n > limit) {
      out += "\r\n ";  // the space that begins a continuation line counts towards its 75 octets
      used = 1;
    }
    out.append(line.substr(i, n));
    used += n;
    i += n;
  }
  out += "\r\n";
}

std::string ical_date(std::string_view iso) {
  std::string out;
  for (char c : iso)
    if (c != '-') out += c;
  return out;
}

}  // namespace remit
