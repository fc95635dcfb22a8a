// Gap family (docs/language.md): each qualifying event is due within an interval of the one before.
#include <algorithm>

#include <fmt/format.h>
#include <range/v3/view/concat.hpp>
#include <range/v3/view/single.hpp>
#include <range/v3/view/subrange.hpp>
#include <range/v3/view/transform.hpp>
#include <range/v3/view/zip.hpp>

#include "evaluate/context.hpp"
#include "language/describe.hpp"

namespace remit {

// The due date alone: most links are met, and their derivation is never read.
date gap_due_day(date p, const ast::gap_frequency& f) {
  date d = p;
  switch (f.unit) {
    case ast::time_unit::day: d = p.plus_days(f.count); break;
    case ast::time_unit::week: d = p.plus_days(7L * f.count); break;
    case ast::time_unit::month:
    case ast::time_unit::year: d = p.plus_months(f.unit == ast::time_unit::year ? 12 * f.count : f.count); break;
  }
  return d.plus_days(f.grace_days);
}

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

date gap_due(const body_context& ctx, const ast::gap_frequency& f, date p) { return ctx.in_force(gap_due_day(p, f)); }

finding gap_breach(const body_context& ctx, const ast::gap_frequency& f, std::optional<date> after, std::optional<date> next) {
  return {finding_status::breach, gap_due(ctx, f, after.value_or(ctx.audit().from)), next, {}, {}, {}, {}, {}, {}, after};
}

std::string gap_words(const body_context& ctx, std::string_view noun, const ast::gap_frequency& f, const finding& x) {
  const date p = x.after.value_or(ctx.audit().from);
  const std::string what_p =
      x.after ? fmt::format("the {} on {}", noun, p) : fmt::format("{}, the start of the audit window", p);
  const due_date due = ctx.in_force(due_after(p, f, what_p));
  if (!x.on)
    return fmt::format("next {} was due by {} ({}); there was none by {}", noun, due.day, due.derivation,
                       ctx.window_end_words());
  // Late into the window from a due date before it: the breach is the window's, the due date not.
  const bool due_before = due.day < ctx.audit().from && *x.on >= ctx.audit().from;
  return fmt::format("next {} was due by {} ({}); the next {} was on {}, {} late{}", noun, due.day, due.derivation, noun,
                     *x.on, counted(days_between(due.day, *x.on), "day", "days"),
                     due_before ? " (due before the window; the late meeting falls in it)" : "");
}

family_result evaluate_gap(const body_context& ctx, const series& s, const ast::gap_frequency& f) {
  const date from = ctx.window.from;
  const date to = ctx.window.to;
  family_result out;

  // The chain starts at the last qualifying event before the window (for a version of the rules,
  // before the part of the window it judges, looking back across the change), or at the start
  // of the audit window when there is none.
  namespace views = ranges::views;
  const auto first_in = std::lower_bound(s.dates.begin(), s.dates.end(), from);
  const auto in_window = ranges::subrange(first_in, std::upper_bound(first_in, s.dates.end(), to));
  const std::optional<date> before_window = first_in == s.dates.begin() ? std::nullopt : std::optional(*(first_in - 1));
  const auto as_optional = [](date d) { return std::optional(d); };
  // Each link of the chain: an event in the window, and the one before it.
  const auto previous = views::concat(views::single(before_window), in_window | views::transform(as_optional));
  const auto breach = [&](std::optional<date> p, std::optional<date> next) {
    finding x = gap_breach(ctx, f, p, next);
    x.message = gap_words(ctx, s.noun, f, x);
    ctx.add(out, std::move(x));
  };
  for (const auto& [p, q] : views::zip(previous, in_window)) {
    out.fell_due = true;
    if (q > gap_due(ctx, f, p.value_or(ctx.audit().from))) breach(p, q);
  }
  // After the last link: still open at the window's end.
  const std::optional<date> last = in_window.empty() ? before_window : std::optional(in_window.back());
  const date last_due = gap_due(ctx, f, last.value_or(ctx.audit().from));
  if (last_due < to) out.fell_due = true;
  if (to > last_due) breach(last, std::nullopt);
  return out;
}

}  // namespace remit
