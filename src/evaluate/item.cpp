// Item family (docs/language.md): each held meeting has a given agenda item.
#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "evaluate/context.hpp"

namespace remit {

family_result evaluate_item(const body_context& ctx, const ast::has_item& r) {
  family_result out;
  const std::string wanted = fold(r.pattern);
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  // The checker has already rejected bad patterns. Items are searched with white space folded,
  // as every text comparison is, so "forward plan" finds "Forward   Plan".
  const RE2 re(r.is_regex ? r.pattern : std::string("^$"), options);
  const std::string what = r.is_regex ? fmt::format("matching \"{}\"", r.pattern) : fmt::format("containing \"{}\"", r.pattern);

  for (const event* e : ctx.events) {
    if (!e->held_meeting() || e->day < ctx.window.from) continue;
    out.fell_due = true;
    const auto items = ctx.log.items_of(*e);
    if (items.empty()) {
      out.findings.push_back({finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                              fmt::format("no agenda items are recorded for the meeting on {}; cannot tell whether it "
                                          "had an item {}",
                                          e->day, what)});
      continue;
    }
    bool found = false;
    for (string_pool::id item : items)
      found = found || (r.is_regex ? RE2::PartialMatch(ctx.log.strings.folded(item), re)
                                   : folded_contains(ctx.log.strings.folded(item), wanted));
    if (!found)
      out.findings.push_back({finding_status::breach, e->day, e->day, e->day, {}, {}, {},
                              fmt::format("the meeting on {} had no agenda item {} ({} recorded)", e->day, what,
                                          counted(static_cast<long>(items.size()), "item", "items"))});
  }
  return out;
}

}  // namespace remit
