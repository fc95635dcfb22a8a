// role "ROLE" held by "OFFICE" | role "ROLE" held by an elected member: on each held meeting's
// date, whoever holds the role (by the body's memberships in force) also holds the office (by any
// membership of the council's records in force, of any body), or is an elected member.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const role_held_by& r, form_check& c) {
  c.require_text(r.role, "the role");
  if (r.office) c.require_text(*r.office, "the office");
}

std::string ast::words(const role_held_by& r, const resolved_settings&) {
  return r.office ? fmt::format("On the date of each held meeting, whoever holds {} (a membership of the body in force) must "
                                "also hold {} (a membership in force in any of the council's records).",
                                quoted(r.role), quoted(*r.office))
                  : fmt::format("On the date of each held meeting, whoever holds {} (a membership of the body in force) must "
                                "be an elected member (type elected, or a party and no type).",
                                quoted(r.role));
}

std::string ast::meaning(const role_held_by& r) {
  return fmt::format("role [{}] held by {}", r.role, r.office ? fmt::format("[{}]", *r.office) : "elected member");
}

std::string_view ast::family(const role_held_by&) { return "membership"; }
ast::records ast::records_needed(const role_held_by&) { return records::membership; }

template <>
void meeting_judge<ast::role_held_by>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::role_held_by& rule = *rule_;
  const string_pool& strings = ctx.log.strings;
  const date day = meeting.day;
  const auto finding_of = [&](finding_status status, std::string words) {
    add(finding{status, day, day, day, {}, {}, {}, std::move(words)});
  };
  if (!has_memberships(ctx))
    return finding_of(finding_status::no_evidence,
                      fmt::format("no membership of the body is recorded, so who held \"{}\" on {} cannot be told", rule.role, day));
  // The holders of the role on the day, each once.
  std::map<std::string_view, std::string> holders;  // folded person -> as written
  const std::string role = fold(rule.role);
  for (const membership* m : members_on(ctx, day))
    if (strings.folded(m->role) == role) holders.emplace(strings.folded(m->person), strings.text(m->person));
  if (holders.empty())
    return finding_of(finding_status::no_evidence,
                      fmt::format("no one is recorded holding \"{}\" on {}, the date of a held meeting, so whether its "
                                  "holder {} cannot be told",
                                  rule.role, day,
                                  rule.office ? fmt::format("held \"{}\"", *rule.office) : std::string("was an elected member")));
  std::vector<std::string> wrong, untold;
  if (rule.office) {
    // The office is read from every membership the logs hold (any body of the council).
    const std::string office = fold(*rule.office);
    std::map<std::string_view, bool> office_holders;
    for (const membership& m : ctx.log.memberships)
      if (m.in_force(day) && strings.folded(m.role) == office) office_holders.emplace(strings.folded(m.person), true);
    if (office_holders.empty())
      return finding_of(finding_status::no_evidence,
                        fmt::format("no one is recorded holding \"{}\" on {}, the date of a held meeting, so whether the "
                                    "holder of \"{}\" held it cannot be told",
                                    *rule.office, day, rule.role));
    for (const auto& [who, name] : holders)
      if (!office_holders.contains(who)) wrong.push_back(name);
  } else {
    for (const auto& [who, name] : holders) {
      const kind_known k = member_of_kind(ctx, who, day, ast::member_term::elected);
      if (k == kind_known::no) wrong.push_back(name);
      if (k == kind_known::untold) untold.push_back(name);
    }
  }
  if (!wrong.empty()) {
    wrong = sorted_names(std::move(wrong));
    finding f{finding_status::breach, day, day, day, {}, {}, {},
              fmt::format("on {}, the date of a held meeting, {} held \"{}\" but {} {}", day, names_words(wrong), rule.role,
                          rule.office ? "not" : "is recorded as a member of another kind, not",
                          rule.office ? fmt::format("\"{}\"", *rule.office) : std::string("an elected member"))};
    f.people = std::move(wrong);
    return add(std::move(f));
  }
  if (!untold.empty())
    finding_of(finding_status::no_evidence,
               fmt::format("on {}, the date of a held meeting, {} held \"{}\", and whether they are an elected member is not "
                           "recorded (no type and no party)",
                           day, names_words(sorted_names(std::move(untold))), rule.role));
}

}  // namespace remit
