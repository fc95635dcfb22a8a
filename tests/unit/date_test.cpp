// Civil dates (docs/language.md "Month arithmetic", docs/inputs.md "date yyyy-mm-dd").
#include <catch2/catch.hpp>

#include "core/date.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;
using Catch::Matchers::Contains;

TEST_CASE("parse_iso_date accepts a real calendar date in the form yyyy-mm-dd", "[date]") {
  const auto parsed = parse_iso_date("2026-02-10");
  REQUIRE(parsed.has_value());
  CHECK(parsed->year() == 2026);
  CHECK(parsed->month() == 2u);
  CHECK(parsed->day_of_month() == 10u);

  // Day numbers count from 1970-01-01.
  CHECK(parse_iso_date("1970-01-01")->days == 0);
  CHECK(parse_iso_date("1970-01-02")->days == 1);
  CHECK(parse_iso_date("1969-12-31")->days == -1);
  CHECK(parse_iso_date("0001-01-01").has_value());
  CHECK(parse_iso_date("9999-12-31").has_value());
  CHECK(parse_iso_date("2026-12-31").has_value());
  CHECK(parse_iso_date("2026-01-01").has_value());
}

TEST_CASE("parse_iso_date rejects days that are not in the calendar", "[date]") {
  CHECK_FALSE(parse_iso_date("2026-02-30").has_value());
  CHECK_FALSE(parse_iso_date("2026-02-29").has_value());
  CHECK_FALSE(parse_iso_date("2026-04-31").has_value());
  CHECK_FALSE(parse_iso_date("2026-13-01").has_value());
  CHECK_FALSE(parse_iso_date("2026-00-10").has_value());
  CHECK_FALSE(parse_iso_date("2026-01-00").has_value());
  CHECK_FALSE(parse_iso_date("2026-01-32").has_value());

  SECTION("29 February only in a leap year") {
    CHECK_FALSE(parse_iso_date("2025-02-29").has_value());
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK(parse_iso_date("2000-02-29").has_value());        // divisible by 400: leap
    CHECK_FALSE(parse_iso_date("1900-02-29").has_value());  // divisible by 100 only: not leap
  }

  SECTION("there is no year 0000") {
    CHECK_FALSE(parse_iso_date("0000-01-01").has_value());
    CHECK_FALSE(parse_iso_date("0000-06-15").has_value());
  }
}

TEST_CASE("parse_iso_date accepts only the exact shape yyyy-mm-dd", "[date]") {
  for (const char* text : {"31/04/2026", "10/02/2026", "2026-1-5", "2026-01-5", "2026-1-05", "26-01-05", "20260105",
                           "2026/01/05", "2026-02-10 ", " 2026-02-10", "2026-02-10x", "2026-02-10T10:00", "2026-02-1a",
                           "+026-02-10", "-026-02-10", "2026--02-10", "", "yyyy-mm-dd", "02026-01-05"}) {
    INFO("text: '" << text << "'");
    CHECK_FALSE(parse_iso_date(text).has_value());
  }
}

