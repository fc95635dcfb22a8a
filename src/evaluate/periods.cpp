// Coverage and count families (docs/language.md): periods aligned to the year start; only periods
// wholly inside the window are judged.
#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "evaluate/judges.hpp"
#include "language/describe.hpp"

namespace remit {

date period_start_holding(date d, int months, int year_start_month) {
  date start = date::from(std::chrono::year{d.year()} / std::chrono::month{d.month()} / 1);
  while (((static_cast<int>(start.month()) - year_start_month) % months + months) % months != 0)
    start = start.plus_months(-1);
  return start;
}

period_rule period_rule_of(const ast::frequency& f) {
  if (const auto* c = std::get_if<ast::count_frequency>(&f)) return {c->period, c->times, true, c->exactly};
  return {std::get<ast::coverage_frequency>(f).period, 1, false};
}

period_judge::period_judge(const body_context& ctx, const ast::statement& s, const ast::frequency& f, counting_ptr counts)
    : ctx_(&ctx), rule_(period_rule_of(f)), counts_(ctx, s, std::move(counts)) {
  // The aligned periods from the one that holds the window's first day, each from the 1st of a
  // month (so adding months never clamps a day). Those wholly inside the audit window are
  // judged; a version of the body's rules judges those that end while it is in force.
  const int months = ast::months_in(rule_.period);
  const audit_window whole = ctx.audit();
  for (date start = period_start_holding(whole.from, months, ctx.year_start_month); start <= whole.to;
       start = start.plus_months(months)) {
    const audit_window p{start, start.plus_months(months).plus_days(-1)};
    const judged_as judged = p.from < whole.from     ? judged_as::starts_before
                             : p.to > whole.to       ? judged_as::ends_after
                             : p.to < ctx.window.from ? judged_as::earlier_version
                             : p.to > ctx.window.to   ? judged_as::later_version
                                                      : judged_as::judged;
    periods_.push_back({p, judged});
  }
}

std::string period_judge::words(const finding& x) const {
  if (!x.message.empty()) return x.message;  // no-evidence: worded as found
  if (rule_.exactly)
    return fmt::format("{} in the {} {} to {}; exactly {} required, so {} too {}",
                       counted(*x.found, counts_.noun(), counts_.nouns()), period_word(rule_.period), *x.period_start,
                       *x.period_end, rule_.needed, std::abs(*x.found - rule_.needed), *x.found > rule_.needed ? "many" : "few");
  if (rule_.is_count)
    return fmt::format("{} in the {} {} to {}; at least {} required", counted(*x.found, counts_.noun(), counts_.nouns()),
                       period_word(rule_.period), *x.period_start, *x.period_end, rule_.needed);
  return fmt::format("no {} in the {} {} to {}", counts_.noun(), period_word(rule_.period), *x.period_start, *x.period_end);
}

void period_judge::introduce(trace_sink& out) const {
  const body_context& ctx = *ctx_;
  counts_.list(out, false);
  // The named frequencies that read like gaps are periods: say so, and how to ask for the gap.
  for (const auto& [words, strict] : {std::pair{"bi-monthly", "every 2 months"}, std::pair{"six-monthly", "every 6 months"}})
    if (counts_.written().find(words) != std::string_view::npos)
      out.step(fmt::format("\n\"{}\" means one in each {}, not a gap between them (the gap is written \"{}\").", words,
                           period_word(rule_.period), strict));
  out.step(fmt::format(
      "\n{} rule: every {} needs {} {}.\n"
      "Periods are aligned to the year start (1 {}); only those wholly inside the window are judged.\n",
      rule_.is_count ? "Count" : "Coverage", period_word(rule_.period),
      rule_.is_count ? fmt::format("{} {}", rule_.exactly ? "exactly" : "at least", rule_.needed) : "at least one", rule_.needed == 1 ? counts_.noun() : counts_.nouns(),
      month_name(ctx.year_start_month)));
  if (ctx.version)
    out.step(fmt::format("This version of the rules judges the periods that end from {} to {}.\n", ctx.window.from,
                         ctx.window.to));
}

template <typename Out>
void period_judge::close_period(state& s, Out& out) const {
  const aligned_period& p = periods_[s.index];
  if (p.judged == judged_as::judged) {
    s.fell_due = true;
    // Events the records cannot tell about (receives: no agenda items recorded) may or may
    // not count: met only when met however they went; no-evidence when they decide it.
    const int have = static_cast<int>(s.count), unsure = s.unsure;
    const bool met = rule_.exactly ? have == rule_.needed && unsure == 0 : have >= rule_.needed;
    const bool undecided =
        !met && (rule_.exactly ? have <= rule_.needed && rule_.needed <= have + unsure : have + unsure >= rule_.needed);
    if constexpr (Out::tracing) {
      std::string found = "none";
      if (!out.dates.empty()) {
        found = fmt::format("{}: ", counted(static_cast<long>(out.dates.size()), counts_.noun(), counts_.nouns()));
        for (std::size_t i = 0; i < out.dates.size(); ++i) found += fmt::format("{}{}", i ? ", " : "", out.dates[i]);
      }
      if (unsure > 0) found += fmt::format("; and {}", counted(unsure, counts_.unsure_noun(), counts_.unsure_nouns()));
      if (met)
        out.step(fmt::format("  {} to {}  {}: met\n", p.span.from, p.span.to, found));
      else if (undecided)
        out.step(fmt::format("  {} to {}  {}: no-evidence, the records cannot tell\n", p.span.from, p.span.to, found));
      else
        out.step(fmt::format("  {} to {}  {}: {}, due by {}\n", p.span.from, p.span.to, found, out.verdict(p.span.to),
                             p.span.to));
    }
    if (!met) {
      finding x{finding_status::breach, p.span.to, std::nullopt, {}, p.span.from, p.span.to, {}, {}};
      if (rule_.is_count) x.found = have;
      if (undecided) {
        x.status = finding_status::no_evidence;
        x.message = fmt::format(
            "{} in the {} {} to {}; {} required, and {}: the records cannot tell whether the rule was met",
            have == 0 ? "no " + counts_.noun() : counted(have, counts_.noun(), counts_.nouns()), period_word(rule_.period),
            p.span.from, p.span.to,
            rule_.is_count ? fmt::format("{} {}", rule_.exactly ? "exactly" : "at least", rule_.needed) : "at least one",
            counted(unsure, counts_.unsure_noun(), counts_.unsure_nouns()));
      }
      out.add(*this, x);
    }
  } else if constexpr (Out::tracing) {
    if (p.judged == judged_as::starts_before || p.judged == judged_as::ends_after)
      out.step(fmt::format("  {} to {}  not judged: it {} the window\n", p.span.from, p.span.to,
                           p.judged == judged_as::starts_before ? "starts before" : "ends after"));
    else
      out.step(fmt::format("  {} to {}  judged by another version of the rules: it ends {} this one was in force\n",
                           p.span.from, p.span.to, p.judged == judged_as::earlier_version ? "before" : "after"));
  }
  ++s.index;
  s.count = 0;
  s.unsure = 0;
  if constexpr (Out::tracing) out.dates.clear();
}

template <typename Out>
void period_judge::observe(state& s, const event& e, Out& out) const {
  const date q = e.day;
  if (q > ctx_->window.to) return;  // only periods not judged here end after it
  const qualifier::verdict v = counts_.judge(e);
  if (v != qualifier::verdict::counted && !counting::cannot_tell(v)) return;
  while (s.index < periods_.size() && q > periods_[s.index].span.to) close_period(s, out);
  if (s.index < periods_.size() && q >= periods_[s.index].span.from) {
    if (counting::cannot_tell(v)) {
      if (s.unsure < UINT16_MAX) ++s.unsure;  // past K, more cannot change what the period needs
      return;
    }
    ++s.count;
    if constexpr (Out::tracing) out.dates.push_back(q);
  }
}

template <typename Out>
void period_judge::close(state& s, Out& out) const {
  while (s.index < periods_.size()) close_period(s, out);
}

void period_judge::forecast(const state& s, outlook& o) const {
  const ast::period_kind kind = rule_.period;
  const int needed = rule_.needed;
  const int months = ast::months_in(kind);
  std::vector<date> planned;
  for (const event* e : o.planned.events)
    if (counts_.counts(*e)) planned.push_back(e->day);
  const auto count_in = [](const std::vector<date>& dates, date a, date b) {
    return static_cast<int>(std::upper_bound(dates.begin(), dates.end(), b) - std::lower_bound(dates.begin(), dates.end(), a));
  };

  date start = period_start_holding(o.as_of, months, ctx_->year_start_month);
  date end = start.plus_months(months).plus_days(-1);
  // The record's count for the period holding "as of": the state's, when its open period is that one.
  int found = s.index < periods_.size() && periods_[s.index].span.from == start ? static_cast<int>(s.count) : 0;
  std::string before;
  if (found >= needed) {
    before = fmt::format("the {} {} to {} already has {}; ", period_word(kind), start, end, counted(found, counts_.noun(), counts_.nouns()));
    start = end.plus_days(1);
    end = start.plus_months(months).plus_days(-1);
    found = 0;  // the record ends on "as of", before the next period starts
  }
  const int coming = count_in(planned, start, end);
  // Short of what it needs with what is planned, or with nothing planned: at risk (obligation_status).
  const bool short_of_plan = found + coming < needed;
  obligation& x = o.add(obligation_kind::period, short_of_plan ? obligation_status::at_risk : obligation_status::due, end);
  x.period_start = start;
  x.period_end = end;
  x.found = found;
  x.needed = needed;
  std::vector<date> in_period;
  for (date d : planned)
    if (start <= d && d <= end) in_period.push_back(d);
  if (!in_period.empty()) x.planned = in_period.front();
  const std::string wanted =
      rule_.exactly ? fmt::format("exactly {}", counted(needed, counts_.noun(), counts_.nouns()))
      : needed == 1 ? "at least one " + counts_.noun()
                    : fmt::format("at least {}", counted(needed, counts_.noun(), counts_.nouns()));
  x.what = fmt::format("{} in the {} {} to {}", wanted, period_word(kind), start, end);
  std::string plan;
  if (!in_period.empty()) {
    plan = "; planned: ";
    for (std::size_t i = 0; i < in_period.size(); ++i) plan += fmt::format("{}{}", i ? ", " : "", in_period[i]);
  } else if (!planned.empty()) {
    plan = fmt::format("; none planned in it (the next planned is on {})", planned.front());
  } else {
    plan = "; none planned in the log";
  }
  x.message = fmt::format("{}the {} {} to {} needs {} by {}; {} so far{}", before, period_word(kind), start, end, wanted,
                          end, found == 0 ? std::string("none") : std::to_string(found), plan);
}

REMIT_JUDGE_FOR_EVERY_SINK(period_judge);

}  // namespace remit
