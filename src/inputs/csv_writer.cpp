#include "inputs/csv_writer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "inputs/list_cells.hpp"

namespace remit {

namespace {

// RFC 4180: quoted only when it must be, with quotes doubled.
void put_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

std::string canonical_csv_row(const event_log& log, std::uint32_t event_index, bool with_time) {
  const event& e = log.events[event_index];
  // An item's outcome, where recorded, as a CSV log writes it: `Review [approved]`.
  std::vector<std::string> written;
  for (std::uint32_t k = 0; k < e.items_count; ++k) {
    const item_outcome o = log.outcome_of_item(e.items_first + k);
    const std::string_view title = log.strings.text(log.items[e.items_first + k]);
    written.push_back(o == item_outcome::unrecorded ? std::string(title) : fmt::format("{} [{}]", title, name(o)));
  }
  std::vector<std::string_view> items(written.begin(), written.end());
  std::string attendees;
  for (const attendance& a : log.attendance_of(event_index)) {
    if (!attendees.empty()) attendees += "; ";
    attendees += format_attendee(log.strings.text(a.person), log.strings.text(a.role), a.status);
  }
  const std::string fields[] = {std::string(log.strings.text(e.council)),
                                std::string(log.strings.text(e.body)),
                                to_iso(e.day),
                                std::string(name(e.kind)),
                                std::string(name(e.status)),
                                std::string(log.strings.text(e.title)),
                                std::string(log.strings.text(e.to)),
                                e.published == no_date ? std::string{} : to_iso(e.published),
                                join_items(items),
                                std::string(log.strings.text(e.ref)),
                                attendees};
  std::string out;
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) out.push_back(',');
    first = false;
    put_field(out, f);
  }
  if (with_time) {
    out.push_back(',');
    if (e.time != no_time) out += time_words(e.time);
  }
  out.push_back('\n');
  return out;
}

bool records_times(const event_log& log) {
  return std::any_of(log.events.begin(), log.events.end(), [](const event& e) { return e.time != no_time; });
}

std::string canonical_csv(const event_log& log) {
  const bool with_time = records_times(log);
  std::string out(with_time ? canonical_csv_timed_header : canonical_csv_header);
  for (const auto& body : log.by_body())
    for (std::uint32_t i : body.events) out += canonical_csv_row(log, i, with_time);
  return out;
}

}  // namespace remit
