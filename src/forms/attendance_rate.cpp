// each member attends at least P% of meetings [each PERIOD]: per period wholly inside the
// window, each member's attendance at the held meetings of the period on dates they were a
// member. A period with a held meeting whose attendance is not recorded is no-evidence: the
// rate would be a guess.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "evaluate/judges.hpp"
#include "language/form_words.hpp"
#include "language/describe.hpp"

namespace remit {

void ast::check(const attendance_rate& r, form_check& c) {
  for (const std::string& role : r.except) c.require_text(role, "the role");
}

std::string ast::words(const attendance_rate& r, const resolved_settings& settings) {
  return fmt::format("In {}, each member must attend {} the held meetings of the body held while they were a member{}.",
                     periods_words(r.period, settings.year_start_month),
                     r.percent == 100 ? std::string("all of") : fmt::format("at least {}% of", r.percent),
                     r.except.empty() ? std::string()
                                      : fmt::format(", except that a member whose membership in force on a meeting's date "
                                                    "holds {} is not expected at it: they attend when they wish",
                                                    any_of_roles(r.except)));
}

std::string ast::meaning(const attendance_rate& r) {
  return fmt::format("attends {}% period {}{}", r.percent, static_cast<int>(r.period),
                     r.except.empty() ? std::string() : fmt::format(" except [{}]", fmt::join(r.except, "] or [")));
}

std::string_view ast::family(const attendance_rate&) { return "attendance rate"; }
ast::records ast::records_needed(const attendance_rate&) { return records::attendance; }

template <>
bool window_judge<ast::attendance_rate>::judge_window(const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::attendance_rate& rule = *rule_;
  bool fell_due = false;
  const int months = ast::months_in(rule.period);
  const std::vector<std::string> except = folded_all(rule.except);
  for (date start = period_start_holding(ctx.window.from, months, ctx.year_start_month); start <= ctx.window.to;
       start = start.plus_months(months)) {
    const date end = start.plus_months(months).plus_days(-1);
    if (start < ctx.window.from || end > ctx.window.to) continue;
    std::vector<const event*> meetings;
    for (const event* e : ctx.events)
      if (ctx.counts_as_meeting(*e) && start <= e->day && e->day <= end) meetings.push_back(e);
    if (meetings.empty()) continue;  // no meeting to attend: nothing fell due
    fell_due = true;
    const std::string period = fmt::format("the {} {} to {}", period_word(rule.period), start, end);
    const auto no_evidence = [&](std::string why) {
      add(finding{finding_status::no_evidence, end, std::nullopt, {}, start, end, {}, std::move(why)});
    };
    std::vector<std::string> unrecorded;
    for (const event* e : meetings)
      if (attendance_at(ctx, *e).empty()) unrecorded.push_back(to_iso(e->day));
    if (!unrecorded.empty()) {
      no_evidence(fmt::format("no attendance is recorded for the held {} on {} in {}, so attendance rates cannot be told",
                              unrecorded.size() == 1 ? "meeting" : "meetings", names_words(unrecorded), period));
      continue;
    }
    if (!has_memberships(ctx)) {
      no_evidence(fmt::format("no membership of the body is recorded, so who was to attend in {} cannot be told", period));
      continue;
    }
    // Each member (by folded name, in order of first membership row), the meetings they were a member for.
    std::unordered_map<std::string_view, std::size_t> index;
    struct member_record {
      std::string name;
      int expected = 0;
      int present = 0;
      std::vector<std::string> missed;
    };
    std::vector<member_record> members;
    for (const event* e : meetings) {
      // What the meeting's record says of each person (folded): that they attended, if any of
      // their records says so, else what the first says. Looked up, not searched, for each
      // member: a body of thousands of members would otherwise be millions of comparisons.
      std::unordered_map<std::string_view, attendance_status> seen;
      for (const attendance& a : attendance_at(ctx, *e)) {
        const auto [it, fresh] = seen.try_emplace(ctx.log.strings.folded(a.person), a.status);
        if (!fresh && attended(a.status)) it->second = a.status;
      }
      std::unordered_set<std::string_view> counted_here;
      // Members who hold an excepted role on the day attend when they wish: they are not expected.
      const std::vector<const membership*> in_office = members_on(ctx, e->day);
      for (const membership* m : in_office)
        if (std::find(except.begin(), except.end(), ctx.log.strings.folded(m->role)) != except.end())
          counted_here.insert(ctx.log.strings.folded(m->person));
      for (const membership* m : in_office) {
        const std::string_view who = ctx.log.strings.folded(m->person);
        if (!counted_here.insert(who).second) continue;  // two roles, one person
        auto [it, fresh] = index.emplace(who, members.size());
        if (fresh) members.push_back({std::string(ctx.log.strings.text(m->person)), 0, 0, {}});
        member_record& r = members[it->second];
        const std::string_view spelt = ctx.log.strings.text(m->person);
        if (spelt < r.name) r.name = spelt;  // one spelling, whatever the row order
        ++r.expected;
        const auto record = seen.find(who);
        if (record != seen.end() && attended(record->second)) ++r.present;
        else r.missed.push_back(fmt::format("{} ({})", e->day, record != seen.end() ? name(record->second) : "not recorded"));
      }
    }
    for (const member_record& r : members) {
      if (r.present * 100 >= rule.percent * r.expected) continue;
      finding f{finding_status::breach, end, std::nullopt, {}, start, end, r.present,
                fmt::format("{} attended {} of {} in {} while a member ({}%); {} required; missed {}", r.name, r.present,
                            counted(r.expected, "held meeting", "held meetings"), period, r.present * 100 / r.expected,
                            rule.percent == 100 ? std::string("every meeting") : fmt::format("at least {}%", rule.percent),
                            names_words(r.missed))};
      f.people = {r.name};
      add(std::move(f));
    }
  }
  return fell_due;
}

}  // namespace remit
