// RL001 a waiver that can never apply; RL002 a waiver that ended before the audit window.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "calendar/calendar.hpp"
#include "lint/lint.hpp"
#include "lint/measures.hpp"

namespace remit::lint {

namespace {

struct in_scope {
  const ast::body* body;
  const ast::statement* statement;
};

// The statements a waiver can touch: its label in its own body, or in every body of the file.
std::vector<in_scope> waived_statements(const ast::rule_file& file, const ast::body* owner, const ast::waiver& w) {
  std::vector<in_scope> out;
  for (const ast::body& b : file.bodies) {
    if (owner && owner != &b) continue;
    for (const ast::statement& s : b.statements)
      if (s.label == w.label) out.push_back({&b, &s});
  }
  return out;
}

std::string month_end_name(int month) {
  static constexpr std::array<std::string_view, 12> names{"31 January", "28 or 29 February", "31 March",     "30 April",
                                                          "31 May",     "30 June",           "31 July",      "31 August",
                                                          "30 September", "31 October",      "30 November",  "31 December"};
  return std::string(names[static_cast<std::size_t>(month - 1)]);
}

// Why no breach of the statement can fall due from `from` to `to` (a breach is waived by its due
// date), or nothing when one can. Due dates: the last day of a period for coverage and count
// rules; the deadline for `by`; for a notice without "clear" counted in working days, a working
// day; any day for the rest.
std::optional<std::string> why_never_due(const ast::rule_file& file, const ast::body& body, const ast::statement& s,
                                         date from, date to) {
  const ast::resolved_settings settings = ast::resolve(file, body);
  if (const ast::frequency* f = frequency_of(s.what)) {
    if (std::holds_alternative<ast::gap_frequency>(*f)) return std::nullopt;
    const ast::period_kind p = std::holds_alternative<ast::coverage_frequency>(*f)
                                   ? std::get<ast::coverage_frequency>(*f).period
                                   : std::get<ast::count_frequency>(*f).period;
    const int months = ast::months_in(p);
    // Periods end on the last day of each month whose next month starts a period.
    std::vector<int> ending;
    for (int m = 1; m <= 12; ++m)
      if (((m + 1 - settings.year_start_month) % months + months) % months == 0) ending.push_back(m);
    for (date month = date::from(std::chrono::year{from.year()} / std::chrono::month{from.month()} / 1); month <= to;
         month = month.plus_months(1)) {
      const date last = month.plus_months(1).plus_days(-1);
      if (from <= last && last <= to && std::find(ending.begin(), ending.end(), static_cast<int>(last.month())) != ending.end())
        return std::nullopt;
    }
    std::string ends;
    for (std::size_t i = 0; i < ending.size(); ++i)
      ends += fmt::format("{}{}", i == 0 ? "" : (i + 1 == ending.size() ? " and " : ", "), month_end_name(ending[i]));
    return fmt::format("{} falls due only on the last day of each {} ({}), and none lies in the waiver", cite(s),
                       period_word(p), ends);
  }
  if (const auto* by = std::get_if<ast::receives_by>(&s.what)) {
    if (from <= by->deadline && by->deadline <= to) return std::nullopt;
    return fmt::format("{} falls due only on {}", cite(s), by->deadline);
  }
  if (const auto* n = std::get_if<ast::notice>(&s.what); n && n->working && !n->clear) {
    const calendar& cal = calendar::of(settings.calendar);
    for (date d = from; d <= to; d = d.plus_days(1)) {
      try {
        if (cal.is_working_day(d)) return std::nullopt;
      } catch (const calendar_year_missing&) {
        return std::nullopt;  // without the year's bank holidays, a working day cannot be ruled out
      }
    }
    return fmt::format("{} falls due only on working days, and the waiver holds none (only weekends and bank holidays)",
                       cite(s));
  }
  return std::nullopt;
}

template <typename Each>
void each_waiver(const ast::rule_file& file, Each each) {
  for (const ast::waiver& w : file.waivers) each(nullptr, w);
  for (const ast::body& b : file.bodies)
    for (const ast::waiver& w : b.waivers) each(&b, w);
}

}  // namespace

void waiver_never_applies(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  each_waiver(file, [&](const ast::body* owner, const ast::waiver& w) {
    const std::vector<in_scope> statements = waived_statements(file, owner, w);
    std::vector<std::string> reasons;
    for (const in_scope& x : statements) {
      auto why = why_never_due(file, *x.body, *x.statement, w.from, w.to);
      if (!why) return;
      reasons.push_back(std::move(*why));
    }
    if (reasons.empty()) return;  // no statement has the label: the checker reports that
    std::string all;
    for (std::size_t i = 0; i < reasons.size(); ++i) all += fmt::format("{}{}", i == 0 ? "" : "; ", reasons[i]);
    out.push_back({"RL001", w.where,
                   fmt::format("the waiver for {} from {} to {} can never apply, since a breach is waived by its due date "
                               "and none can fall due in the waiver: {}",
                               w.label, w.from, w.to, all),
                   std::nullopt});
  });
}

void waiver_expired(const ast::rule_file& file, const context& ctx, std::vector<finding>& out) {
  if (!ctx.window_from) return;
  each_waiver(file, [&](const ast::body*, const ast::waiver& w) {
    if (w.to >= *ctx.window_from) return;
    out.push_back({"RL002", w.where,
                   fmt::format("the waiver for {} ended on {}, before the audit window starts on {}: it cannot apply to "
                               "this audit. Keep it only if the file is also used for audits of earlier years",
                               w.label, w.to, *ctx.window_from),
                   std::nullopt});
  });
}

}  // namespace remit::lint
