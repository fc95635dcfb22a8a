// Bank holidays and working days (docs/language.md: `calendar`, "Notice": working days exclude
// Saturdays, Sundays and the bank holidays of the file's calendar).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "calendar/calendar.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;
using Catch::Matchers::Contains;

namespace {

const calendar& england() { return calendar::of(division::england_and_wales); }
const calendar& scotland() { return calendar::of(division::scotland); }
const calendar& northern_ireland() { return calendar::of(division::northern_ireland); }
const calendar& no_holidays() { return calendar::of(division::none); }

// The title of the bank holiday on a day, or "" when the day is none.
std::string holiday(const calendar& cal, std::string_view iso) {
  const bank_holiday* h = cal.holiday_on(d(iso));
  return h ? h->title : std::string{};
}

bool substitute(const calendar& cal, std::string_view iso) {
  const bank_holiday* h = cal.holiday_on(d(iso));
  REQUIRE(h != nullptr);
  return h->substitute;
}

std::vector<std::string> counted(const calendar::trace& t) {
  std::vector<std::string> out;
  for (date x : t.counted) out.push_back(to_iso(x));
  return out;
}

std::vector<std::string> skipped(const calendar::trace& t) {
  std::vector<std::string> out;
  for (const bank_holiday* h : t.holidays_skipped) out.push_back(to_iso(h->day) + " " + h->title);
  return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("division names parse and print as the rule language spells them", "[calendar]") {
  CHECK(parse_division("england-and-wales") == division::england_and_wales);
  CHECK(parse_division("scotland") == division::scotland);
  CHECK(parse_division("northern-ireland") == division::northern_ireland);
  CHECK(parse_division("none") == division::none);
  CHECK_FALSE(parse_division("wales").has_value());
  CHECK_FALSE(parse_division("england").has_value());
  CHECK_FALSE(parse_division("").has_value());
  CHECK_FALSE(parse_division("england_and_wales").has_value());

  for (division x : {division::england_and_wales, division::scotland, division::northern_ireland, division::none})
    CHECK(parse_division(division_name(x)) == x);
  CHECK(division_name(division::england_and_wales) == "england-and-wales");
  CHECK(division_name(division::northern_ireland) == "northern-ireland");
}

TEST_CASE("calendar::of gives each division's calendar, with the years its data covers", "[calendar]") {
  CHECK(england().which() == division::england_and_wales);
  CHECK(scotland().which() == division::scotland);
  CHECK(northern_ireland().which() == division::northern_ireland);
  CHECK(no_holidays().which() == division::none);
  CHECK(&calendar::of(division::scotland) == &scotland());  // loaded once

  CHECK(england().first_year() == 2012);
  CHECK(england().last_year() == 2027);
  CHECK(scotland().first_year() == 2018);
  CHECK(scotland().last_year() == 2027);
  CHECK(northern_ireland().first_year() == 2018);
  CHECK(northern_ireland().last_year() == 2027);
  CHECK(no_holidays().holidays().empty());

  // Sorted by date.
  for (const calendar* cal : {&england(), &scotland(), &northern_ireland()}) {
    const auto& all = cal->holidays();
    REQUIRE(!all.empty());
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].day < all[i].day);
  }
}

TEST_CASE("Good Friday and Easter Monday are bank holidays in England and Wales", "[calendar]") {
  CHECK(holiday(england(), "2025-04-18") == "Good Friday");
  CHECK(holiday(england(), "2025-04-21") == "Easter Monday");
  CHECK(holiday(england(), "2026-04-03") == "Good Friday");
  CHECK(holiday(england(), "2026-04-06") == "Easter Monday");
  CHECK_FALSE(england().is_working_day(d("2025-04-18")));
  CHECK_FALSE(england().is_working_day(d("2025-04-21")));
  CHECK_FALSE(england().is_working_day(d("2026-04-03")));
  CHECK_FALSE(england().is_working_day(d("2026-04-06")));
  // The days around them are ordinary working days.
  CHECK(england().is_working_day(d("2025-04-17")));
  CHECK(england().is_working_day(d("2025-04-22")));
  CHECK(england().is_working_day(d("2026-04-02")));
  CHECK(england().is_working_day(d("2026-04-07")));
}

