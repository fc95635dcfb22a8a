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

std::optional<member_type> parse_member_type(std::string_view folded) {
  if (folded.empty()) return member_type::unrecorded;
  if (folded == "elected") return member_type::elected;
  if (folded == "co-opted") return member_type::co_opted;
  if (folded == "officer") return member_type::officer;
  if (folded == "partner") return member_type::partner;
  if (folded == "young person") return member_type::young_person;
  return std::nullopt;
}

std::string_view member_type_words() { return "elected, co-opted, officer, partner or young person (empty: not recorded)"; }

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
  for (const auto& [column, cell] : {std::pair{"party", row.party}, std::pair{"type", row.type}, std::pair{"voting", row.voting}})
    if (kind != people_kind::membership && !trim(cell).empty())
      return fmt::format("{} '{}' on {} row: a {} is recorded on membership rows only", column, trim(cell),
                         kind == people_kind::attendance ? "an attendance" : "a training", column);

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
      const std::string type = fold(row.type);
      if (const auto t = parse_member_type(type))
        m.type = *t;
      else
        return fmt::format("unknown type '{}' for '{}': expected {}", trim(row.type), person, member_type_words());
      if (m.type == member_type::unrecorded && m.party != 0) m.type = member_type::elected;
      const std::string voting = fold(row.voting);
      if (voting == "no")
        m.voting = false;
      else if (!voting.empty() && voting != "yes")
        return fmt::format("unknown voting '{}' for '{}': expected yes or no (empty: yes)", trim(row.voting), person);
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
