// Notice family (docs/language.md): an agenda published at least N (clear) (working) days before each meeting.
#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/judges.hpp"
#include "language/form_words.hpp"

namespace remit {

void ast::check(const notice&, form_check&) {}

std::string ast::words(const notice& r, const resolved_settings& settings) {
  const std::string days = r.working ? counted(r.days, "working day", "working days") : counted(r.days, "calendar day", "calendar days");
  std::string text = r.clear ? fmt::format("The agenda of each held meeting must be published at least {} before it, with all "
                                           "{} falling strictly between the day of publication and the day of the meeting",
                                           days, r.days == 1 ? "of it" : "of them")
                             : fmt::format("The agenda of each held meeting must be published at least {} before it, the day "
                                           "of the meeting not counted",
                                           days);
  if (r.working) text += fmt::format(". Working days are {}", calendar_words(settings.calendar));
  return text + ".";
}

std::string ast::meaning(const notice& r) { return fmt::format("notice {} working {} clear {}", r.days, r.working, r.clear); }

std::string_view ast::family(const notice&) { return "notice"; }
ast::records ast::records_needed(const notice&) { return records::none; }

namespace {

// How the latest compliant date was reached, so an auditor can re-count it by hand.
std::string derivation(const ast::notice& r, date l, const calendar::trace& t) {
  std::string how;
  if (r.working) {
    std::string days;
    for (date d : t.counted) days += fmt::format("{}{}", days.empty() ? "" : ", ", with_weekday(d));
    std::string holidays;
    for (const bank_holiday* h : t.holidays_skipped)
      holidays += fmt::format("{}{} {}", holidays.empty() ? "" : ", ", h->title, h->day);
    how = fmt::format("working days counted back from the meeting: {}; bank holidays skipped: {}", days,
                      holidays.empty() ? "none" : holidays);
  } else {
    how = fmt::format("{} before the meeting is {}", counted(r.days, "day", "days"), with_weekday(l));
  }
  if (r.clear)
    how += fmt::format("; clear days leave out the day of publication, so it had to come before {}", with_weekday(l));
  return how;
}

}  // namespace

std::string notice_words(const ast::notice& r) {
  return fmt::format("{}{}{} notice", r.days, r.clear ? " clear" : "",
                     r.working ? (r.days == 1 ? " working day's" : " working days'") : (r.days == 1 ? " day's" : " days'"));
}

publication_deadline latest_publication(const body_context& ctx, const ast::notice& r, date m) {
  calendar::trace trace;
  date l = m.plus_days(-r.days);
  if (r.working) {
    try {
      l = ctx.cal.working_days_before(m, r.days, &trace);
    } catch (calendar_year_missing& e) {
      e.add_context(fmt::format("counting back from the meeting on {}", m));
      throw;
    }
  }
  // With "clear", the N days lie strictly between publication and meeting.
  return {r.clear ? l.plus_days(-1) : l, derivation(r, l, trace)};
}

// The latest compliant date alone, without the trace: most agendas are on time, and the
// derivation is only written for a finding.
date notice_latest_day(const body_context& ctx, const ast::notice& r, date m) {
  date l = m.plus_days(-r.days);
  if (r.working) {
    try {
      l = ctx.cal.working_days_before(m, r.days);
    } catch (calendar_year_missing& e) {
      e.add_context(fmt::format("counting back from the meeting on {}", m));
      throw;
    }
  }
  return r.clear ? l.plus_days(-1) : l;
}

date notice_judge::latest_day(date m) const {
  const date from = ctx_->window.from;
  const auto day = static_cast<std::size_t>(days_between(from, m));
  if (!latest_by_day_ || day >= latest_by_day_->size()) return notice_latest_day(*ctx_, *r_, m);
  date& latest = (*latest_by_day_)[day];
  if (latest == no_date) latest = notice_latest_day(*ctx_, *r_, m);
  return latest;
}

std::string notice_judge::words(const finding& x) const {
  const date m = *x.meeting;
  const auto [due, how] = latest_publication(*ctx_, *r_, m);
  if (!x.on)
    return fmt::format("no agenda publication date is recorded for the meeting on {}; {} needed publication by {} ({})",
                       with_weekday(m), notice_words(*r_), with_weekday(due), how);
  return fmt::format("agenda for the meeting on {} was published on {}, {} late: {} needed publication by {} ({})",
                     with_weekday(m), with_weekday(*x.on), counted(days_between(due, *x.on), "day", "days"),
                     notice_words(*r_), with_weekday(due), how);
}

namespace {

std::string ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return fmt::format("{}{}", n, suffix);
}

}  // namespace

void notice_judge::introduce(trace_sink& out) const {
  const ast::notice& r = *r_;
  out.step(fmt::format(
      "\nNotice rule: for each held meeting in the window, count back {} {}from the meeting (the meeting day\n"
      "itself not counted) to the date L. {}\n",
      r.days, r.working ? (r.days == 1 ? "working day " : "working days ") : (r.days == 1 ? "day " : "days "),
      r.clear ? "With \"clear\", the days lie wholly between publication and meeting:\n"
                "publication was due by the day before L."
              : "Publication was due by L."));
  if (r.working)
    out.step(fmt::format("Working days are Monday to Friday, less the bank holidays of the {} calendar.\n",
                         division_name(ctx_->cal.which())));
}