TEST_CASE("Easter Monday is not a bank holiday in Scotland, Good Friday is", "[calendar]") {
  CHECK(holiday(scotland(), "2025-04-18") == "Good Friday");
  CHECK(holiday(scotland(), "2025-04-21").empty());
  CHECK(scotland().is_working_day(d("2025-04-21")));
  CHECK(holiday(northern_ireland(), "2025-04-21") == "Easter Monday");
}

TEST_CASE("Christmas and Boxing Day on a weekend move to substitute days", "[calendar]") {
  SECTION("2021: 25 and 26 December were Saturday and Sunday; substitutes Mon 27 and Tue 28") {
    CHECK(holiday(england(), "2021-12-25").empty());  // the weekend day itself is no bank holiday entry
    CHECK(holiday(england(), "2021-12-26").empty());
    CHECK(holiday(england(), "2021-12-27") == "Christmas Day");
    CHECK(holiday(england(), "2021-12-28") == "Boxing Day");
    CHECK(substitute(england(), "2021-12-27"));
    CHECK(substitute(england(), "2021-12-28"));
    CHECK_FALSE(england().is_working_day(d("2021-12-25")));  // still a weekend
    CHECK_FALSE(england().is_working_day(d("2021-12-27")));
    CHECK_FALSE(england().is_working_day(d("2021-12-28")));
    CHECK(england().is_working_day(d("2021-12-29")));
  }
  SECTION("2022: 25 December was a Sunday; Boxing Day Mon 26, Christmas substitute Tue 27") {
    CHECK(holiday(england(), "2022-12-25").empty());
    CHECK(holiday(england(), "2022-12-26") == "Boxing Day");
    CHECK_FALSE(substitute(england(), "2022-12-26"));
    CHECK(holiday(england(), "2022-12-27") == "Christmas Day");
    CHECK(substitute(england(), "2022-12-27"));
    CHECK_FALSE(england().is_working_day(d("2022-12-26")));
    CHECK_FALSE(england().is_working_day(d("2022-12-27")));
  }
  SECTION("a Christmas on a weekday is no substitute") {
    CHECK(holiday(england(), "2025-12-25") == "Christmas Day");
    CHECK_FALSE(substitute(england(), "2025-12-25"));
  }
}

TEST_CASE("New Year's Day on a weekend moves to a substitute Monday", "[calendar]") {
  CHECK(holiday(england(), "2022-01-01").empty());  // a Saturday
  CHECK(holiday(england(), "2022-01-03") == "New Year’s Day");
  CHECK(substitute(england(), "2022-01-03"));
  CHECK_FALSE(england().is_working_day(d("2022-01-03")));
  CHECK(holiday(england(), "2026-01-01") == "New Year’s Day");
  CHECK_FALSE(substitute(england(), "2026-01-01"));
}

TEST_CASE("Scotland has 2 January and St Andrew's Day", "[calendar]") {
  CHECK(holiday(scotland(), "2026-01-02") == "2nd January");
  CHECK_FALSE(scotland().is_working_day(d("2026-01-02")));
  CHECK(england().is_working_day(d("2026-01-02")));  // not in England and Wales

  CHECK(holiday(scotland(), "2026-11-30") == "St Andrew’s Day");
  CHECK_FALSE(scotland().is_working_day(d("2026-11-30")));
  CHECK(england().is_working_day(d("2026-11-30")));

  // 30 November 2025 was a Sunday: St Andrew's Day moved to Monday 1 December.
  CHECK(holiday(scotland(), "2025-12-01") == "St Andrew’s Day");
  CHECK(substitute(scotland(), "2025-12-01"));

  // Scotland's summer bank holiday is in early August, not late August.
  CHECK(holiday(scotland(), "2026-08-03") == "Summer bank holiday");
  CHECK(holiday(scotland(), "2026-08-31").empty());
  CHECK(holiday(england(), "2026-08-31") == "Summer bank holiday");
}

