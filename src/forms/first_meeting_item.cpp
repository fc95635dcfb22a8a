// first meeting of each year has item "X" [or "Y" ...] (docs/language.md, "First meeting of the
// year"): the elections of chair and vice-chair, the work programme agreed. The year is the one
// `year starts` sets. A year is judged only when it starts inside the window: the first meeting
// of a year that started before it may lie before the logs do. The first meeting is the first
// day with a held meeting in the year; with two that day, either may carry the item.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const first_meeting_item& r, form_check& c) { check_match(r.item, c, "the item title"); }

std::string ast::words(const first_meeting_item& r, const resolved_settings& settings) {
  return fmt::format("The first held meeting of each year ({}) must have an agenda item {} (ignoring case and extra "
                     "spaces); a year is judged when it starts inside the window.",
                     periods_words(ast::period_kind::year, settings.year_start_month), match_words(r.item));
}

std::string ast::meaning(const first_meeting_item& r) { return "first meeting of each year has item " + match_meaning(r.item); }

std::string_view ast::family(const first_meeting_item&) { return "first meeting"; }
ast::records ast::records_needed(const first_meeting_item&) { return records::none; }

first_meeting_judge::first_meeting_judge(const body_context& ctx, const ast::first_meeting_item& r)
    : ctx_(&ctx), r_(&r), matcher_(r.item) {}

date first_meeting_judge::year_holding(date d) const { return period_start_holding(d, 12, ctx_->year_start_month); }

namespace {
date last_day_of_year(date start) { return start.plus_months(12).plus_days(-1); }
}  // namespace

void first_meeting_judge::introduce(trace_sink& out) const {
  out.step(fmt::format("\nFirst-meeting rule: the first held meeting of each year needs an agenda item {}.\n"
                       "Years start on 1 {}; a year is judged when it starts inside the window ({} to {}).\n",
                       match_words(r_->item), month_name(ctx_->year_start_month), ctx_->window.from, ctx_->window.to));
}

template <typename Out>
void first_meeting_judge::settle(state& s, Out& out) const {
  if (s.first_day == no_date) return;
  const date day = s.first_day;
  const date year_end = last_day_of_year(s.year);  // the year of the first day, as observe set it
  s.first_day = no_date;
  if (s.seen_so_far == agenda_holds::item) {
    if constexpr (Out::tracing) out.step("    it had the item: met\n");
    return;
  }
  const bool unknown = s.seen_so_far == agenda_holds::no_items;
  if constexpr (Out::tracing)
    out.step(unknown ? fmt::format("    items not recorded: cannot tell; no-evidence (due {})\n", day)
                     : fmt::format("    none of that day's items is one {}: {}\n", match_words(r_->item), out.verdict(day)));
  finding f{unknown ? finding_status::no_evidence : finding_status::breach, day, day, day, s.year, year_end, {}, {}};
  f.message = unknown ? fmt::format("no agenda items are recorded for the first held meeting of the year {} to {}, on {}; "
                                    "cannot tell whether it had an item {}",
                                    s.year, year_end, day, match_words(r_->item))
                      : fmt::format("the first held meeting of the year {} to {}, on {}, had no agenda item {}",
                                    s.year, year_end, day, match_words(r_->item));
  out.add(*this, std::move(f));
}

namespace {

// remit explain's line for a meeting of a first day: what its agenda held.
std::string agenda_words(const event_log& log, const event& e) {
  const auto items = log.items_of(e);
  if (items.empty()) return fmt::format("    meeting {}: no agenda items recorded\n", e.day);
  std::string out = fmt::format("    meeting {}: {}:", e.day, counted(static_cast<long>(items.size()), "item", "items"));
  for (std::size_t i = 0; i < items.size(); ++i) out += fmt::format("{} \"{}\"", i == 0 ? "" : ";", log.strings.text(items[i]));
  return out + "\n";
}

}  // namespace

template <typename Out>
void first_meeting_judge::observe(state& s, const event& e, Out& out) const {
  const body_context& ctx = *ctx_;
  if (!ctx.counts_as_meeting(e)) return;
  if (s.first_day != no_date) {
    if (e.day == s.first_day) {  // another meeting on the first day: either may carry the item
      if constexpr (Out::tracing) out.step(agenda_words(ctx.log, e));
      s.seen_so_far = std::min(s.seen_so_far, agenda_of(ctx.log, e, matcher_));
      return;
    }
    settle(s, out);
  }
  const date year = year_holding(e.day);
  if (year == s.year) return;  // not the year's first
  s.year = year;
  if (year < ctx.window.from || e.day > ctx.window.to) return;  // the year started before the window, or the meeting is after it
  s.fell_due = true;
  s.first_day = e.day;
  s.seen_so_far = agenda_of(ctx.log, e, matcher_);
  if constexpr (Out::tracing) {
    out.step(fmt::format("  the year {} to {}: its first held meeting is on {}\n", year,
                         last_day_of_year(year), e.day));
    out.step(agenda_words(ctx.log, e));
  }
}

template <typename Out>
void first_meeting_judge::close(state& s, Out& out) const {
  settle(s, out);
  if constexpr (Out::tracing)
    if (!s.fell_due)
      out.step(fmt::format("\n  no year starting from {} to {} had its first held meeting in the window: nothing fell due\n",
                           ctx_->window.from, ctx_->window.to));
}

void first_meeting_judge::forecast(const state& s, outlook& o) const {
  // The first planned meeting of each year the record has not yet met in.
  const std::size_t before = o.found.size();
  const auto planned = o.planned_meetings();
  date judged_year = s.year;
  for (const event* e : planned) {
    const date year = year_holding(e->day);
    if (year == judged_year) continue;
    judged_year = year;
    const agenda_holds found = agenda_of(ctx_->log, *e, matcher_);
    if (found == agenda_holds::item) continue;
    obligation& x = o.add(obligation_kind::agenda_item, found == agenda_holds::no_items ? obligation_status::due : obligation_status::at_risk,
                          e->day);
    x.meeting = e->day;
    x.what = fmt::format("an agenda item {} for the meeting on {}, the first of the year from {}",
                         match_words(r_->item), with_weekday(e->day), year);
    x.message = found == agenda_holds::no_items
                    ? fmt::format("the meeting on {} is the first of the year from {} and needs an agenda item {}; no "
                                  "agenda is recorded for it yet",
                                  with_weekday(e->day), year, match_words(r_->item))
                    : fmt::format("the agenda recorded for the meeting on {}, the first of the year from {}, has no item {}",
                                  with_weekday(e->day), year, match_words(r_->item));
  }
  if (planned.empty()) o.why_quiet = "no planned meeting in the log, so no agenda to foresee";
  else if (o.found.size() == before)
    o.why_quiet = "no planned meeting is the first of its year, or the first has the item on its recorded agenda";
}

REMIT_JUDGE_FOR_EVERY_SINK(first_meeting_judge);

}  // namespace remit
