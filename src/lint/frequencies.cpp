// RL003 a frequency out of reach of a committee; RL004 a grace as long as the interval.
#include <fmt/format.h>

#include "lint/lint.hpp"
#include "lint/measures.hpp"

namespace remit::lint {

namespace {

template <typename Each>
void each_frequency(const ast::rule_file& file, Each each) {
  for (const ast::body& b : file.bodies)
    for (const ast::statement& s : b.statements)
      if (const ast::frequency* f = frequency_of(s.what)) each(s, *f);
}

}  // namespace

void count_out_of_reach(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  each_frequency(file, [&](const ast::statement& s, const ast::frequency& f) {
    const std::string nouns = events_nouns(s.what);
    if (const auto* c = std::get_if<ast::count_frequency>(&f)) {
      const int days = shortest_days(c->period);
      const std::string_view period = period_word(c->period);
      const std::string larger =
          c->period == ast::period_kind::year ? std::string{} : " Was 'a year' meant?";
      if (c->times > days) {
        out.push_back({"RL003", c->where,
                       fmt::format("clause {} asks for {} {} in every {}, but a {} can have as few as {} days: it can never be met "
                                   "unless several fall on one day.{}",
                                   s.label, c->times, nouns, period, period, days, larger),
                       std::nullopt});
      } else if (c->times > days / 7) {
        out.push_back({"RL003", c->where,
                       fmt::format("clause {} asks for {} {} in every {}, more than one a week (a {} can have as few as {} days): "
                                   "committees rarely meet so often, so this is likely to be breached in every {}.{}",
                                   s.label, c->times, nouns, period, period, days, period, larger),
                       std::nullopt});
      }
    } else if (const auto* g = std::get_if<ast::gap_frequency>(&f)) {
      if (longest_days(*g) + g->grace_days < 7)
        out.push_back({"RL003", g->where,
                       fmt::format("clause {} allows at most {} between {}, less than a week: committees rarely meet so often, "
                                   "so this is likely to be breached at almost every link",
                                   s.label, counted(longest_days(*g) + g->grace_days, "day", "days"), nouns),
                       std::nullopt});
    }
  });
}

void grace_swallows_interval(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  each_frequency(file, [&](const ast::statement& s, const ast::frequency& f) {
    const auto* g = std::get_if<ast::gap_frequency>(&f);
    if (!g || g->grace_days == 0 || g->grace_days < shortest_days(*g)) return;
    out.push_back({"RL004", g->where,
                   fmt::format("clause {}: the grace of {} is as long as the interval itself ({}{}), so one of the {} can be "
                               "missed altogether without a breach. Grace is meant for a late event, not a missing one",
                               s.label, counted(g->grace_days, "day", "days"), interval_words(*g),
                               g->unit == ast::time_unit::month || g->unit == ast::time_unit::year
                                   ? fmt::format(", which can be as short as {} days", shortest_days(*g))
                                   : std::string{},
                               events_nouns(s.what)),
                   std::nullopt});
  });
}

}  // namespace remit::lint