TEST_CASE("Northern Ireland has St Patrick's Day and 12 July", "[calendar]") {
  CHECK(holiday(northern_ireland(), "2026-03-17") == "St Patrick’s Day");
  CHECK_FALSE(northern_ireland().is_working_day(d("2026-03-17")));
  CHECK(england().is_working_day(d("2026-03-17")));
  CHECK(scotland().is_working_day(d("2026-03-17")));

  CHECK(holiday(northern_ireland(), "2023-07-12") == "Battle of the Boyne (Orangemen’s Day)");
  CHECK_FALSE(northern_ireland().is_working_day(d("2023-07-12")));
  CHECK(england().is_working_day(d("2023-07-12")));

  // 12 July 2025 was a Saturday: the holiday moved to Monday 14 July.
  CHECK(holiday(northern_ireland(), "2025-07-14") == "Battle of the Boyne (Orangemen’s Day)");
  CHECK(substitute(northern_ireland(), "2025-07-14"));
}

TEST_CASE("the one-off bank holidays are in the data", "[calendar]") {
  for (const calendar* cal : {&england(), &scotland(), &northern_ireland()}) {
    INFO(division_name(cal->which()));
    CHECK(holiday(*cal, "2022-06-03") == "Platinum Jubilee bank holiday");
    CHECK(holiday(*cal, "2022-09-19") == "Bank Holiday for the State Funeral of Queen Elizabeth II");
    CHECK(holiday(*cal, "2023-05-08") == "Bank holiday for the coronation of King Charles III");
    CHECK_FALSE(cal->is_working_day(d("2022-06-03")));
    CHECK_FALSE(cal->is_working_day(d("2022-09-19")));
    CHECK_FALSE(cal->is_working_day(d("2023-05-08")));
  }
  CHECK(holiday(england(), "2012-06-05") == "Queen’s Diamond Jubilee");
}

TEST_CASE("in 2020 the early May bank holiday moved to Friday 8 May for VE Day", "[calendar]") {
  CHECK(holiday(england(), "2020-05-08") == "Early May bank holiday (VE day)");
  CHECK_FALSE(england().is_working_day(d("2020-05-08")));
  CHECK(holiday(england(), "2020-05-04").empty());  // the first Monday of May, an ordinary working day that year
  CHECK(england().is_working_day(d("2020-05-04")));
}

TEST_CASE("weekends are never working days, ordinary weekdays are", "[calendar]") {
  for (const calendar* cal : {&england(), &scotland(), &northern_ireland(), &no_holidays()}) {
    INFO(division_name(cal->which()));
    CHECK_FALSE(cal->is_working_day(d("2026-02-14")));  // Saturday
    CHECK_FALSE(cal->is_working_day(d("2026-02-15")));  // Sunday
    CHECK(cal->is_working_day(d("2026-02-10")));        // Tuesday
    CHECK(cal->holiday_on(d("2026-02-10")) == nullptr);
  }
}

TEST_CASE("working_days_before: worked example, 5 working days before Tue 2026-02-10 is Tue 2026-02-03", "[calendar][working-days]") {
  calendar::trace t;
  CHECK(england().working_days_before(d("2026-02-10"), 5, &t) == d("2026-02-03"));
  // Counting back, the meeting day itself not counted, the weekend of 7-8 February skipped.
  CHECK(counted(t) == strings{"2026-02-09", "2026-02-06", "2026-02-05", "2026-02-04", "2026-02-03"});
  CHECK(t.holidays_skipped.empty());

  CHECK(england().working_days_before(d("2026-02-10"), 1) == d("2026-02-09"));
  CHECK(england().working_days_before(d("2026-02-09"), 1) == d("2026-02-06"));  // Monday → Friday
  CHECK(england().working_days_before(d("2026-02-15"), 1) == d("2026-02-13"));  // from a Sunday
  CHECK(england().working_days_before(d("2026-02-10"), 0) == d("2026-02-10"));
}

