// The event model of docs/inputs.md: every meeting, session and report from every log, merged.
// Laid out for millions of rows: dates are day numbers, strings are interned ids.
#pragma once

#include <climits>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"

namespace remit {

enum class event_kind : std::uint8_t { meeting, session, report };
enum class event_status : std::uint8_t { held, cancelled, postponed, scheduled };

std::string_view name(event_kind k);
std::string_view name(event_status s);

inline constexpr date no_date{INT32_MIN};

struct event {
  date day;
  date published = no_date;  // agenda publication, when recorded
  string_pool::id body = 0;
  string_pool::id council = 0;  // 0: the row named no council
  string_pool::id title = 0;
  string_pool::id to = 0;  // reports: the body the report went to
  std::uint32_t items_first = 0;
  std::uint32_t items_count = 0;  // 0: agenda items not recorded
  event_kind kind = event_kind::meeting;
  event_status status = event_status::held;
  std::uint16_t source = 0;  // index into event_log::files
  std::uint32_t line = 0;    // line of the row in its file

  bool held() const { return status == event_status::held; }
  bool held_meeting() const { return held() && kind == event_kind::meeting; }
};

struct rejected_row {
  std::uint32_t line = 0;
  std::string reason;
};

// What became of each file's rows: nothing is dropped without a word.
struct log_file_summary {
  std::string path;
  std::string format;
  std::size_t rows_read = 0;
  std::size_t rows_used = 0;
  std::vector<rejected_row> rejected;
};

class event_log {
 public:
  string_pool strings;
  std::vector<event> events;
  std::vector<string_pool::id> items;  // every event's agenda items, back to back
  std::vector<log_file_summary> files;

  std::span<const string_pool::id> items_of(const event& e) const {
    return {items.data() + e.items_first, e.items_count};
  }
  std::size_t rows_rejected() const;

  // One entry per body (by folded name), in order of the folded name; events in date order.
  struct body_events {
    std::string folded_name;
    string_pool::id display_name = 0;  // of several spellings, the first in byte order
    std::vector<std::uint32_t> events;
  };
  std::vector<body_events> by_body() const;
};

}  // namespace remit
