// Precedence family (docs/language.md): each held meeting preceded by a named event within N days.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/context.hpp"

namespace remit {

family_result evaluate_precedence(const body_context& ctx, const ast::preceded_by& r) {
  family_result out;
  const std::string wanted = fold(r.title);
  std::optional<date> last_before;  // the latest such event before the current meeting's day
  std::size_t next = 0;             // events before `next` have been looked at; they are in date order
  for (const event* m : ctx.events) {
    if (!ctx.counts_as_meeting(*m) || m->day < ctx.window.from || m->day > ctx.window.to) continue;
    for (; next < ctx.events.size() && ctx.events[next]->day < m->day; ++next) {
      const event& e = *ctx.events[next];
      if (e.held() && e.kind != event_kind::report && folded_contains(ctx.title(e), wanted)) last_before = e.day;
    }
    out.fell_due = true;
    const date earliest = m->day.plus_days(-r.days);
    if (last_before && *last_before >= earliest) continue;
    out.findings.push_back(
        {finding_status::breach, m->day, m->day, m->day, {}, {}, {},
         fmt::format("no held meeting or session whose title contains \"{}\" in the {} before the meeting on {} ({} to {}){}", r.title,
                     counted(r.days, "day", "days"), m->day, earliest, m->day.plus_days(-1),
                     last_before ? fmt::format("; the last one was on {}", *last_before) : std::string{})});
  }
  return out;
}

}  // namespace remit
