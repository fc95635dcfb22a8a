// What every command that audits reads first: rule files and logs, each problem reported at
// once, rejected rows listed, and the window resolved. check, explain and due share it, so
// they refuse bad input in the same words.
#pragma once

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/findings.hpp"
#include "evaluate/streamed_audit.hpp"
#include "inputs/event_log.hpp"
#include "inputs/reader.hpp"
#include "language/ast.hpp"

namespace remit::cli {

// What the command would have done, for its messages: "audited", "audit the rows that were read".
struct command_words {
  std::string_view nothing_done;
  std::string_view use_rows;
};

struct audit_inputs {
  std::vector<ast::rule_file> files;
  event_log log;
  // Set when the logs were audited as they were read: its finish() is then the audit, and `log`
  // holds no events.
  std::unique_ptr<streamed_audit> streamed;
};

// Reads and checks every rule file and log. On any problem it prints them all (or the rejected
// rows, unless accept_partial) to `err` and returns nothing: the command then exits 2. A sweep
// passes each council its own stream, so that one council's problems stay with it.
//
// Given `stream_window`, the audit window known before reading, it audits the logs as it reads
// them when the rules and the logs allow (evaluate/streamed_audit.hpp), and reads them again
// into the event table when they do not. `digests`: skipped when no report shows the manifest.
// `runs_past_today`: today, when the window ends after it (event_log::today).
std::optional<audit_inputs> load_audit_inputs(const std::vector<std::string>& rules, const std::vector<std::string>& logs,
                                              bool accept_partial, command_words words, std::ostream& err = std::cerr,
                                              std::optional<audit_window> stream_window = std::nullopt,
                                              file_digests digests = file_digests::taken,
                                              std::optional<date> runs_past_today = std::nullopt);

// Prints diagnostics and the closing count ("remit: 2 errors found; nothing was audited").
void report_errors(const diagnostics& diags, command_words words, std::ostream& err = std::cerr);

// A yyyy-mm-dd option; says why on `err` when it is not a date.
std::optional<date> date_option(const std::string& text, std::string_view option, std::ostream& err = std::cerr);

// --from and --to as check and explain take them: --to defaults to today (the one place the
// clock is read), --from to the earliest event. Says why on `err` when they cannot be used.
std::optional<audit_window> resolve_window(const std::string& from, const std::string& to, const event_log& log,
                                           std::ostream& err = std::cerr);

}  // namespace remit::cli
