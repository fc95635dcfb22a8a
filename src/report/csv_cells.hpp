// The cells of the CSV formats (csv, findings), so that a column holds the same bytes in both:
// RFC 4180 quoting, formulas defused, dates as yyyy-mm-dd.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace remit {

// Appends raw as one cell: valid UTF-8 (U+FFFD for each byte that is not), with a leading
// apostrophe when it starts with = + - @ (or a tab or carriage return), which a spreadsheet would
// run as a formula (names and titles come from logs written by others; the apostrophe shows as
// text and hides), and in double quotes, doubled inside, when it holds , " CR or LF. Allocates
// nothing unless raw is not UTF-8.
void append_csv_cell(std::string& out, std::string_view raw);
std::string csv_cell(std::string_view raw);  // the same cell on its own

// yyyy-mm-dd, which Excel and LibreOffice read as a date; empty for no date.
std::string date_cell(const std::optional<date>& d);

}  // namespace remit
