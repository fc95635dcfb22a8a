// The event model of docs/inputs.md: every meeting, session and report from every log, merged.
// Laid out for millions of rows: dates are day numbers, strings are interned ids.
#pragma once

#include <climits>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"
#include "inputs/councils.hpp"

namespace remit {

enum class event_kind : std::uint8_t { meeting, session, report };
// `confirmed` is a meeting the record says will take place (ModernGov's "Confirmed") with no
// minutes to show that it did: on or before the audit end it counts as held, and the report
// lists it (docs/inputs.md, "Confirmed meetings").
enum class event_status : std::uint8_t { held, cancelled, postponed, scheduled, confirmed };

// How a person was recorded at a meeting, in the words of docs/inputs.md ("attendees").
// Virtual attendance is kept apart: in England it does not count towards a quorum.
enum class attendance_status : std::uint8_t {
  expected,
  present,
  present_virtually,
  substitute,
  substitute_virtually,
  in_attendance,
  in_attendance_virtually,
  apologies,
  absent,
};

// What an agenda item's record says was decided on it (docs/inputs.md, "Outcomes"): a CSV item
// `Terms of Reference review [approved]`, a JSON Lines item object's "outcome". Most items record
// none: `unrecorded`, which is not a decision either way.
enum class item_outcome : std::uint8_t { unrecorded, approved, agreed, adopted, noted, deferred, rejected, withdrawn };

std::string_view name(event_kind k);
std::string_view name(item_outcome o);
// From a word in any case: one of the seven outcome words, else none.
std::optional<item_outcome> parse_item_outcome(std::string_view word);
// Whether the outcome is a decision to approve: approved, agreed or adopted.
inline bool approves(item_outcome o) {
  return o == item_outcome::approved || o == item_outcome::agreed || o == item_outcome::adopted;
}
// "approved, agreed, adopted, noted, deferred, rejected or withdrawn", for messages.
std::string outcome_words();

// An agenda item as a log writes it, split into its title and its outcome: `Review [approved]` is
// the title "Review", approved. The outcome is the last bracket, when it holds one of the outcome
// words and comes after a title; any other bracket (`Appendix [exempt]`) is part of the title.
struct written_item {
  std::string_view title;
  item_outcome outcome = item_outcome::unrecorded;
};
written_item split_outcome(std::string_view item);
std::string_view name(event_status s);
std::string_view name(attendance_status s);
// From a log's cell, in any case and spacing; "" is a meeting, held.
std::optional<event_kind> parse_event_kind(std::string_view word);
std::optional<event_status> parse_event_status(std::string_view word);
std::optional<attendance_status> parse_attendance_status(std::string_view folded);

inline constexpr date no_date{INT32_MIN};

// A time of day as minutes since midnight (0 to 1439), in two bytes: events are millions.
// `no_time`: the log does not record the time (docs/inputs.md, "Times").
using time_of_day = std::uint16_t;
inline constexpr time_of_day no_time = 0xFFFF;
// From a log's `time` cell: HH:MM, 24-hour (`09:30`, `18:00`); none for anything else.
std::optional<time_of_day> parse_log_time(std::string_view text);
// Why a time cell is not a time, for the row's rejection.
std::string explain_bad_log_time(std::string_view text);
// From ModernGov's <meetingtime>: `10.00 am`, `2.30 pm`, or `14:30`; none for anything else.
std::optional<time_of_day> parse_moderngov_time(std::string_view text);
// "09:30".
std::string time_words(time_of_day t);

struct event {
  date day;
  date published = no_date;  // agenda publication, when recorded
  string_pool::id body = 0;
  string_pool::id council = 0;  // 0: the row named no council
  string_pool::id title = 0;
  string_pool::id to = 0;  // reports: the body the report went to
  string_pool::id ref = 0;  // the record's id where it came from (ModernGov's meetingid), for tracing evidence
  std::uint32_t items_first = 0;
  std::uint16_t items_count = 0;  // 0: agenda items not recorded; a row with more than 65,535 is rejected
  time_of_day time = no_time;     // when on its day, if the log records it (two bytes: beside items_count)
  event_kind kind = event_kind::meeting;
  event_status status = event_status::held;
  std::uint16_t source = 0;  // index into event_log::files
  std::uint32_t line = 0;    // line of the row in its file

