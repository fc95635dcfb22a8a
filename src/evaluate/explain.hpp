// remit explain: every step of one rule's evaluation, in words an auditor can re-perform by
// hand (docs/tools.md, "remit explain"). The steps are worked out beside the rule families,
// from the same events, calendar and month arithmetic, and are checked against the audit's
// own findings before anything is printed: an explanation that disagrees with the report is
// a fault in remit, never shown as if it were the derivation.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/findings.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

struct explain_request {
  std::string label;                // the clause label of the statements to explain
  std::optional<std::string> body;  // only this body (compared as the language compares names)
};

struct explain_outcome {
  std::size_t explained = 0;  // statements explained (a label may head several, in several bodies)
  bool any_breach = false;
};

// Writes the derivation of every statement with the label, for every body it applies to.
// Problems that make a result impossible (a count outside the bank-holiday data) go to `diags`.
explain_outcome explain_rule(const std::vector<ast::rule_file>& files, const event_log& log, audit_window window,
                             const explain_request& request, std::ostream& out, diagnostics& diags);

}  // namespace remit
