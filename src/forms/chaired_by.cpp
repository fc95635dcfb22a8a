// chaired by "ROLE" [or "ROLE" ...] [when "ROLE" is absent]: the person recorded in the role
// "Chair" at each held meeting holds ROLE; with `when "A" is absent`, a chair who does not hold A
// stands in, which they may only when no one holding A attended.
// chaired by "A", else "B" [, else any member]: a chain of stand-ins; the chair holds the first
// step whose holder attended (any member of the body at `any member`).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const chaired_by& r, form_check& c) {
  for (const std::string& role : r.roles) c.require_text(role, "the role");
  for (const std::vector<std::string>& step : r.stand_ins)
    for (const std::string& role : step) c.require_text(role, "the role");
  if (r.chain()) {
    if (r.only_when_absent)
      c.error(fmt::format("'when \"{}\" is absent' and ', else' say who stands in two ways: write the chain alone, as in "
                          "'chaired by \"{}\", else \"Vice-Chair\"'",
                          *r.only_when_absent, *r.only_when_absent));
    // A role in two steps: the later is never reached, since a holder attending stops at the first.
    std::vector<std::string> seen = folded_all(r.roles);
    for (const std::vector<std::string>& step : r.stand_ins)
      for (const std::string& role : step) {
        if (std::find(seen.begin(), seen.end(), fold(role)) != seen.end())
          c.error(fmt::format("\"{}\" is named in an earlier step of the chain: a step is reached only when no one "
                              "holding the roles before it attended, so name each role once",
                              role));
        seen.push_back(fold(role));
      }
  }
  if (!r.only_when_absent) return;
  c.require_text(*r.only_when_absent, "the role");
  const std::string absent = fold(*r.only_when_absent);
  bool listed = false;
  for (const std::string& role : r.roles) listed = listed || fold(role) == absent;
  if (!listed)
    c.error(fmt::format("\"{}\" is not one of the roles that may chair: 'when \"ROLE\" is absent' names the role the "
                        "others stand in for, as in 'chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" is absent'",
                        *r.only_when_absent));
  else if (r.roles.size() < 2)
    c.error(fmt::format("'when \"{}\" is absent' needs another role to stand in: name it with 'or', as in 'chaired by "
                        "\"{}\" or \"Vice-Chair\" when \"{}\" is absent'",
                        *r.only_when_absent, *r.only_when_absent, *r.only_when_absent));
}

std::string ast::words(const chaired_by& r, const resolved_settings&) {
  if (r.chain()) {
    std::string text = fmt::format("The person recorded in the role \"Chair\" at each held meeting must hold {} when "
                                   "someone holding it attended the meeting (present, substitute or in attendance, in "
                                   "the room or remotely)",
                                   any_of_roles(r.roles));
    for (const std::vector<std::string>& step : r.stand_ins)
      text += fmt::format("; else {} when someone holding it attended", any_of_roles(step));
    text += r.else_any_member ? "; else be a member of the body on the meeting's date."
                              : ". A meeting that no one holding any of these attended is a breach, whoever chaired it.";
    return fmt::format("{} {}.", text, role_note);
  }
  std::string text =
      fmt::format("The person recorded in the role \"Chair\" at each held meeting must hold {}.", any_of_roles(r.roles));
  if (r.only_when_absent) {
    std::vector<std::string> others;
    for (const std::string& role : r.roles)
      if (fold(role) != fold(*r.only_when_absent)) others.push_back(role);
    text += fmt::format(" A chair holding {} but not {} may chair only when no one holding {} attended the meeting "
                        "(present, substitute or in attendance, in the room or remotely).",
                        any_of_roles(others), quoted(*r.only_when_absent), quoted(*r.only_when_absent));
  }
  return fmt::format("{} {}.", text, role_note);
}

std::string ast::meaning(const chaired_by& r) {
  std::string chain;
  for (const std::vector<std::string>& step : r.stand_ins) chain += fmt::format(" else [{}]", fmt::join(step, "] or ["));
  if (r.else_any_member) chain += " else any member";
  return fmt::format("chaired by [{}]{}{}", fmt::join(r.roles, "] or ["),
                     r.only_when_absent ? fmt::format(" when [{}] absent", *r.only_when_absent) : std::string(), chain);
}