  // Events after the audit end are never looked at, so a confirmed one is only ever counted
  // when it is dated on or before it.
  bool held() const { return status == event_status::held || status == event_status::confirmed; }
  bool held_meeting() const { return held() && kind == event_kind::meeting; }
  // A held meeting, or with ", informal meetings count" a held session too.
  bool counts_as_meeting(bool informal_meetings_count) const {
    return held_meeting() || (informal_meetings_count && held() && kind == event_kind::session);
  }
};

// One person at one meeting. A side table rather than a field of `event`: most logs record
// no attendance, and events stay small.
struct attendance {
  std::uint32_t event = 0;  // index into event_log::events
  string_pool::id person = 0;
  string_pool::id role = 0;  // 0: not recorded
  attendance_status status = attendance_status::expected;
};

// Who belongs to a body, in which role, from which date to which date, and which partner
// organisation they represent (docs/inputs.md, "People"). A person holding two roles has
// two memberships.
// What kind of member a membership row records (docs/inputs.md, "Membership"): its `type`, or
// elected when it gives a party and no type; unrecorded when it gives neither.
enum class member_type : std::uint8_t { unrecorded, elected, co_opted, officer, partner, young_person };

struct membership {
  string_pool::id body = 0;
  string_pool::id council = 0;  // 0: the row named no council
  string_pool::id person = 0;
  string_pool::id role = 0;     // 0: not recorded
  string_pool::id partner = 0;  // 0: not recorded
  string_pool::id party = 0;    // the political party of an elected member; 0: not recorded
  member_type type = member_type::unrecorded;
  bool voting = true;           // `voting` no: a member who may not vote
  date from;
  date to = no_date;  // no_date: still a member
  std::uint16_t source = 0;
  std::uint32_t line = 0;

  bool in_force(date d) const { return from <= d && (to == no_date || d <= to); }
};

// A political group of a council and its seats on the council, from one date to another
// (docs/inputs.md, "Political groups"): what `reflects the political balance of the council`
// judges a body's councillor members against.
struct political_group {
  string_pool::id council = 0;  // 0: the row named no council
  string_pool::id group = 0;
  std::uint32_t seats = 0;
  date from;
  date to = no_date;  // no_date: still so
  std::uint16_t source = 0;
  std::uint32_t line = 0;

  bool in_force(date d) const { return from <= d && (to == no_date || d <= to); }
};

// Who completed which training on which date; for one body, or (body 0) for any.
struct training_record {
  string_pool::id person = 0;
  string_pool::id training = 0;
  string_pool::id body = 0;
  string_pool::id council = 0;
  date day;
  std::uint16_t source = 0;
  std::uint32_t line = 0;
};

// A row of an attendance file, waiting to be joined to the meeting of its body on its date
// once every log has been read (join_attendance_rows).
struct attendance_row {
  string_pool::id body = 0;
  string_pool::id council = 0;
  string_pool::id person = 0;
  string_pool::id role = 0;
  date day;
  attendance_status status = attendance_status::expected;
  std::uint16_t source = 0;
  std::uint32_t line = 0;
};

struct rejected_row {
  std::uint32_t line = 0;
  std::string reason;
};

// Something the reader of a report must know about rows that were used: a meeting counted
// as held on the strength of a confirmation alone, two records of one meeting joined.
struct log_note {
  std::uint32_t line = 0;  // 0: about the file as a whole
  std::string text;
};

// Rows read and sound but not used: they belong to a council that no rule file audits.
struct left_out_rows {
  std::string reason;                // "council 'Lancashire CC', not 'Lancashire County Council'"
  std::size_t rows = 0;
  std::vector<std::uint32_t> lines;  // the first few
  std::string hint = {};             // why it looks meant for the rule file's council (near_miss)
};

// A log of a million bad rows must not hold a million reasons: the first this many are listed,
// and every one is counted.
inline constexpr std::size_t rejected_rows_listed = 1000;

// What became of each file's rows: nothing is dropped without a word. Every row read is used,
// rejected or left out: rows_read == rows_used + rows_rejected + rows_left_out.
struct log_file_summary {
  std::string path;
  std::string format;
  std::size_t rows_read = 0;
  std::size_t rows_used = 0;
  std::vector<rejected_row> rejected;  // the first rejected_rows_listed rejected rows, with their reasons
  std::vector<log_note> notes = {};
  std::string sha256 = {};  // of the file's bytes as read, for the report's manifest
  std::size_t rows_left_out = 0;
  std::vector<left_out_rows> left_out = {};  // likely misspellings first
  std::size_t rows_rejected = 0;             // all of them, listed or not

