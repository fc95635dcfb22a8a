#include "report/markup.hpp"

#include <cstdint>

namespace remit {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls emit(sequence, code point) for each well-formed UTF-8 sequence of s and
// emit(U+FFFD, 0xFFFD) for each byte that does not start one.
template <typename Emit>
void each_code_point(std::string_view s, Emit emit) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      emit(s.substr(i, 1), std::uint32_t{c});
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) extra = 1, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) extra = 2, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) extra = 3, cp = c & 0x07;
    bool ok = extra > 0 && i + extra < s.size();  // the continuation bytes are all there
    for (std::size_t k = 1; ok && k <= extra; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (d & 0x3F);
    }
    ok = ok && !((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
                 cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF));
    if (!ok) {
      emit(replacement, 0xFFFD);
      ++i;
      continue;
    }
    emit(s.substr(i, extra + 1), cp);
    i += extra + 1;
  }
}

}  // namespace

std::string valid_utf8_text(std::string_view s) {
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
