#include <array>

#include "report/due_reporter.hpp"

namespace remit {

std::span<const due_reporter_entry> due_reporters() {
  static const std::array<due_reporter_entry, 4> all{{
      {"text", "for people: overdue first, then by date, each with how its date was reached", make_due_text_reporter},
      {"json", "for programs: one object, described by docs/due.schema.json", make_due_json_reporter},
      {"ics", "an iCalendar file (RFC 5545): an all-day event per obligation, with stable UIDs", make_due_ics_reporter},
      {"brief", "for the chair: per body, what is overdue, at risk and due, a line each, to paste into an email",
       make_due_brief_reporter},
  }};
  return all;
}

const due_reporter_entry* find_due_reporter(std::string_view name) {
  for (const due_reporter_entry& r : due_reporters())
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace remit
