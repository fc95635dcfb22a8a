// role "ROLE" rotates between partners annually: for each year wholly inside the window, the
// partner organisation of the holder of ROLE differs from the previous year's. A year's holder
// is the one in the role on its first day, else the first to take the role during it.
#include <tuple>

#include <fmt/format.h>

#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const rotates& r, form_check& c) { c.require_text(r.role, "the role"); }

std::string ast::words(const rotates& r, const resolved_settings& settings) {
  return fmt::format("The partner organisation of the holder of {} must change from one year to the next ({}; a year's holder "
                     "is the one in the role on its first day).",
                     quoted(r.role), periods_words(ast::period_kind::year, settings.year_start_month));
}

std::string ast::meaning(const rotates& r) { return fmt::format("role [{}] rotates annually", r.role); }

std::string_view ast::family(const rotates&) { return "rotation"; }
ast::records ast::records_needed(const rotates&) { return records::membership; }

namespace {

// The membership that holds the role for the year [start, end], if any.
const membership* holder(const body_context& ctx, const std::string& role, date start, date end) {
  if (!ctx.people) return nullptr;
  // Of several candidates (overlapping records), the earliest to start, then by name: never
  // the order of the rows.
  const auto before = [&](const membership* a, const membership* b) {
    return std::tuple(a->from, ctx.log.strings.folded(a->person), ctx.log.strings.text(a->person)) <
           std::tuple(b->from, ctx.log.strings.folded(b->person), ctx.log.strings.text(b->person));
  };
  const membership* on_first_day = nullptr;
  const membership* first = nullptr;
  for (const membership* m : ctx.people->memberships) {
    if (ctx.log.strings.folded(m->role) != role) continue;
    if (m->in_force(start)) {
      if (!on_first_day || before(m, on_first_day)) on_first_day = m;
    } else if (start <= m->from && m->from <= end && (!first || before(m, first))) {
      first = m;
    }
  }
  return on_first_day ? on_first_day : first;
}

}  // namespace

template <>
bool window_judge<ast::rotates>::judge_window(const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::rotates& rule = *rule_;
  bool fell_due = false;
  const std::string role = fold(rule.role);
  for (date start = period_start_holding(ctx.window.from, 12, ctx.year_start_month); start <= ctx.window.to;
       start = start.plus_months(12)) {
    const date end = start.plus_months(12).plus_days(-1);
    if (start < ctx.window.from || end > ctx.window.to) continue;
    fell_due = true;
    const date previous_start = start.plus_months(-12);
    const std::string year = fmt::format("the year {} to {}", start, end);
    const std::string previous = fmt::format("the year {} to {}", previous_start, start.plus_days(-1));
    const membership* now = holder(ctx, role, start, end);
    const membership* before = holder(ctx, role, previous_start, start.plus_days(-1));
    const auto no_evidence = [&](std::string why) {
      add(finding{finding_status::no_evidence, start, std::nullopt, {}, start, end, {}, std::move(why)});
    };
    const auto who = [&](const membership* m) { return std::string(ctx.log.strings.text(m->person)); };
    if (!now || !before) {
      no_evidence(fmt::format("no one is recorded in the role \"{}\" in {}, so whether the role rotated cannot be told",
                              rule.role, now ? previous : year));
      continue;
    }
    if (now->partner == 0 || before->partner == 0) {
      const membership* unknown = now->partner == 0 ? now : before;
      no_evidence(fmt::format("the partner that {} represents as \"{}\" is not recorded, so whether the role rotated "
                              "cannot be told",
                              who(unknown), rule.role));
      continue;
    }
    if (ctx.log.strings.folded(now->partner) != ctx.log.strings.folded(before->partner)) continue;
    finding f{finding_status::breach, start, std::nullopt, {}, start, end, {},
              fmt::format("\"{}\" in {} was {} of {}, the same partner as in {} ({}); the role rotates between partners "
                          "each year",
                          rule.role, year, who(now), ctx.log.strings.text(now->partner), previous, who(before))};
    f.people = {who(before), who(now)};
    if (f.people[0] == f.people[1]) f.people.pop_back();
    add(std::move(f));
  }
  return fell_due;
}

}  // namespace remit
