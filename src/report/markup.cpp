#include "report/markup.hpp"

#include <cstdint>

#include "core/text.hpp"

namespace remit {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls emit(sequence, code point) for each well-formed UTF-8 sequence of s and
// emit(U+FFFD, 0xFFFD) for each byte that does not start one.
template <typename Emit>
void each_code_point(std::string_view s, Emit emit) {
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_utf8(s, i);
    if (c.length == 0) {
      emit(replacement, 0xFFFD);
      ++i;
      continue;
    }
    emit(s.substr(i, c.length), c.value);
    i += c.length;
  }
}

}  // namespace

std::string valid_utf8_text(std::string_view s) {
  if (valid_utf8(s)) return std::string(s);  // nearly always: the logs' rows were checked on reading
  std::string out;
  out.reserve(s.size());
  each_code_point(s, [&](std::string_view seq, std::uint32_t) { out += seq; });
  return out;
}

std::string escape_xml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  each_code_point(s, [&](std::string_view seq, std::uint32_t cp) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&#39;"; return;
      default: break;
    }
    const bool forbidden = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
    out += forbidden ? replacement : seq;
  });
  return out;
}

std::string escape_markdown(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  each_code_point(s, [&](std::string_view seq, std::uint32_t cp) {
    if (cp == '\r' || cp == '\n') {
      out += ' ';
      return;
    }
    switch (cp) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#': case '~':
        out += '\\';
        break;
      case '&': {
        // Only where it could start a character reference ("&amp;", "&#60;"): "Children & Young People" stays as it is.
        const std::size_t next = static_cast<std::size_t>(seq.data() - s.data()) + 1;
        const char c = next < s.size() ? s[next] : ' ';
        if (c == '#' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += '\\';
        break;
      }
      default: break;
    }
    out += (cp < 0x20 && cp != '\t') ? replacement : seq;
  });
  return out;
}

}  // namespace remit
