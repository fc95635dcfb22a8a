// reflects the political balance of the council: on each held meeting's date, the body's
// councillor members, group by group, as the council's political groups hold its seats (the test
// of the Local Government and Housing Act 1989, s.15, as docs/language.md states it). Judged on
// the membership records and the council's political groups (docs/inputs.md, "Political groups").
#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const political_balance&, form_check&) {}

std::string ast::words(const political_balance&, const resolved_settings&) {
  return "On the date of each held meeting, the body's councillor members must reflect the political balance of the "
         "council: each political group holds within one of its proportional share of the councillor seats (largest "
         "remainder), and a group with a majority of the council's seats holds a majority of them (Local Government and "
         "Housing Act 1989, s.15).";
}

std::string ast::meaning(const political_balance&) { return "reflects political balance"; }

std::string_view ast::family(const political_balance&) { return "membership"; }
ast::records ast::records_needed(const political_balance&) { return records::membership | records::groups; }

namespace {

// A group in force on the day, with the seats it holds on the council and on the body.
struct group_share {
  std::string name;  // as written
  std::uint32_t council_seats = 0;
  int entitled = 0;  // its share of the body's councillor seats, by largest remainder
  int held = 0;      // the body's councillor members of the group
  std::uint64_t remainder = 0;
};

// The body's councillor seats shared among the groups in proportion to their council seats: each
// its whole quota, then the seats left over one each to the largest remainders (ties: the larger
// group, then the name in folded order, so that the share never depends on row order).
void share_seats(std::vector<group_share>& groups, int seats, std::uint64_t council_seats) {
  int given = 0;
  for (group_share& g : groups) {
    const std::uint64_t product = std::uint64_t(seats) * g.council_seats;
    g.entitled = static_cast<int>(product / council_seats);
    g.remainder = product % council_seats;
    given += g.entitled;
  }
  std::vector<group_share*> order;
  for (group_share& g : groups) order.push_back(&g);
  std::stable_sort(order.begin(), order.end(), [](const group_share* a, const group_share* b) {
    if (a->remainder != b->remainder) return a->remainder > b->remainder;
    if (a->council_seats != b->council_seats) return a->council_seats > b->council_seats;
    return fold(a->name) < fold(b->name);
  });
  for (std::size_t k = 0; given < seats && k < order.size(); ++k, ++given) ++order[k]->entitled;
}

}  // namespace

