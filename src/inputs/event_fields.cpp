#include "inputs/event_fields.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace remit {

std::string add_event(const event_fields& row, std::uint16_t source, std::uint32_t line, event_log& log) {
  event e;
  e.source = source;
  e.line = line;
  const std::string_view body = trim(row.body);
  if (body.empty()) return "missing body";

  const std::string_view day = trim(row.date);
  if (day.empty()) return "missing date";
  const auto d = parse_log_date(day);
  if (!d) return "date: " + explain_bad_log_date(day);
  e.day = *d;

  // An empty cell and a log without the column read the same: the time is not recorded.
  const std::string_view time = trim(row.time);
  if (!time.empty()) {
    const auto t = parse_moderngov_time(time);  // 14:30, or as registers write it, 2.30 pm
    if (!t) return "time: " + explain_bad_log_time(time);
    e.time = *t;
  }

  const auto k = parse_event_kind(row.kind);
  if (!k) return fmt::format("unknown kind '{}': expected meeting, session or report", trim(row.kind));
  e.kind = *k;

  const auto s = parse_event_status(row.status);
  if (!s)
    return fmt::format("unknown status '{}': expected held, cancelled, postponed, scheduled or confirmed", trim(row.status));
  e.status = *s;

  const std::string_view published = trim(row.published);
  if (!published.empty()) {
    const auto p = parse_log_date(published);
    if (!p) return "published: " + explain_bad_log_date(published);
    e.published = *p;
  }

  const std::string_view to = trim(row.to);
  if (e.kind == event_kind::report && to.empty()) return "a report needs 'to': the body it went to";
  if (!row.attendees_problem.empty()) return row.attendees_problem;

  // Each item split into its title and outcome, once, for the log or the sink (a buffer of the
  // thread's: rows are millions, and most have a few items).
  thread_local std::vector<written_item> items;
  items.clear();
  for (const std::string& item : row.items) {
    const written_item w = split_outcome(item);
    if (w.title.empty() && w.outcome != item_outcome::unrecorded)
      return fmt::format("the agenda item '{}' gives an outcome and no title", trim(item));
    if (!w.title.empty()) items.push_back(w);
  }
  if (items.size() > 0xFFFF) return fmt::format("{} agenda items: a meeting may have at most 65,535", items.size());

  // Nothing below can fail, so nothing is added to the log for a row that is rejected.
  if (log.sink) {
    log.sink->take(e, body, trim(row.council), trim(row.ref), {trim(row.title), to, items}, log);
    return {};
  }
  e.body = log.strings.intern(body);
  e.council = log.strings.intern(trim(row.council));
  // An empty cell, white space alone and a log without the column read the same: no title recorded.
  e.title = log.strings.intern(trim(row.title));
  e.to = log.strings.intern(to);
  e.ref = log.strings.intern(trim(row.ref));
  e.items_first = static_cast<std::uint32_t>(log.items.size());
  for (const written_item& item : items) {
    log.record_outcome(log.items.size(), item.outcome);
    log.items.push_back(log.strings.intern(item.title));
  }
  e.items_count = static_cast<std::uint16_t>(log.items.size() - e.items_first);
  const auto index = static_cast<std::uint32_t>(log.events.size());
  for (const attendee& a : row.attendees)
    log.attendances.push_back({index, log.strings.intern(trim(a.name)), log.strings.intern(trim(a.role)), a.status});
  log.events.push_back(e);
  return {};
}

}  // namespace remit
