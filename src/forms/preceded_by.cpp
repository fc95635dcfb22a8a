// Precedence family (docs/language.md): each held meeting preceded by a named event within N
// days, or since the body's previous held meeting.
//
// "since the previous meeting": the event must fall after the day of the previous held meeting
// (not itself such an event) and before the day of this one. With no previous meeting in the
// logs, any such event before it will do, and none is no evidence: the logs may simply start
// after it.
//
// "on the day": the event must fall on the meeting's own day and, where both record a time,
// earlier. Where either has no time the order is not recorded: no evidence, never a pass.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const preceded_by& r, form_check& c) { check_match(r.title, c, "the preceding event's title"); }

namespace {

// "whose title contains "X"", "... contains any of: "A", "B"", "... matches the pattern given in the statement".
std::string whose_title(const ast::title_match& m) { return match_words(m, "whose title contains", "whose title matches"); }
std::string pattern_note(const ast::title_match& m) {
  return m.is_regex ? " (a regular expression, searched for anywhere in the title, ignoring case)" : "";
}

}  // namespace

std::string ast::words(const preceded_by& r, const resolved_settings&) {
  if (r.on_the_day)
    return fmt::format("Every held meeting must be preceded by a held meeting or session {}, on the day of the "
                       "meeting and earlier than it by their recorded times (where either time is not recorded, "
                       "the order cannot be told: no evidence){}.",
                       whose_title(r.title), pattern_note(r.title));
  if (r.since_previous)
    return fmt::format("Every held meeting must be preceded by a held meeting or session {}, after the "
                       "day of the body's previous held meeting and before the day of this one (the first meeting in the "
                       "logs, with no previous meeting, has no evidence unless one is recorded before it){}.",
                       whose_title(r.title), pattern_note(r.title));
  return fmt::format("Every held meeting must be preceded by a held meeting or session {}, at most {} "
                     "before it (one on the day of the meeting does not count){}.",
                     whose_title(r.title), counted(r.days, "day", "days"), pattern_note(r.title));
}

std::string ast::meaning(const preceded_by& r) {
  if (r.on_the_day) return fmt::format("preceded by {} on the day", match_meaning(r.title));
  return r.since_previous ? fmt::format("preceded by {} since previous meeting", match_meaning(r.title))
                          : fmt::format("preceded by {} within {}", match_meaning(r.title), r.days);
}

std::string_view ast::family(const preceded_by&) { return "precedence"; }
ast::records ast::records_needed(const preceded_by&) { return records::none; }

bool precedence_judge::precedes(const event& e) const {
  return e.held() && e.kind != event_kind::report && matcher_.matches(ctx_->title(e));
}

void precedence_judge::introduce(trace_sink& out) const {
  const ast::preceded_by& r = *r_;
  if (r.on_the_day)
    out.step(fmt::format("\nPrecedence rule: each held meeting M in the window needs a held meeting or session of the body\n"
                         "{},\non M's own day and earlier than M by time; where either time is not recorded, no evidence.\n",
                         whose_title(r.title)));
  else if (r.since_previous)
    out.step(fmt::format("\nPrecedence rule: each held meeting M in the window needs a held meeting or session of the body\n"
                         "{},\nafter the day of the body's previous held meeting P and before M.\n"
                         "With no P in the logs, one any time before M will do; none is no evidence.\n",
                         whose_title(r.title)));
  else
    out.step(fmt::format("\nPrecedence rule: each held meeting M in the window needs a held meeting or session of the body\n"
                         "{}, from M - {} to the day before M.\n",
                         whose_title(r.title), counted(r.days, "day", "days")));
}

