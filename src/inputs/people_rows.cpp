#include "inputs/people_rows.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "inputs/list_cells.hpp"

namespace remit {

people_kind people_kind_of(bool has_attendance_column, bool has_training_column) {
  if (has_attendance_column) return people_kind::attendance;
  if (has_training_column) return people_kind::training;
  return people_kind::membership;
}

std::string_view name(people_kind k) {
  switch (k) {
    case people_kind::attendance: return "attendance";
    case people_kind::membership: return "membership";
    case people_kind::training: return "training";
  }
  return "membership";
}

namespace {

// A required date: why it cannot be read, or "" with `out` set.
std::string required_date(std::string_view column, std::string_view cell, date& out) {
  const std::string_view text = trim(cell);
  if (text.empty()) return fmt::format("missing {}", column);
  const auto d = parse_log_date(text);
  if (!d) return fmt::format("{}: {}", column, explain_bad_log_date(text));
  out = *d;
  return {};
}

}  // namespace

std::string add_people_row(people_kind kind, const people_fields& row, std::uint16_t source, std::uint32_t line,
                           event_log& log) {
  const std::string_view person = trim(row.person);
  const std::string_view body = trim(row.body);
  if (person.empty()) return "missing person";
  if (kind != people_kind::training && body.empty()) return "missing body";
  // A party belongs to a member of the body, not to one meeting's attendance or to training.
  if (kind != people_kind::membership && !trim(row.party).empty())
    return fmt::format("party '{}' on {} row: a party is recorded on membership rows only", trim(row.party),
                       kind == people_kind::attendance ? "an attendance" : "a training");

  switch (kind) {
    case people_kind::attendance: {
      attendance_row a;
      if (std::string why = required_date("date", row.date, a.day); !why.empty()) return why;
      const std::string_view word = trim(row.attendance);
      if (word.empty()) return fmt::format("missing attendance for '{}': expected {}", person, attendance_words());
      const auto status = parse_attendance_status(fold(word));
      if (!status) return fmt::format("unknown attendance '{}' for '{}': expected {}", word, person, attendance_words());
      a.status = *status;
      a.body = log.strings.intern(body);
      a.council = log.strings.intern(trim(row.council));
      a.person = log.strings.intern(person);
      a.role = log.strings.intern(trim(row.role));
      a.source = source;
      a.line = line;
      log.attendance_rows.push_back(a);
      return {};
    }
    case people_kind::membership: {
      membership m;
      if (std::string why = required_date("from", row.from, m.from); !why.empty()) return why;
      if (!trim(row.to).empty()) {
        if (std::string why = required_date("to", row.to, m.to); !why.empty()) return why;
        if (m.to < m.from) return fmt::format("to: {} is before from: {}", m.to, m.from);
      }
      m.body = log.strings.intern(body);
      m.council = log.strings.intern(trim(row.council));
      m.person = log.strings.intern(person);
      m.role = log.strings.intern(trim(row.role));
      m.partner = log.strings.intern(trim(row.partner));
      m.party = log.strings.intern(trim(row.party));
      m.source = source;
      m.line = line;
      log.memberships.push_back(m);
      return {};
    }
    case people_kind::training: {
      training_record t;
      const std::string_view training = trim(row.training);
      if (training.empty()) return "missing training";
      if (std::string why = required_date("date", row.date, t.day); !why.empty()) return why;
      t.person = log.strings.intern(person);
      t.training = log.strings.intern(training);
      t.body = log.strings.intern(body);
      t.council = log.strings.intern(trim(row.council));
      t.source = source;
      t.line = line;
      log.trainings.push_back(t);
      return {};
    }
  }
  return {};
}

}  // namespace remit