TEST_CASE("explain_bad_iso_date says why a text is not a date", "[date]") {
  SECTION("a day the month does not have names the month, the year and the day") {
    const std::string why = explain_bad_iso_date("2026-02-30");
    CHECK_THAT(why, Contains("2026-02-30"));
    CHECK_THAT(why, Contains("February"));
    CHECK_THAT(why, Contains("2026"));
    CHECK_THAT(why, Contains("30"));
    CHECK(why == "'2026-02-30' is not a date: February 2026 has no day 30");
  }
  SECTION("29 February of a common year") {
    CHECK(explain_bad_iso_date("2025-02-29") == "'2025-02-29' is not a date: February 2025 has no day 29");
  }
  SECTION("31 April") {
    CHECK(explain_bad_iso_date("2026-04-31") == "'2026-04-31' is not a date: April 2026 has no day 31");
  }
  SECTION("a month out of range") {
    CHECK(explain_bad_iso_date("2026-13-01") == "'2026-13-01' is not a date: there is no month 13");
    CHECK(explain_bad_iso_date("2026-00-01") == "'2026-00-01' is not a date: there is no month 0");
  }
  SECTION("year 0000") {
    CHECK(explain_bad_iso_date("0000-01-01") == "'0000-01-01' is not a date: there is no year 0");
  }
  SECTION("the wrong shape names the expected form") {
    CHECK(explain_bad_iso_date("31/04/2026") == "'31/04/2026' is not a date in the form yyyy-mm-dd");
    CHECK(explain_bad_iso_date("2026-1-5") == "'2026-1-5' is not a date in the form yyyy-mm-dd");
    CHECK(explain_bad_iso_date("2026-02-10 and more") == "'2026-02-10 and more' is not a date in the form yyyy-mm-dd");
  }
}

TEST_CASE("parse_log_date: yyyy-mm-dd first, then day first as in the UK, never month first", "[date][log]") {
  CHECK(parse_log_date("2026-02-10") == parse_iso_date("2026-02-10"));
  CHECK(parse_log_date("10/02/2026") == parse_iso_date("2026-02-10"));
  CHECK(parse_log_date("1/2/2026") == parse_iso_date("2026-02-01"));
  CHECK(parse_log_date("01/2/2026") == parse_iso_date("2026-02-01"));
  CHECK(parse_log_date("7/08/2025") == parse_iso_date("2025-08-07"));
  CHECK(parse_log_date("29/02/2024") == parse_iso_date("2024-02-29"));
  for (const char* text : {"07/13/2025", "31/04/2026", "29/02/2025", "00/01/2026", "01/00/2026", "1/2/26", "001/02/2026",
                           "01/002/2026", "1/2/02026", "01/02/0000", "/02/2026", "01//2026", "01/02/", "1-2-2026",
                           "1.2.2026", "01/02/2026 ", " 01/02/2026", "a1/02/2026", "01/02/2026/", "2026/02/01", ""}) {
    INFO("text: '" << text << "'");
    CHECK_FALSE(parse_log_date(text).has_value());
  }
}

TEST_CASE("explain_bad_log_date: what is wrong, and a US date named as one", "[date][log]") {
  CHECK(explain_bad_log_date("07/13/2025") ==
        "'07/13/2025' is not a date: there is no month 13 (dates with '/' are read day first, dd/mm/yyyy, as in the "
        "UK); month first, as in the US, it would be 13 July 2025, and a log written month first has its other dates "
        "misread: write its dates as yyyy-mm-dd");
  CHECK_THAT(explain_bad_log_date("2/29/2024"), Contains("it would be 29 February 2024"));
  // Impossible month first too: only what is wrong day first.
  CHECK(explain_bad_log_date("2/29/2025") == "'2/29/2025' is not a date: there is no month 29");
  CHECK(explain_bad_log_date("13/13/2025") == "'13/13/2025' is not a date: there is no month 13");
  CHECK(explain_bad_log_date("01/00/2026") == "'01/00/2026' is not a date: there is no month 0");
  CHECK(explain_bad_log_date("31/04/2026") == "'31/04/2026' is not a date: April 2026 has no day 31");
  CHECK(explain_bad_log_date("29/2/2025") == "'29/2/2025' is not a date: February 2025 has no day 29");
  CHECK(explain_bad_log_date("01/02/0000") == "'01/02/0000' is not a date: there is no year 0");
  CHECK(explain_bad_log_date("2026-02-30") == "'2026-02-30' is not a date: February 2026 has no day 30");
  CHECK(explain_bad_log_date("1/2/26") == "'1/2/26' is not a date in the form yyyy-mm-dd or dd/mm/yyyy");
  CHECK(explain_bad_log_date("10 Feb 2026") == "'10 Feb 2026' is not a date in the form yyyy-mm-dd or dd/mm/yyyy");
}