template <typename Out>
void precedence_judge::observe(state& s, const event& e, Out& out) const {
  const body_context& ctx = *ctx_;
  const ast::preceded_by& r = *r_;
  if (r.on_the_day) return observe_on_day(s, e, out);
  const date m = e.day;
  // Judged against the events of the days before this one, then seen itself.
  const bool judged = ctx.counts_as_meeting(e) && ctx.window.from <= m && m <= ctx.window.to;
  if (judged) {
    s.fell_due = true;
    const std::optional<date> last = s.preceding.before_day(m);
    const std::optional<date> previous = r.since_previous ? s.meetings.before_day(m) : std::nullopt;
    const date earliest = r.since_previous ? (previous ? previous->plus_days(1) : date{INT32_MIN}) : m.plus_days(-r.days);
    const bool met = last && *last >= earliest;
    if constexpr (Out::tracing) {
      if (r.since_previous)
        out.step(fmt::format("\n  meeting {}: looking {}\n", m,
                             previous ? fmt::format("after the previous meeting on {}", *previous)
                                      : std::string("at anything before it (no earlier meeting is recorded)")));
      else
        out.step(fmt::format("\n  meeting {}: looking from {} to {}\n", m, earliest, m.plus_days(-1)));
      if (met) {
        for (const event* x : out.events)
          if (x->day >= earliest && x->day < m) out.step(fmt::format("    {}  {}\n", x->day, event_words(ctx.log, *x)));
        out.step("    met\n");
      } else if (r.since_previous && !previous) {
        out.step(fmt::format("    none, and no earlier meeting: no-evidence (due {})\n", m));
      } else {
        out.step(fmt::format("    none{}: {}\n", last ? fmt::format("; the last one was on {}", *last) : "",
                             out.verdict(m)));
      }
    }
    if (!met && r.since_previous && !previous)
      out.add(*this, {finding_status::no_evidence, m, m, m, {}, {}, {},
                      fmt::format("no held meeting or session {} is recorded before the "
                                  "meeting on {}, and no earlier meeting of the body is, so whether one was held "
                                  "since the previous meeting cannot be told",
                                  whose_title(r.title), m)});
    else if (!met && r.since_previous)
      out.add(*this, {finding_status::breach, m, m, m, {}, {}, {},
                      fmt::format("no held meeting or session {} between the previous meeting on "
                                  "{} and the meeting on {}{}",
                                  whose_title(r.title), *previous, m, last ? fmt::format("; the last one was on {}", *last) : std::string{})});
    else if (!met)
      out.add(*this, {finding_status::breach, m, m, m, {}, {}, {},
                      fmt::format("no held meeting or session {} in the {} before the meeting on "
                                  "{} ({} to {}){}",
                                  whose_title(r.title), counted(r.days, "day", "days"), m, earliest, m.plus_days(-1),
                                  last ? fmt::format("; the last one was on {}", *last) : std::string{})});
  }
  if (precedes(e)) {
    s.preceding.see(m);
    if constexpr (Out::tracing) out.events.push_back(&e);
  } else if (ctx.counts_as_meeting(e)) {
    s.meetings.see(m);
  }
}

template <typename Out>
void precedence_judge::observe_on_day(state& s, const event& e, Out& out) const {
  const body_context& ctx = *ctx_;
  same_day& d = s.today;
  if (d.day != e.day) {
    settle_day(s, out);
    d = same_day{e.day, no_time, 0, 0, std::move(d.meetings)};
    d.meetings.clear();
  }
  const bool precedes_it = precedes(e);
  if (ctx.counts_as_meeting(e) && ctx.window.from <= e.day && e.day <= ctx.window.to) {
    s.fell_due = true;
    d.meetings.push_back({e.time, precedes_it});
  }
  if (precedes_it) {
    ++d.preceding;
    if (e.time == no_time) ++d.untimed;
    else if (d.earliest == no_time || e.time < d.earliest) d.earliest = e.time;
    if constexpr (Out::tracing) out.events.push_back(&e);
  }
}

// Each meeting of the day gathered, judged against the day's preceding events other than itself.
template <typename Out>
void precedence_judge::settle_day(state& s, Out& out) const {
  const ast::preceded_by& r = *r_;
  same_day& d = s.today;
  const date m = d.day;
  for (const meeting_on_day& x : d.meetings) {
    const std::uint32_t others = d.preceding - (x.precedes_itself ? 1 : 0);
    const std::uint32_t untimed = d.untimed - (x.precedes_itself && x.time == no_time ? 1 : 0);
    const bool met = x.time != no_time && d.earliest != no_time && d.earliest < x.time;
    const bool unknown = !met && others > 0 && (x.time == no_time || untimed > 0);
    const std::string at = x.time == no_time ? std::string{} : fmt::format(" at {}", time_words(x.time));
    if constexpr (Out::tracing) {
      out.step(fmt::format("\n  meeting {}{}: looking on its day\n", m, at));
      for (const event* e : out.events)
        if (e->day == m)
          out.step(fmt::format("    {} {}  {}\n", e->day, e->time == no_time ? std::string("(no time)") : time_words(e->time),
                               event_words(ctx_->log, *e)));
      if (met) out.step("    met\n");
      else if (unknown) out.step(fmt::format("    the order is not recorded: no-evidence (due {})\n", m));
      else out.step(fmt::format("    none earlier that day: {}\n", out.verdict(m)));
    }
    if (met) continue;
    if (unknown)
      out.add(*this, {finding_status::no_evidence, m, m, m, {}, {}, {},
                      fmt::format("the order on {} is not recorded: a held meeting or session {} is recorded that "
                                  "day, but {} no time, so whether it came before the meeting{} cannot be told",
                                  m, whose_title(r.title), x.time == no_time ? "the meeting has" : "it has", at)});
    else if (others > 0)
      out.add(*this, {finding_status::breach, m, m, m, {}, {}, {},
                      fmt::format("no held meeting or session {} before the meeting{} on {}: those recorded that day "
                                  "are at or after its time",
                                  whose_title(r.title), at, m)});
    else
      out.add(*this, {finding_status::breach, m, m, m, {}, {}, {},
                      fmt::format("no held meeting or session {} on {}, the day of the meeting{}", whose_title(r.title), m, at)});
  }
  d.meetings.clear();
}

