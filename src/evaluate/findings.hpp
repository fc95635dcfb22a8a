// What an audit finds: per rule, a status and the findings that justify it.
// A breach is a result, not an error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

enum class finding_status { breach, no_evidence, waived };
// In order of precedence: a rule's status is the first of these that applies.
enum class rule_status { breach, no_evidence, waived, not_due, pass };

std::string_view name(finding_status s);
std::string_view name(rule_status s);

struct finding {
  finding_status status = finding_status::breach;
  date due;                      // the latest date by which the duty had to be met
  std::optional<date> on;        // the date of the evidence, if there was any ("date" in reports)
  std::optional<date> meeting;   // the meeting a notice, item or precedence finding is about
  std::optional<date> period_start;
  std::optional<date> period_end;
  std::optional<int> found;      // count family: how many qualifying events the period had
  std::string message;           // the derivation, in plain English
};

struct rule_result {
  std::string rule_file;
  std::optional<std::string> council;
  std::string body;
  const ast::statement* statement = nullptr;
  rule_status status = rule_status::pass;
  std::vector<finding> findings;
};

struct audit_window {
  date from;
  date to;
};

struct audit_report {
  audit_window window;
  std::vector<rule_result> results;
  std::vector<log_file_summary> logs;
  std::size_t events_after_window = 0;
  // Bodies that appear in the logs but that no rule file audits, and bodies that rule
  // files name but the logs never mention: either is often a name spelt two ways.
  std::vector<std::string> unaudited_bodies;
  std::vector<std::string> bodies_without_events;

  std::size_t count(rule_status s) const;
  std::size_t count(finding_status s) const;
  bool any_breach() const { return count(rule_status::breach) > 0; }
};

}  // namespace remit