  void reject(std::uint32_t line, std::string reason) {
    ++rows_rejected;
    if (rejected.size() < rejected_rows_listed) rejected.push_back({line, std::move(reason)});
  }
};

class event_log;

// Takes each event of a CSV or JSON Lines log as it is read, in place of the event table: a
// streamed audit (evaluate/streamed_audit.hpp) judges it there and then. The event carries its
// day, publication, kind, status and place; its body, council and record id come as the row
// wrote them (trimmed), not interned, for the sink to intern what it keeps; its title,
// recipient, items and attendance are not kept.
// What a row says in words, beside its event: its title, the body a report went to, its agenda
// items (each split into its title and outcome; an empty one is none).
struct row_words {
  std::string_view title, to;
  std::span<const written_item> items;  // each trimmed, none empty
};

class event_sink {
 public:
  virtual ~event_sink() = default;
  virtual void take(const event& e, std::string_view body, std::string_view council, std::string_view ref,
                    const row_words& words, event_log& log) = 0;
  // Whether it reads a row's words: a reader that would split them for nothing need not.
  virtual bool wants_words() const = 0;
  // Whether it takes no more rows (a streamed audit that met a row out of date order): the
  // readers then stop at once, rather than parse the rest of the log for nothing.
  virtual bool stopped() const = 0;
};

class event_log {
 public:
  event_sink* sink = nullptr;  // set: events go to it, not to `events`
  admitted_councils councils;  // whose rows are used; the rest are left out, and counted
  // Set when the audit runs past today: a confirmed event dated after today has not happened,
  // so it is read as scheduled (after_today_words), not held.
  std::optional<date> today;
  left_out_tally left_out;     // rows left out while reading, until leave_out_other_councils
  string_pool strings;
  std::vector<event> events;
  std::vector<string_pool::id> items;  // every event's agenda items, back to back
  // Beside `items`, the outcome of each, as far as one is recorded: shorter than `items` (empty in
  // a log that records none), the rest are unrecorded. Cut back with `items` (cut_items).
  std::vector<item_outcome> item_outcomes;
  std::vector<attendance> attendances;  // sorted by event
  std::vector<log_file_summary> files;
  std::vector<membership> memberships;        // in log order
  std::vector<training_record> trainings;     // in log order
  std::vector<political_group> groups;        // in log order
  std::vector<attendance_row> attendance_rows;  // read, not yet joined to their meetings

  std::span<const string_pool::id> items_of(const event& e) const {
    return {items.data() + e.items_first, e.items_count};
  }
  // The outcome of the item at `index` in `items`.
  item_outcome outcome_of_item(std::size_t index) const {
    return index < item_outcomes.size() ? item_outcomes[index] : item_outcome::unrecorded;
  }
  void record_outcome(std::size_t index, item_outcome o) {
    if (o == item_outcome::unrecorded && index >= item_outcomes.size()) return;
    if (item_outcomes.size() <= index) item_outcomes.resize(index + 1, item_outcome::unrecorded);
    item_outcomes[index] = o;
  }
  // Back to the first `n` items, their outcomes with them.
  void cut_items(std::size_t n) {
    items.resize(n);
    if (item_outcomes.size() > n) item_outcomes.resize(n);
  }
  std::span<const attendance> attendance_of(std::uint32_t event_index) const;
  std::size_t rows_rejected() const;

  // Removes the events for which `drop(index)` is true, keeping the order of the rest and
  // the attendance that belongs to them.
  template <typename Predicate>
  void erase_events(Predicate drop) {
    std::vector<std::uint32_t> new_index(events.size(), UINT32_MAX);
    std::uint32_t kept = 0;
    for (std::uint32_t i = 0; i < events.size(); ++i)
      if (!drop(i)) {
        new_index[i] = kept;
        events[kept++] = events[i];
      }
    events.resize(kept);
    std::erase_if(attendances, [&](const attendance& a) { return new_index[a.event] == UINT32_MAX; });
    for (attendance& a : attendances) a.event = new_index[a.event];
  }

  // One entry per body (by folded name), in order of the folded name; events in date order.
  struct body_events {
    std::string folded_name;
    string_pool::id display_name = 0;  // of several spellings, the first in byte order
    std::vector<std::uint32_t> events;
  };
  std::vector<body_events> by_body() const;
};

// The note a log gives a confirmed event dated after today, read as scheduled.
std::string after_today_words(event_kind kind, std::string_view body, date day, date today);
// Counts once each event that repeats an earlier one row for row (the same body, council, date,
// kind, status, title and recipient), within a log or across logs, with a note at the repeat.
void count_repeated_rows_once(event_log& log);

// Reads each confirmed event dated after `log.today` as scheduled, with its note.
void schedule_confirmed_after_today(event_log& log);

// The note a report gives a confirmed event counted as held.
std::string confirmed_note(event_kind kind, std::string_view body, date day, std::string_view ref);

// Notes, in each log it came from, every confirmed event dated on or before `audit_end`: it
// counts as held with nothing but the confirmation to show that it took place.
void note_confirmed_events(event_log& log, date audit_end);

// Joins each attendance row to the meeting of its body on its date, and rejects (in its own
// file's summary) each row that names no such meeting, or a person already recorded there.
void join_attendance_rows(event_log& log);

}  // namespace remit
