// quorum N [elected|co-opted|voting] [members]: at each held meeting, at least N members (of the
// kind) present in the room. In England a member attending remotely is not present for a quorum
// (Hertfordshire CC v Secretary of State [2021] EWHC 1093 (Admin)), so virtual attendance is
// listed but not counted.
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const quorum&, form_check&) {}

std::string ast::words(const quorum& r, const resolved_settings&) {
  return fmt::format("At each held meeting at least {} must be present in person (present or substitute; remote attendance "
                     "and people only in attendance do not count){}.",
                     r.term ? counted(r.members, kind_words(*r.term, false), kind_words(*r.term, true))
                            : counted(r.members, "member", "members"),
                     r.term ? fmt::format("; {}", kind_note(*r.term)) : std::string());
}

std::string ast::meaning(const quorum& r) {
  return fmt::format("quorum {}{}", r.members, r.term ? fmt::format(" kind [{}]", name(*r.term)) : std::string());
}

std::string_view ast::family(const quorum&) { return "quorum"; }

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
  for (const attendance& a : present) {
    const std::string_view who = ctx.log.strings.folded(a.person);
    if (counts_for_quorum(a.status)) {
      if (!counted_people.insert(who).second) continue;
      if (a.status == attendance_status::present && members_known && !members.contains(who)) {
        not_members.emplace_back(ctx.log.strings.text(a.person));
        continue;
      }
      in_room.emplace_back(ctx.log.strings.text(a.person));
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
  const int found = static_cast<int>(of_kind.size());
  if (found >= rule.members) return;
  const std::string kind = rule.term ? fmt::format("{} ", name(*rule.term)) : std::string();
  if (found + static_cast<int>(untold.size()) >= rule.members) {
    add(finding{finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                fmt::format("{} present in person at the held meeting on {}{}; a quorum is {} {}members; whether {} {} {} "
                            "cannot be told: {}",
                            counted(found, kind + "member", kind + "members"), e->day,
                            of_kind.empty() ? std::string() : fmt::format(" ({})", names_words(of_kind)), rule.members, kind,
                            names_words(untold), untold.size() == 1 ? "is" : "are",
                            untold.size() == 1 ? fmt::format("{} {}", *rule.term == ast::member_term::elected ? "an" : "a",
                                                             kind_words(*rule.term, false))
                                               : kind_words(*rule.term, true),
                            members_known ? "no membership of the body in force on that date records it"
                                          : "no membership of the body is recorded")});
    return;
  }
  std::string message = fmt::format("{} present in person at the held meeting on {}{}; a quorum is {}{}",
                                    counted(found, kind + "member", kind + "members"), e->day,
                                    of_kind.empty() ? std::string() : fmt::format(" ({})", names_words(of_kind)),
                                    rule.members, rule.term ? fmt::format(" {}", kind_words(*rule.term, true)) : std::string());
  if (!other_kind.empty())
    message += fmt::format("; {} present in person but not {}", names_words(other_kind),
                           other_kind.size() == 1 ? fmt::format("{} {}", *rule.term == ast::member_term::elected ? "an" : "a",
                                                                  kind_words(*rule.term, false))
                                            : kind_words(*rule.term, true));
  if (!untold.empty())
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
