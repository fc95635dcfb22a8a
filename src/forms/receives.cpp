// receives "ITEM" FREQ: held meetings with an agenda item containing the words (docs/language.md,
// "Receives"). Judged by the frequency judges over the events counted here.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const receives& r, form_check& c) { c.require_text(r.item, "the item received"); }

std::string ast::words(const receives& r, const resolved_settings& settings) {
  return fmt::format(
      "The body {}.",
      with_frequency({fmt::format("receive {} (an agenda item containing it at a held meeting) at least once", quoted(r.item)),
                      [&](int k) {
                        return fmt::format("receive {} (an agenda item containing it at a held meeting) at least {}",
                                           quoted(r.item), counted(k, "time", "times"));
                      },
                      fmt::format("receive {} (an agenda item containing it at a held meeting)", quoted(r.item)),
                      "the previous time"},
                     r.how_often, settings.year_start_month));
}

std::string ast::meaning(const receives& r) { return fmt::format("receives [{}] {}", r.item, frequency_meaning(r.how_often)); }

std::string_view ast::family(const receives& r) { return frequency_family(r.how_often); }

namespace {

class meetings_receiving final : public counting {
 public:
  meetings_receiving(const ast::receives& r, bool informal) : item_(r.item), wanted_(fold(r.item)), informal_(informal) {
    noun = fmt::format("held meeting with an item containing \"{}\"", r.item);
    nouns = fmt::format("held meetings with an item containing \"{}\"", r.item);
  }
  verdict judge(const body_context& ctx, const event& e) const override {
    if (e.kind == event_kind::report || (e.kind == event_kind::session && !informal_)) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    const auto items = ctx.log.items_of(e);
    if (items.empty()) return verdict::no_items;
    for (string_pool::id i : items)
      if (folded_contains(ctx.log.strings.folded(i), wanted_)) return verdict::counted;
    return verdict::no_item;
  }
  std::string why_not(const body_context& ctx, const event& e, verdict v) const override {
    if (v == verdict::no_items) return "its agenda items are not recorded";
    return fmt::format("none of its {} contains \"{}\"",
                       counted(static_cast<long>(ctx.log.items_of(e).size()), "item", "items"), item_);
  }

 private:
  std::string item_;
  std::string wanted_;  // folded
  bool informal_;
};

}  // namespace

counting_ptr counting_for(const body_context& ctx, const ast::receives& r) {
  return std::make_shared<meetings_receiving>(r, ctx.informal_meetings_count);
}

}  // namespace remit
