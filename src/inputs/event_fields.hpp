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
  std::string_view body, date, kind, status, title, to, published, council, ref;
  std::vector<std::string> items;
  std::vector<attendee> attendees;
  std::string attendees_problem;  // why the attendees could not be read, if they could not
};

// Appends the event (whose `source` and `line` are already set) with its items and attendance,
// or returns the reason the row is rejected and adds nothing.
std::string add_event(const event_fields& row, event e, event_log& log);

}  // namespace remit
