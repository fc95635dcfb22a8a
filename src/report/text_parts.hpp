// The part that the text outputs of `remit check` and `remit due` share, written once so that
// both say it in the same words: each log read, its rejected rows and its notes. (The manifest's
// footer is in report/manifest.hpp.)
#pragma once

#include <iosfwd>
#include <vector>

#include "inputs/event_log.hpp"

namespace remit {

// "log meetings.csv: 12 rows read, 11 used, 1 rejected", then each rejected row and each note
// at its file and line, as compilers print them.
void write_logs_text(const std::vector<log_file_summary>& logs, std::ostream& out);

}  // namespace remit
