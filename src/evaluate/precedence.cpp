// Precedence family (docs/language.md): each held meeting preceded by a named event within N
// days, or since the body's previous held meeting.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/context.hpp"

namespace remit {

namespace {

// preceded by "X" since the previous meeting: the event must fall after the day of the previous
// held meeting (not itself such an event) and before the day of this one. With no previous
// meeting in the logs, any such event before it will do, and none is no evidence: the logs may
// simply start after it.
family_result since_previous(const body_context& ctx, const ast::preceded_by& r) {
  family_result out;
  const std::string wanted = fold(r.title);
  const auto qualifies = [&](const event& e) {
    return e.held() && e.kind != event_kind::report && folded_contains(ctx.title(e), wanted);
  };
  std::optional<date> previous_meeting, last_event;  // before the current meeting's day
  std::size_t next = 0;                               // events before `next` have been looked at
  for (const event* m : ctx.meetings_in_window()) {
    for (; next < ctx.events.size() && ctx.events[next]->day < m->day; ++next) {
      const event& e = *ctx.events[next];
      if (qualifies(e)) last_event = e.day;
      else if (ctx.counts_as_meeting(e)) previous_meeting = e.day;
    }
    out.fell_due = true;
    if (last_event && (!previous_meeting || *last_event > *previous_meeting)) continue;
    if (!previous_meeting) {
      ctx.add(out, {finding_status::no_evidence, m->day, m->day, m->day, {}, {}, {},
                    fmt::format("no held meeting or session whose title contains \"{}\" is recorded before the "
                                "meeting on {}, and no earlier meeting of the body is, so whether one was held "
                                "since the previous meeting cannot be told",
                                r.title, m->day)});
      continue;
    }
    ctx.add(out,
        {finding_status::breach, m->day, m->day, m->day, {}, {}, {},
         fmt::format("no held meeting or session whose title contains \"{}\" between the previous meeting on {} and the "
                     "meeting on {}{}",
                     r.title, *previous_meeting, m->day,
                     last_event ? fmt::format("; the last one was on {}", *last_event) : std::string{})});
  }
  return out;
}

}  // namespace

family_result evaluate_precedence(const body_context& ctx, const ast::preceded_by& r) {
  if (r.since_previous) return since_previous(ctx, r);
  family_result out;
  const std::string wanted = fold(r.title);
  std::optional<date> last_before;  // the latest such event before the current meeting's day
  std::size_t next = 0;             // events before `next` have been looked at; they are in date order
  for (const event* m : ctx.meetings_in_window()) {
    for (; next < ctx.events.size() && ctx.events[next]->day < m->day; ++next) {
      const event& e = *ctx.events[next];
      if (e.held() && e.kind != event_kind::report && folded_contains(ctx.title(e), wanted)) last_before = e.day;
    }
    out.fell_due = true;
    const date earliest = m->day.plus_days(-r.days);
    if (last_before && *last_before >= earliest) continue;
    ctx.add(out,
        {finding_status::breach, m->day, m->day, m->day, {}, {}, {},
         fmt::format("no held meeting or session whose title contains \"{}\" in the {} before the meeting on {} ({} to {}){}", r.title,
                     counted(r.days, "day", "days"), m->day, earliest, m->day.plus_days(-1),
                     last_before ? fmt::format("; the last one was on {}", *last_before) : std::string{})});
  }
  return out;
}

}  // namespace remit
