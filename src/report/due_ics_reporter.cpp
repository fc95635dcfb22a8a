// What falls due next as an iCalendar file (RFC 5545) that calendar programs open: one all-day
// event per obligation on its due date; an overdue one on the "as of" day, where people look, its
// due date in its title and description. All-day events rather than to-dos, because the calendars
// people use at work show events and many ignore to-dos.
//
// Re-importing updates rather than duplicates: each event's UID comes from the obligation's
// identity (obligation_id), never from its date, so when the next meeting's due date moves the
// event moves with it. DTSTAMP is "as of", not the clock, so the same inputs give the same bytes,
// and SEQUENCE grows with "as of", so that a later export supersedes an earlier one.
//
// The manifest (report/manifest.hpp) is a set of X- properties of the calendar, which RFC 5545
// lets any program add and calendar programs keep or ignore: remit's version, the days looked at,
// the bank-holiday data, the limits set, and each file read with its digest.
#include <algorithm>
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "core/text.hpp"
#include "report/due_reporter.hpp"
#include "report/icalendar.hpp"
#include "report/manifest.hpp"

namespace remit {

namespace {

std::string_view summary_prefix(obligation_status s) {
  switch (s) {
    case obligation_status::overdue: return "Overdue";
    case obligation_status::at_risk: return "At risk";
    case obligation_status::due: return "Due";
  }
  return "Due";
}

class due_ics_reporter final : public due_reporter {
 public:
  void write(const due_report& report, std::ostream& out) const override {
    std::string ics;
    const auto line = [&](std::string_view l) { append_content_line(ics, l); };
    const std::string stamp = ical_date(to_iso(report.as_of)) + "T000000Z";
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(fmt::format("PRODID:-//remit//remit {}//EN", REMIT_VERSION));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:remit: what falls due");
    line("X-WR-CALDESC:" + ical_text(fmt::format("Terms of Reference obligations as of {}, to {}", report.as_of, report.until)));
    // iCalendar writes a date as four digits of year: an obligation due after 9999 cannot be an
    // event, and is said instead, so that the calendar stays valid and nothing vanishes unsaid.
    const auto writable = [](date d) { return d.year() >= 1 && d.year() <= 9999 && d.plus_days(1).year() <= 9999; };
    const auto beyond = std::count_if(report.obligations.begin(), report.obligations.end(),
                                      [&](const obligation& o) { return !writable(o.due); });
    if (beyond > 0)
      line(fmt::format("X-REMIT-NOT-WRITTEN:{} due after 9999-12-30: iCalendar cannot write its date",
                       counted(static_cast<long>(beyond), "obligation", "obligations")));
    if (const audit_manifest& m = report.manifest; !m.remit_version.empty()) {
      line("X-REMIT-VERSION:" + ical_text(m.remit_version));
      line(fmt::format("X-REMIT-WINDOW:{}/{}", ical_date(to_iso(report.as_of)), ical_date(to_iso(report.until))));
      line("X-REMIT-BANK-HOLIDAYS:" + ical_text(bank_holidays_words(m)));
      if (m.accept_partial) line("X-REMIT-ACCEPT-PARTIAL:TRUE");
      for (const auto& [limit, value] : m.limits) line(fmt::format("X-REMIT-LIMIT:{}={}", limit, value));
      // As sha256sum prints them; the parameter says which the file is.
      for (const auto& f : m.rule_files) line("X-REMIT-INPUT;X-REMIT-KIND=rule-file:" + ical_text(f.sha256 + "  " + f.path));
      for (const auto& f : m.logs) line("X-REMIT-INPUT;X-REMIT-KIND=log:" + ical_text(f.sha256 + "  " + f.path));
    }

    // No UID twice: two obligations of one identity (two meetings of a body on one day) are told
    // apart by a count, in the report's order, the same from run to run.
    std::map<std::string, int> seen;
    const auto uid = [&](const obligation& o) {
      const std::string id = obligation_id(o);
      const int n = ++seen[id];
      return n == 1 ? id : fmt::format("{}-{}", id, n);
    };
    for (const obligation& o : report.obligations) {
      if (!writable(o.due)) continue;
      const std::string where = o.council ? *o.council + ": " + o.body : o.body;
      const bool overdue = o.status == obligation_status::overdue;
      const date on = overdue ? report.as_of : o.due;
      // The committee first, as a calendar lists titles: "Corporate Parenting Board: Due: agenda for ...".
      const std::string summary = fmt::format("{}: {}{}{}: {} (clause {})", o.body, summary_prefix(o.status),
                                              overdue ? fmt::format(" since {}", o.due) : std::string(),
                                              o.statement->modifiers.advisory ? " (advisory)" : "", o.what,
                                              o.statement->label);
      line("BEGIN:VEVENT");
      line(fmt::format("UID:{}@remit", uid(o)));
      line("DTSTAMP:" + stamp);
      // Later as-of dates give higher sequences, so that an import updates the event; never
      // negative, as RFC 5545 requires (an as-of date before 1970).
      line(fmt::format("SEQUENCE:{}", std::max(0, report.as_of.days)));
      line("DTSTART;VALUE=DATE:" + ical_date(to_iso(on)));
      line("DTEND;VALUE=DATE:" + ical_date(to_iso(on.plus_days(1))));
      line("SUMMARY:" + ical_text(summary));
      line("DESCRIPTION:" + ical_text(fmt::format("{}{}\n\n{}\nClause {}: {}\n{}, line {}\n\n{} as of {} (remit due).",
                                                  overdue ? fmt::format("Was due on {}; shown on {}, the day this calendar "
                                                                        "was made as of.\n\n",
                                                                        o.due, report.as_of)
                                                          : std::string(),
                                                  o.message, where, o.statement->label, o.statement->text, o.rule_file,
                                                  o.statement->where.line, name(o.status), report.as_of)));
      line(fmt::format("CATEGORIES:remit,{},{}", name(o.status), name(o.kind)));
      line("STATUS:CONFIRMED");
      line("TRANSP:TRANSPARENT");
      if (o.status != obligation_status::overdue && days_between(report.as_of, o.due) > 7) {
        // A reminder at 09:00 a week before the due date (the event starts at midnight).
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line("DESCRIPTION:" + ical_text(summary));
        line("TRIGGER:-P6DT15H");
        line("END:VALARM");
      }
      line("END:VEVENT");
    }
    // A meeting called off (moved or cancelled) withdraws what it owed: the same UIDs, cancelled,
    // with a later SEQUENCE, so a calendar that imported them drops them.
    for (const obligation& o : report.withdrawn) {
      if (!writable(o.due)) continue;
      line("BEGIN:VEVENT");
      line(fmt::format("UID:{}@remit", uid(o)));
      line("DTSTAMP:" + stamp);
      line(fmt::format("SEQUENCE:{}", std::max(0, report.as_of.days)));
      line("DTSTART;VALUE=DATE:" + ical_date(to_iso(o.due)));
      line("DTEND;VALUE=DATE:" + ical_date(to_iso(o.due.plus_days(1))));
      line("SUMMARY:" + ical_text(fmt::format("{}: Cancelled: {} (clause {})", o.body, o.what, o.statement->label)));
      line("DESCRIPTION:" + ical_text(fmt::format("{}, as of {} (remit due).", o.message, report.as_of)));
      line(fmt::format("CATEGORIES:remit,cancelled,{}", name(o.kind)));
      line("STATUS:CANCELLED");
      line("TRANSP:TRANSPARENT");
      line("END:VEVENT");
    }
    if (static_cast<std::size_t>(beyond) == report.obligations.size() && report.withdrawn.empty()) {
      // RFC 5545 wants at least one component; a journal entry says there is nothing, and
      // calendar programs that do not keep journals ignore it.
      line("BEGIN:VJOURNAL");
      line(fmt::format("UID:nothing-due-{}@remit", ical_date(to_iso(report.as_of))));
      line("DTSTAMP:" + stamp);
      line("DTSTART;VALUE=DATE:" + ical_date(to_iso(report.as_of)));
      line("SUMMARY:" + ical_text(beyond > 0 ? fmt::format("{} due after 9999-12-30, which iCalendar cannot write",
                                                           counted(static_cast<long>(beyond), "obligation", "obligations"))
                                             : fmt::format("Nothing is overdue and nothing falls due by {}", report.until)));
      line("END:VJOURNAL");
    }
    line("END:VCALENDAR");
    out << ics;
  }
};

}  // namespace

std::unique_ptr<due_reporter> make_due_ics_reporter(const report_options&) { return std::make_unique<due_ics_reporter>(); }

}  // namespace remit