template <>
void meeting_judge<ast::political_balance>::judge_meeting(const event& meeting, const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const date day = meeting.day;
  const auto cannot_tell = [&](std::string why) {
    add(finding{finding_status::no_evidence, day, day, day, {}, {}, {},
                fmt::format("{}, so whether the body's councillor members on {} reflect the political balance of the "
                            "council cannot be told",
                            why, day)});
  };
  const string_pool& strings = ctx.log.strings;

  // The council's groups on the day.
  if (!ctx.people || ctx.people->groups.empty())
    return cannot_tell("the council's political groups are not given (a political groups file: council, group, seats, "
                       "from, to)");
  std::map<std::string_view, const political_group*> groups;  // folded group name -> its row in force
  std::set<std::string_view> councils;
  for (const political_group* g : ctx.people->groups) {
    if (!g->in_force(day)) continue;
    councils.insert(strings.folded(g->council));
    const auto [it, fresh] = groups.emplace(strings.folded(g->group), g);
    if (!fresh)
      return cannot_tell(fmt::format("group \"{}\" has two rows in force on {} (lines {} and {})", strings.text(g->group),
                                     day, it->second->line, g->line));
  }
  if (groups.empty()) return cannot_tell(fmt::format("no political group of the council is recorded in force on {}", day));
  if (councils.size() > 1)
    return cannot_tell("the political groups given are of more than one council, and the rule file names none");
  const std::uint64_t council_seats = std::accumulate(
      groups.begin(), groups.end(), std::uint64_t{0}, [](std::uint64_t n, const auto& g) { return n + g.second->seats; });
  if (council_seats == 0) return cannot_tell(fmt::format("the council's groups hold no seats on {}", day));

  // The body's councillor members on the day, each once, with the party of their elected row.
  if (!has_memberships(ctx))
    return cannot_tell("no membership of the body is recorded");
  // A person is a councillor when a row in force says elected (or gives a party and no type); their
  // group is the party of those rows (the first in folded order).
  std::map<std::string_view, const membership*> councillors;  // folded person -> an elected row, its party the first
  std::set<std::string_view> kind_recorded;
  std::map<std::string_view, std::string> names;
  for (const membership* m : members_on(ctx, day)) {
    const std::string_view who = strings.folded(m->person);
    names.emplace(who, strings.text(m->person));
    const bool elected = m->type == member_type::elected || (m->type == member_type::unrecorded && m->party != 0);
    if (elected || m->type != member_type::unrecorded) kind_recorded.insert(who);
    if (!elected) continue;
    const membership*& best = councillors[who];
    if (!best || (m->party != 0 && (best->party == 0 || strings.folded(m->party) < strings.folded(best->party)))) best = m;
  }
  std::vector<std::string> unclear;
  for (const auto& [who, name] : names)
    if (!kind_recorded.contains(who)) unclear.push_back(name);
  if (!unclear.empty())
    return cannot_tell(fmt::format("whether {} {} a councillor is not recorded (no type and no party)",
                                   names_words(sorted_names(unclear)), unclear.size() == 1 ? "is" : "are"));

  std::vector<group_share> shares;
  for (const auto& [folded, g] : groups) shares.push_back({std::string(strings.text(g->group)), g->seats, 0, 0, 0});
  std::vector<std::string> no_party, no_group, who;
  for (const auto& [person, m] : councillors) {
    if (m->party == 0) {
      no_party.push_back(names.at(person));
      continue;
    }
    const auto it = groups.find(strings.folded(m->party));
    if (it == groups.end()) {
      no_group.push_back(fmt::format("{} ({})", names.at(person), strings.text(m->party)));
      continue;
    }
    ++shares[static_cast<std::size_t>(std::distance(groups.begin(), it))].held;
    who.push_back(names.at(person));
  }
  if (!no_party.empty())
    return cannot_tell(fmt::format("the party of the councillor {} is not recorded", names_words(sorted_names(no_party))));
  if (!no_group.empty())
    return cannot_tell(fmt::format("the party of {} is none of the council's political groups on {}",
                                   names_words(sorted_names(no_group)), day));

  const int seats = static_cast<int>(councillors.size());
  if (seats == 0) return;  // no councillor seat to share: nothing to balance
  share_seats(shares, seats, council_seats);
  std::vector<std::string> wrong;
  for (const group_share& g : shares) {
    if (std::abs(g.held - g.entitled) > 1)
      wrong.push_back(fmt::format("\"{}\" ({} of the council's {} seats) holds {} of the {} councillor seats, where its "
                                  "share is {}: {} too {}",
                                  g.name, g.council_seats, council_seats, g.held, seats, g.entitled,
                                  std::abs(g.held - g.entitled), g.held > g.entitled ? "many" : "few"));
    if (2 * std::uint64_t(g.council_seats) > council_seats && 2 * g.held <= seats)
      wrong.push_back(fmt::format("\"{}\" has a majority of the council ({} of {} seats) but holds {} of the {} "
                                  "councillor seats, not a majority",
                                  g.name, g.council_seats, council_seats, g.held, seats));
  }
  if (wrong.empty()) return;
  finding f{finding_status::breach, day, day, day, {}, {}, seats,
            fmt::format("the councillor members on {}, the date of a held meeting, do not reflect the political balance "
                        "of the council: {}",
                        day, fmt::join(wrong, "; "))};
  f.people = sorted_names(std::move(who));
  add(std::move(f));
}

}  // namespace remit
