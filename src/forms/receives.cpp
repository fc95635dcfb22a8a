// receives "ITEM" [or "ITEM" ...] | matching "REGEX", FREQ: held meetings with such an agenda item
// (docs/language.md, "Receives"). Judged by the frequency judges over the events counted here.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const receives& r, form_check& c) { check_match(r.item, c, "the item received"); }

std::string ast::words(const receives& r, const resolved_settings& settings) {
  // "receive "X"", "receive any of: "A", "B"", "receive an item matching the pattern given in the statement".
  const std::string what = r.item.is_regex ? "an item matching the pattern given in the statement" : phrases_words(r.item);
  const std::string how = r.item.is_regex ? "at a held meeting, the pattern searched for anywhere in the item, ignoring case"
                          : r.item.phrases.size() == 1 ? "an agenda item containing it at a held meeting"
                                                       : "an agenda item containing one of them at a held meeting";
  return fmt::format(
      "The body {}.",
      with_frequency({fmt::format("receive {} ({}) at least once", what, how),
                      [&](int k) { return fmt::format("receive {} ({}) at least {}", what, how, counted(k, "time", "times")); },
                      fmt::format("receive {} ({})", what, how), "the previous time"},
                     r.how_often, settings.year_start_month));
}

std::string ast::meaning(const receives& r) {
  return fmt::format("receives {} {}", match_meaning(r.item), frequency_meaning(r.how_often));
}

std::string_view ast::family(const receives& r) { return frequency_family(r.how_often); }

namespace {

class meetings_receiving final : public counting {
 public:
  meetings_receiving(const ast::receives& r, bool informal) : item_(r.item), matcher_(r.item), informal_(informal) {
    noun = fmt::format("held meeting with an item {}", match_words(r.item));
    nouns = fmt::format("held meetings with an item {}", match_words(r.item));
  }
  verdict judge(const body_context& ctx, const event& e) const override {
    if (e.kind == event_kind::report || (e.kind == event_kind::session && !informal_)) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    switch (agenda_of(ctx.log, e, matcher_)) {
      case agenda_holds::item: return verdict::counted;
      case agenda_holds::no_items: return verdict::no_items;
      case agenda_holds::no_item: return verdict::no_item;
    }
    return verdict::no_item;
  }
  std::string why_not(const body_context& ctx, const event& e, verdict v) const override {
    if (v == verdict::no_items) return "its agenda items are not recorded";
    const long n = static_cast<long>(ctx.log.items_of(e).size());
    return fmt::format("none of its {} {}", counted(n, "item", "items"), match_words(item_, "contains", "matches"));
  }

 private:
  const ast::title_match& item_;
  title_matcher matcher_;
  bool informal_;
};

}  // namespace

counting_ptr counting_for(const body_context& ctx, const ast::receives& r) {
  return std::make_shared<meetings_receiving>(r, ctx.informal_meetings_count);
}

}  // namespace remit