template <typename Out>
void notice_judge::observe(state& s, const event& e, Out& out) const {
  const body_context& ctx = *ctx_;
  if (!ctx.counts_as_meeting(e) || e.day < ctx.window.from || e.day > ctx.window.to) return;
  s.fell_due = true;
  const date m = e.day;
  const date due = latest_day(m);
  if constexpr (Out::tracing) {
    const ast::notice& r = *r_;
    out.step(fmt::format("\n  meeting {}\n", with_weekday(m)));
    if (r.working) {
      calendar::trace trace;
      const date l = ctx.cal.working_days_before(m, r.days, &trace);
      int n = 0;
      for (date d = m.plus_days(-1); d >= l; d = d.plus_days(-1)) {
        const auto holiday = std::find_if(trace.holidays_skipped.begin(), trace.holidays_skipped.end(),
                                          [&](const bank_holiday* h) { return h->day == d; });
        if (std::find(trace.counted.begin(), trace.counted.end(), d) != trace.counted.end())
          out.step(fmt::format("    {}  working day {}\n", with_weekday(d), ++n));
        else if (holiday != trace.holidays_skipped.end())
          out.step(fmt::format("    {}  skipped: bank holiday, {}\n", with_weekday(d), (*holiday)->title));
        else
          out.step(fmt::format("    {}  skipped: weekend\n", with_weekday(d)));
      }
      out.step(fmt::format("    L = {}, the {} working day back\n", with_weekday(l), ordinal(r.days)));
    } else {
      out.step(fmt::format("    L = {} - {} = {}\n", with_weekday(m), counted(r.days, "day", "days"),
                           with_weekday(m.plus_days(-r.days))));
    }
    if (r.clear) out.step(fmt::format("    clear days: publication was due by {}, the day before L\n", with_weekday(due)));
    if (e.published == no_date)
      out.step(fmt::format("    no publication date is recorded: no-evidence (due {})\n", with_weekday(due)));
    else if (e.published <= due)
      out.step(fmt::format("    published {}: on time\n", with_weekday(e.published)));
    else
      out.step(fmt::format("    published {}, {} late: {}\n", with_weekday(e.published),
                           counted(days_between(due, e.published), "day", "days"), out.verdict(due)));
  }
  if (e.published != no_date && e.published <= due) return;
  if (e.published == no_date)
    out.add(*this, finding{finding_status::no_evidence, due, std::nullopt, m, {}, {}, {}, {}});
  else
    out.add(*this, finding{finding_status::breach, due, e.published, m, {}, {}, {}, {}});
}

template <typename Out>
void notice_judge::close(state& s, Out& out) const {
  if constexpr (Out::tracing)
    if (!s.fell_due) trace_no_meeting(*ctx_, out);
}

void notice_judge::forecast(const state&, outlook& o) const {
  const ast::notice& r = *r_;
  const auto meetings = o.planned_meetings();
  int in_time = 0, beyond = 0;
  for (const event* e : meetings) {
    const date m = e->day;
    // N working days back span at most 2N + 14 calendar days (weekends and a Christmas's bank
    // holidays): a meeting further past the horizon has its deadline past it too, and is not
    // counted, so that bank-holiday data is needed only for the days remit due lists.
    if (m > o.until.plus_days(2 * r.days + 14)) {
      ++beyond;
      continue;
    }
    const auto [due, how] = latest_publication(*ctx_, r, m);
    if (e->published != no_date && e->published <= due) {
      ++in_time;
      continue;
    }
    const obligation_status status = e->published != no_date
                                         ? (due < o.as_of ? obligation_status::overdue : obligation_status::at_risk)
                                     : due < o.as_of ? obligation_status::overdue
                                                     : obligation_status::due;
    obligation& x = o.add(obligation_kind::agenda_publication, status, due);
    x.meeting = m;
    x.what = fmt::format("agenda for the meeting on {}", with_weekday(m));
    if (e->published != no_date)
      x.message = fmt::format("the agenda for the meeting on {} is recorded as published on {}, {} late: {} needs "
                              "publication by {} ({})",
                              with_weekday(m), with_weekday(e->published),
                              counted(days_between(due, e->published), "day", "days"), notice_words(r), with_weekday(due),
                              how);
    else if (status == obligation_status::overdue)
      x.message = fmt::format("the agenda for the meeting on {} needed publication by {} for {} ({}); none is recorded "
                              "as of {}",
                              with_weekday(m), with_weekday(due), notice_words(r), how, o.as_of);
    else {
      // Nobody publishes on a weekend or a bank holiday: the day to act by is the last working
      // day on or before the statutory last day (while it is still to come).
      date act_by = due;
      while (!ctx_->cal.is_working_day(act_by) && act_by.plus_days(-1) >= o.as_of) act_by = act_by.plus_days(-1);
      x.due = act_by;
      x.message = fmt::format("publish the agenda for the meeting on {} by {} for {} ({}){}", with_weekday(m),
                              with_weekday(act_by), notice_words(r), how,
                              act_by == due ? std::string{}
                                            : fmt::format("; the statutory last day, {}, is not a working day",
                                                          with_weekday(due)));
    }
  }
  if (meetings.empty()) o.why_quiet = "no planned meeting in the log, so no agenda deadline to foresee";
  else if (in_time > 0) o.why_quiet = "the agendas of the planned meetings are recorded as published in time";
  else if (beyond > 0)
    o.why_quiet = fmt::format("the planned meetings' agendas fall due after {} (the next planned meeting is on {})", o.until,
                              with_weekday(meetings.front()->day));
}

REMIT_JUDGE_FOR_EVERY_SINK(notice_judge);

}  // namespace remit
