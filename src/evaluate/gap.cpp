// Gap family (docs/language.md): each qualifying event is due within an interval of the one before.
#include <algorithm>

#include <fmt/format.h>

#include "evaluate/context.hpp"
#include "language/describe.hpp"

namespace remit {

namespace {

// The due date alone: most links are met, and their derivation is never read.
date due_day_after(date p, const ast::gap_frequency& f) {
  date d = p;
  switch (f.unit) {
    case ast::time_unit::day: d = p.plus_days(f.count); break;
    case ast::time_unit::week: d = p.plus_days(7L * f.count); break;
    case ast::time_unit::month:
    case ast::time_unit::year: d = p.plus_months(f.unit == ast::time_unit::year ? 12 * f.count : f.count); break;
  }
  return d.plus_days(f.grace_days);
}

}  // namespace

due_date due_after(date p, const ast::gap_frequency& f, std::string_view what_p) {
  date d = p;
  bool clamped = false;
  switch (f.unit) {
    case ast::time_unit::day: d = p.plus_days(f.count); break;
    case ast::time_unit::week: d = p.plus_days(7L * f.count); break;
    case ast::time_unit::month:
    case ast::time_unit::year: {
      const int months = f.unit == ast::time_unit::year ? 12 * f.count : f.count;
      d = p.plus_months(months);
      clamped = d.day_of_month() != p.day_of_month();
      break;
    }
  }
  std::string why = fmt::format("{} after {}", interval_words(f), what_p);
  if (clamped) why += fmt::format(", clamped to the last day of the month");
  if (f.grace_days > 0) {
    d = d.plus_days(f.grace_days);
    why += fmt::format(", plus {} grace", counted(f.grace_days, "day's", "days'"));
  }
  return {d, why};
}

family_result evaluate_gap(const body_context& ctx, const series& s, const ast::gap_frequency& f) {
  const date from = ctx.window.from;
  const date to = ctx.window.to;
  family_result out;

  // The chain starts at the last qualifying event before the window (for a version of the rules,
  // before the part of the window it judges, looking back across the change), or at the start
  // of the audit window when there is none.
  const auto first_in = std::lower_bound(s.dates.begin(), s.dates.end(), from);
  const auto end_in = std::upper_bound(first_in, s.dates.end(), to);
  date p = ctx.audit().from;
  bool p_is_event = first_in != s.dates.begin();
  if (p_is_event) p = *(first_in - 1);
  // Words for p, only for a breach: most links are met.
  const auto what_p = [&] {
    return p_is_event ? fmt::format("the {} on {}", s.noun, p) : fmt::format("{}, the start of the audit window", p);
  };

  for (auto it = first_in; it != end_in; ++it) {
    out.fell_due = true;
    const date q = *it;
    if (q > ctx.in_force(due_day_after(p, f))) {
      const due_date due = ctx.in_force(due_after(p, f, what_p()));
      out.findings.push_back({finding_status::breach, due.day, q, {}, {}, {}, {},
                              fmt::format("next {} was due by {} ({}); the next {} was on {}, {} late", s.noun, due.day,
                                          due.derivation, s.noun, q,
                                          counted(days_between(due.day, q), "day", "days"))});
    }
    p = q;
    p_is_event = true;
  }

  // After the last link: still open at the window's end.
  const date last_due = ctx.in_force(due_day_after(p, f));
  if (last_due < to) out.fell_due = true;
  if (to > last_due) {
    const due_date due = ctx.in_force(due_after(p, f, what_p()));
    out.findings.push_back({finding_status::breach, due.day, std::nullopt, {}, {}, {}, {},
                            fmt::format("next {} was due by {} ({}); there was none by {}", s.noun, due.day,
                                        due.derivation, ctx.window_end_words())});
  }
  return out;
}

}  // namespace remit
