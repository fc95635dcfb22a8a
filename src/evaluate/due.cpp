#include "evaluate/due.hpp"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "core/digest.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "evaluate/context.hpp"
#include "evaluate/evaluator.hpp"
#include "language/describe.hpp"

namespace remit {

std::string_view name(obligation_kind k) {
  switch (k) {
    case obligation_kind::next_event: return "next-event";
    case obligation_kind::period: return "period";
    case obligation_kind::agenda_publication: return "agenda-publication";
    case obligation_kind::agenda_item: return "agenda-item";
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

std::string days_words(std::int32_t n) { return counted(n, "day", "days"); }

std::string dates_list(const std::vector<date>& dates) {
  std::string out;
  for (date d : dates) out += fmt::format("{}{}", out.empty() ? "" : ", ", d);
  return out;
}

// One body as one block audits it, seen as of a date: its record, and what it has planned.
class body_outlook {
 public:
  body_outlook(const event_log& log, const body_match& m, date as_of, date anchor, std::optional<version_span> version)
      : log_(log), match_(m), as_of_(as_of), anchor_(anchor), cal_(calendar::of(m.settings.calendar)),
        record_{log, events_of(log, m, as_of), {anchor <= as_of ? anchor : as_of, as_of}, cal_, m.settings.year_start_month},
        planned_{log, {}, {as_of, as_of}, cal_, m.settings.year_start_month} {
    // The planned events are copied as held: what they will be if they take place, so that each
    // family's own test of what qualifies applies to them unchanged.
    for (const event* e : events_of(log, m, date{INT32_MAX}))
      if (is_planned(*e, as_of)) {
        event held = *e;
        held.status = event_status::held;
        planned_copies_.push_back(held);
      }
    for (const event& e : planned_copies_) planned_.events.push_back(&e);
    record_.version = planned_.version = version;
  }
  // planned_ points into planned_copies_.
  body_outlook(const body_outlook&) = delete;
  body_outlook& operator=(const body_outlook&) = delete;

  // Appends the statement's obligations; a statement with none gets a quiet entry instead.
  void foresee(const ast::statement& s, int position, date until, std::vector<obligation>& out,
               std::vector<quiet_rule>& quiet) {
    found_.clear();
    why_quiet_.clear();
    record_.informal_meetings_count = planned_.informal_meetings_count = s.modifiers.informal_meetings_count;
    std::visit(
        [&](const auto& r) {
          using T = std::decay_t<decltype(r)>;
          if constexpr (std::is_same_v<T, ast::notice>) {
            agenda_deadlines(r);
          } else if constexpr (std::is_same_v<T, ast::has_item>) {
            agenda_items(r);
          } else if constexpr (std::is_same_v<T, ast::preceded_by>) {
            preceding_events(r);
          } else if constexpr (std::is_same_v<T, ast::receives_by>) {
            deadline(r);
          } else if constexpr (ast::is_people_rule<T>) {
            why_quiet_ = "a rule about people: it is judged on attendance and membership once a meeting is held, so it "
                         "sets no date to foresee";
          } else {
            const series done = qualifying_series(record_, s.what);
            const series planned = qualifying_series(planned_, s.what);
            if (const auto* gap = std::get_if<ast::gap_frequency>(&r.how_often)) next_event(done, planned, *gap);
            else period(done, planned, r.how_often);
          }
        },
        s.what);

    std::optional<date> later;
    bool listed = false;
    for (obligation& o : found_) {
      if (o.status != obligation_status::overdue && o.due > until) {
        later = later ? std::min(*later, o.due) : o.due;
        continue;
      }
      o.rule_file = match_.file->path;
      o.council = match_.settings.council;
      o.body = match_.name;
      o.statement = &s;
      o.position = position;
      out.push_back(std::move(o));
      listed = true;
    }
    if (listed) return;
    std::string reason = why_quiet_;
    if (later) reason = fmt::format("next due by {}, after {}", *later, until);
    quiet.push_back({match_.file->path, match_.settings.council, match_.name, &s, position, later, reason});
  }

 private:
  obligation& add(obligation_kind kind, obligation_status status, date due) {
    obligation& o = found_.emplace_back();
    o.kind = kind;
    o.status = status;
    o.due = due;
    return o;
  }

  std::vector<const event*> planned_meetings() const {
    std::vector<const event*> out;
    for (const event* e : planned_.events)
      if (planned_.counts_as_meeting(*e)) out.push_back(e);
    return out;
  }

  // Gap: the next qualifying event is due within the interval of the last one.
  void next_event(const series& done, const series& planned, const ast::gap_frequency& f) {
    const bool any = !done.dates.empty();
    const date p = any ? done.dates.back() : anchor_;
    const due_date due = record_.in_force(
        due_after(p, f, any ? fmt::format("the {} on {}", done.noun, p) : fmt::format("{}, the earliest event in the logs", p)));
    const std::optional<date> next = planned.dates.empty() ? std::nullopt : std::optional(planned.dates.front());
    const obligation_status status = due.day < as_of_                ? obligation_status::overdue
                                     : next && *next > due.day       ? obligation_status::at_risk
                                                                     : obligation_status::due;
    obligation& o = add(obligation_kind::next_event, status, due.day);
    if (any) o.last = p;
    o.planned = next;
    o.what = fmt::format("next {}", done.noun);
    std::string plan = next ? fmt::format("the next planned is on {}", *next) : std::string("none is planned in the log");
    if (status == obligation_status::at_risk)
      plan = fmt::format("the next planned is on {}, {} late", *next, days_words(days_between(due.day, *next)));
    if (status == obligation_status::overdue)
      o.message = fmt::format("next {} was due by {} ({}); {} as of {}, {} overdue; {}", done.noun, due.day, due.derivation,
                              any ? "none since" : "none in the logs", as_of_, days_words(days_between(due.day, as_of_)), plan);
    else
      o.message = fmt::format("next {} due by {} ({}); {}", done.noun, due.day, due.derivation, plan);
  }

  // Coverage and count: the first period, from the one holding "as of", that does not yet have enough.
  void period(const series& done, const series& planned, const ast::frequency& f) {
    const ast::period_kind kind = std::holds_alternative<ast::coverage_frequency>(f)
                                      ? std::get<ast::coverage_frequency>(f).period
                                      : std::get<ast::count_frequency>(f).period;
    const int needed = std::holds_alternative<ast::count_frequency>(f) ? std::get<ast::count_frequency>(f).times : 1;
    const int months = ast::months_in(kind);
    const auto count_in = [](const std::vector<date>& dates, date a, date b) {
      return static_cast<int>(std::upper_bound(dates.begin(), dates.end(), b) - std::lower_bound(dates.begin(), dates.end(), a));
    };

    date start = period_start_holding(as_of_, months, match_.settings.year_start_month);
    date end = start.plus_months(months).plus_days(-1);
    int found = count_in(done.dates, start, end);
    std::string before;
    if (found >= needed) {
      before = fmt::format("the {} {} to {} already has {}; ", period_word(kind), start, end,
                           counted(found, done.noun, done.nouns));
      start = end.plus_days(1);
      end = start.plus_months(months).plus_days(-1);
      found = count_in(done.dates, start, end);
    }
    const int coming = count_in(planned.dates, start, end);
    const bool short_of_plan = !planned.dates.empty() && found + coming < needed;
    obligation& o = add(obligation_kind::period, short_of_plan ? obligation_status::at_risk : obligation_status::due, end);
    o.period_start = start;
    o.period_end = end;
    o.found = found;
    o.needed = needed;
    std::vector<date> in_period;
    for (date d : planned.dates)
      if (start <= d && d <= end) in_period.push_back(d);
    if (!in_period.empty()) o.planned = in_period.front();
    const std::string wanted = needed == 1 ? "at least one " + done.noun : fmt::format("at least {}", counted(needed, done.noun, done.nouns));
    o.what = fmt::format("{} in the {} {} to {}", wanted, period_word(kind), start, end);
    std::string plan;
    if (!in_period.empty()) plan = fmt::format("; planned: {}", dates_list(in_period));
    else if (!planned.dates.empty()) plan = fmt::format("; none planned in it (the next planned is on {})", planned.dates.front());
    else plan = "; none planned in the log";
    o.message = fmt::format("{}the {} {} to {} needs {} by {}; {} so far{}", before, period_word(kind), start, end, wanted,
                            end, found == 0 ? std::string("none") : std::to_string(found), plan);
  }

  // Notice: the agenda of each planned meeting, published by the latest compliant date.
  void agenda_deadlines(const ast::notice& r) {
    const auto meetings = planned_meetings();
    int in_time = 0;
    for (const event* e : meetings) {
      const date m = e->day;
      const auto [due, how] = latest_publication(record_, r, m);
      if (e->published != no_date && e->published <= due) {
        ++in_time;
        continue;
      }
      const obligation_status status = e->published != no_date ? (due < as_of_ ? obligation_status::overdue : obligation_status::at_risk)
                                       : due < as_of_         ? obligation_status::overdue
                                                              : obligation_status::due;
      obligation& o = add(obligation_kind::agenda_publication, status, due);
      o.meeting = m;
      o.what = fmt::format("agenda for the meeting on {}", with_weekday(m));
      if (e->published != no_date)
        o.message = fmt::format("the agenda for the meeting on {} is recorded as published on {}, {} late: {} needs "
                                "publication by {} ({})",
                                with_weekday(m), with_weekday(e->published), days_words(days_between(due, e->published)),
                                notice_words(r), with_weekday(due), how);
      else if (status == obligation_status::overdue)
        o.message = fmt::format("the agenda for the meeting on {} needed publication by {} for {} ({}); none is recorded "
                                "as of {}",
                                with_weekday(m), with_weekday(due), notice_words(r), how, as_of_);
      else
        o.message = fmt::format("publish the agenda for the meeting on {} by {} for {} ({})", with_weekday(m),
                                with_weekday(due), notice_words(r), how);
    }
    if (meetings.empty()) why_quiet_ = "no planned meeting in the log, so no agenda deadline to foresee";
    else if (in_time > 0) why_quiet_ = fmt::format("the agendas of the planned meetings are recorded as published in time");
  }

  // Item: each planned meeting's agenda has the item.
  void agenda_items(const ast::has_item& r) {
    const item_matcher matcher(r);
    const auto meetings = planned_meetings();
    for (const event* e : meetings) {
      const auto items = log_.items_of(*e);
      const bool has = std::any_of(items.begin(), items.end(),
                                   [&](string_pool::id i) { return matcher.matches(log_.strings.folded(i)); });
      if (has) continue;
      obligation& o = add(obligation_kind::agenda_item, items.empty() ? obligation_status::due : obligation_status::at_risk,
                          e->day);
      o.meeting = e->day;
      o.what = fmt::format("an agenda item {} for the meeting on {}", matcher.what(), with_weekday(e->day));
      o.message = items.empty()
                      ? fmt::format("the meeting on {} needs an agenda item {}; no agenda is recorded for it yet",
                                    with_weekday(e->day), matcher.what())
                      : fmt::format("the agenda recorded for the meeting on {} has no item {} ({} recorded)",
                                    with_weekday(e->day), matcher.what(), counted(static_cast<long>(items.size()), "item", "items"));
    }
    if (meetings.empty()) why_quiet_ = "no planned meeting in the log, so no agenda to foresee";
    else why_quiet_ = "the agendas recorded for the planned meetings have the item";
  }

  // Precedence: before each planned meeting, a held (or planned) meeting or session with the title.
  void preceding_events(const ast::preceded_by& r) {
    const std::string wanted = fold(r.title);
    const auto qualifies = [&](const event& e) {
      return e.held() && e.kind != event_kind::report && folded_contains(log_.strings.folded(e.title), wanted);
    };
    const auto meetings = planned_meetings();
    // Since the previous meeting: from the day after the latest held or planned meeting before
    // this one (the earliest event in the logs when there is none).
    const auto previous_meeting = [&](date m) {
      std::optional<date> p;
      for (const event* x : record_.events)
        if (x->day < m && record_.counts_as_meeting(*x) && !qualifies(*x) && (!p || x->day > *p)) p = x->day;
      for (const event* x : meetings)
        if (x->day < m && (!p || x->day > *p)) p = x->day;
      return p ? p->plus_days(1) : anchor_;
    };
    for (const event* e : meetings) {
      const date m = e->day, latest = m.plus_days(-1);
      const date earliest = r.since_previous ? previous_meeting(m) : m.plus_days(-r.days);
      const auto in_reach = [&](const event* x) { return earliest <= x->day && x->day <= latest && qualifies(*x); };
      if (std::any_of(record_.events.begin(), record_.events.end(), in_reach)) continue;
      const auto planned = std::find_if(planned_.events.begin(), planned_.events.end(), in_reach);
      const bool any_planned = std::any_of(planned_.events.begin(), planned_.events.end(),
                                           [&](const event* x) { return x->day < m && qualifies(*x); });
      const obligation_status status = latest < as_of_                             ? obligation_status::overdue
                                       : planned == planned_.events.end() && any_planned ? obligation_status::at_risk
                                                                                    : obligation_status::due;
      obligation& o = add(obligation_kind::preceding_event, status, latest);
      o.meeting = m;
      if (planned != planned_.events.end()) o.planned = (*planned)->day;
      o.what = fmt::format("\"{}\" before the meeting on {}", r.title, with_weekday(m));
      o.message = fmt::format("the meeting on {} must be preceded by a held meeting or session whose title contains \"{}\", "
                              "from {} to {}; {}",
                              with_weekday(m), r.title, earliest, latest,
                              planned != planned_.events.end() ? fmt::format("one is planned on {}", (*planned)->day)
                                                               : std::string("none is held or planned in that time"));
    }
    if (meetings.empty()) why_quiet_ = "no planned meeting in the log, so nothing to foresee";
    else why_quiet_ = "every planned meeting is already preceded as required";
  }

  // receives "X" by DATE.
  void deadline(const ast::receives_by& r) {
    if (const auto v = version_of(*match_.file, *match_.block); v && v->from && r.deadline < *v->from) {
      why_quiet_ = fmt::format("due on {}, before this version of the rules took effect on {}", r.deadline, *v->from);
      return;
    }
    const std::string wanted = fold(r.item);
    const auto received = [&](const std::vector<const event*>& events) -> std::optional<date> {
      for (const event* e : events) {
        if (!record_.counts_as_meeting(*e)) continue;
        for (string_pool::id item : log_.items_of(*e))
          if (folded_contains(log_.strings.folded(item), wanted)) return e->day;
      }
      return std::nullopt;
    };
    const std::optional<date> first = received(record_.events);
    if (first && *first <= r.deadline) {
      why_quiet_ = fmt::format("received on {}", *first);
      return;
    }
    if (first) {
      why_quiet_ = fmt::format("received on {}, after the deadline of {} (remit check reports the breach)", *first, r.deadline);
      return;
    }
    const std::optional<date> planned = received(planned_.events);
    const obligation_status status = r.deadline < as_of_                ? obligation_status::overdue
                                     : planned && *planned > r.deadline ? obligation_status::at_risk
                                                                        : obligation_status::due;
    obligation& o = add(obligation_kind::deadline, status, r.deadline);
    o.planned = planned;
    o.what = fmt::format("\"{}\" received by a held meeting", r.item);
    const std::string plan = planned ? fmt::format("it is on the agenda of the meeting planned on {}", *planned)
                                     : std::string("no planned meeting has it on its agenda");
    o.message = status == obligation_status::overdue
                    ? fmt::format("\"{}\" was due by {}; no held meeting has received it as of {}, {} overdue; {}", r.item,
                                  r.deadline, as_of_, days_words(days_between(r.deadline, as_of_)), plan)
                    : fmt::format("\"{}\" is due by {}; {}", r.item, r.deadline, plan);
  }

  const event_log& log_;
  const body_match& match_;
  date as_of_;
  date anchor_;
  const calendar& cal_;
  body_context record_;   // events on or before "as of"
  body_context planned_;  // planned events, as if held
  std::vector<event> planned_copies_;
  std::vector<obligation> found_;  // the current statement's
  std::string why_quiet_;
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
        outlook.foresee(s, position, report.until, report.obligations, report.quiet);
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
