// RL012 two counts that cannot both be met: an exact count beside a frequency that needs more,
// or fewer, in the same periods (`meets exactly 4 times a year` beside `meets monthly`), and a
// body's make-up asked for at least more members than another statement allows
// (`has exactly 5 members` beside `has at least 7 members`, `quorum 5 members` beside `has at
// most 4 members`, `has at least 3 co-opted members` beside `has at most 2 members`), a quorum's
// `including K` above its N, and approving an item more often than an exact count lets it be
// received (`receives "X" exactly once a year` beside `approves "X" twice a year`).
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "core/text.hpp"
#include "lint/lint.hpp"
#include "lint/measures.hpp"

namespace remit::lint {

namespace {

// A frequency as so many events in each aligned period: at least `times`, or exactly.
struct per_period {
  int times = 1;
  int months = 12;
  bool exactly = false;
};

std::optional<per_period> as_periods(const ast::frequency& f) {
  if (const auto* c = std::get_if<ast::coverage_frequency>(&f)) return per_period{1, ast::months_in(c->period), false};
  if (const auto* c = std::get_if<ast::count_frequency>(&f)) return per_period{c->times, ast::months_in(c->period), c->exactly};
  // A gap of M calendar months without grace leaves no aligned M-month period without an event.
  const auto& g = std::get<ast::gap_frequency>(f);
  const int months = g.unit == ast::time_unit::month ? g.count : g.unit == ast::time_unit::year ? 12 * g.count : 0;
  if (g.grace_days == 0 && months > 0 && 12 % months == 0) return per_period{1, months, false};
  return std::nullopt;
}

std::string in_period(int months) {
  switch (months) {
    case 1: return "a month";
    case 2: return "a two-month period";
    case 3: return "a quarter";
    case 6: return "a half-year";
    default: return "a year";
  }
}

// Why an exact count and another frequency cannot both be met, or nothing. Both are counted in
// the longer of the two periods, when one holds a whole number of the other.
std::optional<std::string> frequency_clash(const per_period& exact, std::string_view exact_label, const per_period& other,
                                           std::string_view other_label) {
  const int longer = std::max(exact.months, other.months);
  if (longer % exact.months != 0 || longer % other.months != 0) return std::nullopt;
  const int exactly = exact.times * (longer / exact.months);
  const int needed = other.times * (longer / other.months);
  if (other.exactly ? needed == exactly : needed <= exactly) return std::nullopt;
  return fmt::format("clause {} needs exactly {} in {}, clause {} {} {}", exact_label, exactly, in_period(longer), other_label,
                     other.exactly ? "exactly" : "at least", needed);
}

// A statement of a body's make-up as bounds on a set of members: all of them, those holding a
// role, or those of a kind. A quorum of N (of a kind) needs at least N such members to be met.
struct member_bounds {
  std::optional<std::string> role;  // folded role, or "elected members" ...; none: every member
  std::optional<int> least, most;
  std::string whats = "members";    // "members", "voting members"
  bool quorum = false;
};

std::optional<member_bounds> as_bounds(const ast::rule& r) {
  member_bounds b;
  if (const auto* q = std::get_if<ast::quorum>(&r)) {
    if (q->term) b.role = b.whats = fmt::format("{} members", ast::name(*q->term));
    b.least = q->members;
    b.quorum = true;
    return b;
  }
  const auto* m = std::get_if<ast::membership_size>(&r);
  if (!m) return std::nullopt;
  if (m->role) b.role = fold(*m->role);
  if (m->term) b.role = b.whats = fmt::format("{} members", ast::name(*m->term));
  if (m->exactly || !m->at_most) b.least = m->members;
  if (m->exactly || m->at_most) b.most = m->members;
  return b;
}

}  // namespace

void counts_contradict(const ast::rule_file& file, const context&, std::vector<finding>& out) {
  for (const ast::body& b : file.bodies) {
    const auto& st = b.statements;
    // `quorum N members including K ...` with K above N: K of the N cannot be more than N.
    for (const ast::statement& s : st)
      if (const auto* q = std::get_if<ast::quorum>(&s.what); q && q->including > q->members)
        out.push_back({"RL012", s.where,
                       fmt::format("{} asks that {} of a quorum of {} be present, more than the quorum itself: the quorum "
                                   "is then {}, not {}. Check which the ToR says",
                                   cite(s), q->including, q->members, q->including, q->members),
                       std::nullopt});
    for (std::size_t j = 0; j < st.size(); ++j)
      for (std::size_t i = 0; i < j; ++i) {
        std::optional<std::string> why;
        const ast::frequency* fi = frequency_of(st[i].what);
        const ast::frequency* fj = frequency_of(st[j].what);
        if (fi && fj && events_key(st[i].what) == events_key(st[j].what)) {
          const auto pi = as_periods(*fi);
          const auto pj = as_periods(*fj);
          if (pi && pj && pi->exactly) why = frequency_clash(*pi, st[i].label, *pj, st[j].label);
          if (!why && pi && pj && pj->exactly) why = frequency_clash(*pj, st[j].label, *pi, st[i].label);
        }
        // A meeting that approves an item receives it: an exact count of receiving caps approving.
        const auto receives_of = [](const ast::rule& r) { return std::get_if<ast::receives>(&r); };
        const auto* ri = receives_of(st[i].what);
        const auto* rj = receives_of(st[j].what);
        if (!why && ri && rj && ri->approves != rj->approves) {
          const auto& [receiving, received_label, approving, approved_label] =
              ri->approves ? std::tuple(rj, st[j].label, ri, st[i].label) : std::tuple(ri, st[i].label, rj, st[j].label);
          ast::receives as_received = *approving;
          as_received.approves = false;
          const auto pr = as_periods(receiving->how_often);
          const auto pa = as_periods(approving->how_often);
          if (pr && pa && pr->exactly && events_key(as_received) == events_key(*receiving)) {
            per_period needs = *pa;
            needs.exactly = false;  // approving fewer than are received is no clash
            why = frequency_clash(*pr, received_label, needs, approved_label);
          }
        }
        const auto bi = as_bounds(st[i].what);
        const auto bj = as_bounds(st[j].what);
        if (bi && bj) {
          // Members holding a role are among all the members: at least L of them is at least L members.
          const auto clash = [](const member_bounds& upper, std::string_view upper_label, const member_bounds& lower,
                                std::string_view lower_label) -> std::optional<std::string> {
            if (!upper.most || !lower.least || *lower.least <= *upper.most) return std::nullopt;
            if (upper.role && upper.role != lower.role) return std::nullopt;
            return fmt::format("clause {} needs at least {} {}{}, clause {} allows at most {}", lower_label, *lower.least,
                               lower.whats, lower.quorum ? " present for a quorum" : "", upper_label, *upper.most);
          };
          why = clash(*bi, st[i].label, *bj, st[j].label);
          if (!why) why = clash(*bj, st[j].label, *bi, st[i].label);
        }
        if (!why) continue;
        out.push_back({"RL012", st[j].where,
                       fmt::format("{} and {} cannot both be met: {}, so one of them is breached whatever the body "
                                   "does. Check which the ToR says",
                                   cite(st[j]), cite_at(st[i]), *why),
                       st[i].where});
      }
  }
}

}  // namespace remit::lint
