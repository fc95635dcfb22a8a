// The canonical meeting log: every event as one row of the CSV of docs/inputs.md, with every
// column, so that reading it back gives the same events.
#pragma once

#include <string>

#include "inputs/event_log.hpp"

namespace remit {

// Rows grouped by body (in order of the folded name), then by date; ties keep log order.
std::string canonical_csv(const event_log& log);

}  // namespace remit
