// How long the intervals and periods of the language can be, and how to name statements and
// the events they count in a lint message. Shared by the lint checks.
#pragma once

#include <string>

#include "language/ast.hpp"
#include "language/describe.hpp"

namespace remit::lint {

// The number of days an interval of a gap rule spans at least and at most: "every 1 month"
// spans 28 to 31 days, depending on the day it starts from. Grace is not included.
int shortest_days(const ast::gap_frequency& f);
int longest_days(const ast::gap_frequency& f);

// The fewest days a month, quarter, half-year or year can have, wherever the year starts.
int shortest_days(ast::period_kind p);


// The frequency of a rule that has one (meets, meets jointly, reports, receives FREQ).
const ast::frequency* frequency_of(const ast::rule& r);

// Rules with the same key count the same events: the same kind of statement about the same
// partner, report or item (compared as the language compares text).
std::string events_key(const ast::rule& r);
// What those events are called: "held meetings", "reports to \"Cabinet\"".
std::string events_nouns(const ast::rule& r);

// "clause 5.1 (meets every 2 months)" and "clause 5.1 on line 12 (meets every 2 months)".
std::string cite(const ast::statement& s);
std::string cite_at(const ast::statement& s);

}  // namespace remit::lint
