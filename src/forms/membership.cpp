// The make-up of a body as at each held meeting's date: `has member "ROLE"`,
// `has at most|at least|exactly N ["ROLE"] members` and `has members of at least N parties`. Members
// are people, counted once however many roles they hold.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const has_member& r, form_check& c) {
  for (const std::string& role : r.roles) c.require_text(role, "the role");
}

std::string ast::words(const has_member& r, const resolved_settings&) {
  return fmt::format("On the date of each held meeting, a membership of the body in force must hold {}.", any_of_roles(r.roles));
}

std::string ast::meaning(const has_member& r) { return fmt::format("has member [{}]", fmt::join(r.roles, "] or [")); }

std::string_view ast::family(const has_member&) { return "membership"; }
ast::records ast::records_needed(const has_member&) { return records::membership; }

void ast::check(const membership_size& r, form_check& c) {
  if (r.role) c.require_text(*r.role, "the role");
  if (r.party) c.require_text(*r.party, "the party");
}

std::string ast::words(const membership_size& r, const resolved_settings&) {
  return fmt::format("On the date of each held meeting, the body must have {} {}{} (people with a membership in force, each "
                     "counted once{}).",
                     r.exactly ? "exactly" : r.at_most ? "at most" : "at least", r.members,
                     r.role   ? fmt::format(" members holding {}", quoted(*r.role))
                     : r.term ? fmt::format(" {}", kind_words(*r.term, true))
                              : std::string(" members"),
                     r.term ? fmt::format("; {}", kind_note(*r.term)) : std::string(),
                     r.party ? fmt::format("; only members of the party {}, by the party of their memberships in force",
                                           quoted(*r.party))
                             : std::string());
}

std::string ast::meaning(const membership_size& r) {
  return fmt::format("members {} {} role [{}]{}{}", r.exactly ? "exactly" : r.at_most ? "at most" : "at least", r.members,
                     r.role.value_or("(any)"), r.term ? fmt::format(" kind [{}]", name(*r.term)) : std::string(),
                     r.party ? fmt::format(" party [{}]", *r.party) : std::string());
}

std::string_view ast::family(const membership_size&) { return "membership"; }
ast::records ast::records_needed(const membership_size&) { return records::membership; }

void ast::check(const party_spread& r, form_check& c) {
  for (const std::string& role : r.roles) c.require_text(role, "the role");
}

std::string ast::words(const party_spread& r, const resolved_settings&) {
  return fmt::format("On the date of each held meeting, the {} of the body must between them belong to at least {} (the party "
                     "of each membership in force; each person counted once).",
                     r.roles.empty() ? std::string("members") : fmt::format("members holding {}", any_of_roles(r.roles)),
                     counted(r.parties, "party", "different parties"));
}

std::string ast::meaning(const party_spread& r) {
  return fmt::format("parties at least {} among [{}]", r.parties, fmt::join(r.roles, "] or ["));
}

std::string_view ast::family(const party_spread&) { return "membership"; }
ast::records ast::records_needed(const party_spread&) { return records::membership; }

namespace {

// One no-evidence finding per held meeting when the logs record no membership of the body.
bool no_membership(const body_context& ctx, const event& e, const finding_adder& add) {
  if (has_memberships(ctx)) return false;
  add(finding{finding_status::no_evidence, e.day, e.day, e.day, {}, {}, {},
              fmt::format("no membership of the body is recorded, so its members on {} cannot be told", e.day)});
  return true;
}

}  // namespace

template <>
void meeting_judge<ast::has_member>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::has_member& rule = *rule_;
  const std::vector<std::string> wanted = folded_all(rule.roles);
  const event* e = &meeting;
  if (no_membership(ctx, *e, add)) return;
  bool met = false;
  for (const membership* m : members_on(ctx, e->day))
    met = met || std::find(wanted.begin(), wanted.end(), ctx.log.strings.folded(m->role)) != wanted.end();
  if (met) return;
  add(finding{finding_status::breach, e->day, e->day, e->day, {}, {}, {},
              fmt::format("no member held {} on {}, the date of a held meeting", roles_words(rule.roles), e->day)});
}

