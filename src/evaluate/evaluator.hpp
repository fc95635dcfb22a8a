// Rule files × event log → audit report (docs/language.md). Never reads the clock: the window is given.
#pragma once

#include <optional>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/findings.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

// The version of the body's rules a body block is, if it is one (docs/language.md, "Versions").
std::optional<version_span> version_of(const ast::rule_file& file, const ast::body& block);
// The part of the window in which a version was in force; none when it was not in force at all.
std::optional<audit_window> judged_part(const audit_window& window, const std::optional<version_span>& v);

// Evaluates every statement of every file. Results are in order: files as given, bodies
// and statements in file order (for body *, bodies in order of the case-folded name),
// findings by due date. A problem that makes a result impossible to compute (a working-day
// count outside the bank-holiday data) is a diagnostic. Without `timelines`, the bodies' events
// (audited_body::events, which only the HTML report draws) are left out: on a national log they
// are a copy of every event. `threads` judge the bodies side by side (the report does not depend
// on how many).
// A body that a rule file names and the logs hold no record of (docs/language.md, "No record at
// all"): each of its rules that fell due is no-evidence, never a breach, for `why`. Rules judged
// on membership records are left as they are when the body has some (`has_people`).
void judge_without_record(rule_result& result, bool has_people, const std::string& why, date window_end);
// "the logs hold no record of body "Audit Commitee"; did you mean "Audit Committee"?"
std::string no_record_words(std::string_view body, const std::vector<std::string>& bodies_in_logs);

// Logs that stop early or start late (docs/language.md, "Logs that stop early"): for each audited
// body whose last event is further before the window's end (or today, when the window ends after
// it), or whose first event further after the window's start, than its longest gap interval plus
// grace, and at least three months, a sentence for Read first. Derived from the report alone, so
// the batch and the streamed audit say the same; each sentence once, in the order of the bodies.
std::vector<std::string> stopped_early_words(const audit_report& report);

audit_report run_audit(const std::vector<ast::rule_file>& files, const event_log& log, audit_window window,
                       diagnostics& diags, bool timelines = true, unsigned threads = 1);

}  // namespace remit
