// One audit session: the rule files and logs read once, then audited (or looked ahead at) and
// given the manifest of what was read, in the same steps and the same words for every command:
// check, sweep, due, verify and explain (which reads only).
//
//   read (rules, logs: each problem said at once) → notes on confirmed meetings → the audit, by
//   the engine chosen before reading → the manifest
//
// A folder of its own, not src/core: core is the bottom of the pipeline (dates, diagnostics,
// files) that every stage uses, while a session drives language, inputs, evaluate and report.
#pragma once

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/due.hpp"
#include "evaluate/findings.hpp"
#include "evaluate/streamed_audit.hpp"
#include "inputs/event_log.hpp"
#include "inputs/reader.hpp"
#include "language/ast.hpp"

namespace remit {

// What the command would have done, for its messages: "audited", "audit the rows that were read".
struct command_words {
  std::string_view nothing_done;
  std::string_view use_rows;
};

// Prints diagnostics and the closing count ("remit: 2 errors found; nothing was audited").
void report_errors(const diagnostics& diags, command_words words, std::ostream& err = std::cerr);

// Which engine audits: --engine. `automatic` chooses before any log is read.
enum class engine_choice { automatic, batch, stream };

// What a session reads, and how.
struct session_request {
  std::vector<std::string> rules = {};
  std::vector<std::string> logs = {};
  bool accept_partial = false;
  // The audit window when it is known before reading: the logs may then be audited as they are
  // read (evaluate/streamed_audit.hpp), as `engine` says:
  // - batch: never; the logs are read once, into the event table.
  // - stream: always. A statement it does not judge is an error before anything is read; a log it
  //   cannot judge as it comes (a body's rows out of date order, say) is an error naming the row.
  // - automatic: when every statement is one it judges and every log is a regular file, decided
  //   before anything is read; else batch. A regular file that turns out not to qualify is read
  //   again, whole, for the batch engine: a pipe, a device or standard input is never read twice.
  //   The streamed reading stops at the first row out of date order: only what came before it
  //   is read twice.
  // Without it the engine is batch.
  std::optional<audit_window> stream_window = {};
  engine_choice engine = engine_choice::automatic;
  // Skipped when no report shows the manifest.
  file_digests digests = file_digests::taken;
  // Today, when the window ends after it (event_log::today); the manifest says so.
  std::optional<date> runs_past_today = {};
};

class audit_session {
 public:
  // Reads and checks every rule file and log. On any problem it prints them all (or the rejected
  // rows, unless accept_partial) to `err` and returns nothing: the command then exits 2. The
  // session says its later problems in the same words on the same stream: a sweep passes each
  // council its own, so that one council's problems stay with it.
  static std::optional<audit_session> read(const session_request& request, command_words words,
                                           std::ostream& err = std::cerr);

  const std::vector<ast::rule_file>& files() const { return files_; }
  // Holds no events when the logs were audited as they were read.
  const event_log& log() const { return log_; }
  // The engine that ran, as the manifest names it: "stream" or "batch".
  std::string_view engine() const { return streamed_ ? "stream" : "batch"; }

  // The audit of `window` (the stream window, when the logs were audited as they were read), with
  // its manifest. Every confirmed meeting on or before the window's end is noted as held on the
  // confirmation alone. `timelines`: keep every event for the HTML report; `threads`: bodies
  // judged at once. A result that cannot be computed is said, and nothing is returned. Once per
  // session: the notes are taken in the log.
  std::optional<audit_report> audit(const audit_window& window, bool timelines = true, unsigned threads = 1);

  // What falls due as of `as_of`, up to `horizon_days` after it, with its manifest; confirmed
  // meetings on or before `as_of` noted as held. Once per session, as audit.
  std::optional<due_report> look_ahead(date as_of, int horizon_days);

 private:
  audit_session(session_request request, command_words words, std::ostream& err);

  session_request request_;
  command_words words_;
  std::ostream* err_;
  std::vector<ast::rule_file> files_;
  event_log log_;
  // Set when the logs were audited as they were read: its finish() is then the audit.
  std::unique_ptr<streamed_audit> streamed_;
};

}  // namespace remit
