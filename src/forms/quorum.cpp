// quorum N: at each held meeting, at least N members present in the room. In England a
// member attending remotely is not present for a quorum (Hertfordshire CC v Secretary of
// State [2021] EWHC 1093 (Admin)), so virtual attendance is listed but not counted.
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const quorum&, form_check&) {}

std::string ast::words(const quorum& r, const resolved_settings&) {
  return fmt::format("At each held meeting at least {} must be present in person (present or substitute; remote attendance "
                     "and people only in attendance do not count).",
                     counted(r.members, "member", "members"));
}

std::string ast::meaning(const quorum& r) { return fmt::format("quorum {}", r.members); }

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
  for (const attendance& a : present) {
    const std::string_view who = ctx.log.strings.folded(a.person);
    if (counts_for_quorum(a.status)) {
      if (!counted_people.insert(who).second) continue;
      if (a.status == attendance_status::present && members_known && !members.contains(who))
        not_members.emplace_back(ctx.log.strings.text(a.person));
      else
        in_room.emplace_back(ctx.log.strings.text(a.person));
    } else if (a.status == attendance_status::present_virtually || a.status == attendance_status::substitute_virtually) {
      remote.emplace_back(ctx.log.strings.text(a.person));
    }
  }
  in_room = sorted_names(std::move(in_room));
  remote = sorted_names(std::move(remote));
  not_members = sorted_names(std::move(not_members));
  const int found = static_cast<int>(in_room.size());
  if (found >= rule.members) return;
  std::string message = fmt::format("{} present in person at the held meeting on {}{}; a quorum is {}",
                                    counted(found, "member", "members"), e->day,
                                    in_room.empty() ? std::string() : fmt::format(" ({})", names_words(in_room)),
                                    rule.members);
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
