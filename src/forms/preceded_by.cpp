// Precedence family (docs/language.md): each held meeting preceded by a named event within N
// days, or since the body's previous held meeting.
//
// "since the previous meeting": the event must fall after the day of the previous held meeting
// (not itself such an event) and before the day of this one. With no previous meeting in the
// logs, any such event before it will do, and none is no evidence: the logs may simply start
// after it.
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
  return r.since_previous ? fmt::format("preceded by {} since previous meeting", match_meaning(r.title))
                          : fmt::format("preceded by {} within {}", match_meaning(r.title), r.days);
}

std::string_view ast::family(const preceded_by&) { return "precedence"; }

bool precedence_judge::precedes(const event& e) const {
  return e.held() && e.kind != event_kind::report && matcher_.matches(ctx_->title(e));
}

void precedence_judge::introduce(trace_sink& out) const {
  const ast::preceded_by& r = *r_;
  if (r.since_previous)
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
void precedence_judge::close(state& s, Out& out) const {
  if constexpr (Out::tracing)
    if (!s.fell_due) trace_no_meeting(*ctx_, out);
}

void precedence_judge::forecast(const state& s, outlook& o) const {
  const ast::preceded_by& r = *r_;
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
    const bool any_planned =
        std::any_of(planned.begin(), planned.end(), [&](const event* x) { return x->day < m && precedes(*x); });
    const obligation_status status = latest < o.as_of                        ? obligation_status::overdue
                                     : next == planned.end() && any_planned ? obligation_status::at_risk
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
