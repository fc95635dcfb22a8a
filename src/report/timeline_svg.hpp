// A body's timeline over the audit window, drawn as inline SVG for the HTML report: its meetings
// (held, cancelled, postponed, scheduled), sessions and reports sent, then a lane per rule with
// the due dates of its findings, the breached intervals and periods, and the waived windows.
// Shapes tell the kinds apart as well as colours do, and every mark has a title (a tooltip) with
// its date and words. Colours come from the page's style sheet, through class names.
#pragma once

#include <string>
#include <string_view>

#include "evaluate/findings.hpp"

namespace remit {

// `id` makes the SVG's own element ids unique in the page ("b1" gives "b1-hatch-breach", ...).
std::string timeline_svg(const audit_report& report, const audited_body& body, std::string_view id);

// The key to the marks above, as an HTML list with a small SVG per entry; `id` as above.
std::string timeline_legend_html(std::string_view id);

}  // namespace remit
