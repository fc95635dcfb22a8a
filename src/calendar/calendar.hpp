// Working days: weekdays that are not bank holidays of a division's calendar.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace remit {

enum class division { england_and_wales, scotland, northern_ireland, none };

std::optional<division> parse_division(std::string_view name);
std::string_view division_name(division d);

struct bank_holiday {
  date day;
  std::string title;
  bool substitute = false;  // a substitute day for a holiday that fell on a weekend
};

// A working-day count reached a year the bundled data does not cover. Never guessed.
class calendar_year_missing : public std::exception {
 public:
  calendar_year_missing(division d, int year, int first, int last);
  const char* what() const noexcept override { return message_.c_str(); }
  // Says what was being counted, e.g. "counting back from the meeting on 2012-01-04".
  void add_context(std::string_view context);
  int year;

 private:
  std::string message_;
};

// The bank-holiday data compiled into remit, as a report's manifest names it: the SHA-256 of
// its JSON and the last year it covers, so that an audit can be tied to the data it counted with.
struct bank_holiday_data_version {
  std::string sha256;
  int last_year = 0;
};
const bank_holiday_data_version& bank_holiday_data();

class calendar {
 public:
  // The calendar of a division, loaded once from the bank-holiday data compiled into remit.
  static const calendar& of(division d);

  division which() const { return division_; }
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

  // Throws calendar_year_missing for a weekday in a year with no data (never for division none):
  // a weekend is never a working day, whatever the data.
  bool is_working_day(date d) const;
  const bank_holiday* holiday_on(date d) const;

  // What a working-day count looked at, for a finding's derivation.
  struct trace {
    std::vector<date> counted;
    std::vector<const bank_holiday*> holidays_skipped;
  };
  // The date n working days before `from`, `from` itself not counted.
  date working_days_before(date from, int n, trace* out = nullptr) const;

  const std::vector<bank_holiday>& holidays() const { return holidays_; }

 private:
  explicit calendar(division d);
  void require_year(int year) const;

  division division_;
  int first_year_ = 0;
  int last_year_ = 0;
  date first_day_{};
  std::vector<bank_holiday> holidays_;      // sorted by date
  std::vector<std::int32_t> holiday_index_;  // per day from first_day_: index into holidays_, or -1
};

}  // namespace remit
