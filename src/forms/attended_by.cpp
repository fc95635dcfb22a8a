// each meeting attended by "ROLE" [from at least N partners]: someone holding ROLE attended each
// held meeting; with `from at least N partners`, the holders who attended represent N partners.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const attended_by& r, form_check& c) {
  for (const std::string& role : r.roles) c.require_text(role, "the role");
}

std::string ast::words(const attended_by& r, const resolved_settings&) {
  if (r.invites)
    return fmt::format("Someone holding {} must be on the attendance list of each held meeting, with any word (present, "
                       "substitute, in attendance, apologies, absent or expected): invited, whether they came or not. {}.",
                       any_of_roles(r.roles), role_note);
  if (r.partners > 0)
    return fmt::format("The people holding {} who attend each held meeting (present, substitute or in attendance, in the "
                       "room or remotely) must between them represent at least {}: the partner of each is the one recorded "
                       "on their membership in that role in force on the day. {}.",
                       any_of_roles(r.roles), counted(r.partners, "partner", "different partners"), role_note);
  return fmt::format("Someone holding {} must attend each held meeting (present, substitute or in attendance, in the room or "
                     "remotely). {}.",
                     any_of_roles(r.roles), role_note);
}

std::string ast::meaning(const attended_by& r) {
  if (r.invites) return fmt::format("invites [{}]", fmt::join(r.roles, "] or ["));
  return fmt::format("attended by [{}]{}", fmt::join(r.roles, "] or ["),
                     r.partners ? fmt::format(" from {} partners", r.partners) : std::string());
}

std::string_view ast::family(const attended_by&) { return "attendance"; }
ast::records ast::records_needed(const attended_by&) { return records::attendance; }

namespace {

// The partner a person represents in one of `roles` on `d`: the one recorded on their
// memberships of the body in force that day in one of the roles, else on any of their
// memberships in force (the first in folded order if they differ); none when no row gives one.
const membership* partner_of(const body_context& ctx, string_pool::id person, date d, const std::vector<std::string>& roles) {
  const std::string_view who = ctx.log.strings.folded(person);
  const membership* best = nullptr;
  bool best_in_role = false;
  for (const membership* m : members_on(ctx, d)) {
    if (m->partner == 0 || ctx.log.strings.folded(m->person) != who) continue;
    const bool in_role = std::find(roles.begin(), roles.end(), ctx.log.strings.folded(m->role)) != roles.end();
    if (best && best_in_role && !in_role) continue;
    if (!best || (in_role && !best_in_role) || ctx.log.strings.folded(m->partner) < ctx.log.strings.folded(best->partner))
      best = m, best_in_role = in_role;
  }
  return best;
}

}  // namespace

