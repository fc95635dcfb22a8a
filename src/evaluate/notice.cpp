// Notice family (docs/language.md): an agenda published at least N (clear) (working) days before each meeting.
#include <fmt/format.h>

#include "evaluate/context.hpp"

namespace remit {

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

std::optional<finding> notice_finding(date latest, date meeting, date published) {
  if (published != no_date && published <= latest) return std::nullopt;
  if (published == no_date) return finding{finding_status::no_evidence, latest, std::nullopt, meeting, {}, {}, {}, {}};
  return finding{finding_status::breach, latest, published, meeting, {}, {}, {}, {}};
}

std::optional<finding> notice_finding(const body_context& ctx, const ast::notice& r, date meeting, date published) {
  return notice_finding(notice_latest_day(ctx, r, meeting), meeting, published);
}

std::string notice_finding_words(const body_context& ctx, const ast::notice& r, const finding& x) {
  const date m = *x.meeting;
  const auto [due, how] = latest_publication(ctx, r, m);
  if (!x.on)
    return fmt::format("no agenda publication date is recorded for the meeting on {}; {} needed publication by {} ({})",
                       with_weekday(m), notice_words(r), with_weekday(due), how);
  return fmt::format("agenda for the meeting on {} was published on {}, {} late: {} needed publication by {} ({})",
                     with_weekday(m), with_weekday(*x.on), counted(days_between(due, *x.on), "day", "days"),
                     notice_words(r), with_weekday(due), how);
}

family_result evaluate_notice(const body_context& ctx, const ast::notice& r) {
  family_result out;
  for (const event* e : ctx.events) {
    if (!ctx.counts_as_meeting(*e) || e->day < ctx.window.from || e->day > ctx.window.to) continue;
    out.fell_due = true;
    std::optional<finding> x = notice_finding(ctx, r, e->day, e->published);
    if (!x) continue;
    x->message = notice_finding_words(ctx, r, *x);
    ctx.add(out, std::move(*x));
  }
  return out;
}

}  // namespace remit
