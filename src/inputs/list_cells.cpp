#include "inputs/list_cells.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"

namespace remit {

namespace {

constexpr std::string_view attendee_specials = "\\;(),";

// A run of text with escapes undone, and the structural character that ended it (0 at the end).
struct piece {
  std::string text;
  char stop = 0;
};

// Reads up to the first unescaped character of `stops`, undoing the escapes of `specials`.
piece read_until(std::string_view s, std::size_t& pos, std::string_view stops, std::string_view specials) {
  piece p;
  while (pos < s.size()) {
    const char c = s[pos];
    if (c == '\\' && pos + 1 < s.size() && specials.find(s[pos + 1]) != std::string_view::npos) {
      p.text.push_back(s[pos + 1]);
      pos += 2;
      continue;
    }
    if (stops.find(c) != std::string_view::npos) {
      p.stop = c;
      ++pos;
      return p;
    }
    p.text.push_back(c);
    ++pos;
  }
  return p;
}

std::string escaped(std::string_view text, std::string_view specials) {
  std::string out;
  for (char c : text) {
    if (specials.find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

void split_items(std::string_view cell, std::vector<std::string>& out) {
  std::size_t n = 0;
  const auto add = [&](std::string_view item) {
    item = trim(item);
    if (item.empty()) return;
    if (n < out.size()) out[n].assign(item);
    else out.emplace_back(item);
    ++n;
  };
  if (cell.find('\\') == std::string_view::npos) {  // nothing escaped: the items are the cell's own bytes
    for (std::size_t pos = 0; pos <= cell.size();) {
      // Items on lines of their own in one cell (a spreadsheet's Alt+Enter) are separate items too.
      const std::size_t semi = std::min(cell.find_first_of(";\n", pos), cell.size());
      add(cell.substr(pos, semi - pos));
      pos = semi + 1;
    }
  } else {
    for (std::size_t pos = 0; pos < cell.size();) add(read_until(cell, pos, ";\n", "\\;").text);
  }
  out.resize(n);
}

std::string join_items(std::span<const std::string_view> items) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out.push_back(';');
    out += escaped(item, "\\;");
  }
  return out;
}

std::string attendance_words() {
  std::string out;
  // Listed in the order a reader thinks of them, not the enum's.
  for (attendance_status s : {attendance_status::present, attendance_status::present_virtually, attendance_status::substitute,
                              attendance_status::substitute_virtually, attendance_status::in_attendance,
                              attendance_status::in_attendance_virtually, attendance_status::apologies,
                              attendance_status::absent, attendance_status::expected}) {
    if (!out.empty()) out += s == attendance_status::expected ? " or " : ", ";
    out += name(s);
  }
  return out;
}

std::string parse_attendees(std::string_view cell, std::vector<attendee>& out) {
  if (cell.empty()) return {};  // most logs record no attendance: every row of them comes here
  std::size_t pos = 0;
  while (pos < cell.size()) {
    // One entry: the name up to '(', the bracket's parts up to ')', then only white space to ';'.
    const piece name_part = read_until(cell, pos, "();,", attendee_specials);
    const std::string name(trim(name_part.text));
    if (name_part.stop == ';' || name_part.stop == 0) {
      if (name.empty()) continue;  // an empty entry, as after a final ';'
      return fmt::format("attendees: '{}' needs its attendance in brackets, as in '{} (present)'", name, name);
    }
    if (name_part.stop != '(')
      return fmt::format("attendees: unexpected '{}' in '{}': write it as '\\{}' if it is part of the name",
                         name_part.stop, name, name_part.stop);
    if (name.empty()) return "attendees: an attendee has no name before '('";
    std::vector<std::string> parts;
    while (true) {
      const piece part = read_until(cell, pos, "(),;", attendee_specials);
      parts.emplace_back(trim(part.text));
      if (part.stop == ')') break;
      if (part.stop == ',') continue;
      if (part.stop == 0 || part.stop == ';') return fmt::format("attendees: the brackets after '{}' are never closed", name);
      return fmt::format("attendees: '(' inside the brackets after '{}': write it as '\\('", name);
    }
    const piece rest = read_until(cell, pos, ";", "");
    if (!trim(rest.text).empty())
      return fmt::format("attendees: unexpected text '{}' after the brackets of '{}'", trim(rest.text), name);
    if (parts.size() > 2)
      return fmt::format("attendees: too many ',' in the brackets after '{}': write a comma in a role as '\\,'", name);
    const std::string& word = parts.back();
    const auto status = parse_attendance_status(fold(word));
    if (!status)
      return word.empty() ? fmt::format("attendees: no attendance for '{}': expected {}", name, attendance_words())
                          : fmt::format("attendees: unknown attendance '{}' for '{}': expected {}", word, name,
                                        attendance_words());
    out.push_back({name, parts.size() == 2 ? parts.front() : std::string{}, *status});
  }
  return {};
}

std::string format_attendee(std::string_view name, std::string_view role, attendance_status status) {
  if (role.empty()) return fmt::format("{} ({})", escaped(name, attendee_specials), remit::name(status));
  return fmt::format("{} ({}, {})", escaped(name, attendee_specials), escaped(role, attendee_specials), remit::name(status));
}

}  // namespace remit
