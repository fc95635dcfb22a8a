// What falls due next (remit due): for every rule, as of a date, the next thing its body owes
// and by when. The latest date for the next meeting (gap rules), the end of the next period with
// nothing in it yet (coverage and count), the next report owed to each body, the agenda
// deadline, item and preceding session of each planned meeting in the log (notice, item and
// precedence rules), and `by` deadlines; deadlines already passed are `overdue`.
//
// Each rule's judge (judges.hpp) is fed the record and forecasts from its state, so a date
// `remit due` gives is the date `remit check` would judge against. Never reads the clock: "as of" is given.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "evaluate/findings.hpp"
#include "inputs/event_log.hpp"
#include "language/ast.hpp"

namespace remit {

enum class obligation_kind {
  next_event,          // gap: the next qualifying event, within the interval of the last
  period,              // coverage and count: enough qualifying events in the period
  agenda_publication,  // notice: the agenda of a planned meeting
  agenda_item,         // item: an item on the agenda of a planned meeting
  meeting_title,       // title: the recorded title of a planned meeting
  preceding_event,     // precedence: the meeting or session before a planned meeting
  deadline,            // receives "X" by DATE
};
// overdue: the due date has passed and the duty is still open. at-risk: not yet due (or due
// today), and nothing planned in the log meets it: none is planned, or what is planned comes too
// late or too few. due: something planned meets it, or it is a step to take (an agenda to publish)
// rather than an event to plan.
enum class obligation_status { overdue, at_risk, due };

std::string_view name(obligation_kind k);    // "next-event", "period", ...
std::string_view name(obligation_status s);  // "overdue", "at-risk", "due"

struct obligation {
  std::string rule_file;
  std::optional<std::string> council;
  std::string body;
  const ast::statement* statement = nullptr;
  int position = 0;  // of the statement in its body block, from 1: with council, body and label, the rule's identity
  obligation_kind kind = obligation_kind::next_event;
  obligation_status status = obligation_status::due;
  date due;                           // the latest date by which it must be done
  std::optional<date> last;           // next-event: the last qualifying event, if there was one
  std::optional<date> meeting;        // the planned meeting an agenda or preceding event is for
  std::optional<date> period_start;   // period
  std::optional<date> period_end;
  std::optional<int> found;           // period: qualifying events so far
  std::optional<int> needed;          // period: how many the period needs
  std::optional<date> planned;        // the first planned event that would meet it, if the log has one
  std::string what;                   // "next held meeting", "agenda for the meeting on Wed 2026-04-15"
  std::string message;                // the derivation, in plain English
};

// A rule with nothing listed: nothing due within the horizon, or nothing that can be foreseen.
struct quiet_rule {
  std::string rule_file;
  std::optional<std::string> council;
  std::string body;
  const ast::statement* statement = nullptr;
  int position = 0;
  std::optional<date> next_due;  // after the horizon
  std::string reason;
  bool about_people = false;  // judged once a meeting is held (reason says so): reports list these together
};

// A stable identity for an obligation, the same from run to run and as the due date moves: from
// the rule's identity (council, body, label, statement position), the kind of obligation and, for
// one about a planned meeting, that meeting's date. Calendar UIDs are made from it.
std::string obligation_id(const obligation& o);

struct due_report {
  date as_of;
  int horizon_days = 90;
  date until;  // as_of + horizon: the last day looked at
  // Overdue first, then by due date; ties in rule order.
  std::vector<obligation> obligations;
  std::vector<quiet_rule> quiet;  // in rule order
  std::vector<log_file_summary> logs;
  std::vector<std::string> unaudited_bodies;
  std::vector<std::string> bodies_without_events;
  audit_manifest manifest = {};  // filled by the command, as for an audit
  // What the meetings the log now records as cancelled or postponed (after "as of") would have
  // owed: their agenda deadlines, items, titles and preceding sessions, with the identities they
  // had while planned, so that a calendar withdraws them (due_ics_reporter) when a meeting moves.
  std::vector<obligation> withdrawn = {};

  std::size_t count(obligation_status s) const;
  audit_window window() const { return {as_of, until}; }  // the days looked at, for the manifest
};

// Events on or before `as_of` are the record; later ones (and ones scheduled for `as_of`) that are
// neither cancelled nor postponed are what is planned. A gap rule with no qualifying event yet is
// counted from the earliest event in the logs, as `remit check` does without --from. A working-day
// count outside the bank-holiday data is a diagnostic.
due_report compute_due(const std::vector<ast::rule_file>& files, const event_log& log, date as_of, int horizon_days,
                       diagnostics& diags);

}  // namespace remit
