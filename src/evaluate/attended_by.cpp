// each meeting attended by "ROLE": someone holding ROLE attended each held meeting.
#include <fmt/format.h>

#include "evaluate/context.hpp"

namespace remit {

family_result evaluate_attended_by(const body_context& ctx, const ast::attended_by& rule) {
  family_result out;
  const std::vector<std::string> wanted = folded_all(rule.roles);
  for (const event* e : ctx.events) {
    if (!ctx.counts_as_meeting(*e) || e->day < ctx.window.from || e->day > ctx.window.to) continue;
    out.fell_due = true;
    const auto record = attendance_at(ctx, *e);
    if (record.empty()) {
      out.findings.push_back({finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                              fmt::format("no attendance is recorded for the held meeting on {}, so whether {} attended "
                                          "cannot be told",
                                          e->day, roles_words(rule.roles))});
      continue;
    }
    bool met = false, any_role = has_memberships(ctx);
    std::vector<std::string> missing;  // holders of the role who did not attend
    for (const attendance& a : record) {
      any_role = any_role || a.role != 0;
      if (!role_held(ctx, a.person, a.role, e->day, wanted)) continue;
      if (attended(a.status)) met = true;
      else missing.push_back(fmt::format("{} ({})", ctx.log.strings.text(a.person), name(a.status)));
    }
    if (met) continue;
    missing = sorted_names(std::move(missing));
    if (!any_role) {
      out.findings.push_back({finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                              fmt::format("the attendance recorded for the held meeting on {} gives no roles and no "
                                          "membership of the body is recorded, so whether {} attended cannot be told",
                                          e->day, roles_words(rule.roles))});
      continue;
    }
    finding f{finding_status::breach, e->day, e->day, e->day, {}, {}, {},
              fmt::format("no one holding {} attended the held meeting on {}{}", roles_words(rule.roles), e->day,
                          missing.empty() ? std::string() : fmt::format(" ({})", names_words(missing)))};
    for (const attendance& a : record)
      if (role_held(ctx, a.person, a.role, e->day, wanted)) f.people.emplace_back(ctx.log.strings.text(a.person));
    f.people = sorted_names(std::move(f.people));
    out.findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace remit
