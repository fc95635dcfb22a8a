#include "core/text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace remit {

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    bool is_space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // U+00A0
      is_space = true;
      ++i;
    }
    if (is_space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return out;
}

std::string counted(long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

namespace {

std::string escape(std::string_view s, bool keep_line_feeds) {
  const auto plain = [&](unsigned char c) { return c >= 0x20 ? c != 0x7f : c == '\t' || (keep_line_feeds && c == '\n'); };
  std::size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80 && plain(static_cast<unsigned char>(s[i]))) ++i;
  if (i == s.size()) return std::string(s);  // nearly always: nothing to escape
  std::string out(s.substr(0, i));
  const auto hex = [&](std::string_view bytes) {
    for (const char b : bytes) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(b));
  };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (plain(c)) out += s[i];
      else hex(s.substr(i, 1));
      ++i;
      continue;
    }
    const code_point cp = decode_utf8(s, i);
    if (cp.length == 0) {
      hex(s.substr(i, 1));  // not UTF-8
      ++i;
    } else {
      if (cp.value <= 0x9F) hex(s.substr(i, cp.length));  // a C1 control
      else out += s.substr(i, cp.length);
      i += cp.length;
    }
  }
  return out;
}

}  // namespace

std::string escape_controls(std::string_view s) { return escape(s, false); }
std::string escape_controls_but_line_feeds(std::string_view s) { return escape(s, true); }

std::string as_typed(std::string_view s) {
  constexpr std::size_t shown = 32;
  const std::string_view start = utf8_prefix(s, shown);
  return escape_controls(start) + (start.size() < s.size() ? "..." : "");
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += character_length(s, i)) ++n;
  return n;
}

std::string_view utf8_prefix(std::string_view s, std::size_t characters) {
  std::size_t i = 0;
  for (; i < s.size() && characters > 0; --characters) i += character_length(s, i);
  return s.substr(0, i);
}

code_point decode_utf8(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  std::size_t extra = 0;
  std::uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0) extra = 1, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0) extra = 2, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0) extra = 3, cp = c & 0x07;
  else return {0, 0};
  if (i + extra >= s.size()) return {0, 0};
  for (std::size_t k = 1; k <= extra; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (d & 0x3F);
  }
  // Overlong forms, surrogates and code points beyond Unicode are not UTF-8.
  if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return {0, 0};
  return {cp, extra + 1};
}

std::string not_utf8_words(std::string_view what, std::string_view text) {
  // Windows-1252's 0x80 to 0x9F (0: a byte it leaves undefined); from 0xA0 on it is Latin-1.
  static constexpr std::uint16_t high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                             0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                             0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out = fmt::format("{} is not valid UTF-8 text", what);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = decode_utf8(text, i).length;
    if (n > 0) {
      i += n;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::uint32_t code = byte >= 0xA0 ? byte : byte >= 0x80 ? high[byte - 0x80] : 0;
    if (code == 0) return out;
    std::string character;  // the code point as UTF-8
    if (code < 0x800) character = {static_cast<char>(0xC0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3F))};
    else
      character = {static_cast<char>(0xE0 | (code >> 12)), static_cast<char>(0x80 | ((code >> 6) & 0x3F)),
                   static_cast<char>(0x80 | (code & 0x3F))};
    return fmt::format("{}; its byte 0x{:02X} is '{}' in Windows-1252, the encoding of Excel's \"CSV (Comma delimited)\": "
                       "save the sheet as \"CSV UTF-8 (Comma delimited)\" instead",
                       out, byte, character);
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // most text is ASCII: no decoding
      ++i;
      continue;
    }
    const code_point c = decode_utf8(s, i);
    if (c.length == 0) return false;
    i += c.length;
  }
  return true;
}

string_pool::string_pool() { entries_.push_back({}); }

string_pool::id string_pool::intern(std::string_view text) {
  if (text.empty()) return 0;  // most rows leave most columns empty
  if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
  const id i = static_cast<id>(entries_.size());
  entries_.push_back({std::string(text), fold(text)});
  ids_.emplace(entries_.back().text, i);
  return i;
}

std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const code_point c = decode_utf8(s, i);
    out.push_back(c.length ? c.value : static_cast<unsigned char>(s[i]));
    i += c.length ? c.length : 1;
  }
  return out;
}

std::size_t edit_distance(std::string_view a_text, std::string_view b_text, swapped_letters swaps) {
  const std::vector<std::uint32_t> a = code_points(a_text), b = code_points(b_text);
  // Three rows of the table: the one before last is needed for a swap.
  std::vector<std::size_t> before(b.size() + 1), last(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::swap(before, last);
    std::swap(last, row);
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (swaps == swapped_letters::one_edit && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
  }
  return row[b.size()];
}

std::string nearest_name(std::string_view name, const std::vector<std::string>& known, swapped_letters swaps) {
  const std::string folded = fold(name);
  // A typo is a letter or two; in a long name, up to one letter in five.
  const std::size_t a = utf8_length(folded);
  const std::size_t most = std::max<std::size_t>(2, a / 5);
  std::string best;
  std::size_t best_distance = most + 1;
  for (const std::string& k : known) {
    // Names further apart in length than the distance allowed cannot be near: of a national
    // log's bodies, that leaves a few to compare letter by letter.
    const std::size_t b = utf8_length(k);
    if ((a > b ? a - b : b - a) > most) continue;
    const std::size_t d = edit_distance(folded, fold(k), swaps);
    if (d == 0) continue;  // the name itself: nothing to suggest
    if (d < best_distance || (d == best_distance && k < best)) best = k, best_distance = d;
  }
  return best;
}

std::string text_encoding_problem(std::string_view start) {
  const auto begins = [&](std::string_view mark) { return start.substr(0, mark.size()) == mark; };
  if (begins(std::string_view("\xFF\xFE\0\0", 4)) || begins(std::string_view("\0\0\xFE\xFF", 4)))
    return "the file is UTF-32 text: save it as UTF-8 (in Excel, 'CSV UTF-8')";
  if (begins("\xFF\xFE") || begins("\xFE\xFF"))
    return "the file is UTF-16 text: save it as UTF-8 (in Excel, 'CSV UTF-8')";
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  const std::size_t n = std::min<std::size_t>(start.size(), 64);
  if (n >= 8) {
    std::size_t zeros_even = 0, zeros_odd = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (start[i] == '\0') ++(i % 2 ? zeros_odd : zeros_even);
    // Zeros at every other byte, and text between them (a file of zeros alone is something else).
    const std::size_t half = n / 2;
    if ((zeros_odd + 1 >= half && zeros_even * 4 < half) || (zeros_even + 1 >= half && zeros_odd * 4 < half))
      return "the file is UTF-16 text: save it as UTF-8 (in Excel, 'CSV UTF-8')";
  }
  const std::size_t cr = start.find('\r');
  if (cr != std::string_view::npos && cr + 1 < start.size() && start.find('\n') == std::string_view::npos)
    return "its lines end in a carriage return alone (as old Mac files do): save it again with LF or CRLF line ends";
  return {};
}

}  // namespace remit