template <typename Out>
void precedence_judge::close(state& s, Out& out) const {
  if (r_->on_the_day) settle_day(s, out);
  if constexpr (Out::tracing)
    if (!s.fell_due) trace_no_meeting(*ctx_, out);
}

// Before each planned meeting, on its day, a planned meeting or session earlier by time.
void precedence_judge::forecast_on_day(outlook& o) const {
  const ast::preceded_by& r = *r_;
  const auto meetings = o.planned_meetings();
  const std::vector<const event*>& planned = o.planned.events;
  for (const event* e : meetings) {
    const date m = e->day;
    const auto earlier = [&](const event* x) {
      return x != e && x->day == m && precedes(*x) && x->time != no_time && e->time != no_time && x->time < e->time;
    };
    const auto next = std::find_if(planned.begin(), planned.end(), earlier);
    obligation& x = o.add(obligation_kind::preceding_event,
                          m < o.as_of                ? obligation_status::overdue
                          : next == planned.end() ? obligation_status::at_risk
                                                  : obligation_status::due,
                          m);
    x.meeting = m;
    if (next != planned.end()) x.planned = (*next)->day;
    x.what = fmt::format("{} earlier on the day of the meeting on {}",
                         r.title.is_regex ? "a meeting or session matching the pattern given in the statement"
                                          : phrases_words(r.title),
                         with_weekday(m));
    x.message = fmt::format("the meeting on {} must be preceded on its day by a held meeting or session {}; {}",
                            with_weekday(m), whose_title(r.title),
                            next != planned.end() ? fmt::format("one is planned at {}", time_words((*next)->time))
                                                  : std::string("none is planned earlier that day with a recorded time"));
  }
  if (meetings.empty()) o.why_quiet = "no planned meeting in the log, so nothing to foresee";
}

void precedence_judge::forecast(const state& s, outlook& o) const {
  const ast::preceded_by& r = *r_;
  if (r.on_the_day) return forecast_on_day(o);
  const auto meetings = o.planned_meetings();
  const std::vector<const event*>& planned = o.planned.events;
  // Since the previous meeting: from the day after the latest held or planned meeting before
  // this one (the earliest event in the logs when there is none).
  const auto previous_meeting = [&](date m) {
    std::optional<date> p = s.meetings.before_day(m);
    for (const event* x : meetings)
      if (x->day < m && (!p || x->day > *p)) p = x->day;
    return p ? p->plus_days(1) : o.anchor;
  };
  for (const event* e : meetings) {
    const date m = e->day, latest = m.plus_days(-1);
    const date earliest = r.since_previous ? previous_meeting(m) : m.plus_days(-r.days);
    // The record's latest such event before the meeting's day is in reach, or none is.
    if (const auto held = s.preceding.before_day(m); held && *held >= earliest) continue;
    const auto in_reach = [&](const event* x) { return earliest <= x->day && x->day <= latest && precedes(*x); };
    const auto next = std::find_if(planned.begin(), planned.end(), in_reach);
    const obligation_status status = latest < o.as_of       ? obligation_status::overdue
                                     : next == planned.end() ? obligation_status::at_risk
                                                             : obligation_status::due;
    obligation& x = o.add(obligation_kind::preceding_event, status, latest);
    x.meeting = m;
    if (next != planned.end()) x.planned = (*next)->day;
    x.what = fmt::format("{} before the meeting on {}",
                         r.title.is_regex ? "a meeting or session matching the pattern given in the statement"
                                          : phrases_words(r.title),
                         with_weekday(m));
    x.message = fmt::format("the meeting on {} must be preceded by a held meeting or session {}, "
                            "from {} to {}; {}",
                            with_weekday(m), whose_title(r.title), earliest, latest,
                            next != planned.end() ? fmt::format("one is planned on {}", (*next)->day)
                                                  : std::string("none is held or planned in that time"));
  }
  if (meetings.empty()) o.why_quiet = "no planned meeting in the log, so nothing to foresee";
  else o.why_quiet = "every planned meeting is already preceded as required";
}

REMIT_JUDGE_FOR_EVERY_SINK(precedence_judge);

}  // namespace remit
