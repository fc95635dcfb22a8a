// RL006 a statement that another makes redundant; RL007 two frequencies for the same events
// that disagree. Both compare the statements of one body block pairwise.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "lint/lint.hpp"
#include "lint/measures.hpp"

namespace remit::lint {

namespace {

// Whether every due date of gap rule a is on or before b's, wherever the interval starts.
bool gap_implies(const ast::gap_frequency& a, const ast::gap_frequency& b) {
  return longest_days(a) + a.grace_days <= shortest_days(b) + b.grace_days ||
         (a.unit == b.unit && a.count <= b.count && a.grace_days <= b.grace_days) ||
         ((a.unit == ast::time_unit::month || a.unit == ast::time_unit::year) &&
          (b.unit == ast::time_unit::month || b.unit == ast::time_unit::year) &&
          (a.unit == ast::time_unit::year ? 12 : 1) * a.count <= (b.unit == ast::time_unit::year ? 12 : 1) * b.count &&
          a.grace_days <= b.grace_days);
}

struct per_period {
  int times;
  ast::period_kind period;
  bool exactly = false;
};
std::optional<per_period> as_count(const ast::frequency& f) {
  if (const auto* c = std::get_if<ast::coverage_frequency>(&f)) return per_period{1, c->period};
  if (const auto* c = std::get_if<ast::count_frequency>(&f)) return per_period{c->times, c->period, c->exactly};
  return std::nullopt;
}

// Periods nest (all are aligned to the same year start), so K in each shorter period give
// K × (periods in the longer one) in each longer period. Only an exact count implies an exact one.
bool count_implies(per_period a, per_period b) {
  const int ma = ast::months_in(a.period);
  const int mb = ast::months_in(b.period);
  if (b.exactly) return a.exactly && mb % ma == 0 && a.times * (mb / ma) == b.times;
  return mb % ma == 0 && a.times * (mb / ma) >= b.times;
}

// A gap of at most M calendar months, without grace, leaves no M-month period empty: a period
// with none would lie between two events more than M months apart ("every 2 months" makes
// "bi-monthly" redundant). Counted in days the two can look as if they disagree; they do not.
bool gap_implies_coverage(const ast::gap_frequency& a, per_period b) {
  const int months = a.unit == ast::time_unit::month ? a.count : a.unit == ast::time_unit::year ? 12 * a.count : 0;
  return b.times == 1 && !b.exactly && months > 0 && a.grace_days == 0 && months <= ast::months_in(b.period);
}

bool frequency_implies(const ast::frequency& a, const ast::frequency& b) {
  const auto* ga = std::get_if<ast::gap_frequency>(&a);
  const auto* gb = std::get_if<ast::gap_frequency>(&b);
  if (ga && gb) return gap_implies(*ga, *gb);
  const auto ca = as_count(a);
  const auto cb = as_count(b);
  if (ga && cb) return gap_implies_coverage(*ga, *cb);
  return ca && cb && count_implies(*ca, *cb);
}

// Whether whatever title or item a accepts, b accepts too: every phrase of a contains a phrase of
// b (a title holding the longer holds the shorter), or the two are the same pattern.
bool match_implies(const ast::title_match& a, const ast::title_match& b) {
  if (a.is_regex || b.is_regex) return a.is_regex == b.is_regex && a.phrases == b.phrases;
  return std::all_of(a.phrases.begin(), a.phrases.end(), [&](const std::string& x) {
    return std::any_of(b.phrases.begin(), b.phrases.end(),
                       [&](const std::string& y) { return folded_contains(fold(x), fold(y)); });
  });
}

// Whether meeting statement a makes statement b redundant: whenever a is met, so is b.
bool implies(const ast::rule& a, const ast::rule& b) {
  if (const ast::frequency* fa = frequency_of(a)) {
    const ast::frequency* fb = frequency_of(b);
    return fb && events_key(a) == events_key(b) && frequency_implies(*fa, *fb);
  }
  if (const auto* na = std::get_if<ast::notice>(&a)) {
    const auto* nb = std::get_if<ast::notice>(&b);
    // N working days back are at least N calendar days back, and one more day back each step.
    return nb && (na->working || !nb->working) && na->days + na->clear >= nb->days + nb->clear;
  }
  if (const auto* ia = std::get_if<ast::has_item>(&a)) {
    const auto* ib = std::get_if<ast::has_item>(&b);
    return ib && match_implies(ia->item, ib->item);
  }
  if (const auto* pa = std::get_if<ast::preceded_by>(&a)) {
    const auto* pb = std::get_if<ast::preceded_by>(&b);
    // "since the previous meeting" reaches as far back as the meeting before: it neither
    // implies a fixed number of days nor follows from one; "on the day" looks at another day altogether.
    return pb && pa->since_previous == pb->since_previous && pa->on_the_day == pb->on_the_day &&
           (pa->since_previous || pa->on_the_day || pa->days <= pb->days) &&
           match_implies(pa->title, pb->title);
  }
  if (const auto* da = std::get_if<ast::receives_by>(&a)) {
    const auto* db = std::get_if<ast::receives_by>(&b);
    // An item approved is an item received, not the other way round.
    return db && da->deadline <= db->deadline && (da->approves || !db->approves) && match_implies(da->item, db->item);
  }
  return false;
}

}  // namespace

void redundant_statement(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  for (const ast::body& b : file.bodies) {
    const auto& st = b.statements;
    for (std::size_t j = 0; j < st.size(); ++j)
      for (std::size_t i = 0; i < j; ++i) {
        // An advisory statement makes no duty redundant: the duty's breach is the finding that counts.
        const auto makes_redundant = [](const ast::statement& stronger, const ast::statement& weaker) {
          return (!stronger.modifiers.advisory || weaker.modifiers.advisory) && implies(stronger.what, weaker.what);
        };
        const bool forward = makes_redundant(st[i], st[j]);
        const bool backward = makes_redundant(st[j], st[i]);
        if (forward && backward) {
          out.push_back({"RL006", st[j].where,
                         fmt::format("{} says the same as {}: each breach will be reported twice and counted twice in "
                                     "the summary. If the ToR says it twice, keep both and allow this finding",
                                     cite(st[j]), cite_at(st[i])),
                         st[i].where});
          break;
        }
        if (forward || backward) {
          const ast::statement& weaker = forward ? st[j] : st[i];
          const ast::statement& stronger = forward ? st[i] : st[j];
          out.push_back({"RL006", weaker.where,
                         fmt::format("{} adds nothing to {}: whenever that is met, this is met too, so this can only "
                                     "be breached together with it",
                                     cite(weaker), cite_at(stronger)),
                         stronger.where});
          break;
        }
      }
  }
}

void frequencies_disagree(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  for (const ast::body& b : file.bodies) {
    const auto& st = b.statements;
    for (std::size_t j = 0; j < st.size(); ++j)
      for (std::size_t i = 0; i < st.size(); ++i) {
        // i is the gap rule, j the rule on periods, about the same events.
        const ast::frequency* fi = frequency_of(st[i].what);
        const ast::frequency* fj = frequency_of(st[j].what);
        if (!fi || !fj || events_key(st[i].what) != events_key(st[j].what)) continue;
        const auto* gap = std::get_if<ast::gap_frequency>(fi);
        const auto count = as_count(*fj);
        if (!gap || !count || gap_implies_coverage(*gap, *count)) continue;
        const int allowed = longest_days(*gap) + gap->grace_days;
        const int period_days = shortest_days(count->period);
        // Events as far apart as the gap rule allows can leave this few in a period.
        if (period_days / allowed >= count->times) continue;
        const std::size_t later = std::max(i, j);
        const std::size_t earlier = std::min(i, j);
        out.push_back(
            {"RL007", st[later].where,
             fmt::format("{} and {} disagree about how often: clause {} allows up to {} between {}, but clause {} needs {} in "
                         "every {}, which can be as short as {} days, so clause {} can be met while clause {} is breached. Check which the ToR "
                         "says",
                         cite(st[later]), cite_at(st[earlier]), st[i].label, counted(allowed, "day", "days"),
                         events_nouns(st[i].what), st[j].label,
                         count->times == 1 ? std::string("one") : fmt::format("at least {}", count->times),
                         period_word(count->period), period_days, st[i].label, st[j].label),
             st[earlier].where});
      }
  }
}

}  // namespace remit::lint
