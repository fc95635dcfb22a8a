// One row of a file of people (docs/inputs.md, "People"): an attendance, a membership or a
// training record, checked alike whether it came from CSV or JSON Lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "inputs/event_log.hpp"

namespace remit {

enum class people_kind { attendance, membership, training };

// The cells of one row, by column name; absent columns are empty.
struct people_fields {
  std::string_view council, body, person, role, partner, date, from, to, attendance, training, party, type, voting;
};

// Which kind of row a file (or a JSON line) holds, from the columns it names besides `person`:
// `attendance` makes it attendance, `training` training, anything else membership.
people_kind people_kind_of(bool has_attendance_column, bool has_training_column);
std::string_view name(people_kind k);

// A membership's `type`, folded: elected, co-opted, officer, partner, young person; empty is
// unrecorded; anything else none.
std::optional<member_type> parse_member_type(std::string_view folded);
std::string_view member_type_words();

// Adds the row to the log (an attendance row waits in log.attendance_rows for its meeting),
// or returns the reason it is rejected and adds nothing.
std::string add_people_row(people_kind kind, const people_fields& row, std::uint16_t source, std::uint32_t line,
                           event_log& log);

}  // namespace remit