std::string_view ast::family(const chaired_by&) { return "chair"; }
ast::records ast::records_needed(const chaired_by&) { return records::attendance; }

// The chain: the steps in order; the first whose holder attended names who must chair.
namespace {
void judge_chain(const body_context& ctx, const ast::chaired_by& rule, const event& e, std::span<const attendance> record,
                 const std::vector<const attendance*>& chairs, const finding_adder& add) {
  std::vector<std::string> names;
  for (const attendance* c : chairs) names.emplace_back(ctx.log.strings.text(c->person));
  names = sorted_names(std::move(names));
  const auto breach = [&](std::string why, std::vector<std::string> people) {
    finding f{finding_status::breach, e.day, e.day, e.day, {}, {}, {}, std::move(why)};
    f.people = sorted_names(std::move(people));
    add(std::move(f));
  };
  // Who holds a step is read from the membership (and attendance roles other than "Chair"):
  // with none recorded, neither who stood first nor what the chair holds can be told.
  if (!has_memberships(ctx)) {
    add(finding{finding_status::no_evidence, e.day, e.day, e.day, {}, {}, {},
                fmt::format("the held meeting on {} was chaired by {}; no membership of the body is recorded, so which "
                            "step of the chain the chair fell to cannot be told",
                            e.day, names_words(names))});
    return;
  }
  std::vector<std::vector<std::string>> steps{rule.roles};
  steps.insert(steps.end(), rule.stand_ins.begin(), rule.stand_ins.end());
  std::vector<std::string> passed;  // the roles of the steps no holder attended, for the words
  for (const std::vector<std::string>& step : steps) {
    const std::vector<std::string> wanted = folded_all(step);
    // The attendance role "Chair" says who chaired, not which post they hold.
    const auto holds = [&](const attendance& a) {
      return role_held(ctx, a.person, ctx.log.strings.folded(a.role) == "chair" ? 0 : a.role, e.day, wanted).has_value();
    };
    std::vector<std::string> present;
    for (const attendance& a : record)
      if (attended(a.status) && holds(a)) present.emplace_back(ctx.log.strings.text(a.person));
    if (present.empty()) {
      passed.insert(passed.end(), step.begin(), step.end());
      continue;
    }
    if (std::any_of(chairs.begin(), chairs.end(), [&](const attendance* c) { return holds(*c); })) return;
    present = sorted_names(std::move(present));
    std::vector<std::string> people = names;
    for (const std::string& p : present)
      if (std::find(people.begin(), people.end(), p) == people.end()) people.push_back(p);
    breach(fmt::format("the held meeting on {} was chaired by {}, while {}, holding {}, attended it{}", e.day,
                       names_words(names), names_words(present), roles_words(step),
                       passed.empty() ? std::string()
                                      : fmt::format(" (no one holding {} attended)", roles_words(passed))),
           std::move(people));
    return;
  }
  if (!rule.else_any_member) {
    breach(fmt::format("the held meeting on {} was chaired by {}, who {} not {} on that date, and no one holding {} "
                       "attended it",
                       e.day, names_words(names), names.size() == 1 ? "was" : "were", roles_words(passed),
                       passed.size() == 1 ? "it" : "any of them"),
           names);
    return;
  }
  const std::vector<const membership*> members = members_on(ctx, e.day);
  for (const attendance* c : chairs) {
    const std::string_view who = ctx.log.strings.folded(c->person);
    if (std::any_of(members.begin(), members.end(),
                    [&](const membership* m) { return ctx.log.strings.folded(m->person) == who; }))
      return;
  }
  breach(fmt::format("the held meeting on {} was chaired by {}, who {} not a member of the body on that date (no one "
                     "holding {} attended it, so any member might have chaired)",
                     e.day, names_words(names), names.size() == 1 ? "was" : "were", roles_words(passed)),
         names);
}
}  // namespace

