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

// Which engine audits: --engine. `automatic` chooses before any log is read (choose_engine).
enum class engine_choice { automatic, batch, stream };

struct audit_inputs {
  std::vector<ast::rule_file> files;
  event_log log;
  // Set when the logs were audited as they were read: its finish() is then the audit, and `log`
  // holds no events.
  std::unique_ptr<streamed_audit> streamed;
  // The engine that ran, as the manifest names it: "stream" when `streamed` is set, else "batch".
  std::string_view engine() const { return streamed ? "stream" : "batch"; }
};

// Reads and checks every rule file and log. On any problem it prints them all (or the rejected
// rows, unless accept_partial) to `err` and returns nothing: the command then exits 2. A sweep
// passes each council its own stream, so that one council's problems stay with it.
//
// Given `stream_window`, the audit window known before reading, the logs may be audited as they
// are read (evaluate/streamed_audit.hpp), as `engine` says:
// - batch: never; the logs are read once, into the event table.
// - stream: always. A statement it does not judge is an error before anything is read; a log it
//   cannot judge as it comes (a body's rows out of date order, say) is an error naming the row.
// - automatic: when every statement is one it judges and every log is a regular file, decided
//   before anything is read; else batch. A regular file that turns out not to qualify is read
//   again, whole, for the batch engine: a pipe, a device or standard input is never read twice.
// Without `stream_window` the engine is batch. `digests`: skipped when no report shows the
// manifest. `runs_past_today`: today, when the window ends after it (event_log::today).
std::optional<audit_inputs> load_audit_inputs(const std::vector<std::string>& rules, const std::vector<std::string>& logs,
                                              bool accept_partial, command_words words, std::ostream& err = std::cerr,
                                              std::optional<audit_window> stream_window = std::nullopt,
                                              file_digests digests = file_digests::taken,
                                              std::optional<date> runs_past_today = std::nullopt,
                                              engine_choice engine = engine_choice::automatic);

// --engine's word: auto, batch or stream.
std::optional<engine_choice> engine_option(std::string_view word);

// Prints diagnostics and the closing count ("remit: 2 errors found; nothing was audited").
void report_errors(const diagnostics& diags, command_words words, std::ostream& err = std::cerr);

// A yyyy-mm-dd option; says why on `err` when it is not a date.
std::optional<date> date_option(const std::string& text, std::string_view option, std::ostream& err = std::cerr);

// --from and --to as check and explain take them: --to defaults to today (the one place the
// clock is read), --from to the earliest event. Says why on `err` when they cannot be used.
std::optional<audit_window> resolve_window(const std::string& from, const std::string& to, const event_log& log,
                                           std::ostream& err = std::cerr);

}  // namespace remit::cli
