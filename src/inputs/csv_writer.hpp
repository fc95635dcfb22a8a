// The canonical meeting log: every event as one row of the CSV of docs/inputs.md, with every
// column, so that reading it back gives the same events.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "inputs/event_log.hpp"

namespace remit {

inline constexpr std::string_view canonical_csv_header = "council,body,date,kind,status,title,to,published,items,ref,attendees\n";
// The header of a log any of whose events records its time: the `time` column last.
inline constexpr std::string_view canonical_csv_timed_header =
    "council,body,date,kind,status,title,to,published,items,ref,attendees,time\n";
// Whether any event records its time, so that the canonical log writes the `time` column.
bool records_times(const event_log& log);

// Rows grouped by body (in order of the folded name), then by date; ties keep log order.
std::string canonical_csv(const event_log& log);

// The row of one event, with its line ending: the row canonical_csv writes for it.
std::string canonical_csv_row(const event_log& log, std::uint32_t event_index, bool with_time = false);

}  // namespace remit