TEST_CASE("working_days_before across Easter skips Good Friday and Easter Monday", "[calendar][working-days]") {
  // Thu 2026-04-09 back 5: Wed 8 (1), Tue 7 (2), [Mon 6 Easter Monday], [Sun 5, Sat 4],
  // [Fri 3 Good Friday], Thu 2 (3), Wed 1 (4), Tue 31 March (5).
  calendar::trace t;
  CHECK(england().working_days_before(d("2026-04-09"), 5, &t) == d("2026-03-31"));
  CHECK(counted(t) == strings{"2026-04-08", "2026-04-07", "2026-04-02", "2026-04-01", "2026-03-31"});
  CHECK(skipped(t) == strings{"2026-04-06 Easter Monday", "2026-04-03 Good Friday"});

  SECTION("in Scotland only Good Friday is skipped") {
    // Wed 8 (1), Tue 7 (2), Mon 6 (3), [Good Friday], Thu 2 (4), Wed 1 (5).
    calendar::trace s;
    CHECK(scotland().working_days_before(d("2026-04-09"), 5, &s) == d("2026-04-01"));
    CHECK(skipped(s) == strings{"2026-04-03 Good Friday"});
  }
  SECTION("with division none only the weekend is skipped") {
    // Wed 8, Tue 7, Mon 6, Fri 3, Thu 2.
    calendar::trace n;
    CHECK(no_holidays().working_days_before(d("2026-04-09"), 5, &n) == d("2026-04-02"));
    CHECK(counted(n) == strings{"2026-04-08", "2026-04-07", "2026-04-06", "2026-04-03", "2026-04-02"});
    CHECK(n.holidays_skipped.empty());
  }
}

TEST_CASE("working_days_before across Christmas and New Year", "[calendar][working-days]") {
  SECTION("England and Wales, from Mon 2026-01-05") {
    // Fri 2 Jan (1), [Thu 1 Jan New Year's Day], Wed 31 (2), Tue 30 (3), Mon 29 (4), [Sun 28, Sat 27],
    // [Fri 26 Boxing Day], [Thu 25 Christmas Day], Wed 24 December (5).
    calendar::trace t;
    CHECK(england().working_days_before(d("2026-01-05"), 5, &t) == d("2025-12-24"));
    CHECK(counted(t) == strings{"2026-01-02", "2025-12-31", "2025-12-30", "2025-12-29", "2025-12-24"});
    CHECK(skipped(t) ==
          strings{"2026-01-01 New Year’s Day", "2025-12-26 Boxing Day", "2025-12-25 Christmas Day"});
  }
  SECTION("Scotland, from Mon 2026-01-05, also skips 2 January") {
    calendar::trace t;
    CHECK(scotland().working_days_before(d("2026-01-05"), 5, &t) == d("2025-12-23"));
    CHECK(counted(t) == strings{"2025-12-31", "2025-12-30", "2025-12-29", "2025-12-24", "2025-12-23"});
    CHECK(skipped(t) == strings{"2026-01-02 2nd January", "2026-01-01 New Year’s Day", "2025-12-26 Boxing Day",
                                "2025-12-25 Christmas Day"});
  }
  SECTION("England and Wales, substitute days of 2021-22") {
    // From Tue 2022-01-04: [Mon 3 New Year substitute], [Sun 2, Sat 1], Fri 31 (1), Thu 30 (2), Wed 29 (3),
    // [Tue 28 Boxing Day substitute], [Mon 27 Christmas substitute], [Sun 26, Sat 25], Fri 24 (4), Thu 23 (5).
    calendar::trace t;
    CHECK(england().working_days_before(d("2022-01-04"), 5, &t) == d("2021-12-23"));
    CHECK(counted(t) == strings{"2021-12-31", "2021-12-30", "2021-12-29", "2021-12-24", "2021-12-23"});
    CHECK(skipped(t) == strings{"2022-01-03 New Year’s Day", "2021-12-28 Boxing Day", "2021-12-27 Christmas Day"});
  }
  SECTION("division none counts Christmas and New Year as working days") {
    // Fri 2, Thu 1, Wed 31, Tue 30, Mon 29.
    calendar::trace t;
    CHECK(no_holidays().working_days_before(d("2026-01-05"), 5, &t) == d("2025-12-29"));
    CHECK(t.holidays_skipped.empty());
    CHECK(no_holidays().working_days_before(d("2025-12-29"), 1) == d("2025-12-26"));  // Boxing Day counts
  }
}

