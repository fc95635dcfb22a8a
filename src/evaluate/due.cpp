#include "evaluate/due.hpp"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "core/digest.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "evaluate/context.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/judges.hpp"
#include "language/describe.hpp"

namespace remit {

std::string_view name(obligation_kind k) {
  switch (k) {
    case obligation_kind::next_event: return "next-event";
    case obligation_kind::period: return "period";
    case obligation_kind::agenda_publication: return "agenda-publication";
    case obligation_kind::agenda_item: return "agenda-item";
    case obligation_kind::meeting_title: return "meeting-title";
    case obligation_kind::preceding_event: return "preceding-event";
    case obligation_kind::deadline: return "deadline";
  }
  return "next-event";
}

std::string_view name(obligation_status s) {
  switch (s) {
    case obligation_status::overdue: return "overdue";
    case obligation_status::at_risk: return "at-risk";
    case obligation_status::due: return "due";
  }
  return "due";
}

std::size_t due_report::count(obligation_status s) const {
  return static_cast<std::size_t>(
      std::count_if(obligations.begin(), obligations.end(), [&](const obligation& o) { return o.status == s; }));
}

std::string obligation_id(const obligation& o) {
  const std::string key = fmt::format("{}\n{}\n{}\n{}\n{}\n{}", o.council ? fold(*o.council) : std::string{}, fold(o.body),
                                      o.statement->label, o.position, name(o.kind), o.meeting ? to_iso(*o.meeting) : "");
  return sha256_hex(key).substr(0, 32);
}

namespace {

// Events after "as of" (and those scheduled for that day) that are neither cancelled nor postponed.
bool is_planned(const event& e, date as_of) {
  if (e.status == event_status::cancelled || e.status == event_status::postponed) return false;
  return e.day > as_of || (e.day == as_of && e.status == event_status::scheduled);
}

// Meetings after "as of" that the log records as called off: what they would have owed is withdrawn.
bool is_called_off(const event& e, date as_of) {
  return e.kind == event_kind::meeting && e.day > as_of &&
         (e.status == event_status::cancelled || e.status == event_status::postponed);
}



// One body as one block audits it, seen as of a date: its record, and what it has planned.
class body_outlook {
 public:
  body_outlook(const event_log& log, const body_match& m, date as_of, date anchor, std::optional<version_span> version)
      : match_(m), as_of_(as_of), anchor_(anchor), cal_(calendar::of(m.settings.calendar)),
        record_{log, events_of(log, m, as_of), {anchor <= as_of ? anchor : as_of, as_of}, cal_, m.settings.year_start_month},
        planned_{log, {}, {as_of, as_of}, cal_, m.settings.year_start_month},
        called_off_{log, {}, {as_of, as_of}, cal_, m.settings.year_start_month} {
    // The planned events are copied as held: what they will be if they take place, so that each
    // family's own test of what qualifies applies to them unchanged; the called-off meetings too,
    // for what they would have owed.
    for (const event* e : events_of(log, m, date{INT32_MAX})) {
      if (!is_planned(*e, as_of) && !is_called_off(*e, as_of)) continue;
      event held = *e;
      held.status = event_status::held;
      (is_planned(*e, as_of) ? planned_copies_ : called_off_copies_).push_back(held);
    }
    for (const event& e : planned_copies_) planned_.events.push_back(&e);
    for (const event& e : called_off_copies_) called_off_.events.push_back(&e);
    record_.version = planned_.version = called_off_.version = version;
  }
  // planned_ points into planned_copies_.
  body_outlook(const body_outlook&) = delete;
  body_outlook& operator=(const body_outlook&) = delete;

