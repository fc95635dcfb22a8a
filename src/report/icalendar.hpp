// The text layer of iCalendar (RFC 5545): TEXT values escaped, content lines folded at 75 octets
// without splitting a UTF-8 character, and CRLF line ends.
#pragma once

#include <string>
#include <string_view>

namespace remit {

// A TEXT value: backslash, ';' and ',' escaped, line ends as "\n", other control characters
// as spaces, bytes that are not UTF-8 as U+FFFD.
std::string ical_text(std::string_view s);

// Appends one content line ("SUMMARY:..."), folded so that no line exceeds 75 octets, and CRLF.
void append_content_line(std::string& out, std::string_view line);

// yyyymmdd, as DATE values are written.
std::string ical_date(std::string_view iso_date);

}  // namespace remit
