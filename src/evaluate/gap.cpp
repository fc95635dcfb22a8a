// Gap family (docs/language.md): each qualifying event is due within an interval of the one before.
#include <fmt/format.h>

#include "evaluate/judges.hpp"
#include "language/describe.hpp"

namespace remit {

// The due date alone: most links are met, and their derivation is never read.
date gap_due_day(date p, const ast::gap_frequency& f) {
  date d = p;
  switch (f.unit) {
    case ast::time_unit::day: d = p.plus_days(f.count); break;
    case ast::time_unit::week: d = p.plus_days(7L * f.count); break;
    case ast::time_unit::month:
    case ast::time_unit::year: d = p.plus_months(f.unit == ast::time_unit::year ? 12 * f.count : f.count); break;
  }
  return d.plus_days(f.grace_days);
}

due_date due_after(date p, const ast::gap_frequency& f, std::string_view what_p) {
  date d = p;
  bool clamped = false;
  switch (f.unit) {
    case ast::time_unit::day: d = p.plus_days(f.count); break;
    case ast::time_unit::week: d = p.plus_days(7L * f.count); break;
    case ast::time_unit::month:
    case ast::time_unit::year: {
      const int months = f.unit == ast::time_unit::year ? 12 * f.count : f.count;
      d = p.plus_months(months);
      clamped = d.day_of_month() != p.day_of_month();
      break;
    }
  }
  std::string why = fmt::format("{} after {}", interval_words(f), what_p);
  if (clamped) why += fmt::format(", clamped to the last day of the month");
  if (f.grace_days > 0) {
    d = d.plus_days(f.grace_days);
    why += fmt::format(", plus {} grace", counted(f.grace_days, "day's", "days'"));
  }
  return {d, why};
}

date gap_due(const body_context& ctx, const ast::gap_frequency& f, date p) { return ctx.in_force(gap_due_day(p, f)); }

namespace {

// The due date after p, and the arithmetic that gives it, written out for remit explain.
std::pair<date, std::string> due_worked_out(const body_context& ctx, date p, const ast::gap_frequency& f) {
  date d = p;
  std::string how;
  switch (f.unit) {
    case ast::time_unit::day:
      d = p.plus_days(f.count);
      how = fmt::format("{} + {} = {}", p, counted(f.count, "day", "days"), d);
      break;
    case ast::time_unit::week:
      d = p.plus_days(7L * f.count);
      how = fmt::format("{} + {} ({} days) = {}", p, counted(f.count, "week", "weeks"), 7 * f.count, d);
      break;
    case ast::time_unit::month:
    case ast::time_unit::year: {
      const int months = f.unit == ast::time_unit::year ? 12 * f.count : f.count;
      d = p.plus_months(months);
      how = f.unit == ast::time_unit::year
                ? fmt::format("{} + {} ({} months) = {}", p, counted(f.count, "year", "years"), months, d)
                : fmt::format("{} + {} = {}", p, counted(f.count, "month", "months"), d);
      if (d.day_of_month() != p.day_of_month())
        how += fmt::format(" ({} {} has no day {}, so the date is clamped to the last day of that month)",
                           month_name(static_cast<int>(d.month())), d.year(), p.day_of_month());
      break;
    }
  }
  if (f.grace_days > 0) {
    const date with_grace = d.plus_days(f.grace_days);
    how += fmt::format(", + {} grace = {}", counted(f.grace_days, "day's", "days'"), with_grace);
    d = with_grace;
  }
  // As the audit does (body_context::in_force): no due date before the version took effect.
  if (ctx.version && ctx.version->from && d < *ctx.version->from) {
    how += fmt::format("; before this version of the rules took effect, so due on {}", *ctx.version->from);
    d = *ctx.version->from;
  }
  return {d, how};
}

finding breach_of(const body_context& ctx, const ast::gap_frequency& f, std::optional<date> after, std::optional<date> next) {
  return {finding_status::breach, gap_due(ctx, f, after.value_or(ctx.audit().from)), next, {}, {}, {}, {}, {}, {}, after};
}

}  // namespace

std::string gap_judge::words(const finding& x) const {
  if (!x.message.empty()) return x.message;  // no-evidence: worded as found
  const body_context& ctx = *ctx_;
  const date p = x.after.value_or(ctx.audit().from);
  const std::string what_p =
      x.after ? fmt::format("the {} on {}", noun_, p) : fmt::format("{}, the start of the audit window", p);
  const due_date due = ctx.in_force(due_after(p, *f_, what_p));
  if (!x.on)
    return fmt::format("next {} was due by {} ({}); there was none by {}", noun_, due.day, due.derivation,
                       ctx.window_end_words());
  // Late into the window from a due date before it: the breach is the window's, the due date not.
  const bool due_before = due.day < ctx.audit().from && *x.on >= ctx.audit().from;
  return fmt::format("next {} was due by {} ({}); the next {} was on {}, {} late{}", noun_, due.day, due.derivation, noun_,
                     *x.on, counted(days_between(due.day, *x.on), "day", "days"),
                     due_before ? " (due before the window; the late meeting falls in it)" : "");
}

void gap_judge::introduce(trace_sink& out) const {
  const body_context& ctx = *ctx_;
  counts_.list(out, true);
  // "at N weekly intervals" is a gap rule in other words: say which.
  if (counts_.written().find("weekly intervals") != std::string_view::npos)
    out.step(fmt::format("\n\"weekly intervals\" means every {} weeks.", f_->count));
  out.step(fmt::format(
      "\nGap rule: each {} is due within {}{} of the one before it; one on its due date is on time.\n"
      "The chain starts at the last {} before the window, or at the window's first day when there is none.\n",
      noun_, interval_words(*f_), f_->grace_days ? fmt::format(" and {} grace", counted(f_->grace_days, "day's", "days'")) : "",
      noun_));
  if (ctx.window.from > ctx.audit().from)
    out.step(fmt::format("This version of the rules took effect on {}: its chain looks back across the change to the "
                         "last {} before it, and no due date falls before {}.\n",
                         ctx.window.from, noun_, ctx.window.from));
}

// The chain starts at the last qualifying event before the window (for a version of the rules,
// before the part of the window it judges, looking back across the change), or at the start of
// the audit window when there is none.
template <typename Out>
void gap_judge::start(state& s, Out& out) const {
  if constexpr (Out::tracing) {
    if (s.started) return;
    s.started = true;
    const body_context& ctx = *ctx_;
    if (s.last != no_date)
      out.step(ctx.version ? fmt::format("  start   {}, the last {} before {}\n", s.last, noun_, ctx.window.from)
                           : fmt::format("  start   {}, the last {} before the window\n", s.last, noun_));
    else
      out.step(fmt::format("  start   {}, the first day of the window (no {} before {})\n", ctx.audit().from, noun_,
                           ctx.version ? to_iso(ctx.window.from) : std::string("it")));
  }
}

// A late link, or the open one, with an event the records cannot tell about (receives: a meeting
// with no agenda items recorded) on or before its due date: had it counted, the link might have
// been met, so the records cannot tell. Worded as found.
finding gap_judge::unsure_of(finding late, date unsure) const {
  late.message = fmt::format("{}; the records cannot tell whether it was met, as the {} on {} may have been one",
                             words(late), counts_.unsure_noun(), unsure);
  late.status = finding_status::no_evidence;
  return late;
}

template <typename Out>
void gap_judge::observe(state& s, const event& e, Out& out) const {
  const body_context& ctx = *ctx_;
  const date q = e.day;
  if (q > ctx.window.to) return;
  const qualifier::verdict v = counts_.judge(e);
  if (counting::cannot_tell(v)) {
    // The first after the chain's last link (or the window's start): the one that could have
    // met the open link soonest.
    const date anchor = s.last == no_date ? ctx.audit().from : s.last;
    if (s.unsure == no_date || s.unsure <= anchor) s.unsure = q;
    if constexpr (Out::tracing)
      if (q >= ctx.window.from) {
        start(s, out);
        out.step(fmt::format("  {}  {}: the records cannot tell whether it counts\n", q, counts_.unsure_noun()));
      }
    return;
  }
  if (v != qualifier::verdict::counted) return;
  if (q < ctx.window.from) {
    s.last = q;
    s.unsure = no_date;
    return;
  }
  start(s, out);
  s.fell_due = true;
  const std::optional<date> p = s.last == no_date ? std::nullopt : std::optional(s.last);
  const date due = gap_due(ctx, *f_, p.value_or(ctx.audit().from));
  if constexpr (Out::tracing) {
    out.dates.push_back(q);
    const auto [_, how] = due_worked_out(ctx, p.value_or(ctx.audit().from), *f_);
    out.step(fmt::format("  link {}  {} -> {} on {}\n", out.dates.size(), p.value_or(ctx.audit().from), noun_, q));
    out.step(fmt::format("          due: {}\n", how));
    if (q > due && s.unsure != no_date && s.unsure > p.value_or(ctx.audit().from) && s.unsure <= due)
      out.step(fmt::format("          {} late ({} is after {}), but the {} on {} may have been one: no-evidence\n",
                           counted(days_between(due, q), "day", "days"), q, due, counts_.unsure_noun(), s.unsure));
    else if (q > due)
      out.step(fmt::format("          {} late ({} is after {}): {}\n", counted(days_between(due, q), "day", "days"), q, due,
                           out.verdict(due)));
    else
      out.step(fmt::format("          on time ({} is on or before {})\n", q, due));
  }
  const bool could_be_met = s.unsure != no_date && s.unsure > p.value_or(ctx.audit().from) && s.unsure <= due;
  if (q > due) out.add(*this, could_be_met ? unsure_of(breach_of(ctx, *f_, p, q), s.unsure) : breach_of(ctx, *f_, p, q));
  s.last = q;
  s.unsure = no_date;
}

// After the last link: still open at the window's end.
template <typename Out>
void gap_judge::close(state& s, Out& out) const {
  const body_context& ctx = *ctx_;
  start(s, out);
  const std::optional<date> p = s.last == no_date ? std::nullopt : std::optional(s.last);
  const date due = gap_due(ctx, *f_, p.value_or(ctx.audit().from));
  if (due < ctx.window.to) s.fell_due = true;
  if constexpr (Out::tracing) {
    const date from = p.value_or(ctx.audit().from);
    out.step(ctx.version ? fmt::format("  open    {} -> no later {} by {}\n", from, noun_, ctx.window_end_words())
                         : fmt::format("  open    {} -> no later {} by {}, the end of the window\n", from, noun_,
                                       ctx.window.to));
    out.step(fmt::format("          due: {}\n", due_worked_out(ctx, from, *f_).second));
    if (ctx.window.to > due && s.unsure != no_date && s.unsure > from && s.unsure <= due)
      out.step(fmt::format("          the window ends after {} with none held, but the {} on {} may have been one: "
                           "no-evidence\n",
                           due, counts_.unsure_noun(), s.unsure));
    else if (ctx.window.to > due)
      out.step(fmt::format("          the window ends after {} with none held: {}, still open at {}\n", due,
                           out.verdict(due), ctx.window.to));
    else
      out.step(fmt::format("          not late at the end of the window ({} is on or before {})\n", ctx.window.to, due));
  }
  const bool could_be_met = s.unsure != no_date && s.unsure > p.value_or(ctx.audit().from) && s.unsure <= due;
  if (ctx.window.to > due)
    out.add(*this, could_be_met ? unsure_of(breach_of(ctx, *f_, p, std::nullopt), s.unsure)
                                : breach_of(ctx, *f_, p, std::nullopt));
}

void gap_judge::forecast(const state& s, outlook& o) const {
  const bool any = s.last != no_date;
  const date p = any ? s.last : o.anchor;
  const due_date due = o.record.in_force(
      due_after(p, *f_, any ? fmt::format("the {} on {}", noun_, p) : fmt::format("{}, the earliest event in the logs", p)));
  std::optional<date> next;
  for (const event* e : o.planned.events)
    if (counts_.counts(*e)) {
      next = e->day;
      break;
    }
  // Nothing planned in time is at risk, as much as a planned date that misses (obligation_status).
  const obligation_status status = due.day < o.as_of           ? obligation_status::overdue
                                   : !next || *next > due.day ? obligation_status::at_risk
                                                              : obligation_status::due;
  obligation& x = o.add(obligation_kind::next_event, status, due.day);
  if (any) x.last = p;
  x.planned = next;
  x.what = fmt::format("next {}", noun_);
  std::string plan = next ? fmt::format("the next planned is on {}", *next) : std::string("none is planned in the log");
  if (status == obligation_status::at_risk && next)
    plan = fmt::format("the next planned is on {}, {} late", *next, counted(days_between(due.day, *next), "day", "days"));
  if (status == obligation_status::overdue)
    x.message = fmt::format("next {} was due by {} ({}); {} as of {}, {} overdue; {}", noun_, due.day, due.derivation,
                            any ? "none since" : "none in the logs", o.as_of,
                            counted(days_between(due.day, o.as_of), "day", "days"), plan);
  else
    x.message = fmt::format("next {} due by {} ({}); {}", noun_, due.day, due.derivation, plan);
}

REMIT_JUDGE_FOR_EVERY_SINK(gap_judge);

}  // namespace remit