template <>
void meeting_judge<ast::membership_size>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::membership_size& rule = *rule_;
  const std::string role = rule.role ? fold(*rule.role) : std::string();
  const std::string what = (rule.role   ? fmt::format("\"{}\" member", *rule.role)
                            : rule.term ? kind_words(*rule.term, false)
                                        : std::string("member")) +
                           (rule.party ? fmt::format(" of party \"{}\"", *rule.party) : std::string());
  const std::string whats = (rule.role   ? fmt::format("\"{}\" members", *rule.role)
                             : rule.term ? kind_words(*rule.term, true)
                                         : std::string("members")) +
                            (rule.party ? fmt::format(" of party \"{}\"", *rule.party) : std::string());
  const event* e = &meeting;
  if (no_membership(ctx, *e, add)) return;
  // With a kind of member, a member whose kind is not recorded might be of it or not: the count
  // lies between those known to be and those who might be, and only a bound that both ends
  // meet, or both miss, decides.
  // With a party, a member's party is the one on their rows in force (the first in folded order,
  // as for party spread); a member with none recorded might be of it or not, as for a kind.
  const std::vector<const membership*> in_force = members_on(ctx, e->day);
  const auto of_party = [&](std::string_view who) {
    std::optional<std::string_view> party;
    for (const membership* m : in_force)
      if (m->party != 0 && ctx.log.strings.folded(m->person) == who &&
          (!party || ctx.log.strings.folded(m->party) < *party))
        party = ctx.log.strings.folded(m->party);
    // No party recorded: of no party when recorded as a kind of member that is not elected (a
    // co-opted member's party would be on their row), else it cannot be told.
    if (!party)
      return member_of_kind(ctx, who, e->day, ast::member_term::elected) == kind_known::no ? kind_known::no
                                                                                          : kind_known::untold;
    return *party == fold(*rule.party) ? kind_known::yes : kind_known::no;
  };
  std::set<std::string_view> seen;
  std::vector<std::string> names, untold;
  for (const membership* m : in_force) {
    const std::string_view who = ctx.log.strings.folded(m->person);
    if (rule.role && ctx.log.strings.folded(m->role) != role) continue;
    if (!seen.insert(who).second) continue;
    kind_known k = rule.term ? member_of_kind(ctx, who, e->day, *rule.term) : kind_known::yes;
    if (rule.party && k != kind_known::no) {
      const kind_known p = of_party(who);
      k = p == kind_known::no ? kind_known::no : p == kind_known::untold ? kind_known::untold : k;
    }
    if (k == kind_known::yes) names.emplace_back(ctx.log.strings.text(m->person));
    else if (k == kind_known::untold) untold.emplace_back(ctx.log.strings.text(m->person));
  }
  names = sorted_names(std::move(names));
  untold = sorted_names(std::move(untold));
  const int found = static_cast<int>(names.size());
  // Why a member might or might not be counted: their kind, or their party, is not recorded.
  const std::string untold_why = rule.party && !rule.term ? "no party" : "no type and no party";
  const int might = found + static_cast<int>(untold.size());
  const auto met = [&](int n) { return rule.exactly ? n == rule.members : rule.at_most ? n <= rule.members : n >= rule.members; };
  if (met(found) && met(might)) return;
  const std::string counted_words = fmt::format("{} on {}, the date of a held meeting{}", counted(found, what, whats), e->day,
                                                names.empty() ? std::string() : fmt::format(" ({})", names_words(names)));
  const std::string bound = rule.exactly   ? fmt::format("exactly {}", rule.members)
                            : rule.at_most ? fmt::format("at most {}", rule.members)
                                           : fmt::format("at least {}", rule.members);
  const bool breached = rule.exactly ? (might < rule.members || found > rule.members) : !met(found) && !met(might);
  if (!breached) {
    add(finding{finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                fmt::format("{}; {} {} {} recorded, so whether the body had {} {} cannot be told", counted_words,
                            names_words(untold), untold.size() == 1 ? "has" : "have", untold_why, bound, whats)});
    return;
  }
  std::string message =
      fmt::format("{}; {}", counted_words,
                  rule.exactly   ? fmt::format("exactly {} required, so {} too {}", rule.members,
                                               found > rule.members ? found - rule.members : rule.members - might,
                                               found > rule.members ? "many" : "few")
                  : rule.at_most ? fmt::format("at most {} allowed", rule.members)
                                 : fmt::format("at least {} required", rule.members));
  if (!untold.empty() && found <= rule.members)
    message += fmt::format("; {} {} {} recorded, and would not make up the number", names_words(untold),
                           untold.size() == 1 ? "has" : "have", untold_why);
  finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, found, std::move(message)};
  f.people = std::move(names);
  add(std::move(f));
}

