// Attendance rows name a meeting by its body and date; once every log is read, each is joined
// to that meeting (docs/inputs.md, "People"). A row that names no recorded meeting cannot be
// evidence of anything, so it is rejected with the reason rather than kept aside.
#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/transform.hpp>

#include "inputs/event_log.hpp"

namespace remit {

namespace {

bool same_council(const event_log& log, string_pool::id a, string_pool::id b) {
  return a == 0 || b == 0 || log.strings.folded(a) == log.strings.folded(b);
}

std::string place(const event_log& log, std::uint16_t source, std::uint32_t line) {
  return fmt::format("{}:{}", log.files[source].path, line);
}

}  // namespace

void join_attendance_rows(event_log& log) {
  namespace views = ranges::views;
  if (log.attendance_rows.empty()) return;
  // Meetings (not sessions or reports) by folded body and date.
  std::map<std::tuple<std::string_view, std::int32_t>, std::vector<std::uint32_t>> meetings;
  for (std::uint32_t i = 0; i < log.events.size(); ++i)
    if (log.events[i].kind == event_kind::meeting)
      meetings[{log.strings.folded(log.events[i].body), log.events[i].day.days}].push_back(i);

  // Who is already recorded at each meeting, and where: a second record of one person at one
  // meeting would leave the evaluator to guess which is true.
  std::map<std::tuple<std::uint32_t, std::string_view>, std::string> recorded;
  for (const attendance& a : log.attendances) {
    const event& e = log.events[a.event];
    recorded.emplace(std::tuple{a.event, log.strings.folded(a.person)}, place(log, e.source, e.line));
  }

  std::vector<attendance_row> rows = std::move(log.attendance_rows);
  log.attendance_rows.clear();
  // In file and line order, so that which of two rows is rejected never depends on hashing.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const attendance_row& a, const attendance_row& b) { return std::tie(a.source, a.line) < std::tie(b.source, b.line); });
  for (const attendance_row& row : rows) {
    log_file_summary& file = log.files[row.source];
    const auto reject = [&](std::string reason) {
      file.reject(row.line, std::move(reason));
      --file.rows_used;
    };
    // The meetings of the row's body on its day, of its council.
    std::vector<std::uint32_t> candidates;
    if (const auto it = meetings.find({log.strings.folded(row.body), row.day.days}); it != meetings.end())
      candidates = it->second | views::filter([&](std::uint32_t i) { return same_council(log, log.events[i].council, row.council); }) |
                   ranges::to<std::vector>();
    if (candidates.empty()) {
      reject(fmt::format("no meeting of \"{}\" on {} is recorded in the logs", log.strings.text(row.body), row.day));
      continue;
    }
    if (candidates.size() > 1) {
      const auto where = candidates | views::transform([&](std::uint32_t i) { return place(log, log.events[i].source, log.events[i].line); });
      reject(fmt::format("{} meetings of \"{}\" on {} are recorded ({}): which one is meant would be a guess",
                         candidates.size(), log.strings.text(row.body), row.day, fmt::join(where, ", ")));
      continue;
    }
    const auto [it, fresh] =
        recorded.emplace(std::tuple{candidates.front(), log.strings.folded(row.person)}, place(log, row.source, row.line));
    if (!fresh) {
      reject(fmt::format("'{}' is already recorded at the meeting of \"{}\" on {} ({})", log.strings.text(row.person),
                         log.strings.text(row.body), row.day, it->second));
      continue;
    }
    log.attendances.push_back({candidates.front(), row.person, row.role, row.status});
  }
  std::stable_sort(log.attendances.begin(), log.attendances.end(),
                   [](const attendance& a, const attendance& b) { return a.event < b.event; });
  for (log_file_summary& f : log.files)
    std::stable_sort(f.rejected.begin(), f.rejected.end(),
                     [](const rejected_row& a, const rejected_row& b) { return a.line < b.line; });
}

}  // namespace remit
