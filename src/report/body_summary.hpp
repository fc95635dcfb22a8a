// What a reader wants first about one audited body: how its rules stand, its worst finding, and a
// red/amber/green status. Shared by the formats that summarise bodies (HTML, Markdown, JUnit).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "evaluate/findings.hpp"

namespace remit {

// red: a rule in breach; amber: no breach, but a rule unproven (no-evidence) or waived;
// green: every rule passed or was not due, at least one passed; grey: nothing fell due.
enum class rag { red, amber, green, grey };

std::string_view name(rag r);         // "red"
std::string_view meaning_of(rag r);   // "in breach"

struct body_summary {
  std::array<std::size_t, 6> rules{};  // by rule_status, in its order
  std::size_t breaches = 0;            // breach findings
  rag status = rag::grey;
  const rule_result* worst_rule = nullptr;  // the first exception (exceptions_first), if there is any finding
  std::optional<finding> worst;

  std::size_t count(rule_status s) const { return rules[static_cast<std::size_t>(s)]; }
};

body_summary summarise(const audit_report& report, const audited_body& body);

// A rule's worst finding: a breach before a gap in evidence before an advisory finding before a
// waived breach, then the latest, then the earliest due. None when it has no finding.
std::optional<finding> worst_finding(const rule_result& r, const audit_window& window);

// A body's rules in the order a reader acts on them, exceptions first: breaches, then
// no-evidence, then advisory shortfalls, then waived breaches; within each, the more severe
// statement first (critical, major, minor), then the greater consequence (a clause missed at
// many meetings before one missed once: more findings of the rule's status), then rule-file
// order. Then the rules with nothing to show (pass, not-due), in rule-file order.
struct rules_in_order {
  std::vector<const rule_result*> exceptions;
  std::vector<const rule_result*> met;  // pass and not-due: one line each
};
rules_in_order exceptions_first(const std::vector<const rule_result*>& results);
rules_in_order exceptions_first(std::span<const rule_result> results);
rag overall(const audit_report& report);  // the worst of the bodies' statuses

// How many days late the evidence came: the late event after the due date, or, when there was
// none, the end of the window after it. None for no-evidence, and for a period or a meeting
// that simply lacked something.
// Counted to the day the rule was judged to: the window's end, or the last day its version was in
// force (a finding still open when a version ended is late to that day, not to the window's end).
std::optional<int> days_late(const finding& f, const rule_result& r, const audit_window& window);

}  // namespace remit