  // What the called-off meetings would have owed under the statement (its obligations about a
  // meeting), as they were when the meetings were planned: same identity, to be withdrawn.
  void foresee_withdrawn(const ast::statement& s, int position, date until, std::vector<obligation>& out) {
    if (called_off_.events.empty()) return;
    std::vector<obligation> found;
    outlook o{record_, called_off_, as_of_, anchor_, until, found};
    with_judge(record_, s, [&](const auto& judge) { judge.forecast(record_state(record_, judge), o); });
    for (obligation& x : found) {
      if (!x.meeting || x.due > until) continue;
      x.rule_file = match_.file->path;
      x.council = match_.settings.council;
      x.body = match_.name;
      x.statement = &s;
      x.position = position;
      x.message = fmt::format("withdrawn: the meeting on {} is recorded as called off", with_weekday(*x.meeting));
      out.push_back(std::move(x));
    }
  }

  // Appends the statement's obligations; a statement with none gets a quiet entry instead.
  void foresee(const ast::statement& s, int position, date until, std::vector<obligation>& out,
               std::vector<quiet_rule>& quiet, std::vector<obligation>& withdrawn) {
    std::vector<obligation> found;
    outlook o{record_, planned_, as_of_, anchor_, until, found};
    record_.informal_meetings_count = planned_.informal_meetings_count = s.modifiers.informal_meetings_count;
    with_judge(record_, s, [&](const auto& judge) { judge.forecast(record_state(record_, judge), o); });

    std::optional<date> later;
    bool listed = false;
    for (obligation& x : found) {
      if (x.status != obligation_status::overdue && x.due > until) {
        later = later ? std::min(*later, x.due) : x.due;
        continue;
      }
      x.rule_file = match_.file->path;
      x.council = match_.settings.council;
      x.body = match_.name;
      x.statement = &s;
      x.position = position;
      out.push_back(std::move(x));
      listed = true;
    }
    foresee_withdrawn(s, position, until, withdrawn);
    if (listed) return;
    std::string reason = o.why_quiet;
    if (later) reason = fmt::format("next due by {}, after {}", *later, until);
    quiet.push_back({match_.file->path, match_.settings.council, match_.name, &s, position, later, reason, o.about_people});
  }

 private:
  const body_match& match_;
  date as_of_;
  date anchor_;
  const calendar& cal_;
  body_context record_;   // events on or before "as of"
  body_context planned_;  // planned events, as if held
  body_context called_off_;  // meetings after "as of" recorded as cancelled or postponed, as if held
  std::vector<event> planned_copies_;
  std::vector<event> called_off_copies_;
};

}  // namespace

due_report compute_due(const std::vector<ast::rule_file>& files, const event_log& log, date as_of, int horizon_days,
                       diagnostics& diags) {
  const body_matches matches = match_bodies(files, log);
  due_report report{as_of, horizon_days, as_of.plus_days(horizon_days), {}, {}, log.files, matches.unaudited_bodies,
                    matches.bodies_without_events};
  date anchor = as_of;
  for (const event& e : log.events) anchor = std::min(anchor, e.day);

  for (const body_match& m : matches.matches) {
    // Of the versions of a body's rules, only the one in force on "as of" says what is owed.
    const auto version = version_of(*m.file, *m.block);
    if (version && !judged_part({as_of, as_of}, version)) continue;
    body_outlook outlook(log, m, as_of, anchor, version);
    int position = 0;
    for (const ast::statement& s : m.block->statements) {
      ++position;
      try {
        outlook.foresee(s, position, report.until, report.obligations, report.quiet, report.withdrawn);
      } catch (const calendar_year_missing& e) {
        diags.error(s.where, fmt::format("clause {} for body \"{}\": {}", s.label, m.name, e.what()),
                    line_of(*m.file, s.where.line));
      }
    }
  }
  // Overdue first, then by date; stable, so ties keep the order of the rule files.
  std::stable_sort(report.obligations.begin(), report.obligations.end(), [](const obligation& a, const obligation& b) {
    const bool a_over = a.status == obligation_status::overdue, b_over = b.status == obligation_status::overdue;
    if (a_over != b_over) return a_over;
    return a.due < b.due;
  });
  return report;
}

}  // namespace remit
