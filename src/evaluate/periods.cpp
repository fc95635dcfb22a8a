// Coverage and count families (docs/language.md): periods aligned to the year start; only periods
// wholly inside the window are judged.
#include <algorithm>

#include <fmt/format.h>

#include "evaluate/context.hpp"
#include "language/describe.hpp"

namespace remit {

date period_start_holding(date d, int months, int year_start_month) {
  date start = date::from(std::chrono::year{d.year()} / std::chrono::month{d.month()} / 1);
  while (((static_cast<int>(start.month()) - year_start_month) % months + months) % months != 0)
    start = start.plus_months(-1);
  return start;
}

family_result evaluate_periods(const body_context& ctx, const series& s, const ast::frequency& f) {
  const ast::period_kind period = std::holds_alternative<ast::coverage_frequency>(f)
                                      ? std::get<ast::coverage_frequency>(f).period
                                      : std::get<ast::count_frequency>(f).period;
  const int needed = std::holds_alternative<ast::count_frequency>(f) ? std::get<ast::count_frequency>(f).times : 1;
  const bool is_count = std::holds_alternative<ast::count_frequency>(f);
  const int months = ast::months_in(period);

  family_result out;
  // Periods wholly inside the audit window; a version of the body's rules judges those that end
  // while it is in force.
  const audit_window whole = ctx.audit();
  for (date start = period_start_holding(whole.from, months, ctx.year_start_month); start <= whole.to;
       start = start.plus_months(months)) {
    const date end = start.plus_months(months).plus_days(-1);
    if (start < whole.from || end > whole.to) continue;
    if (end < ctx.window.from || end > ctx.window.to) continue;
    out.fell_due = true;
    const long found = std::upper_bound(s.dates.begin(), s.dates.end(), end) -
                       std::lower_bound(s.dates.begin(), s.dates.end(), start);
    if (found >= needed) continue;
    finding x{finding_status::breach, end, std::nullopt, {}, start, end, {}, {}};
    if (is_count) {
      x.found = static_cast<int>(found);
      x.message = fmt::format("{} in the {} {} to {}; at least {} required", counted(found, s.noun, s.nouns),
                              period_word(period), start, end, needed);
    } else {
      x.message = fmt::format("no {} in the {} {} to {}", s.noun, period_word(period), start, end);
    }
    out.findings.push_back(std::move(x));
  }
  return out;
}

}  // namespace remit
