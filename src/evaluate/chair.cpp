// chaired by "ROLE": the person recorded in the role "Chair" at each held meeting holds ROLE.
#include <fmt/format.h>

#include "evaluate/context.hpp"

namespace remit {

family_result evaluate_chair(const body_context& ctx, const ast::chaired_by& rule) {
  family_result out;
  const std::vector<std::string> wanted = folded_all(rule.roles);
  for (const event* e : ctx.events) {
    if (!ctx.counts_as_meeting(*e) || e->day < ctx.window.from || e->day > ctx.window.to) continue;
    out.fell_due = true;
    const auto no_evidence = [&](std::string why) {
      out.findings.push_back({finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {}, std::move(why)});
    };
    const auto record = attendance_at(ctx, *e);
    if (record.empty()) {
      no_evidence(fmt::format("no attendance is recorded for the held meeting on {}, so who chaired it cannot be told", e->day));
      continue;
    }
    std::vector<const attendance*> chairs;
    for (const attendance& a : record)
      if (attended(a.status) && ctx.log.strings.folded(a.role) == "chair") chairs.push_back(&a);
    if (chairs.empty()) {
      no_evidence(fmt::format("the attendance recorded for the held meeting on {} names no one present in the role "
                              "\"Chair\", so who chaired it cannot be told",
                              e->day));
      continue;
    }
    bool met = false;
    for (const attendance* c : chairs) met = met || role_held(ctx, c->person, c->role, e->day, wanted).has_value();
    if (met) continue;
    std::vector<std::string> names;
    for (const attendance* c : chairs) names.emplace_back(ctx.log.strings.text(c->person));
    names = sorted_names(std::move(names));
    if (!has_memberships(ctx)) {
      no_evidence(fmt::format("the held meeting on {} was chaired by {}; no membership of the body is recorded, so "
                              "whether {} {} cannot be told",
                              e->day, names_words(names), names.size() == 1 ? "they held" : "one of them held",
                              roles_words(rule.roles)));
      continue;
    }
    finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, {},
              fmt::format("the held meeting on {} was chaired by {}, who {} not {} on that date", e->day, names_words(names),
                          names.size() == 1 ? "was" : "were", roles_words(rule.roles))};
    f.people = std::move(names);
    out.findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace remit
