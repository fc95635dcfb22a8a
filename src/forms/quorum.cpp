// quorum N [elected|co-opted|voting] [members]: at each held meeting, at least N members (of the
// kind) present in the room. In England a member attending remotely is not present for a quorum
// (Hertfordshire CC v Secretary of State [2021] EWHC 1093 (Admin)), so virtual attendance is
// listed but not counted.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const quorum& r, form_check& c) {
  if (r.including_role) c.require_text(*r.including_role, "the role");
}

namespace {

// "1 elected member", "2 holding \"Independent Person\"": what `including K ...` asks for.
std::string including_words(const ast::quorum& r) {
  if (r.including_term) return counted(r.including, kind_words(*r.including_term, false), kind_words(*r.including_term, true));
  return fmt::format("{} holding {}", r.including, quoted(r.including_role.value_or("")));
}

}  // namespace

std::string ast::words(const quorum& r, const resolved_settings&) {
  std::string text = fmt::format(
      "At each held meeting at least {} must be present in person (present or substitute; remote attendance and people only "
      "in attendance do not count){}.",
      r.term ? counted(r.members, kind_words(*r.term, false), kind_words(*r.term, true)) : counted(r.members, "member", "members"),
      r.term ? fmt::format("; {}", kind_note(*r.term)) : std::string());
  if (r.including > 0)
    text += fmt::format(" Of the people so counted, at least {} must be present in person{}.", including_words(r),
                        r.including_term ? fmt::format("; {}", kind_note(*r.including_term)) : fmt::format(". {}", role_note));
  return text;
}

std::string ast::meaning(const quorum& r) {
  return fmt::format("quorum {}{}{}", r.members, r.term ? fmt::format(" kind [{}]", name(*r.term)) : std::string(),
                     r.including == 0             ? std::string()
                     : r.including_term ? fmt::format(" including {} kind [{}]", r.including, name(*r.including_term))
                                        : fmt::format(" including {} role [{}]", r.including, r.including_role.value_or("")));
}

std::string_view ast::family(const quorum&) { return "quorum"; }
ast::records ast::records_needed(const quorum&) { return records::attendance; }

