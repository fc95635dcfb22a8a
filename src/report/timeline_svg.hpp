// A body's timeline over the audit window, drawn as inline SVG for the HTML report: its meetings
// (held, cancelled, postponed, scheduled), sessions and reports sent, then a lane for the rules of
// each clause and kind that have findings (the worst first, as the report lists them), and one
// lane for all the rules with nothing to show. A lane shows the due dates of its findings, each
// numbered, the breached intervals and periods, its waivers' windows, and the months its version
// of the rules was not in force. Shapes tell the kinds apart as well as colours do. Nothing is
// only in a tooltip: lane names are never cut, and the numbered list under the chart gives every
// mark's date (timeline_marks_html). Printed on A4, its smallest text is 7 pt.
#pragma once

#include <string>
#include <string_view>

#include "evaluate/findings.hpp"

namespace remit {

// `id` makes the SVG's own element ids unique in the page ("b1" gives "b1-hatch-breach", ...).
std::string timeline_svg(const audit_report& report, const audited_body& body, std::string_view id);

// The numbered marks of the timeline, as an HTML list: each finding's number, due date, clause,
// status and statement, in the timeline's order.
std::string timeline_marks_html(const audit_report& report, const audited_body& body);

// The key to the marks above, as an HTML list with a small SVG per entry; `id` as above.
std::string timeline_legend_html(std::string_view id);

}  // namespace remit
