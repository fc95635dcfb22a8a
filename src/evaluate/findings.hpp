// What an audit finds: per rule, a status and the findings that justify it.
// A breach is a result, not an error.
#pragma once

#include <optional>
#include <span>
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
  std::vector<std::string> people = {};  // people statements: who the finding is about, as the log names them
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

// An event of an audited body, as reports draw it on the body's timeline.
struct timeline_event {
  date day;
  std::optional<date> published;  // agenda publication, when recorded
  event_kind kind = event_kind::meeting;
  event_status status = event_status::held;
  bool held = true;  // counts as held (docs/language.md): drawn as held, whatever the status says
  std::string title;
  std::string to;  // reports: the body the report went to
};

// A waiver that bears on one of the body's rules: breaches due from `from` to `to` are waived.
struct waiver_window {
  std::string label;
  date from;
  date to;
  std::string reason;
};

// One body as one body block of one rule file audits it: what reports need beside the results
// to summarise it and draw its timeline, copied so that a report never needs the log.
struct audited_body {
  std::string rule_file;
  std::optional<std::string> council;
  std::string name;
  ast::resolved_settings settings;
  std::size_t first_result = 0;  // its rules are results[first_result, first_result + rule_count)
  std::size_t rule_count = 0;
  std::vector<timeline_event> events;  // in the window, in date order
  std::vector<waiver_window> waivers;  // the body's own, then the file's, for labels the body uses
};

struct audit_report {
  audit_window window;
  std::vector<rule_result> results;
  std::vector<audited_body> bodies;  // in the order of results
  std::vector<log_file_summary> logs;
  std::size_t events_after_window = 0;
  // Bodies that appear in the logs but that no rule file audits, and bodies that rule
  // files name but the logs never mention: either is often a name spelt two ways.
  std::vector<std::string> unaudited_bodies;
  std::vector<std::string> bodies_without_events;

  std::size_t count(rule_status s) const;
  std::size_t count(finding_status s) const;
  std::span<const rule_result> results_of(const audited_body& b) const {
    return std::span<const rule_result>(results).subspan(b.first_result, b.rule_count);
  }
  bool any_breach() const { return count(rule_status::breach) > 0; }
};

}  // namespace remit
