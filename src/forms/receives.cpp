// receives "ITEM" [or "ITEM" ...] | matching "REGEX", FREQ: held meetings with such an agenda item
// (docs/language.md, "Receives"); approves "ITEM" FREQ: the same, the item recorded as approved,
// agreed or adopted ("Decisions"). Judged by the frequency judges over the events counted here.
#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const receives& r, form_check& c) {
  check_match(r.item, c, r.approves ? "the item approved" : "the item received");
}

std::string ast::words(const receives& r, const resolved_settings& settings) {
  // "receive "X"", "receive any of: "A", "B"", "receive an item matching the pattern given in the statement".
  const std::string what = r.item.is_regex ? "an item matching the pattern given in the statement" : phrases_words(r.item);
  const std::string verb = r.approves ? "approve" : "receive";
  std::string how = r.item.is_regex ? "at a held meeting, the pattern searched for anywhere in the item, ignoring case"
                    : r.item.phrases.size() == 1 ? "an agenda item containing it at a held meeting"
                                                 : "an agenda item containing one of them at a held meeting";
  if (r.approves) how += ", its outcome recorded as approved, agreed or adopted";
  std::string out = fmt::format(
      "The body {}.",
      with_frequency({fmt::format("{} {} ({}) at least once", verb, what, how),
                      [&](int k) { return fmt::format("{} {} ({}) at least {}", verb, what, how, counted(k, "time", "times")); },
                      fmt::format("{} {} ({})", verb, what, how), "the previous time"},
                     r.how_often, settings.year_start_month));
  // A meeting the records cannot tell about counts neither way (counting::cannot_tell).
  out += r.approves ? " A held meeting with no agenda items recorded, or with the item and no outcome recorded, may or "
                      "may not have approved it: where that decides the result, it is no-evidence, never a pass or a breach."
                    : " A held meeting with no agenda items recorded may or may not have had it: where that decides the "
                      "result, it is no-evidence, never a pass or a breach.";
  return out;
}

std::string ast::meaning(const receives& r) {
  return fmt::format("{} {} {}", r.approves ? "approves" : "receives", match_meaning(r.item), frequency_meaning(r.how_often));
}

std::string_view ast::family(const receives& r) { return frequency_family(r.how_often); }
ast::records ast::records_needed(const receives&) { return records::none; }

namespace {

// Held meetings with the item on their agenda; approving, with its outcome approval too.
class meetings_receiving final : public counting {
 public:
  meetings_receiving(const ast::receives& r, bool informal)
      : item_(r.item), matcher_(r.item), informal_(informal), approving_(r.approves) {
    const std::string item = fmt::format("an item {}", match_words(r.item));
    if (approving_) {
      noun = fmt::format("held meeting approving {}", item);
      nouns = fmt::format("held meetings approving {}", item);
      unsure_noun = fmt::format("held meeting with no agenda items recorded or with {} and no outcome recorded", item);
      unsure_nouns = fmt::format("held meetings with no agenda items recorded or with {} and no outcome recorded", item);
    } else {
      noun = fmt::format("held meeting with {}", item);
      nouns = fmt::format("held meetings with {}", item);
      unsure_noun = "held meeting with no agenda items recorded";
      unsure_nouns = "held meetings with no agenda items recorded";
    }
  }
  verdict judge(const body_context& ctx, const event& e) const override {
    if (e.kind == event_kind::report || (e.kind == event_kind::session && !informal_)) return verdict::other_kind;
    if (!e.held()) return verdict::not_held;
    if (approving_) {
      switch (decision_of(ctx.log, e, matcher_)) {
        case decision_holds::approved: return verdict::counted;
        case decision_holds::unrecorded: return verdict::undecided;
        case decision_holds::no_items: return verdict::no_items;
        case decision_holds::other_outcome: return verdict::outcome;
        case decision_holds::no_item: return verdict::no_item;
      }
      return verdict::no_item;
    }
    switch (agenda_of(ctx.log, e, matcher_)) {
      case agenda_holds::item: return verdict::counted;
      case agenda_holds::no_items: return verdict::no_items;
      case agenda_holds::no_item: return verdict::no_item;
    }
    return verdict::no_item;
  }
  std::string why_not(const body_context& ctx, const event& e, verdict v) const override {
    if (v == verdict::no_items) return "its agenda items are not recorded: the records cannot tell whether it had the item";
    if (v == verdict::outcome || v == verdict::undecided) {
      // Each item it has, with its outcome: "its item "Budget" was deferred".
      std::string said;
      const auto items = ctx.log.items_of(e);
      for (std::uint32_t k = 0; k < items.size(); ++k) {
        if (!matcher_.matches(ctx.log.strings.folded(items[k]))) continue;
        const item_outcome o = ctx.log.outcome_of_item(e.items_first + k);
        said += fmt::format("{}\"{}\" {}", said.empty() ? "" : ", ", ctx.log.strings.text(items[k]),
                            o == item_outcome::unrecorded ? "with no outcome recorded" : name(o));
      }
      return v == verdict::undecided ? fmt::format("its item {}: the records cannot tell whether it was approved", said)
                                     : fmt::format("its item {}, not approved, agreed or adopted", said);
    }
    const long n = static_cast<long>(ctx.log.items_of(e).size());
    return fmt::format("none of its {} {}", counted(n, "item", "items"), match_words(item_, "contains", "matches"));
  }

 private:
  const ast::title_match& item_;
  title_matcher matcher_;
  bool informal_;
  bool approving_;
};

}  // namespace

counting_ptr counting_for(const body_context& ctx, const ast::receives& r) {
  return std::make_shared<meetings_receiving>(r, ctx.informal_meetings_count);
}

}  // namespace remit