template <>
void meeting_judge<ast::quorum>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::quorum& rule = *rule_;
  const event* e = &meeting;
  const auto present = attendance_at(ctx, *e);
  if (present.empty()) {
    add(finding{finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                fmt::format("no attendance is recorded for the held meeting on {}, so whether it was "
                            "quorate cannot be told",
                            e->day)});
    return;
  }
  // A quorum is of members: with the body's membership on record, a person present who was not
  // a member on the day is not counted, unless they stood in as a substitute.
  const bool members_known = has_memberships(ctx);
  std::set<std::string_view> members;
  for (const membership* m : members_on(ctx, e->day)) members.insert(ctx.log.strings.folded(m->person));
  std::set<std::string_view> counted_people;
  std::vector<std::string> in_room, remote, not_members;
  // With a kind of member, those counted in the room who are of it, who are not, and whose kind
  // the memberships do not tell (who might make up the number, or not).
  std::vector<std::string> of_kind, other_kind, untold;
  // With `including K ...`, those counted in the room who hold the role or are of its kind, and
  // those whose kind the memberships do not tell.
  const std::vector<std::string> including_role =
      rule.including_role ? std::vector<std::string>{fold(*rule.including_role)} : std::vector<std::string>{};
  std::vector<std::string> included, included_untold;
  bool any_role = members_known;
  for (const attendance& a : present) {
    any_role = any_role || a.role != 0;
    const std::string_view who = ctx.log.strings.folded(a.person);
    if (counts_for_quorum(a.status)) {
      if (!counted_people.insert(who).second) continue;
      if (a.status == attendance_status::present && members_known && !members.contains(who)) {
        not_members.emplace_back(ctx.log.strings.text(a.person));
        continue;
      }
      in_room.emplace_back(ctx.log.strings.text(a.person));
      if (rule.including > 0) {
        const kind_known k = rule.including_term ? member_of_kind(ctx, who, e->day, *rule.including_term)
                             : role_held(ctx, a.person, a.role, e->day, including_role) ? kind_known::yes
                                                                                         : kind_known::no;
        if (k == kind_known::yes) included.emplace_back(ctx.log.strings.text(a.person));
        else if (k == kind_known::untold) included_untold.emplace_back(ctx.log.strings.text(a.person));
      }
      if (!rule.term) continue;
      const kind_known k = member_of_kind(ctx, who, e->day, *rule.term);
      (k == kind_known::yes ? of_kind : k == kind_known::no ? other_kind : untold).emplace_back(ctx.log.strings.text(a.person));
    } else if (a.status == attendance_status::present_virtually || a.status == attendance_status::substitute_virtually) {
      remote.emplace_back(ctx.log.strings.text(a.person));
    }
  }
  in_room = sorted_names(std::move(in_room));
  remote = sorted_names(std::move(remote));
  not_members = sorted_names(std::move(not_members));
  if (!rule.term) of_kind = in_room;
  of_kind = sorted_names(std::move(of_kind));
  other_kind = sorted_names(std::move(other_kind));
  untold = sorted_names(std::move(untold));
  included = sorted_names(std::move(included));
  included_untold = sorted_names(std::move(included_untold));
  // With a role, whether someone holds it cannot be told when no one recorded has a role and the
  // body has no membership recorded (as for `attended by`).
  if (rule.including_role && !any_role) included_untold = in_room, included.clear();
  const int found = static_cast<int>(of_kind.size());
  const int in_count = static_cast<int>(included.size());
  const bool main_met = found >= rule.members;
  const bool main_missed = found + static_cast<int>(untold.size()) < rule.members;
  const bool in_met = in_count >= rule.including;
  const bool in_missed = in_count + static_cast<int>(included_untold.size()) < rule.including;
  if (main_met && in_met) return;
  const std::string kind = rule.term ? fmt::format("{} ", name(*rule.term)) : std::string();
  std::string message = fmt::format("{} present in person at the held meeting on {}{}; a quorum is {}{}{}",
                                    counted(found, kind + "member", kind + "members"), e->day,
                                    of_kind.empty() ? std::string() : fmt::format(" ({})", names_words(of_kind)),
                                    rule.members,
                                    rule.term            ? fmt::format(" {}", kind_words(*rule.term, true))
                                    : rule.including > 0 ? std::string(" members")
                                                         : std::string(),
                                    rule.including > 0 ? fmt::format(" including {}", including_words(*rule_)) : std::string());
  if (rule.including > 0)
    message += fmt::format("; of those present in person, {} {}{}", in_count,
                           rule.including_term
                               ? fmt::format("{} {}", in_count == 1 ? "was" : "were",
                                             in_count == 1 ? fmt::format("{} {}",
                                                                         *rule.including_term == ast::member_term::elected ? "an" : "a",
                                                                         kind_words(*rule.including_term, false))
                                                           : kind_words(*rule.including_term, true))
                                               : fmt::format("held {}", quoted(*rule.including_role)),
                           included.empty() ? std::string() : fmt::format(" ({})", names_words(included)));
  if (!main_missed && !in_missed) {
    // Neither part is missed whatever the unrecorded people are, and one is not met yet.
    std::vector<std::string> unknown = untold;
    for (const std::string& p : included_untold)
      if (std::find(unknown.begin(), unknown.end(), p) == unknown.end()) unknown.push_back(p);
    unknown = sorted_names(std::move(unknown));
    const std::string who = names_words(unknown);
    const std::string what = !main_met && rule.term
                                 ? fmt::format("{} {}", unknown.size() == 1 ? "is" : "are",
                                               unknown.size() == 1 ? fmt::format("{} {}", *rule.term == ast::member_term::elected ? "an" : "a",
                                                                                 kind_words(*rule.term, false))
                                                                   : kind_words(*rule.term, true))
                             : rule.including_term
                                 ? fmt::format("{} {}", unknown.size() == 1 ? "is" : "are",
                                               unknown.size() == 1
                                                   ? fmt::format("{} {}", *rule.including_term == ast::member_term::elected ? "an" : "a",
                                                                 kind_words(*rule.including_term, false))
                                                   : kind_words(*rule.including_term, true))
                                 : fmt::format("{} {}", unknown.size() == 1 ? "holds" : "hold", quoted(rule.including_role.value_or("")));
    message += fmt::format("; whether {} {} cannot be told: {}", who, what,
                           members_known ? "no membership of the body in force on that date records it"
                                         : "no membership of the body is recorded");
    add(finding{finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {}, std::move(message)});
    return;
  }
  if (!other_kind.empty())
    message += fmt::format("; {} present in person but not {}", names_words(other_kind),
                           other_kind.size() == 1 ? fmt::format("{} {}", *rule.term == ast::member_term::elected ? "an" : "a",
                                                                  kind_words(*rule.term, false))
                                                  : kind_words(*rule.term, true));
  if (!untold.empty() && main_missed)
    message += fmt::format("; {} present in person, of a kind of member not recorded, which would not make up the number",
                           names_words(untold));
  if (!not_members.empty())
    message += fmt::format("; {} present but not {} of the body on that date, so not counted", names_words(not_members),
                           not_members.size() == 1 ? "a member" : "members");
  if (!remote.empty())
    message += fmt::format("; {} attended remotely, which does not count towards a quorum", names_words(remote));
  if (!members_known)
    message += "; no membership of the body is recorded, so everyone recorded present in person was counted";
  finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, found, std::move(message)};
  f.people = std::move(in_room);
  add(std::move(f));
}

}  // namespace remit
