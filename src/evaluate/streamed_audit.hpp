// The audit in one pass over the logs, for a national sweep of millions of events
// (docs/performance.md, "Streaming"). Each event is judged as it is read and only each body's
// state is kept: for a gap rule the last qualifying date, for a coverage or count rule the
// current period and its count, for a notice rule nothing. The events themselves are never held.
//
// It audits what needs no more than that: `meets` with any frequency and agenda notice, in body
// blocks that are not versions; and it needs each body's events in date order, as a log written
// in date order has them. Its report is the one run_audit gives for the same inputs, byte for
// byte: both judge with the same judges (evaluate/judges.hpp), and tests compare the two on
// random logs. When the logs turn out otherwise (a body's events out of date order, a
// ModernGov response, attendance to join), complete() says so and the caller reads them again
// for run_audit.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/findings.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

class streamed_audit final : public event_sink {
 public:
  // Whether every statement of these rule files can be judged in one pass.
  static bool can_audit(const std::vector<ast::rule_file>& files);
  // An error at each statement (or versioned body block) that cannot be judged in one pass.
  static void why_not_judged(const std::vector<ast::rule_file>& files, diagnostics& diags);

  // The rule files must outlive the audit and its report.
  streamed_audit(const std::vector<ast::rule_file>& files, audit_window window);
  ~streamed_audit() override;

  // Runs `read`, which reads the logs into a log whose sink is this audit, on a thread of its own,
  // and judges on this one the rows it hands over, so that parsing and judging run side by side.
  // Rethrows what either threw.
  void read_and_judge(const std::function<void()>& read);
  void take(const event& e, std::string_view body, std::string_view council, std::string_view ref,
            const row_words& words, event_log& log) override;
  bool wants_words() const override;
  // Once a row is out of date order (or judging failed): the rest of the logs are not read, and
  // complete() says so.
  bool stopped() const override;

  // Whether every event of the logs just read was judged here (see above).
  bool complete(const event_log& log) const;
  // When not complete: an error naming the first row out of date order (its file and line, its
  // date and the body's date before it), or the file that could not be read as it came.
  void why_incomplete(const event_log& log, diagnostics& diags) const;

  // The report, as run_audit(files, log, window, diags, false) gives it, with the notes on
  // confirmed meetings that note_confirmed_events adds. A result that cannot be computed (a
  // working-day count outside the bank-holiday data) is a diagnostic, as there.
  audit_report finish(event_log& log, diagnostics& diags);

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace remit
