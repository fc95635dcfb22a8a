// Small builders so that a test reads as rules, a log and an expectation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/evaluator.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit::test {

date d(std::string_view iso);  // a date that must parse

// Parses and checks a rule file held in a string; fails the test if it does not parse.
ast::rule_file rules(std::string_view text);

// The diagnostics a rule file gives, rendered as remit prints them ("" when it parses and checks).
std::string rule_errors(std::string_view text, std::string_view path = "test.remit");

// Reads a CSV log held in a string (with its header row), leaving out the rows of councils that
// `councils` do not admit, as a run does.
event_log csv_log(std::string_view csv, admitted_councils councils = {});

// Audits a one-file rule set against a CSV log over [from, to].
struct audit_result {
  ast::rule_file file;  // kept alive: results point into it
  audit_report report;
  const rule_result& only() const;  // the single result; fails the test if there is not exactly one
};
audit_result audit(std::string_view rules_text, std::string_view csv, std::string_view from, std::string_view to);

}  // namespace remit::test
