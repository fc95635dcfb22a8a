// Item family (docs/language.md): each held meeting has a given agenda item.
#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "evaluate/context.hpp"
#include "language/pattern.hpp"

namespace remit {

item_matcher::item_matcher(const ast::has_item& r) : rule_(r), wanted_(fold(r.pattern)) {
  // The checker has already rejected bad patterns. Items are searched with white space folded,
  // as every text comparison is, so "forward plan" finds "Forward   Plan".
  if (r.is_regex) re_ = compile_pattern(r.pattern);
}

bool item_matcher::matches(std::string_view folded_item) const {
  return re_ ? RE2::PartialMatch(folded_item, *re_) : folded_contains(folded_item, wanted_);
}

std::string item_matcher::what() const {
  return rule_.is_regex ? fmt::format("matching \"{}\"", rule_.pattern) : fmt::format("containing \"{}\"", rule_.pattern);
}

family_result evaluate_item(const body_context& ctx, const ast::has_item& r) {
  family_result out;
  const item_matcher matcher(r);
  const std::string what = matcher.what();

  for (const event* e : ctx.events) {
    if (!ctx.counts_as_meeting(*e) || e->day < ctx.window.from || e->day > ctx.window.to) continue;
    out.fell_due = true;
    const auto items = ctx.log.items_of(*e);
    if (items.empty()) {
      ctx.add(out, {finding_status::no_evidence, e->day, e->day, e->day, {}, {}, {},
                    fmt::format("no agenda items are recorded for the meeting on {}; cannot tell whether it "
                                "had an item {}",
                                e->day, what)});
      continue;
    }
    bool found = false;
    for (string_pool::id item : items) found = found || matcher.matches(ctx.log.strings.folded(item));
    if (!found)
      ctx.add(out, {finding_status::breach, e->day, e->day, e->day, {}, {}, {},
                    fmt::format("the meeting on {} had no agenda item {} ({} recorded)", e->day, what,
                                counted(static_cast<long>(items.size()), "item", "items"))});
  }
  return out;
}

}  // namespace remit
