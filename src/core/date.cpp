#include "core/date.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace remit {

using namespace std::chrono;

std::string_view date::weekday_name() const {
  static constexpr std::array<std::string_view, 7> names{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return names[weekday()];
}

namespace {
constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};
}  // namespace

std::string_view month_name(int month) { return month_names[static_cast<std::size_t>(((month - 1) % 12 + 12) % 12)]; }

std::string_view month_abbreviation(int month) { return month_name(month).substr(0, 3); }

int month_named(std::string_view name) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t m = 0; m < month_names.size(); ++m)
    if (std::equal(name.begin(), name.end(), month_names[m].begin(), month_names[m].end(),
                   [&](char a, char b) { return lower(a) == lower(b); }))
      return static_cast<int>(m) + 1;
  return 0;
}

date date::plus_months(int n) const {
  const year_month_day start = ymd();
  const year_month target = year_month{start.year(), start.month()} + months{n};
  const day last = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
  return date::from(year_month_day{target.year(), target.month(), std::min(start.day(), last)});
}

namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view s) {
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

bool iso_shape(std::string_view t) {
  return t.size() == 10 && t[4] == '-' && t[7] == '-' && digits(t.substr(0, 4)) && digits(t.substr(5, 2)) &&
         digits(t.substr(8, 2));
}

}  // namespace

std::optional<date> parse_iso_date(std::string_view t) {
  if (!iso_shape(t)) return std::nullopt;
  // The shape is checked: every one of these is a digit. (Two dates a row of every log.)
  const auto digit = [&](std::size_t i) { return static_cast<unsigned>(t[i] - '0'); };
  const year_month_day ymd{year{static_cast<int>(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3))},
                           month{digit(5) * 10 + digit(6)}, day{digit(8) * 10 + digit(9)}};
  // Year 0 is no civil year anyone records a meeting in.
  if (!ymd.ok() || static_cast<int>(ymd.year()) < 1) return std::nullopt;
  return date::from(ymd);
}

std::string explain_bad_iso_date(std::string_view t) {
  if (!iso_shape(t)) return fmt::format("'{}' is not a date in the form yyyy-mm-dd", t);
  const int y = number(t.substr(0, 4));
  const unsigned m = static_cast<unsigned>(number(t.substr(5, 2)));
  if (y < 1) return fmt::format("'{}' is not a date: there is no year 0", t);
  if (m < 1 || m > 12) return fmt::format("'{}' is not a date: there is no month {}", t, m);
  return fmt::format("'{}' is not a date: {} {} has no day {}", t, month_name(static_cast<int>(m)), y, t.substr(8, 2));
}

namespace {

// d/m/yyyy: one or two digits of day, one or two of month, four of year.
struct day_first {
  std::string_view day, month, year;
};

std::optional<day_first> day_first_shape(std::string_view t) {
  const std::size_t a = t.find('/');
  if (a == std::string_view::npos) return std::nullopt;
  const std::size_t b = t.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  const day_first s{t.substr(0, a), t.substr(a + 1, b - a - 1), t.substr(b + 1)};
  const auto one_or_two = [](std::string_view part) { return !part.empty() && part.size() <= 2 && digits(part); };
  if (!one_or_two(s.day) || !one_or_two(s.month) || s.year.size() != 4 || !digits(s.year)) return std::nullopt;
  return s;
}

}  // namespace

std::optional<date> parse_log_date(std::string_view t) {
  if (const auto d = parse_iso_date(t)) return d;  // the common case, first and unchanged
  const auto s = day_first_shape(t);
  if (!s) return std::nullopt;
  const year_month_day ymd{year{number(s->year)}, month{static_cast<unsigned>(number(s->month))},
                           day{static_cast<unsigned>(number(s->day))}};
  if (!ymd.ok() || static_cast<int>(ymd.year()) < 1) return std::nullopt;
  return date::from(ymd);
}

std::string explain_bad_log_date(std::string_view t) {
  const auto s = day_first_shape(t);
  if (!s) {
    if (iso_shape(t)) return explain_bad_iso_date(t);
    return fmt::format("'{}' is not a date in the form yyyy-mm-dd or dd/mm/yyyy", t);
  }
  const int y = number(s->year);
  const auto m = static_cast<unsigned>(number(s->month)), d = static_cast<unsigned>(number(s->day));
  if (y < 1) return fmt::format("'{}' is not a date: there is no year 0", t);
  if (m < 1 || m > 12) {
    // Impossible day first, possible month first: a log exported in US order. Its other dates,
    // those with a day of 12 or less, read day first without complaint, and wrongly.
    if (year_month_day{year{y}, month{d}, day{m}}.ok())
      return fmt::format("'{}' is not a date: there is no month {} (dates with '/' are read day first, dd/mm/yyyy, as "
                         "in the UK); month first, as in the US, it would be {} {} {}, and a log written month first "
                         "has its other dates misread: write its dates as yyyy-mm-dd",
                         t, m, m, month_name(static_cast<int>(d)), y);
    return fmt::format("'{}' is not a date: there is no month {}", t, m);
  }
  return fmt::format("'{}' is not a date: {} {} has no day {}", t, month_name(static_cast<int>(m)), y, s->day);
}

std::string to_iso(date d) {
  const year_month_day ymd = d.ymd();
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, m, day);
  // By hand: reports write a few dates for each of a national sweep's million findings.
  const auto yy = static_cast<unsigned>(y);
  const char text[10] = {static_cast<char>('0' + yy / 1000),     static_cast<char>('0' + yy / 100 % 10),
                         static_cast<char>('0' + yy / 10 % 10),  static_cast<char>('0' + yy % 10),
                         '-',
                         static_cast<char>('0' + m / 10),        static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + day / 10),      static_cast<char>('0' + day % 10)};
  return std::string(text, sizeof text);
}

std::string with_weekday(date d) { return fmt::format("{} {}", d.weekday_name(), to_iso(d)); }

date uk_date(std::chrono::system_clock::time_point now) {
  // Councils keep UK time (Summer Time Act 1972, as the Summer Time Order 2002 sets its dates).
  // Worked out here rather than from the host's time zone, so that a runner in UTC and a laptop
  // abroad agree on the day, and no time zone database need be installed.
  using namespace std::chrono;
  const year y = year_month_day{floor<days>(now)}.year();
  const sys_seconds summer_from = sys_days{y / March / Sunday[last]} + hours{1};
  const sys_seconds summer_to = sys_days{y / October / Sunday[last]} + hours{1};
  const bool summer = now >= summer_from && now < summer_to;
  return date::from(year_month_day{floor<days>(now + hours{summer ? 1 : 0})});
}

}  // namespace remit