// has members of at least N parties [among "ROLE" ...]: the members (holding ROLE) in office on
// each held meeting's date belong to N parties. A member whose party is not recorded could be of
// any party, so fewer than N known parties with such a member is no evidence, not a breach.
template <>
void meeting_judge<ast::party_spread>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::party_spread& rule = *rule_;
  const std::vector<std::string> wanted = folded_all(rule.roles);
  const std::string whats = rule.roles.empty() ? std::string("members") : fmt::format("members holding {}", roles_words(rule.roles));
  const event* e = &meeting;
  if (no_membership(ctx, *e, add)) return;
  // Each person once: their party is the one on their rows in force (the first in folded order).
  // The people counted are those holding one of the roles; a person's party may be recorded on
  // any of their memberships in force, in whatever role (docs/language.md, "Party spread").
  std::map<std::string_view, const membership*> person_party;  // folded person -> a row with a party, or null
  std::map<std::string_view, std::string> names;               // folded person -> as written
  const std::vector<const membership*> in_force = members_on(ctx, e->day);
  for (const membership* m : in_force) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), ctx.log.strings.folded(m->role)) == wanted.end())
      continue;
    const std::string_view who = ctx.log.strings.folded(m->person);
    names.emplace(who, ctx.log.strings.text(m->person));
    person_party.emplace(who, nullptr);
  }
  for (const membership* m : in_force) {
    const auto it = person_party.find(ctx.log.strings.folded(m->person));
    if (it == person_party.end() || m->party == 0) continue;
    const membership*& best = it->second;
    if (!best || ctx.log.strings.folded(m->party) < ctx.log.strings.folded(best->party)) best = m;
  }
  std::map<std::string_view, std::string> parties;  // folded party -> as written
  std::vector<std::string> who, unknown;
  for (const auto& [person, m] : person_party) {
    if (!m) {
      unknown.push_back(names.at(person));
      continue;
    }
    parties.emplace(ctx.log.strings.folded(m->party), ctx.log.strings.text(m->party));
    who.push_back(fmt::format("{} ({})", names.at(person), ctx.log.strings.text(m->party)));
  }
  const int found = static_cast<int>(parties.size());
  if (found >= rule.parties) return;
  if (!unknown.empty()) {
    unknown = sorted_names(std::move(unknown));
    add(finding{finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                fmt::format("the {} on {}, the date of a held meeting, belong to {} recorded; the party of "
                            "{} is not recorded, so whether they belong to {} cannot be told",
                            whats, e->day, counted(found, "party", "parties"), names_words(unknown),
                            counted(rule.parties, "party", "parties"))});
    return;
  }
  who = sorted_names(std::move(who));
  finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, found,
            fmt::format("the {} on {}, the date of a held meeting, belong to {}{}; at least {} required", whats, e->day,
                        counted(found, "party", "parties"), who.empty() ? std::string() : fmt::format(" ({})", names_words(who)),
                        rule.parties)};
  for (const auto& [person, m] : person_party) f.people.push_back(names.at(person));
  f.people = sorted_names(std::move(f.people));
  add(std::move(f));
}

}  // namespace remit
