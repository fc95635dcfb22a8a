// The make-up of a body as at each held meeting's date: `has member "ROLE"` and
// `has at most|at least N ["ROLE"] members`. Members are people, counted once however many
// roles they hold.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "evaluate/context.hpp"

namespace remit {

namespace {

// One no-evidence finding per held meeting when the logs record no membership of the body.
bool no_membership(const body_context& ctx, const event& e, family_result& out) {
  if (has_memberships(ctx)) return false;
  out.findings.push_back({finding_status::no_evidence, e.day, e.day, e.day, {}, {}, {},
                          fmt::format("no membership of the body is recorded, so its members on {} cannot be told", e.day)});
  return true;
}

}  // namespace

family_result evaluate_has_member(const body_context& ctx, const ast::has_member& rule) {
  family_result out;
  const std::vector<std::string> wanted = folded_all(rule.roles);
  for (const event* e : ctx.events) {
    if (!ctx.counts_as_meeting(*e) || e->day < ctx.window.from || e->day > ctx.window.to) continue;
    out.fell_due = true;
    if (no_membership(ctx, *e, out)) continue;
    bool met = false;
    for (const membership* m : members_on(ctx, e->day))
      met = met || std::find(wanted.begin(), wanted.end(), ctx.log.strings.folded(m->role)) != wanted.end();
    if (met) continue;
    out.findings.push_back({finding_status::breach, e->day, e->day, e->day, {}, {}, {},
                            fmt::format("no member held {} on {}, the date of a held meeting", roles_words(rule.roles), e->day)});
  }
  return out;
}

family_result evaluate_membership_size(const body_context& ctx, const ast::membership_size& rule) {
  family_result out;
  const std::string role = rule.role ? fold(*rule.role) : std::string();
  const std::string what = rule.role ? fmt::format("\"{}\" member", *rule.role) : std::string("member");
  const std::string whats = rule.role ? fmt::format("\"{}\" members", *rule.role) : std::string("members");
  for (const event* e : ctx.events) {
    if (!ctx.counts_as_meeting(*e) || e->day < ctx.window.from || e->day > ctx.window.to) continue;
    out.fell_due = true;
    if (no_membership(ctx, *e, out)) continue;
    std::set<std::string_view> seen;
    std::vector<std::string> names;
    for (const membership* m : members_on(ctx, e->day))
      if ((!rule.role || ctx.log.strings.folded(m->role) == role) && seen.insert(ctx.log.strings.folded(m->person)).second)
        names.emplace_back(ctx.log.strings.text(m->person));
    names = sorted_names(std::move(names));
    const int found = static_cast<int>(names.size());
    if (rule.at_most ? found <= rule.members : found >= rule.members) continue;
    finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, found,
              fmt::format("{} on {}, the date of a held meeting{}; {}", counted(found, what, whats), e->day,
                          names.empty() ? std::string() : fmt::format(" ({})", names_words(names)),
                          rule.at_most ? fmt::format("at most {} allowed", rule.members)
                                       : fmt::format("at least {} required", rule.members))};
    f.people = std::move(names);
    out.findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace remit
