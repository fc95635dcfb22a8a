// Item family (docs/language.md): each held meeting has a given agenda item.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const has_item& r, form_check& c) { check_match(r.item, c, "the item title"); }

std::string ast::words(const has_item& r, const resolved_settings&) {
  return r.item.is_regex ? "Every held meeting must have an agenda item matching the pattern given in the statement (a regular "
                           "expression, searched for anywhere in the item, ignoring case)."
                         : fmt::format("Every held meeting must have an agenda item {} (ignoring case and extra spaces).",
                                       match_words(r.item));
}

std::string ast::meaning(const has_item& r) { return fmt::format("item {}", match_meaning(r.item)); }

std::string_view ast::family(const has_item&) { return "item"; }
ast::records ast::records_needed(const has_item&) { return records::none; }

void item_judge::introduce(trace_sink& out) const {
  const ast::has_item& r = *r_;
  out.step(fmt::format("\nItem rule: each held meeting in the window needs an agenda item {}.\n"
                       "Items are compared with case and runs of white space ignored{}.\n",
                       match_words(r.item), r.item.is_regex ? "; the pattern is searched for anywhere in the item" : ""));
}

template <typename Out>
void item_judge::observe(state& s, const event& e, Out& out) const {
  const body_context& ctx = *ctx_;
  if (!ctx.counts_as_meeting(e) || e.day < ctx.window.from || e.day > ctx.window.to) return;
  s.fell_due = true;
  const auto items = ctx.log.items_of(e);
  if constexpr (Out::tracing)
    out.step(fmt::format("\n  meeting {}: {}\n", e.day,
                         items.empty() ? std::string("no agenda items recorded")
                                       : counted(static_cast<long>(items.size()), "item", "items")));
  if (items.empty()) {
    if constexpr (Out::tracing)
      out.step(fmt::format("    cannot tell whether it had the item: no-evidence (due {})\n", e.day));
    out.add(*this, {finding_status::no_evidence, e.day, e.day, e.day, {}, {}, {},
                    fmt::format("no agenda items are recorded for the meeting on {}; cannot tell whether it "
                                "had an item {}",
                                e.day, match_words(r_->item))});
    return;
  }
  bool found = false;
  for (string_pool::id item : items)
    if (matcher_.matches(ctx.log.strings.folded(item))) {
      found = true;
      if constexpr (Out::tracing) out.step(fmt::format("    found in \"{}\"\n", ctx.log.strings.text(item)));
    }
  if constexpr (Out::tracing) {
    if (found) {
      out.step("    met\n");
    } else {
      for (string_pool::id item : items) out.step(fmt::format("    \"{}\"\n", ctx.log.strings.text(item)));
      out.step(fmt::format("    no item matches: {}\n", out.verdict(e.day)));
    }
  }
  if (!found)
    out.add(*this, {finding_status::breach, e.day, e.day, e.day, {}, {}, {},
                    fmt::format("the meeting on {} had no agenda item {} ({} recorded)", e.day, match_words(r_->item),
                                counted(static_cast<long>(items.size()), "item", "items"))});
}

template <typename Out>
void item_judge::close(state& s, Out& out) const {
  if constexpr (Out::tracing)
    if (!s.fell_due) trace_no_meeting(*ctx_, out);
}

void item_judge::forecast(const state&, outlook& o) const {
  const event_log& log = ctx_->log;
  const auto meetings = o.planned_meetings();
  for (const event* e : meetings) {
    const agenda_holds agenda = agenda_of(log, *e, matcher_);
    if (agenda == agenda_holds::item) continue;
    const auto items = log.items_of(*e);
    obligation& x = o.add(obligation_kind::agenda_item,
                          agenda == agenda_holds::no_items ? obligation_status::due : obligation_status::at_risk, e->day);
    x.meeting = e->day;
    x.what = fmt::format("an agenda item {} for the meeting on {}", match_words(r_->item), with_weekday(e->day));
    x.message = items.empty()
                    ? fmt::format("the meeting on {} needs an agenda item {}; no agenda is recorded for it yet",
                                  with_weekday(e->day), match_words(r_->item))
                    : fmt::format("the agenda recorded for the meeting on {} has no item {} ({} recorded)",
                                  with_weekday(e->day), match_words(r_->item),
                                  counted(static_cast<long>(items.size()), "item", "items"));
  }
  if (meetings.empty()) o.why_quiet = "no planned meeting in the log, so no agenda to foresee";
  else o.why_quiet = "the agendas recorded for the planned meetings have the item";
}

REMIT_JUDGE_FOR_EVERY_SINK(item_judge);

}  // namespace remit
