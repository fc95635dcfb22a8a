// Coverage and count families (docs/language.md): periods aligned to the year start; only periods
// wholly inside the window are judged.
#include <algorithm>

#include <fmt/format.h>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/iota.hpp>
#include <range/v3/view/take_while.hpp>
#include <range/v3/view/transform.hpp>

#include "evaluate/context.hpp"
#include "language/describe.hpp"

namespace remit {

date period_start_holding(date d, int months, int year_start_month) {
  date start = date::from(std::chrono::year{d.year()} / std::chrono::month{d.month()} / 1);
  while (((static_cast<int>(start.month()) - year_start_month) % months + months) % months != 0)
    start = start.plus_months(-1);
  return start;
}

period_rule period_rule_of(const ast::frequency& f) {
  if (const auto* c = std::get_if<ast::count_frequency>(&f)) return {c->period, c->times, true};
  return {std::get<ast::coverage_frequency>(f).period, 1, false};
}

std::vector<audit_window> judged_periods(const body_context& ctx, const period_rule& rule) {
  namespace views = ranges::views;
  const int months = ast::months_in(rule.period);
  const audit_window whole = ctx.audit();
  // The aligned periods from the one that holds the window's first day, each the 1st of a month
  // (so adding months never clamps a day).
  const date first = period_start_holding(whole.from, months, ctx.year_start_month);
  const auto period = [&](int k) {
    const date start = first.plus_months(k * months);
    return audit_window{start, start.plus_months(months).plus_days(-1)};
  };
  // Periods wholly inside the audit window; a version of the body's rules judges those that end
  // while it is in force.
  const auto judged = [&](const audit_window& p) {
    return p.from >= whole.from && p.to <= whole.to && p.to >= ctx.window.from && p.to <= ctx.window.to;
  };
  return views::iota(0) | views::transform(period) |
         views::take_while([&](const audit_window& p) { return p.from <= whole.to; }) | views::filter(judged) |
         ranges::to<std::vector>();
}

std::optional<finding> period_finding(const period_rule& rule, const audit_window& period, long found) {
  if (found >= rule.needed) return std::nullopt;
  finding x{finding_status::breach, period.to, std::nullopt, {}, period.from, period.to, {}, {}};
  if (rule.is_count) x.found = static_cast<int>(found);
  return x;
}

std::string period_words(const period_rule& rule, std::string_view noun, std::string_view nouns, const finding& x) {
  if (rule.is_count)
    return fmt::format("{} in the {} {} to {}; at least {} required", counted(*x.found, noun, nouns),
                       period_word(rule.period), *x.period_start, *x.period_end, rule.needed);
  return fmt::format("no {} in the {} {} to {}", noun, period_word(rule.period), *x.period_start, *x.period_end);
}

family_result evaluate_periods(const body_context& ctx, const series& s, const ast::frequency& f) {
  const period_rule rule = period_rule_of(f);
  family_result out;
  for (const audit_window& period : judged_periods(ctx, rule)) {
    out.fell_due = true;
    const long found = std::upper_bound(s.dates.begin(), s.dates.end(), period.to) -
                       std::lower_bound(s.dates.begin(), s.dates.end(), period.from);
    std::optional<finding> x = period_finding(rule, period, found);
    if (!x) continue;
    x->message = period_words(rule, s.noun, s.nouns, *x);
    ctx.add(out, std::move(*x));
  }
  return out;
}

}  // namespace remit
