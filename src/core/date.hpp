// Civil dates as integer day numbers: cheap to store, compare and sort by the million.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace remit {

// Days since 1970-01-01. Dates carry no time zone: a council's meeting date is a civil date.
struct date {
  std::int32_t days = 0;

  constexpr auto operator<=>(const date&) const = default;

  static date from(std::chrono::year_month_day ymd) {
    return {static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
  }
  std::chrono::year_month_day ymd() const {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
  }
  int year() const { return static_cast<int>(ymd().year()); }
  unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  unsigned day_of_month() const { return static_cast<unsigned>(ymd().day()); }
  // 0 = Sunday ... 6 = Saturday.
  unsigned weekday() const { return std::chrono::weekday{std::chrono::sys_days{std::chrono::days{days}}}.c_encoding(); }
  bool is_weekend() const { return weekday() == 0 || weekday() == 6; }
  std::string_view weekday_name() const;  // "Mon", "Tue", ...

  date plus_days(std::int64_t n) const { return {static_cast<std::int32_t>(days + n)}; }
  // Keeps the day of the month, clamped to the target month's last day (2026-01-31 + 1 = 2026-02-28).
  date plus_months(int n) const;
};

inline std::int32_t days_between(date a, date b) { return b.days - a.days; }

// A date that may be absent, in 4 bytes where std::optional<date> takes 8: a national audit keeps
// millions of them in its findings. It reads as std::optional<date> does, and an absent date
// sorts before every date, as there.
class optional_date {
 public:
  constexpr optional_date() = default;
  constexpr optional_date(std::nullopt_t) {}
  constexpr optional_date(date d) : day_(d) {}
  constexpr optional_date(const std::optional<date>& d) : day_(d ? *d : absent) {}
  constexpr explicit operator bool() const { return day_ != absent; }
  constexpr bool has_value() const { return day_ != absent; }
  constexpr const date& operator*() const { return day_; }
  constexpr const date* operator->() const { return &day_; }
  constexpr date value_or(date d) const { return has_value() ? day_ : d; }
  constexpr operator std::optional<date>() const { return has_value() ? std::optional(day_) : std::nullopt; }
  constexpr auto operator<=>(const optional_date&) const = default;

 private:
  static constexpr date absent{INT32_MIN};
  date day_ = absent;
};

// "January" to "December" for months 1 to 12, and on round the year (13 is January again, as a
// year that starts in April has its fourth quarter start in January): the one table of month
// names, for every message and report that names a month.
std::string_view month_name(int month);
// "Jan" to "Dec", the same way.
std::string_view month_abbreviation(int month);
// The month (1 to 12) that a name gives, in any case ("april", "APRIL"); 0 for none.
int month_named(std::string_view name);

// Strict yyyy-mm-dd with a real calendar date; nothing else is accepted.
std::optional<date> parse_iso_date(std::string_view text);
// Why a text is not a yyyy-mm-dd date, in words for a diagnostic
// ("'2026-02-30' is not a date: February 2026 has no day 30").
std::string explain_bad_iso_date(std::string_view text);
// A date in a log (CSV or JSON Lines, meetings or people): yyyy-mm-dd, or day first as a UK
// spreadsheet exports it, dd/mm/yyyy or d/m/yyyy. yyyy-mm-dd is tried first, so an ISO log reads
// as fast as ever; the day-first reading only for what is not ISO. Never month first.
std::optional<date> parse_log_date(std::string_view text);
// Why a text is not a log date; for a date that is impossible day first but possible month first
// ('07/13/2025'), says so: there is no month 13, and month first it would be 13 July 2025.
std::string explain_bad_log_date(std::string_view text);
std::string to_iso(date d);
// "Tue 2026-02-10": for messages where the day of the week matters.
std::string with_weekday(date d);

// The date in the United Kingdom at the instant `now`: GMT, or BST (an hour ahead) from 01:00 GMT
// on the last Sunday of March to 01:00 GMT on the last Sunday of October. What "today" means to
// every command (cli/clock.hpp), whatever the host's time zone.
date uk_date(std::chrono::system_clock::time_point now);

}  // namespace remit

template <>
struct fmt::formatter<remit::date> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(remit::date d, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(remit::to_iso(d), ctx);
  }
};