TEST_CASE("to_iso writes yyyy-mm-dd and round-trips with parse_iso_date", "[date]") {
  for (const char* text : {"2026-02-10", "1970-01-01", "1969-12-31", "2024-02-29", "2000-02-29", "0001-01-01",
                           "0999-12-31", "9999-12-31", "2025-12-31", "2026-01-01"}) {
    INFO(text);
    const auto parsed = parse_iso_date(text);
    REQUIRE(parsed.has_value());
    CHECK(to_iso(*parsed) == text);
    CHECK(parse_iso_date(to_iso(*parsed)) == parsed);
  }
  CHECK(fmt::format("{}", d("2026-02-10")) == "2026-02-10");
}

TEST_CASE("dates order by day and count days between them", "[date]") {
  CHECK(d("2026-02-10") < d("2026-02-11"));
  CHECK(d("2025-12-31") < d("2026-01-01"));
  CHECK(d("2026-02-10") == d("2026-02-10"));
  CHECK(days_between(d("2026-02-03"), d("2026-02-10")) == 7);
  CHECK(days_between(d("2026-02-10"), d("2026-02-03")) == -7);
  CHECK(days_between(d("2024-01-01"), d("2025-01-01")) == 366);  // 2024 is a leap year
  CHECK(days_between(d("2025-01-01"), d("2026-01-01")) == 365);
  CHECK(d("2026-02-10").plus_days(-7) == d("2026-02-03"));
  CHECK(d("2024-02-28").plus_days(1) == d("2024-02-29"));
  CHECK(d("2025-02-28").plus_days(1) == d("2025-03-01"));
  CHECK(d("2025-12-31").plus_days(1) == d("2026-01-01"));
}

TEST_CASE("plus_months keeps the day of the month, clamped to the target month's last day", "[date][months]") {
  SECTION("worked example: 2026-01-31 + 1 month = 2026-02-28") {
    CHECK(d("2026-01-31").plus_months(1) == d("2026-02-28"));
  }
  SECTION("into a leap February: 2024-01-31 + 1 month = 2024-02-29") {
    CHECK(d("2024-01-31").plus_months(1) == d("2024-02-29"));
  }
  SECTION("across a year end: 2025-12-31 + 2 months = 2026-02-28") {
    CHECK(d("2025-12-31").plus_months(2) == d("2026-02-28"));
  }
  SECTION("to a 30-day month: 2026-03-31 + 1 month = 2026-04-30") {
    CHECK(d("2026-03-31").plus_months(1) == d("2026-04-30"));
  }
  SECTION("a day every month has is kept") {
    CHECK(d("2026-01-15").plus_months(1) == d("2026-02-15"));
    CHECK(d("2026-01-28").plus_months(1) == d("2026-02-28"));
    CHECK(d("2025-11-19").plus_months(2) == d("2026-01-19"));
  }
  SECTION("the clamp is not carried: 2026-01-31 + 1 + 1 = 2026-03-28, but + 2 = 2026-03-31") {
    CHECK(d("2026-01-31").plus_months(1).plus_months(1) == d("2026-03-28"));
    CHECK(d("2026-01-31").plus_months(2) == d("2026-03-31"));
  }
  SECTION("zero months is the same day") { CHECK(d("2026-02-10").plus_months(0) == d("2026-02-10")); }
  SECTION("negative months go back, clamped the same way") {
    CHECK(d("2026-03-31").plus_months(-1) == d("2026-02-28"));
    CHECK(d("2024-03-31").plus_months(-1) == d("2024-02-29"));
    CHECK(d("2026-01-15").plus_months(-1) == d("2025-12-15"));
    CHECK(d("2026-05-31").plus_months(-13) == d("2025-04-30"));
    CHECK(d("2026-02-28").plus_months(-12) == d("2025-02-28"));
  }
  SECTION("a year is 12 months: 2024-02-29 + 12 months = 2025-02-28") {
    CHECK(d("2024-02-29").plus_months(12) == d("2025-02-28"));
    CHECK(d("2024-02-29").plus_months(48) == d("2028-02-29"));
    CHECK(d("2024-02-29").plus_months(-12) == d("2023-02-28"));
  }
}

