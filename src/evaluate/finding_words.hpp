// Findings kept as their dates and worded only when a report asks (findings.hpp, compact_finding):
// which judges' findings may be, and the writer that words them. Both engines keep them so: at a
// national scale the words held whole would be most of the audit's memory, and the `findings`
// report never reads them.
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "evaluate/judges.hpp"

namespace remit {

// An event log with nothing in it, for a context that reads none.
const event_log& no_log();

// A statement's dated judge for a block, with the context it judges in (its own: the statement's
// modifiers are part of it). Throws std::logic_error for a statement no dated judge judges.
struct statement_judge {
  statement_judge(const body_context& block, const ast::statement& s);
  std::unique_ptr<body_context> context;  // the judge points to it
  dated_judge judge;
};

// Writes the words of a finding kept compact with its judge's own words. It holds what it needs
// by value (the report's findings may outlive the audit), and reads no events: `block` is the
// block's context with no events (the log, no_log()). Called from any thread.
class statement_words final : public finding_writer {
 public:
  statement_words(const body_context& block, const ast::statement& s) : judging_(block, s) {}
  std::string words(const finding& f) const override;

 private:
  statement_judge judging_;
};

// Whether a statement is judged by a dated judge.
bool judged_by_dates(const ast::statement& s);

}  // namespace remit
