#include "inputs/event_log.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <range/v3/iterator/operations.hpp>
#include <range/v3/view/chunk_by.hpp>
#include <range/v3/view/transform.hpp>

namespace remit {

namespace {

bool digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int number_of(std::string_view t) {
  int n = 0;
  for (char c : t) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

// Exactly HH:MM: a time written another way (9:5, 9am, 09.30) is more likely misread than read.
std::optional<time_of_day> parse_log_time(std::string_view t) {
  if (t.size() != 5 || t[2] != ':' || !digits(t.substr(0, 2)) || !digits(t.substr(3, 2))) return std::nullopt;
  const int h = number_of(t.substr(0, 2)), m = number_of(t.substr(3, 2));
  if (h > 23 || m > 59) return std::nullopt;
  return static_cast<time_of_day>(h * 60 + m);
}

std::string explain_bad_log_time(std::string_view t) {
  if (t.size() == 5 && t[2] == ':' && digits(t.substr(0, 2)) && digits(t.substr(3, 2))) {
    if (number_of(t.substr(0, 2)) > 23) return fmt::format("'{}' is not a time: there is no hour {}", t, t.substr(0, 2));
    return fmt::format("'{}' is not a time: there is no minute {}", t, t.substr(3, 2));
  }
  return fmt::format("'{}' is not a time: write it as HH:MM (24-hour, as 09:30 or 18:00) or as 10.00 am", t);
}

// ModernGov, and many a register, writes `10.00 am` or `2.30 pm`; a 24-hour `14:30` is read too.
std::optional<time_of_day> parse_moderngov_time(std::string_view t) {
  if (const auto plain = parse_log_time(t)) return plain;
  const auto space = t.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  std::string_view clock = t.substr(0, space), half = t.substr(space + 1);
  while (!half.empty() && half.front() == ' ') half.remove_prefix(1);
  const bool am = half == "am" || half == "AM", pm = half == "pm" || half == "PM";
  if (!am && !pm) return std::nullopt;
  const auto dot = clock.find_first_of(".:");
  const std::string_view hours = clock.substr(0, dot), minutes = dot == std::string_view::npos ? "00" : clock.substr(dot + 1);
  if (!digits(hours) || hours.size() > 2 || !digits(minutes) || minutes.size() != 2) return std::nullopt;
  const int h = number_of(hours), m = number_of(minutes);
  if (h < 1 || h > 12 || m > 59) return std::nullopt;
  return static_cast<time_of_day>((h % 12 + (pm ? 12 : 0)) * 60 + m);
}

std::string time_words(time_of_day t) { return fmt::format("{:02}:{:02}", t / 60, t % 60); }

std::string_view name(event_kind k) {
  switch (k) {
    case event_kind::meeting: return "meeting";
    case event_kind::session: return "session";
    case event_kind::report: return "report";
  }
  return "meeting";
}

std::string_view name(item_outcome o) {
  switch (o) {
    case item_outcome::unrecorded: return "not recorded";
    case item_outcome::approved: return "approved";
    case item_outcome::agreed: return "agreed";
    case item_outcome::adopted: return "adopted";
    case item_outcome::noted: return "noted";
    case item_outcome::deferred: return "deferred";
    case item_outcome::rejected: return "rejected";
    case item_outcome::withdrawn: return "withdrawn";
  }
  return "not recorded";
}

std::optional<item_outcome> parse_item_outcome(std::string_view word) {
  const std::string folded = fold(word);
  for (int i = 1; i <= static_cast<int>(item_outcome::withdrawn); ++i)
    if (folded == name(static_cast<item_outcome>(i))) return static_cast<item_outcome>(i);
  return std::nullopt;
}

std::string outcome_words() { return "approved, agreed, adopted, noted, deferred, rejected or withdrawn"; }

written_item split_outcome(std::string_view item) {
  item = trim(item);
  if (!item.ends_with(']')) return {item};
  const std::size_t open = item.rfind('[');
  if (open == std::string_view::npos) return {item};
  const auto outcome = parse_item_outcome(trim(item.substr(open + 1, item.size() - open - 2)));
  if (!outcome) return {item};  // a bracket of the title's own
  return {trim(item.substr(0, open)), *outcome};
}

std::string_view name(event_status s) {
  switch (s) {
    case event_status::held: return "held";
    case event_status::cancelled: return "cancelled";
    case event_status::postponed: return "postponed";
    case event_status::scheduled: return "scheduled";
    case event_status::confirmed: return "confirmed";
  }
  return "held";
}

std::string_view name(attendance_status s) {
  switch (s) {
    case attendance_status::expected: return "expected";
    case attendance_status::present: return "present";
    case attendance_status::present_virtually: return "present virtually";
    case attendance_status::substitute: return "substitute";
    case attendance_status::substitute_virtually: return "substitute virtually";
    case attendance_status::in_attendance: return "in attendance";
    case attendance_status::in_attendance_virtually: return "in attendance virtually";
    case attendance_status::apologies: return "apologies";
    case attendance_status::absent: return "absent";
  }
  return "expected";
}

namespace {

// `s == word`, with the word's length known where it is compiled: every row of a log asks this
// of its kind and status, and a call to memcmp costs more than the comparison.
template <std::size_t n>
bool is(std::string_view s, const char (&word)[n]) {
  return s.size() == n - 1 && std::memcmp(s.data(), word, n - 1) == 0;
}

}  // namespace

// A word as the log format spells it is matched as it stands (nearly every row); any other
// spelling is folded (case, white space) and matched again.
std::optional<event_kind> parse_event_kind(std::string_view s) {
  if (s.empty() || is(s, "meeting")) return event_kind::meeting;
  if (is(s, "session")) return event_kind::session;
  if (is(s, "report")) return event_kind::report;
  if (const std::string folded = fold(s); folded != s) return parse_event_kind(folded);
  return std::nullopt;
}

std::optional<event_status> parse_event_status(std::string_view s) {
  if (s.empty() || is(s, "held")) return event_status::held;
  for (event_status k : {event_status::cancelled, event_status::postponed, event_status::scheduled, event_status::confirmed})
    if (s == name(k)) return k;
  // The words councils' registers use for two of them (docs/inputs.md, "Status words").
  if (is(s, "rescheduled")) return event_status::postponed;
  if (is(s, "provisional")) return event_status::scheduled;
  if (const std::string folded = fold(s); folded != s) return parse_event_status(folded);
  return std::nullopt;
}

std::optional<attendance_status> parse_attendance_status(std::string_view s) {
  for (int i = 0; i <= static_cast<int>(attendance_status::absent); ++i)
    if (s == name(static_cast<attendance_status>(i))) return static_cast<attendance_status>(i);
  return std::nullopt;
}

std::span<const attendance> event_log::attendance_of(std::uint32_t event_index) const {
  const auto [first, last] = std::equal_range(
      attendances.begin(), attendances.end(), attendance{event_index, 0, 0, attendance_status::expected},
      [](const attendance& a, const attendance& b) { return a.event < b.event; });
  return {first, last};
}

std::size_t event_log::rows_rejected() const {
  std::size_t n = 0;
  for (const auto& f : files) n += f.rows_rejected;
  return n;
}

std::vector<event_log::body_events> event_log::by_body() const {
  // A body's events are found by its interned name first (one lookup per spelling, not per
  // event), then by its folded name, which several spellings may share.
  std::unordered_map<std::string_view, std::uint32_t> index;
  std::vector<std::uint32_t> body_of_id(strings.size(), UINT32_MAX);
  std::vector<body_events> out;
  // Each body's events are sorted by date, ties in log order (file, then line), so that output
  // never depends on hashing. The table is in log order as read (checked once): each event is
  // then taken as one number, its day above its index, as the table is read in order, and a
  // body's numbers are sorted with no look-up of an event (which, in a log in no order, missed
  // the cache at every comparison). Otherwise each body's indices are sorted comparing events.
  const bool in_log_order = std::is_sorted(events.begin(), events.end(), [](const event& a, const event& c) {
    return std::tie(a.source, a.line) < std::tie(c.source, c.line);
  });
  std::vector<std::vector<std::uint64_t>> keys;
  for (std::uint32_t i = 0; i < events.size(); ++i) {
    const string_pool::id id = events[i].body;
    std::uint32_t& slot = body_of_id[id];
    if (slot == UINT32_MAX) {
      const std::string_view folded = strings.folded(id);
      auto [it, fresh] = index.emplace(folded, static_cast<std::uint32_t>(out.size()));
      if (fresh) {
        out.push_back({std::string(folded), id, {}});
        if (in_log_order) keys.emplace_back();
      }
      slot = it->second;
      // Of several spellings, show the first in byte order, so row order never changes the report.
      body_events& b = out[slot];
      if (strings.text(id) < strings.text(b.display_name)) b.display_name = id;
    }
    if (in_log_order)
      keys[slot].push_back((static_cast<std::uint64_t>(std::int64_t{events[i].day.days} - INT32_MIN) << 32) | i);
    else
      out[slot].events.push_back(i);
  }
  const auto before = [&](std::uint32_t a, std::uint32_t c) {
    return std::tie(events[a].day, events[a].source, events[a].line) <
           std::tie(events[c].day, events[c].source, events[c].line);
  };
  for (std::size_t k = 0; k < out.size(); ++k) {
    std::vector<std::uint32_t>& list = out[k].events;
    if (!in_log_order) {
      if (!std::is_sorted(list.begin(), list.end(), before)) std::stable_sort(list.begin(), list.end(), before);
      continue;
    }
    std::vector<std::uint64_t>& numbers = keys[k];
    if (!std::is_sorted(numbers.begin(), numbers.end())) std::sort(numbers.begin(), numbers.end());
    list.resize(numbers.size());
    for (std::size_t e = 0; e < numbers.size(); ++e) list[e] = static_cast<std::uint32_t>(numbers[e]);
    std::vector<std::uint64_t>().swap(numbers);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.folded_name < b.folded_name; });
  return out;
}

namespace {

// Sorts numbers below 2^bits: least significant digit first, 11 bits a pass. Ten million in
// three to five passes, where a comparison sort of them took a second.
void sort_below(std::vector<std::uint64_t>& numbers, unsigned bits) {
  constexpr unsigned digit = 11;
  constexpr std::size_t buckets = std::size_t{1} << digit;
  std::vector<std::uint64_t> other(numbers.size());
  std::vector<std::size_t> count(buckets);
  for (unsigned shift = 0; shift < bits; shift += digit) {
    std::fill(count.begin(), count.end(), 0);
    for (const std::uint64_t n : numbers) ++count[(n >> shift) & (buckets - 1)];
    std::size_t at = 0;
    for (std::size_t& c : count) at += std::exchange(c, at);
    for (const std::uint64_t n : numbers) other[count[(n >> shift) & (buckets - 1)]++] = n;
    numbers.swap(other);
  }
}

// The bits a number below `n` needs.
unsigned bits_below(std::uint64_t n) {
  unsigned bits = 0;
  while (bits < 64 && (std::uint64_t{1} << bits) < n) ++bits;
  return bits;
}

}  // namespace

std::string after_today_words(event_kind kind, std::string_view body, date day, date today) {
  return fmt::format("confirmed {} of \"{}\" on {} is after today ({}): read as scheduled, not held", name(kind), body, day,
                     today);
}

void schedule_confirmed_after_today(event_log& log) {
  if (!log.today) return;
  for (event& e : log.events)
    if (e.status == event_status::confirmed && e.day > *log.today) {
      e.status = event_status::scheduled;
      log.files[e.source].notes.push_back({e.line, after_today_words(e.kind, log.strings.text(e.body), e.day, *log.today)});
    }
}

void count_repeated_rows_once(event_log& log) {
  if (log.events.size() < 2) return;
  // Spellings that fold alike are one body (or council): one number each.
  std::unordered_map<std::string_view, std::uint32_t> folded_ids;
  std::vector<std::uint32_t> canonical(log.strings.size());
  for (std::uint32_t id = 0; id < canonical.size(); ++id)
    canonical[id] = folded_ids.emplace(log.strings.folded(id), id).first->second;
  // Only rows of one body on one day can repeat each other: sort by those, then compare the rest
  // within each run, in log order (a few rows at most). Each event as one number: its body's number times the days the log spans, plus the day's
  // place in them, above its index; sorted, the runs of one body and day are together, each in
  // log order. (A key of body and day that leaves no room for the index is sorted as pairs.)
  const auto [first, last] = std::minmax_element(log.events.begin(), log.events.end(),
                                                 [](const event& a, const event& b) { return a.day < b.day; });
  const std::uint64_t span = static_cast<std::uint64_t>(std::int64_t{last->day.days} - first->day.days) + 1;
  const std::int64_t earliest = first->day.days;
  const auto key_of = [&](const event& e) {
    return std::uint64_t{canonical[e.body]} * span + static_cast<std::uint64_t>(std::int64_t{e.day.days} - earliest);
  };
  const unsigned index_bits = bits_below(log.events.size());
  const unsigned key_bits = canonical.size() > (UINT64_MAX / span) ? 64 : bits_below(canonical.size() * span);
  const auto same_row = [&](const event& a, const event& b) {
    return canonical[a.council] == canonical[b.council] && a.kind == b.kind && a.status == b.status &&
           a.title == b.title && a.to == b.to;
  };
  std::vector<bool> repeat(log.events.size(), false);
  bool any = false;
  const auto same_body_and_day = [](const auto& a, const auto& b) { return a.first == b.first; };
  const auto find_repeats = [&](auto&& sorted) {
    for (const auto run : sorted | ranges::views::chunk_by(same_body_and_day)) {
      // Each row of the run against those before it.
      for (auto later = ranges::next(run.begin()); later != run.end(); ++later)
        for (auto k = run.begin(); k != later; ++k) {
          const event& e = log.events[(*later).second];
          event& earlier = log.events[(*k).second];
          if (repeat[(*k).second] || !same_row(earlier, e)) continue;
          // Which row comes first must not decide the agenda's publication date: one recorded by
          // either row is the meeting's; two that differ leave it unrecorded (the records cannot
          // tell which), so a notice rule says no-evidence rather than judge on either.
          std::string publication;
          if (e.published != earlier.published && e.published != no_date) {
            if (earlier.published == no_date) {
              earlier.published = e.published;
              publication = fmt::format("; its agenda publication date, {}, is the meeting's", e.published);
            } else {
              publication = fmt::format("; its agenda publication date, {}, differs from that row's, {}: the records cannot "
                                        "tell which, so none is taken",
                                        e.published, earlier.published);
              earlier.published = no_date;
            }
          }
          log.files[e.source].notes.push_back(
              {e.line, fmt::format("the same {} of \"{}\" on {} as {}:{} (body, date, kind, status, title and recipient): "
                                   "counted once{}",
                                   name(e.kind), log.strings.text(e.body), e.day, log.files[earlier.source].path, earlier.line,
                                   publication)});
          repeat[(*later).second] = any = true;
          break;
        }
    }
  };
  if (key_bits + index_bits <= 64) {
    std::vector<std::uint64_t> packed(log.events.size());
    for (std::uint32_t i = 0; i < log.events.size(); ++i) packed[i] = (key_of(log.events[i]) << index_bits) | i;
    sort_below(packed, key_bits + index_bits);
    const std::uint64_t index_mask = (std::uint64_t{1} << index_bits) - 1;
    find_repeats(packed | ranges::views::transform([&](std::uint64_t n) {
                   return std::pair<std::uint64_t, std::uint32_t>{n >> index_bits, static_cast<std::uint32_t>(n & index_mask)};
                 }));
  } else {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(log.events.size());
    for (std::uint32_t i = 0; i < log.events.size(); ++i) order[i] = {key_of(log.events[i]), i};
    std::sort(order.begin(), order.end());
    find_repeats(order);
  }
  if (!any) return;
  log.erase_events([&](std::uint32_t i) { return repeat[i]; });
  for (log_file_summary& f : log.files)
    std::stable_sort(f.notes.begin(), f.notes.end(), [](const log_note& a, const log_note& b) { return a.line < b.line; });
}

std::string confirmed_note(event_kind kind, std::string_view body, date day, std::string_view ref) {
  std::string text =
      fmt::format("confirmed {} of \"{}\" on {} counted as held, though no minutes are recorded", name(kind), body, day);
  if (!ref.empty()) text += fmt::format(" (ref {})", ref);
  return text;
}

void note_confirmed_events(event_log& log, date audit_end) {
  for (const event& e : log.events) {
    if (e.status != event_status::confirmed || e.day > audit_end) continue;
    log.files[e.source].notes.push_back(
        {e.line, confirmed_note(e.kind, log.strings.text(e.body), e.day, log.strings.text(e.ref))});
  }
  for (log_file_summary& f : log.files)
    std::stable_sort(f.notes.begin(), f.notes.end(), [](const log_note& a, const log_note& b) { return a.line < b.line; });
}

}  // namespace remit