template <>
void meeting_judge<ast::attended_by>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::attended_by& rule = *rule_;
  const std::vector<std::string> wanted = folded_all(rule.roles);
  const event* e = &meeting;
  const auto no_evidence = [&](std::string why) {
    add(finding{finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {}, std::move(why)});
  };
  if (rule.invites) {
    // An invitation is being on the list at all: every word counts, `expected` (ModernGov's word
    // for those summoned, before attendance is taken) and `apologies` among them.
    const auto list = ctx.log.attendance_of(static_cast<std::uint32_t>(e - ctx.log.events.data()));
    if (list.empty()) {
      no_evidence(fmt::format("no attendance list is recorded for the held meeting on {}, so whether {} was invited cannot "
                              "be told",
                              e->day, roles_words(rule.roles)));
      return;
    }
    bool any_role = has_memberships(ctx);
    for (const attendance& a : list) {
      if (role_held(ctx, a.person, a.role, e->day, wanted)) return;
      any_role = any_role || a.role != 0;
    }
    if (!any_role) {
      no_evidence(fmt::format("the attendance list of the held meeting on {} gives no roles and no membership of the body is "
                              "recorded, so whether {} was invited cannot be told",
                              e->day, roles_words(rule.roles)));
      return;
    }
    std::vector<std::string> holders;  // members holding the role on the day, who were not on the list
    for (const membership* m : members_on(ctx, e->day))
      if (std::find(wanted.begin(), wanted.end(), ctx.log.strings.folded(m->role)) != wanted.end())
        holders.emplace_back(ctx.log.strings.text(m->person));
    holders = sorted_names(std::move(holders));
    holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
    finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, {},
              fmt::format("no one holding {} is on the attendance list of the held meeting on {}{}", roles_words(rule.roles),
                          e->day,
                          holders.empty() ? std::string()
                                          : fmt::format(" ({} held it on that date)", names_words(holders)))};
    f.people = std::move(holders);
    add(std::move(f));
    return;
  }
  const auto record = attendance_at(ctx, *e);
  if (record.empty()) {
    no_evidence(fmt::format("no attendance is recorded for the held meeting on {}, so whether {} attended cannot be told",
                            e->day, roles_words(rule.roles)));
    return;
  }
  bool met = false, any_role = has_memberships(ctx);
  std::vector<std::string> missing;            // holders of the role who did not attend
  std::vector<const attendance*> holders_in;   // holders of the role who attended
  for (const attendance& a : record) {
    any_role = any_role || a.role != 0;
    if (!role_held(ctx, a.person, a.role, e->day, wanted)) continue;
    if (attended(a.status)) met = true, holders_in.push_back(&a);
    else missing.push_back(fmt::format("{} ({})", ctx.log.strings.text(a.person), name(a.status)));
  }
  if (met && rule.partners > 0) {
    std::map<std::string_view, std::string> partners;  // folded partner -> as written
    std::set<std::string_view> seen;
    std::vector<std::string> who, unknown;
    for (const attendance* a : holders_in) {
      if (!seen.insert(ctx.log.strings.folded(a->person)).second) continue;
      const membership* m = partner_of(ctx, a->person, e->day, wanted);
      if (!m) {
        unknown.emplace_back(ctx.log.strings.text(a->person));
        continue;
      }
      partners.emplace(ctx.log.strings.folded(m->partner), ctx.log.strings.text(m->partner));
      who.push_back(fmt::format("{} of {}", ctx.log.strings.text(a->person), ctx.log.strings.text(m->partner)));
    }
    const int found = static_cast<int>(partners.size());
    if (found >= rule.partners) return;
    if (!unknown.empty()) {
      unknown = sorted_names(std::move(unknown));
      no_evidence(fmt::format("the people holding {} who attended the held meeting on {} represent {}; the partner of "
                              "{} is not recorded, so whether {} were represented cannot be told",
                              roles_words(rule.roles), e->day, counted(found, "partner", "partners"),
                              names_words(unknown), counted(rule.partners, "partner", "partners")));
      return;
    }
    who = sorted_names(std::move(who));
    finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, found,
              fmt::format("the people holding {} who attended the held meeting on {} represent {} ({}); at least {} "
                          "required",
                          roles_words(rule.roles), e->day, counted(found, "partner", "partners"), names_words(who),
                          rule.partners)};
    for (const attendance* a : holders_in) f.people.emplace_back(ctx.log.strings.text(a->person));
    f.people = sorted_names(std::move(f.people));
    f.people.erase(std::unique(f.people.begin(), f.people.end()), f.people.end());
    add(std::move(f));
    return;
  }
  if (met) return;
  missing = sorted_names(std::move(missing));
  if (!any_role) {
    no_evidence(fmt::format("the attendance recorded for the held meeting on {} gives no roles and no membership of the "
                            "body is recorded, so whether {} attended cannot be told",
                            e->day, roles_words(rule.roles)));
    return;
  }
  finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, {},
            fmt::format("no one holding {} attended the held meeting on {}{}", roles_words(rule.roles), e->day,
                        missing.empty() ? std::string() : fmt::format(" ({})", names_words(missing)))};
  for (const attendance& a : record)
    if (role_held(ctx, a.person, a.role, e->day, wanted)) f.people.emplace_back(ctx.log.strings.text(a.person));
  f.people = sorted_names(std::move(f.people));
  add(std::move(f));
}

}  // namespace remit
