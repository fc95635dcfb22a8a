// What every log fuzz target does once a reader has accepted its bytes: audit the events with
// a rule of each family, so that whatever a reader lets through also goes through the evaluator.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/evaluator.hpp"
#include "inputs/event_log.hpp"
#include "language/parser.hpp"

namespace remit::fuzz {

// A rule file the target holds in its source, parsed (it always parses).
inline std::vector<ast::rule_file> rules_of(std::string_view text) {
  diagnostics diags;
  std::vector<ast::rule_file> out;
  out.push_back(*parse_rule_file("fuzz.remit", std::string(text), diags));
  return out;
}

inline const std::vector<ast::rule_file>& audit_rules() {
  static const std::vector<ast::rule_file> files =
      rules_of("calendar none\n"
               "body * {\n"
               "  1 meets every 2 months with 3 days grace\n"
               "  2 meets at least 2 times a quarter\n"
               "  3 agenda published at least 5 clear working days before each meeting\n"
               "  4 each meeting has item matching \"plan|minutes\"\n"
               "  5 reports quarterly to \"Scrutiny\"\n"
               "  6 receives \"Annual\" by 2020-06-30\n"
               "  7 each meeting preceded by \"agenda\" within 14 days\n"
               "  8 meets jointly with \"young\" twice a year\n"
               "}\n");
  return files;
}

// Audits the log over a window around its events, as --from and --to would give, kept short
// enough to stay fast. Nothing is audited when the reader reported a problem.
inline void audit_log(event_log& log, diagnostics& diags) {
  if (!diags.empty() || log.events.empty()) return;
  date first = log.events.front().day, last = first;
  for (const auto& e : log.events) first = std::min(first, e.day), last = std::max(last, e.day);
  if (days_between(first, last) > 3660) last = first.plus_days(3660);
  note_confirmed_events(log, last);
  run_audit(audit_rules(), log, {first, last}, diags);
}

}  // namespace remit::fuzz
