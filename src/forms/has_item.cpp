// Item family (docs/language.md): each held meeting has a given agenda item.
#include <algorithm>

#include <fmt/format.h>
#include <re2/re2.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"
#include "language/pattern.hpp"

namespace remit {

void ast::check(const has_item& r, form_check& c) {
  if (r.is_regex) c.check_pattern(r.pattern);
  else c.require_text(r.pattern, "the item title");
}

std::string ast::words(const has_item& r, const resolved_settings&) {
  return r.is_regex ? fmt::format("Every held meeting must have an agenda item in which the regular expression {} is found "
                                  "(ignoring case).",
                                  quoted(r.pattern))
                    : fmt::format("Every held meeting must have an agenda item containing {} (ignoring case and extra "
                                  "spaces).",
                                  quoted(r.pattern));
}

std::string ast::meaning(const has_item& r) { return fmt::format("item [{}] regex {}", r.pattern, r.is_regex); }

std::string_view ast::family(const has_item&) { return "item"; }

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

void item_judge::introduce(trace_sink& out) const {
  const ast::has_item& r = *r_;
  out.step(fmt::format("\nItem rule: each held meeting in the window needs an agenda item {}.\n"
                       "Items are compared with case and runs of white space ignored{}.\n",
                       r.is_regex ? fmt::format("in which the regular expression \"{}\" is found", r.pattern)
                                  : fmt::format("containing \"{}\"", r.pattern),
                       r.is_regex ? "; the expression is searched for anywhere in the item" : ""));
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
                                e.day, matcher_.what())});
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
                    fmt::format("the meeting on {} had no agenda item {} ({} recorded)", e.day, matcher_.what(),
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
    const auto items = log.items_of(*e);
    const bool has = std::any_of(items.begin(), items.end(),
                                 [&](string_pool::id i) { return matcher_.matches(log.strings.folded(i)); });
    if (has) continue;
    obligation& x =
        o.add(obligation_kind::agenda_item, items.empty() ? obligation_status::due : obligation_status::at_risk, e->day);
    x.meeting = e->day;
    x.what = fmt::format("an agenda item {} for the meeting on {}", matcher_.what(), with_weekday(e->day));
    x.message = items.empty()
                    ? fmt::format("the meeting on {} needs an agenda item {}; no agenda is recorded for it yet",
                                  with_weekday(e->day), matcher_.what())
                    : fmt::format("the agenda recorded for the meeting on {} has no item {} ({} recorded)",
                                  with_weekday(e->day), matcher_.what(),
                                  counted(static_cast<long>(items.size()), "item", "items"));
  }
  if (meetings.empty()) o.why_quiet = "no planned meeting in the log, so no agenda to foresee";
  else o.why_quiet = "the agendas recorded for the planned meetings have the item";
}

REMIT_JUDGE_FOR_EVERY_SINK(item_judge);

}  // namespace remit
