// The two cells of the canonical log that hold lists, `items` and `attendees` (docs/inputs.md),
// read and written by one pair of functions so that what is written reads back unchanged.
//
//   items      Minutes; Forward Plan; Budget \; savings          (\; is a ';' in a title)
//   attendees  Cllr Jo Bloggs (Chair, present); A. N. Other (apologies)
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inputs/event_log.hpp"

namespace remit {

// Splits on ';', unescapes "\;" and "\\" (any other backslash is itself), trims each item and
// drops empty ones. Replaces what `out` held, reusing its strings' memory (a log has a cell a row).
void split_items(std::string_view cell, std::vector<std::string>& out);
std::string join_items(std::span<const std::string_view> items);

struct attendee {
  std::string name;
  std::string role;  // empty: not recorded
  attendance_status status = attendance_status::expected;
};

// Reads an attendees cell: entries `NAME (ROLE, ATTENDANCE)` or `NAME (ATTENDANCE)` separated
// by ';'. In a name or role a backslash makes the next `\`, `;`, `(`, `)` or `,` plain text.
// Returns the reason the cell cannot be read, or "" with the entries appended to `out`.
std::string parse_attendees(std::string_view cell, std::vector<attendee>& out);
std::string format_attendee(std::string_view name, std::string_view role, attendance_status status);

// "present, present virtually, ... or expected": the words an attendance may be.
std::string attendance_words();

}  // namespace remit