TEST_CASE("weekday: 0 is Sunday, 6 is Saturday", "[date]") {
  CHECK(d("1970-01-01").weekday() == 4u);  // a Thursday
  CHECK(d("1970-01-01").weekday_name() == "Thu");
  CHECK(d("2026-02-10").weekday() == 2u);
  CHECK(d("2026-02-10").weekday_name() == "Tue");
  CHECK(d("2026-02-09").weekday_name() == "Mon");
  CHECK(d("2026-02-11").weekday_name() == "Wed");
  CHECK(d("2026-02-13").weekday_name() == "Fri");
  CHECK(d("2026-02-14").weekday() == 6u);
  CHECK(d("2026-02-14").weekday_name() == "Sat");
  CHECK(d("2026-02-15").weekday() == 0u);
  CHECK(d("2026-02-15").weekday_name() == "Sun");
  CHECK(d("2024-02-29").weekday_name() == "Thu");
  CHECK(d("1969-12-31").weekday_name() == "Wed");

  CHECK(d("2026-02-14").is_weekend());
  CHECK(d("2026-02-15").is_weekend());
  CHECK_FALSE(d("2026-02-13").is_weekend());
  CHECK_FALSE(d("2026-02-16").is_weekend());
}

TEST_CASE("uk_date: GMT in winter, BST from 01:00 GMT on the last Sunday of March to the last Sunday of October",
          "[date][today]") {
  using namespace std::chrono;
  const auto at = [](int y, unsigned m, unsigned day, int h, int min) {
    return sys_days{year{y} / month{m} / std::chrono::day{day}} + hours{h} + minutes{min};
  };
  // Winter: the UK date is the UTC date.
  CHECK(to_iso(uk_date(at(2026, 1, 15, 23, 30))) == "2026-01-15");
  // Summer 2026 starts at 01:00 GMT on Sunday 29 March: 23:30 GMT on 29 March is 00:30 on the 30th.
  CHECK(to_iso(uk_date(at(2026, 3, 29, 0, 59))) == "2026-03-29");
  CHECK(to_iso(uk_date(at(2026, 3, 29, 23, 30))) == "2026-03-30");
  CHECK(to_iso(uk_date(at(2026, 3, 28, 23, 30))) == "2026-03-28");  // the day before: still GMT
  // It ends at 01:00 GMT on Sunday 25 October: 23:30 GMT on the 24th is 00:30 on the 25th, in BST.
  CHECK(to_iso(uk_date(at(2026, 10, 24, 23, 30))) == "2026-10-25");
  CHECK(to_iso(uk_date(at(2026, 10, 25, 23, 30))) == "2026-10-25");
  // The last instant of a year in winter stays in it.
  CHECK(to_iso(uk_date(at(2026, 12, 31, 23, 59))) == "2026-12-31");
}

TEST_CASE("month names: one table, on round the year, and read back in any case", "[date][months]") {
  CHECK(month_name(1) == "January");
  CHECK(month_name(9) == "September");
  CHECK(month_name(12) == "December");
  // A year that starts in April has its fourth quarter start in month 13: January.
  CHECK(month_name(13) == "January");
  CHECK(month_name(0) == "December");
  CHECK(month_abbreviation(9) == "Sep");
  CHECK(month_abbreviation(6) == "Jun");
  CHECK(month_named("april") == 4);
  CHECK(month_named("SEPTEMBER") == 9);
  CHECK(month_named("December") == 12);
  CHECK(month_named("Sept") == 0);
  CHECK(month_named("") == 0);
}
