// One row of a meeting log, whatever its format, checked as docs/inputs.md says and turned
// into an event. The CSV and JSON Lines readers share it, so both accept and reject alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "inputs/event_log.hpp"
#include "inputs/list_cells.hpp"

namespace remit {

struct event_fields {
  std::string_view body, date, kind, status, title, to, published, council, ref, time;
  std::vector<std::string> items;
  std::vector<attendee> attendees;
  std::string attendees_problem;  // why the attendees could not be read, if they could not
};

// Appends the event of the row on `line` of file `source` with its items and attendance, or
// returns the reason the row is rejected and adds nothing. (Not an event by value: a reader
// building one a field at a time for each row stalled on copying it whole into the call.)
std::string add_event(const event_fields& row, std::uint16_t source, std::uint32_t line, event_log& log);

}  // namespace remit