template <>
void meeting_judge<ast::chaired_by>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::chaired_by& rule = *rule_;
  const std::vector<std::string> wanted = folded_all(rule.roles);
  const std::vector<std::string> absent_role =
      rule.only_when_absent ? std::vector<std::string>{fold(*rule.only_when_absent)} : std::vector<std::string>{};
  const event* e = &meeting;
  const auto no_evidence = [&](std::string why) {
    add(finding{finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {}, std::move(why)});
  };
  const auto record = attendance_at(ctx, *e);
  if (record.empty()) {
    no_evidence(fmt::format("no attendance is recorded for the held meeting on {}, so who chaired it cannot be told", e->day));
    return;
  }
  std::vector<const attendance*> chairs;
  for (const attendance& a : record)
    if (attended(a.status) && ctx.log.strings.folded(a.role) == "chair") chairs.push_back(&a);
  if (chairs.empty()) {
    no_evidence(fmt::format("the attendance recorded for the held meeting on {} names no one present in the role "
                            "\"Chair\", so who chaired it cannot be told",
                            e->day));
    return;
  }
  if (rule.chain()) {
    judge_chain(ctx, rule, meeting, record, chairs, add);
    return;
  }
  // Whether the person holds the role stood in for. The attendance role "Chair" says who
  // chaired, not which post they hold, so it does not count here.
  const auto holds_absent_role = [&](const attendance& a) {
    return role_held(ctx, a.person, ctx.log.strings.folded(a.role) == "chair" ? 0 : a.role, e->day, absent_role)
        .has_value();
  };
  // Which listed post the chair holds: by a membership in force, or by an attendance role other
  // than "Chair" (which says who chaired, not which post they hold).
  const auto holds_listed_role = [&](const attendance& a) {
    return role_held(ctx, a.person, ctx.log.strings.folded(a.role) == "chair" ? 0 : a.role, e->day, wanted).has_value();
  };
  bool met = false, stood_in = false;
  for (const attendance* c : chairs) {
    if (!holds_listed_role(*c)) continue;
    if (absent_role.empty() || holds_absent_role(*c)) met = true;
    else stood_in = true;
  }
  std::vector<std::string> names;
  for (const attendance* c : chairs) names.emplace_back(ctx.log.strings.text(c->person));
  names = sorted_names(std::move(names));
  if (met) return;
  if (stood_in) {
    // A stand-in chaired: a breach only if someone holding the absent role attended.
    std::vector<std::string> present;
    for (const attendance& a : record)
      if (attended(a.status) && holds_absent_role(a)) present.emplace_back(ctx.log.strings.text(a.person));
    if (present.empty() && !has_memberships(ctx)) {
      no_evidence(fmt::format("the held meeting on {} was chaired by {}, standing in for \"{}\"; no membership of the "
                              "body is recorded, so whether anyone holding \"{}\" attended cannot be told",
                              e->day, names_words(names), *rule.only_when_absent, *rule.only_when_absent));
      return;
    }
    if (present.empty()) return;
    present = sorted_names(std::move(present));
    finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, {},
              fmt::format("the held meeting on {} was chaired by {}, standing in for \"{}\", while {}, holding \"{}\", "
                          "attended it",
                          e->day, names_words(names), *rule.only_when_absent, names_words(present),
                          *rule.only_when_absent)};
    f.people = sorted_names([&] {
      std::vector<std::string> all = names;
      for (const std::string& p : present)
        if (std::find(all.begin(), all.end(), p) == all.end()) all.push_back(p);
      return all;
    }());
    add(std::move(f));
    return;
  }
  if (!has_memberships(ctx)) {
    no_evidence(fmt::format("the held meeting on {} was chaired by {}; no membership of the body is recorded, so "
                            "whether {} {} cannot be told",
                            e->day, names_words(names), names.size() == 1 ? "they held" : "one of them held",
                            roles_words(rule.roles)));
    return;
  }
  finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, {},
            fmt::format("the held meeting on {} was chaired by {}, who {} not {} on that date", e->day, names_words(names),
                        names.size() == 1 ? "was" : "were", roles_words(rule.roles))};
  f.people = std::move(names);
  add(std::move(f));
}

}  // namespace remit