TEST_CASE("division none has no bank holidays and no year limits", "[calendar][working-days]") {
  CHECK(no_holidays().holiday_on(d("2025-12-25")) == nullptr);
  CHECK(no_holidays().is_working_day(d("2025-12-25")));
  CHECK(no_holidays().is_working_day(d("1990-06-01")));
  CHECK(no_holidays().is_working_day(d("2100-06-01")));
  // Mon 2000-01-03 back 1: [Sun 2, Sat 1] → Fri 1999-12-31.
  CHECK_NOTHROW(no_holidays().working_days_before(d("2000-01-03"), 1));
  CHECK(no_holidays().working_days_before(d("2000-01-03"), 1) == d("1999-12-31"));
}

TEST_CASE("a working-day count that reaches a year outside the data throws calendar_year_missing", "[calendar][working-days]") {
  SECTION("5 working days before 2012-01-04 in England and Wales reaches 2011") {
    // Tue 3 Jan (1), [Mon 2 Jan New Year substitute], [Sun 1, Sat 31 Dec], Fri 2011-12-30: no data.
    try {
      england().working_days_before(d("2012-01-04"), 5);
      FAIL("no exception");
    } catch (const calendar_year_missing& e) {
      CHECK(e.year == 2011);
      CHECK_THAT(e.what(), Contains("2011"));
      CHECK_THAT(e.what(), Contains("england-and-wales"));
    }
  }
  SECTION("a count that stays inside 2012 is fine") {
    // Wed 2012-01-04 back 1 = Tue 2012-01-03.
    CHECK(england().working_days_before(d("2012-01-04"), 1) == d("2012-01-03"));
  }
  SECTION("Scotland's data starts in 2018: a count into 2017 throws") {
    // From Wed 2018-01-03: [Tue 2 Jan 2nd January], [Mon 1 Jan New Year's Day], [Sun, Sat], Fri 2017-12-29.
    try {
      scotland().working_days_before(d("2018-01-03"), 1);
      FAIL("no exception");
    } catch (const calendar_year_missing& e) {
      CHECK(e.year == 2017);
      CHECK_THAT(e.what(), Contains("2017"));
      CHECK_THAT(e.what(), Contains("scotland"));
    }
    CHECK_THROWS_AS(scotland().is_working_day(d("2017-06-01")), calendar_year_missing);
  }
  SECTION("Northern Ireland's data starts in 2018") {
    CHECK_THROWS_AS(northern_ireland().working_days_before(d("2017-06-01"), 1), calendar_year_missing);
  }
  SECTION("a year after the data throws too") {
    try {
      (void)england().is_working_day(d("2028-01-04"));
      FAIL("no exception");
    } catch (const calendar_year_missing& e) {
      CHECK(e.year == 2028);
      CHECK_THAT(e.what(), Contains("2028"));
    }
    CHECK_THROWS_AS(england().holiday_on(d("2011-06-01")), calendar_year_missing);
  }
}
