// RL009 a `by` date that has passed, with nothing that can meet it any more.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "lint/lint.hpp"
#include "lint/measures.hpp"
#include "language/form_words.hpp"
#include "language/title_matcher.hpp"

namespace remit::lint {

namespace {

// Whether the logs show a held meeting of the body, on or before the deadline, with the item:
// for body *, of every body of the logs that the file's council admits.
bool met_in_logs(const event_log& log, const ast::rule_file& file, const ast::body& b, const ast::receives_by& r) {
  const ast::resolved_settings settings = ast::resolve(file, b);
  const std::string council = settings.council ? fold(*settings.council) : std::string{};
  const title_matcher item(r.item);
  // A named body is one body under all its names (a renamed body's meetings may be under either).
  const std::vector<std::string> names = ast::folded_names(file, b);
  bool any_body = false, admitted = false, met = false;
  for (const event_log::body_events& body : log.by_body()) {
    if (!b.every_body && !std::binary_search(names.begin(), names.end(), body.folded_name)) continue;
    if (b.every_body) admitted = met = false;
    for (std::uint32_t i : body.events) {
      const event& e = log.events[i];
      if (!council.empty() && e.council != 0 && log.strings.folded(e.council) != council) continue;
      admitted = true;
      if (!e.held_meeting() || e.day > r.deadline) continue;
      // Approving: an item with no outcome recorded might have met it (the audit says no-evidence).
      const auto items = log.items_of(e);
      for (std::uint32_t k = 0; k < items.size(); ++k) {
        const item_outcome o = log.outcome_of_item(e.items_first + k);
        met = met || (item.matches(log.strings.folded(items[k])) &&
                      (!r.approves || approves(o) || o == item_outcome::unrecorded));
      }
    }
    if (!b.every_body || !admitted) continue;
    any_body = true;
    if (!met) return false;
  }
  return b.every_body ? any_body : admitted && met;
}

}  // namespace

void deadline_passed(const ast::rule_file& file, const context& ctx, std::vector<finding>& out) {
  for (const ast::body& b : file.bodies)
    for (const ast::statement& s : b.statements) {
      const auto* r = std::get_if<ast::receives_by>(&s.what);
      if (!r || r->deadline >= ctx.as_of) continue;
      if (ctx.log && met_in_logs(*ctx.log, file, b, *r)) continue;
      out.push_back(
          {"RL009", r->deadline_at,
           ctx.log ? fmt::format("clause {}: the deadline {} passed before {} and the logs show no held meeting that {} "
                                 "an item {} by then: no meeting can meet it now, so every audit will report this breach. "
                                 "If the duty is spent, record the outcome and remove the statement",
                                 s.label, r->deadline, ctx.as_of, r->approves ? "approved" : "received", match_words(r->item))
                   : fmt::format("clause {}: the deadline {} passed before {}: no meeting can meet it now, so its result is "
                                 "settled. Run lint with --log to see whether it was met; if the duty is spent, record "
                                 "the outcome and remove the statement",
                                 s.label, r->deadline, ctx.as_of),
           std::nullopt});
    }
}

}  // namespace remit::lint
