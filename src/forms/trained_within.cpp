// each member trained in "TRAINING" within N UNIT of joining: a member's joining date is the
// earliest `from` of their memberships of the body; the training is due N UNIT later (month
// arithmetic as for frequencies). A member falls due when that date lies in the window and
// they are still a member on it. Training completed before joining counts.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "evaluate/judges.hpp"
#include "language/describe.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const trained_within& r, form_check& c) { c.require_text(r.training, "the training"); }

std::string ast::words(const trained_within& r, const resolved_settings&) {
  const ast::gap_frequency within{r.count, r.unit, 0, {}};
  return fmt::format("Each member must have completed training whose name contains {} within {} of first joining the body "
                     "(training before joining counts).",
                     quoted(r.training), interval_words(within));
}

std::string ast::meaning(const trained_within& r) {
  return fmt::format("trained in [{}] within {} unit {}", r.training, r.count, static_cast<int>(r.unit));
}

std::string_view ast::family(const trained_within&) { return "training"; }
ast::records ast::records_needed(const trained_within&) { return records::training | records::membership; }

template <>
bool window_judge<ast::trained_within>::judge_window(const finding_adder& add) const {
  const body_context& ctx = *ctx_;
  const ast::trained_within& rule = *rule_;
  bool fell_due = false;
  if (!has_memberships(ctx)) {
    fell_due = true;
    add(finding{finding_status::no_evidence, ctx.window.to, std::nullopt, {}, {}, {}, {},
                fmt::format("no membership of the body is recorded, so who had to complete \"{}\" cannot be told",
                            rule.training)});
    return fell_due;
  }
  struct member_record {
    std::string name;
    date joined;
    std::vector<const membership*> rows;
  };
  std::map<std::string_view, member_record> members;  // by folded name: deterministic order
  for (const membership* m : ctx.people->memberships) {
    auto [it, fresh] = members.emplace(ctx.log.strings.folded(m->person), member_record{std::string(ctx.log.strings.text(m->person)), m->from, {}});
    it->second.joined = std::min(it->second.joined, m->from);
    // Of several spellings, the first in byte order, so row order never changes the report.
    it->second.name = std::min(it->second.name, std::string(ctx.log.strings.text(m->person)));
    it->second.rows.push_back(m);
  }
  const std::string training = fold(rule.training);
  const ast::gap_frequency within{rule.count, rule.unit, 0, {}};
  for (const auto& [who, member] : members) {
    const due_date due = due_after(member.joined, within, fmt::format("joining on {}", member.joined));
    if (due.day < ctx.window.from || due.day > ctx.window.to) continue;
    if (std::none_of(member.rows.begin(), member.rows.end(), [&](const membership* m) { return m->in_force(due.day); }))
      continue;  // left before the training fell due
    fell_due = true;
    std::optional<date> first;  // the first completion, on time or late
    for (const training_record* t : ctx.people->trainings)
      if (ctx.log.strings.folded(t->person) == who && folded_contains(ctx.log.strings.folded(t->training), training) &&
          t->day <= ctx.window.to && (!first || t->day < *first))
        first = t->day;
    if (first && *first <= due.day) continue;
    finding f{ctx.people->trainings.empty() ? finding_status::no_evidence : finding_status::breach, due.day, first, {}, {},
              {}, {}, {}};
    if (ctx.people->trainings.empty())
      f.message = fmt::format("{} had to complete \"{}\" by {} ({}); no training is recorded in the logs, so whether they did "
                              "cannot be told",
                              member.name, rule.training, due.day, due.derivation);
    else
      f.message = fmt::format("{} had to complete \"{}\" by {} ({}); {}", member.name, rule.training, due.day,
                              due.derivation,
                              first ? fmt::format("completed on {}, {} late", *first,
                                                  counted(days_between(due.day, *first), "day", "days"))
                                    : fmt::format("no completion is recorded by {}", ctx.window.to));
    f.people = {member.name};
    add(std::move(f));
  }
  return fell_due;
}

}  // namespace remit
