// The part that the text outputs of `remit check` and `remit due` share, written once so that
// both say it in the same words: each log read, its rejected rows and its notes. (The manifest's
// footer is in report/manifest.hpp.)
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "evaluate/findings.hpp"
#include "inputs/event_log.hpp"

namespace remit {

// "log meetings.csv: 12 rows read, 11 used, 1 rejected", then each rejected row and each note
// at its file and line, as compilers print them.
void write_logs_text(const std::vector<log_file_summary>& logs, std::ostream& out);

// "3 rows left out: council 'Lancashire CC', not 'Lancashire County Council' (lines 2, 3 and 4);
// likely an abbreviation of 'Lancashire County Council'"
std::string left_out_words(const left_out_rows& rows);

// What a reader must know before the findings, because it bears on them (docs/reports.md, "Read
// first"): a window that runs past today, bodies the logs hold no record of, and rows left out
// that look meant for the rule files' council. Every human report prints these first.
std::vector<std::string> read_first(const audit_report& report);

// The kinds of people records a rule needs that no log of the run held (none when it needs
// none, or all were given). Such a rule's no-evidence findings, one per meeting or member, all
// say the same: the human reports say it once, "Read first" once per kind.
ast::records records_missing(const audit_report& report, const rule_result& r);
// Whether the rule's findings are told by one line instead (missing_records_line): every one is
// no-evidence, for want of records no log held.
bool told_by_missing_records(const audit_report& report, const rule_result& r);
// "cannot be judged: no attendance records were given (7 findings in the JSON report say so, one by one)"
std::string missing_records_line(const audit_report& report, const rule_result& r);
void write_read_first_text(const std::vector<std::string>& cautions, std::ostream& out);

}  // namespace remit
