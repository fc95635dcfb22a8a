// What the people families share: who attended, who was a member on a date, who held a role.
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "evaluate/judges.hpp"

namespace remit {

namespace {

bool council_admits(const event_log& log, string_pool::id council, const std::optional<std::string>& folded_council) {
  return !folded_council || council == 0 || log.strings.folded(council) == *folded_council;
}

}  // namespace

body_people people_of(const event_log& log, const std::vector<std::string>& folded_names,
                      const std::optional<std::string>& folded_council) {
  const auto named = [&](string_pool::id body) {
    return std::find(folded_names.begin(), folded_names.end(), log.strings.folded(body)) != folded_names.end();
  };
  body_people out;
  for (const membership& m : log.memberships)
    if (named(m.body) && council_admits(log, m.council, folded_council)) out.memberships.push_back(&m);
  for (const training_record& t : log.trainings)
    if ((t.body == 0 || named(t.body)) && council_admits(log, t.council, folded_council)) out.trainings.push_back(&t);
  for (const political_group& g : log.groups)
    if (council_admits(log, g.council, folded_council)) out.groups.push_back(&g);
  return out;
}

bool attended(attendance_status s) {
  switch (s) {
    case attendance_status::present:
    case attendance_status::present_virtually:
    case attendance_status::substitute:
    case attendance_status::substitute_virtually:
    case attendance_status::in_attendance:
    case attendance_status::in_attendance_virtually: return true;
    case attendance_status::apologies:
    case attendance_status::absent:
    case attendance_status::expected: return false;
  }
  return false;
}

bool counts_for_quorum(attendance_status s) { return s == attendance_status::present || s == attendance_status::substitute; }

bool attendance_taken(const body_context& ctx, std::span<const attendance> record, date d) {
  // A set, not a list: a meeting's record may hold thousands of people, each looked up once.
  std::unordered_set<std::string_view> members;
  for (const membership* m : members_on(ctx, d)) members.insert(ctx.log.strings.folded(m->person));
  return std::any_of(record.begin(), record.end(), [&](const attendance& a) {
    if (a.status == attendance_status::expected) return false;
    const bool in_attendance =
        a.status == attendance_status::in_attendance || a.status == attendance_status::in_attendance_virtually;
    return !in_attendance || members.contains(ctx.log.strings.folded(a.person));
  });
}

std::span<const attendance> attendance_at(const body_context& ctx, const event& e) {
  const std::span<const attendance> record = ctx.log.attendance_of(static_cast<std::uint32_t>(&e - ctx.log.events.data()));
  return attendance_taken(ctx, record, e.day) ? record : std::span<const attendance>{};
}

bool has_memberships(const body_context& ctx) { return ctx.people && !ctx.people->memberships.empty(); }

std::vector<const membership*> members_on(const body_context& ctx, date d) {
  std::vector<const membership*> out;
  if (!ctx.people) return out;
  for (const membership* m : ctx.people->memberships)
    if (m->in_force(d)) out.push_back(m);
  return out;
}

std::optional<std::string> role_held(const body_context& ctx, string_pool::id person, string_pool::id attendance_role, date d,
                                     const std::vector<std::string>& folded_roles) {
  const auto wanted = [&](string_pool::id role) {
    return role != 0 && std::find(folded_roles.begin(), folded_roles.end(), ctx.log.strings.folded(role)) != folded_roles.end();
  };
  if (wanted(attendance_role)) return std::string(ctx.log.strings.text(attendance_role));
  const std::string_view who = ctx.log.strings.folded(person);
  for (const membership* m : members_on(ctx, d))
    if (ctx.log.strings.folded(m->person) == who && wanted(m->role)) return std::string(ctx.log.strings.text(m->role));
  return std::nullopt;
}

kind_known member_of_kind(const body_context& ctx, std::string_view folded_person, date d, ast::member_term t) {
  bool in_force = false, recorded = false;
  for (const membership* m : members_on(ctx, d)) {
    if (ctx.log.strings.folded(m->person) != folded_person) continue;
    in_force = true;
    switch (t) {
      case ast::member_term::voting:
        if (m->voting) return kind_known::yes;
        recorded = true;
        break;
      case ast::member_term::elected:
      case ast::member_term::co_opted:
        if (m->type == (t == ast::member_term::elected ? member_type::elected : member_type::co_opted)) return kind_known::yes;
        recorded = recorded || m->type != member_type::unrecorded;
        break;
    }
  }
  return in_force && recorded ? kind_known::no : kind_known::untold;
}

std::string kind_words(ast::member_term t, bool plural) { return fmt::format("{} member{}", name(t), plural ? "s" : ""); }

std::string kind_note(ast::member_term t) {
  if (t == ast::member_term::voting)
    return "a member votes unless every membership of theirs in force says voting no";
  return fmt::format("a member is {} when a membership of theirs in force has the type {}{}; one whose memberships record "
                     "no type and no party may be either, and decides nothing",
                     name(t), name(t), t == ast::member_term::elected ? ", or a party and no type" : "");
}

std::vector<std::string> folded_all(const std::vector<std::string>& roles) {
  std::vector<std::string> out;
  for (const std::string& r : roles) out.push_back(fold(r));
  return out;
}

std::string roles_words(const std::vector<std::string>& roles) {
  std::string out;
  for (std::size_t i = 0; i < roles.size(); ++i)
    out += fmt::format("{}\"{}\"", i == 0 ? "" : " or ", roles[i]);
  return out;
}

std::string names_words(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += fmt::format("{}{}", i == 0 ? "" : i + 1 == names.size() ? " and " : ", ", names[i]);
  return out;
}

void introduce_people(const body_context& ctx, trace_sink& out) {
  out.step("\nPeople rule: judged on the attendance recorded at each held meeting and the memberships of the body.\n");
  bool any = false;
  for (const event* e : ctx.events) {
    if (!e->held_meeting() || e->day < ctx.window.from) continue;
    any = true;
    const auto record = attendance_at(ctx, *e);
    out.step(fmt::format("\n  meeting {}: {}\n", e->day,
                         record.empty() ? std::string("no attendance recorded")
                                        : counted(static_cast<long>(record.size()), "person recorded", "people recorded")));
    for (const attendance& a : record)
      out.step(fmt::format("    {}{}: {}\n", ctx.log.strings.text(a.person),
                           a.role ? fmt::format(" ({})", ctx.log.strings.text(a.role)) : std::string(), name(a.status)));
    const auto members = members_on(ctx, e->day);
    if (has_memberships(ctx)) out.step(fmt::format("    members on {}: {}\n", e->day, members.size()));
  }
  if (!any) out.step(fmt::format("\n  no held meeting from {} to {}\n", ctx.window.from, ctx.window.to));
  const std::size_t memberships = ctx.people ? ctx.people->memberships.size() : 0;
  const std::size_t trainings = ctx.people ? ctx.people->trainings.size() : 0;
  out.step(fmt::format("\n  {} of the body and {} recorded in the logs\n",
                       counted(static_cast<long>(memberships), "membership", "memberships"),
                       counted(static_cast<long>(trainings), "training record", "training records")));
}

void trace_people_finding(const finding& f, trace_sink& out) {
  if (f.status == finding_status::no_evidence)
    out.step(fmt::format("\n  {}: no-evidence (due {})\n", f.message, f.due));
  else
    out.step(fmt::format("\n  {}: {}\n", f.message, out.verdict(f.due)));
}

void close_people_trace(bool fell_due, trace_sink& out) {
  if (out.findings().empty()) out.step(fell_due ? "\n  met\n" : "\n  nothing fell due in the window\n");
}

void people_are_not_foreseen(outlook& o) {
  o.why_quiet = "a rule about people: it is judged on attendance and membership once a meeting is held, so it sets no date "
                "to foresee";
  o.about_people = true;
}

std::vector<std::string> sorted_names(std::vector<std::string> names) {
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    const std::string fa = fold(a), fb = fold(b);
    return fa != fb ? fa < fb : a < b;
  });
  return names;
}

}  // namespace remit
