// Deadline family (docs/language.md): "receives "X" by DATE".
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/context.hpp"

namespace remit {

family_result evaluate_deadline(const body_context& ctx, const ast::receives_by& r) {
  family_result out;
  if (ctx.window.to < r.deadline) return out;  // not yet due, or due after this version was replaced
  if (ctx.version && ctx.version->from && r.deadline < *ctx.version->from) return out;  // due before this version took effect: an earlier version judges it
  out.fell_due = true;
  const std::string wanted = fold(r.item);
  std::optional<date> first;
  for (const event* e : ctx.events) {
    if (!ctx.counts_as_meeting(*e)) continue;
    for (string_pool::id item : ctx.log.items_of(*e))
      if (folded_contains(ctx.log.strings.folded(item), wanted)) {
        first = e->day;
        break;
      }
    if (first) break;
  }
  if (first && *first <= r.deadline) return out;
  ctx.add(out,
      {finding_status::breach, r.deadline, std::nullopt, {}, {}, {}, {},
       first ? fmt::format("\"{}\" was due by {}; no held meeting received it by then (it was first received on {})", r.item,
                           r.deadline, *first)
             : fmt::format("\"{}\" was due by {}; no held meeting received it by {}, the end of the audit window", r.item,
                           r.deadline, ctx.audit().to)});
  return out;
}

}  // namespace remit
