// Every rule family of docs/language.md through a whole audit: rules and a CSV log in, a report out.
// Unless a test says otherwise the calendar is england-and-wales and the year starts on 1 January.
#include <algorithm>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace remit;
using remit::test::audit;
using remit::test::d;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string iso(const std::optional<date>& x) { return x ? to_iso(*x) : "null"; }
std::string iso(date x) { return to_iso(x); }
std::string status(const rule_result& r) { return std::string(name(r.status)); }
std::string status(const finding& f) { return std::string(name(f.status)); }

// A rule file with one body "Board" holding the given statement lines.
std::string board(std::string_view statements, std::string_view settings = "") {
  return std::string(settings) + "body \"Board\" {\n" + std::string(statements) + "\n}\n";
}

bool sorted_by_due(const rule_result& r) {
  return std::is_sorted(r.findings.begin(), r.findings.end(), [](const finding& a, const finding& b) { return a.due < b.due; });
}

// A finding with no meeting, period or count (the gap and deadline shape).
void check_plain(const finding& f) {
  CHECK(iso(f.meeting) == "null");
  CHECK(iso(f.period_start) == "null");
  CHECK(iso(f.period_end) == "null");
  CHECK_FALSE(f.found.has_value());
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Gap family: A, then each qualifying event in [F, T]; for each link p → q, due = p + interval
// (+ grace); breach when q > due; after the last link, breach when T > due (date null).

TEST_CASE("gap: a meeting later than the interval allows is a breach, dated, with the lateness", "[families][gap]") {
  // F → 02-15: due 2025-03-01 (in time). 02-15 → 04-17: due 2025-04-15, 2 days late.
  // 04-17 → 06-10: due 2025-06-17 (in time). Open: 06-10 + 2 months = 2025-08-10, after T: no breach.
  const auto r = audit(board("5.1 meets every 2 months"),
                       "body,date\nBoard,2025-02-15\nBoard,2025-04-17\nBoard,2025-06-10\n", "2025-01-01", "2025-06-30");
  const rule_result& res = r.only();
  CHECK(res.body == "Board");
  CHECK(res.statement->label == "5.1");
  CHECK(status(res) == "breach");
  REQUIRE(res.findings.size() == 1);
  const finding& f = res.findings[0];
  CHECK(status(f) == "breach");
  CHECK(iso(f.due) == "2025-04-15");
  CHECK(iso(f.on) == "2025-04-17");
  check_plain(f);
  CHECK_THAT(f.words(), Contains("2 months after"));
  CHECK_THAT(f.words(), Contains("2025-02-15"));
  CHECK_THAT(f.words(), Contains("2 days late"));
  CHECK_THAT(f.words(), Contains("2025-04-17"));
}

TEST_CASE("gap: the chain is anchored at F when no qualifying event precedes the window", "[families][gap]") {
  // F=2025-01-01 → first meeting 2025-03-05: due 2025-03-01, 4 days late.
  // Open: 2025-03-05 + 2 months = 2025-05-05 < T=2025-06-30: breach, still open at T (date null).
  const auto r = audit(board("5.1 meets every 2 months"), "body,date\nBoard,2025-03-05\n", "2025-01-01", "2025-06-30");
  const rule_result& res = r.only();
  CHECK(status(res) == "breach");
  REQUIRE(res.findings.size() == 2);
  CHECK(status(res.findings[0]) == "breach");
  CHECK(iso(res.findings[0].due) == "2025-03-01");
  CHECK(iso(res.findings[0].on) == "2025-03-05");
  check_plain(res.findings[0]);
  CHECK_THAT(res.findings[0].words(), Contains("2025-01-01, the start of the audit window"));
  CHECK_THAT(res.findings[0].words(), Contains("4 days late"));

  CHECK(status(res.findings[1]) == "breach");
  CHECK(iso(res.findings[1].due) == "2025-05-05");
  CHECK(iso(res.findings[1].on) == "null");
  check_plain(res.findings[1]);
  CHECK_THAT(res.findings[1].words(), Contains("2 months after the held meeting on 2025-03-05"));
  CHECK_THAT(res.findings[1].words(), Contains("2025-06-30"));
}

TEST_CASE("gap: the chain is anchored at the last qualifying event before F", "[families][gap]") {
  // A = 2024-12-20 (not 2024-10-01): due 2025-02-20; next 2025-03-05 is 13 days late (8 in Feb + 5 in Mar).
  // Open: 2025-03-05 + 2 months = 2025-05-05 > T=2025-04-30: no breach.
  const auto r = audit(board("5.1 meets every 2 months"),
                       "body,date\nBoard,2024-10-01\nBoard,2024-12-20\nBoard,2025-03-05\n", "2025-01-01", "2025-04-30");
  const rule_result& res = r.only();
  CHECK(status(res) == "breach");
  REQUIRE(res.findings.size() == 1);
  CHECK(iso(res.findings[0].due) == "2025-02-20");
  CHECK(iso(res.findings[0].on) == "2025-03-05");
  CHECK_THAT(res.findings[0].words(), Contains("the held meeting on 2024-12-20"));
  CHECK_THAT(res.findings[0].words(), Contains("13 days late"));

  SECTION("with no meeting in the window, the anchor alone can still be overdue at T") {
    // A = 2024-12-20: due 2025-02-20 < T: still open.
    const auto r2 = audit(board("5.1 meets every 2 months"), "body,date\nBoard,2024-12-20\n", "2025-01-01", "2025-04-30");
    REQUIRE(r2.only().findings.size() == 1);
    CHECK(status(r2.only()) == "breach");
    CHECK(iso(r2.only().findings[0].due) == "2025-02-20");
    CHECK(iso(r2.only().findings[0].on) == "null");
  }
}

TEST_CASE("gap: a meeting exactly on the due date is in time, one day after is a breach", "[families][gap]") {
  // 2025-01-10 + 2 months = 2025-03-10.
  SECTION("on the due date") {
    const auto r = audit(board("5.1 meets every 2 months"), "body,date\nBoard,2025-01-10\nBoard,2025-03-10\n",
                         "2025-01-01", "2025-03-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
  SECTION("one day after the due date") {
    const auto r = audit(board("5.1 meets every 2 months"), "body,date\nBoard,2025-01-10\nBoard,2025-03-11\n",
                         "2025-01-01", "2025-03-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-03-10");
    CHECK(iso(r.only().findings[0].on) == "2025-03-11");
    CHECK_THAT(r.only().findings[0].words(), Contains("1 day late"));
  }
}

TEST_CASE("gap: month arithmetic clamps to the month's last day (2025-12-31 + 2 months = 2026-02-28)", "[families][gap]") {
  SECTION("a meeting on 2 March is 2 days late") {
    // F=2025-12-01 + 2 months = 2026-02-01 ≥ 2025-12-31: in time. 2025-12-31 → due 2026-02-28; 2026-03-02 is 2 days late.
    const auto r = audit(board("5.1 meets every 2 months"), "body,date\nBoard,2025-12-31\nBoard,2026-03-02\n",
                         "2025-12-01", "2026-03-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(iso(f.due) == "2026-02-28");
    CHECK(iso(f.on) == "2026-03-02");
    CHECK_THAT(f.words(), Contains("2 days late"));
    CHECK_THAT(f.words(), Contains("clamped to the last day of the month"));
  }
  SECTION("a meeting on 28 February is in time") {
    const auto r = audit(board("5.1 meets every 2 months"), "body,date\nBoard,2025-12-31\nBoard,2026-02-28\n",
                         "2025-12-01", "2026-03-31");
    CHECK(status(r.only()) == "pass");
  }
}

TEST_CASE("gap: grace days extend each due date", "[families][gap]") {
  // 2025-02-15 + 2 months + 7 days = 2025-04-22.
  SECTION("a meeting on the last day of grace is in time") {
    const auto r = audit(board("5.1 meets every 2 months with 7 days grace"),
                         "body,date\nBoard,2025-02-15\nBoard,2025-04-22\n", "2025-02-01", "2025-05-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
  SECTION("a meeting the day after is a breach, and the message says the grace was counted") {
    const auto r = audit(board("5.1 meets every 2 months with 7 days grace"),
                         "body,date\nBoard,2025-02-15\nBoard,2025-04-23\n", "2025-02-01", "2025-05-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(iso(f.due) == "2025-04-22");
    CHECK(iso(f.on) == "2025-04-23");
    CHECK_THAT(f.words(), Contains("2 months after the held meeting on 2025-02-15"));
    CHECK_THAT(f.words(), Contains("7 days' grace"));
    CHECK_THAT(f.words(), Contains("1 day late"));
  }
  SECTION("grace also applies to the link still open at T") {
    // 2025-02-15 + 2 months + 7 days = 2025-04-22 < T=2025-05-31.
    const auto r = audit(board("5.1 meets every 2 months with 7 days grace"), "body,date\nBoard,2025-02-15\n",
                         "2025-02-01", "2025-05-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-04-22");
    CHECK(iso(r.only().findings[0].on) == "null");
  }
}

TEST_CASE("gap: still open at T, and a due date equal to T", "[families][gap]") {
  // No held meeting of the body (one cancelled: the logs hold a record of it, so it is judged): the
  // chain is F alone; F=2025-01-01 + 2 months = 2025-03-01.
  const std::string log = "body,date,status\nBoard,2025-01-15,cancelled\n";
  SECTION("due == T: no breach, and nothing fell due: not-due") {
    const auto r = audit(board("5.1 meets every 2 months"), log, "2025-01-01", "2025-03-01");
    CHECK(status(r.only()) == "not-due");
    CHECK(r.only().findings.empty());
  }
  SECTION("T one day after due: breach still open at T") {
    const auto r = audit(board("5.1 meets every 2 months"), log, "2025-01-01", "2025-03-02");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(status(f) == "breach");
    CHECK(iso(f.due) == "2025-03-01");
    CHECK(iso(f.on) == "null");
    check_plain(f);
    CHECK_THAT(f.words(), Contains("2025-01-01, the start of the audit window"));
    CHECK_THAT(f.words(), Contains("none by 2025-03-02"));
  }
  SECTION("due == T after a meeting in the window: no breach, and the meeting fell due: pass") {
    // Meeting on F itself: due from F is 2025-03-01 (in time); open link 2025-01-01 + 2 months = 2025-03-01 = T.
    const auto r = audit(board("5.1 meets every 2 months"), "body,date\nBoard,2025-01-01\n", "2025-01-01", "2025-03-01");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
}

TEST_CASE("gap: weeks and days", "[families][gap]") {
  SECTION("every 3 weeks") {
    // F + 21 = 01-22 ≥ 01-06; 01-06 + 21 = 01-27 (on the day); 01-27 + 21 = 02-17 < 02-18: 1 day late;
    // open: 02-18 + 21 = 03-11 > T.
    const std::string log = "body,date\nBoard,2025-01-06\nBoard,2025-01-27\nBoard,2025-02-18\n";
    for (const char* rule : {"1 meets every 3 weeks", "1 meets at 3 weekly intervals"}) {
      INFO(rule);
      const auto r = audit(board(rule), log, "2025-01-01", "2025-03-01");
      CHECK(status(r.only()) == "breach");
      REQUIRE(r.only().findings.size() == 1);
      CHECK(iso(r.only().findings[0].due) == "2025-02-17");
      CHECK(iso(r.only().findings[0].on) == "2025-02-18");
      CHECK_THAT(r.only().findings[0].words(), Contains("3 weeks after the held meeting on 2025-01-27"));
      CHECK_THAT(r.only().findings[0].words(), Contains("1 day late"));
    }
  }
  SECTION("every 1 week") {
    // 01-06 + 7 = 01-13 < 01-15: 2 days late; open: 01-15 + 7 = 01-22 < T=01-31.
    const auto r = audit(board("1 meets every 1 week"), "body,date\nBoard,2025-01-06\nBoard,2025-01-15\n", "2025-01-06",
                         "2025-01-31");
    REQUIRE(r.only().findings.size() == 2);
    CHECK(iso(r.only().findings[0].due) == "2025-01-13");
    CHECK(iso(r.only().findings[0].on) == "2025-01-15");
    CHECK_THAT(r.only().findings[0].words(), Contains("1 week after"));
    CHECK(iso(r.only().findings[1].due) == "2025-01-22");
    CHECK(iso(r.only().findings[1].on) == "null");
  }
  SECTION("every 10 days") {
    // F + 10 = 01-11 (on the day); 01-11 + 10 = 01-21 < 01-22: 1 day late; open: 01-22 + 10 = 02-01 > T.
    const auto r = audit(board("1 meets every 10 days"), "body,date\nBoard,2025-01-11\nBoard,2025-01-22\n", "2025-01-01",
                         "2025-01-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-01-21");
    CHECK(iso(r.only().findings[0].on) == "2025-01-22");
    CHECK_THAT(r.only().findings[0].words(), Contains("10 days after"));
  }
}

TEST_CASE("gap: years are 12 months, clamped (2024-02-29 + 1 year = 2025-02-28)", "[families][gap]") {
  const auto r = audit(board("1 meets every 1 year"), "body,date\nBoard,2024-02-29\n", "2025-01-01", "2025-12-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].due) == "2025-02-28");
  CHECK(iso(r.only().findings[0].on) == "null");
  CHECK_THAT(r.only().findings[0].words(), Contains("1 year after the held meeting on 2024-02-29"));
}

TEST_CASE("coverage: bi-monthly is one in each two-month period, not a gap (docs/language.md worked example)",
          "[families][coverage]") {
  // The first Wednesday of alternate months: 56 to 63 days apart, one in each of the six
  // two-month periods from 1 April. As "every 2 months", four of the five gaps are late.
  const std::string log =
      "body,date\nBoard,2025-04-02\nBoard,2025-06-04\nBoard,2025-08-06\nBoard,2025-10-01\nBoard,2025-12-03\n"
      "Board,2026-02-04\n";
  SECTION("bi-monthly: met") {
    const auto r = audit(board("5.1 meets bi-monthly", "year starts 1 April\n"), log, "2025-04-01", "2026-03-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
  SECTION("every 2 months: the strict gap, four breaches of a day or two") {
    const auto r = audit(board("5.1 meets every 2 months", "year starts 1 April\n"), log, "2025-04-01", "2026-03-31");
    REQUIRE(r.only().findings.size() == 4);
    CHECK(iso(r.only().findings[0].due) == "2025-06-02");
    CHECK(iso(r.only().findings[3].due) == "2026-02-03");
  }
  SECTION("bi-monthly without the meeting of 2025-10-01: the period October-November has none") {
    std::string gap = log;
    gap.erase(gap.find("Board,2025-10-01\n"), std::string("Board,2025-10-01\n").size());
    const auto r = audit(board("5.1 meets bi-monthly", "year starts 1 April\n"), gap, "2025-04-01", "2026-03-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_start) == "2025-10-01");
    CHECK(iso(r.only().findings[0].period_end) == "2025-11-30");
    CHECK(iso(r.only().findings[0].due) == "2025-11-30");
    CHECK(r.only().findings[0].words() == "no held meeting in the two-month period 2025-10-01 to 2025-11-30");
  }
  SECTION("six-monthly is half-yearly") {
    const auto r = audit(board("5.1 meets six-monthly"), "body,date\nBoard,2025-01-10\nBoard,2025-12-20\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "pass");  // as "every 6 months" the gap 01-10 to 12-20 would be late
  }
}

TEST_CASE("meets: cancelled, postponed and scheduled meetings, sessions and reports never count", "[families][gap][held]") {
  // Only 01-15 and 03-01 are held meetings. F → 01-15: due 02-01 (in time). 01-15 → 03-01: due 02-15, 14 days late.
  // Open: 03-01 + 1 month = 04-01 < T=04-30.
  const auto r = audit(board("1 meets every 1 month"),
                       "body,date,kind,status,to\n"
                       "Board,2025-01-15,meeting,held,\n"
                       "Board,2025-02-10,meeting,cancelled,\n"
                       "Board,2025-02-11,report,held,Full Council\n"
                       "Board,2025-02-12,meeting,postponed,\n"
                       "Board,2025-02-13,meeting,scheduled,\n"
                       "Board,2025-02-14,session,held,\n"
                       "Board,2025-03-01,meeting,held,\n",
                       "2025-01-01", "2025-04-30");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 2);
  CHECK(iso(r.only().findings[0].due) == "2025-02-15");
  CHECK(iso(r.only().findings[0].on) == "2025-03-01");
  CHECK_THAT(r.only().findings[0].words(), Contains("14 days late"));
  CHECK(iso(r.only().findings[1].due) == "2025-04-01");
  CHECK(iso(r.only().findings[1].on) == "null");
}

TEST_CASE("gap: events after T are ignored", "[families][gap]") {
  // 01-20 → 02-18 in time (due 02-20); open: 02-18 + 1 month = 03-18 < T=03-31; the meeting on 04-02 is after T.
  const auto r = audit(board("1 meets every 1 month"), "body,date\nBoard,2025-01-20\nBoard,2025-02-18\nBoard,2025-04-02\n",
                       "2025-01-01", "2025-03-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].due) == "2025-03-18");
  CHECK(iso(r.only().findings[0].on) == "null");
  CHECK_THAT(r.only().findings[0].words(), Contains("none by 2025-03-31"));
  CHECK(r.report.events_after_window == 1u);
}

// ---------------------------------------------------------------------------------------------
// Coverage family: a breach for each evaluated period (wholly inside [F, T]) with no qualifying event.

TEST_CASE("coverage: a quarter with no held meeting is a breach dated at the quarter's end", "[families][coverage]") {
  // year starts 1 April: quarters Apr-Jun, Jul-Sep, Oct-Dec, Jan-Mar. Jul-Sep has none.
  const auto r = audit(board("1 meets quarterly", "year starts 1 April\n"),
                       "body,date\nBoard,2025-05-10\nBoard,2025-10-15\nBoard,2026-03-31\n", "2025-04-01", "2026-03-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  const finding& f = r.only().findings[0];
  CHECK(status(f) == "breach");
  CHECK(iso(f.due) == "2025-09-30");
  CHECK(iso(f.on) == "null");
  CHECK(iso(f.period_start) == "2025-07-01");
  CHECK(iso(f.period_end) == "2025-09-30");
  CHECK(iso(f.meeting) == "null");
  CHECK_FALSE(f.found.has_value());
  CHECK_THAT(f.words(), Contains("no held meeting"));
  CHECK_THAT(f.words(), Contains("quarter 2025-07-01 to 2025-09-30"));
}

TEST_CASE("coverage: periods align to the year start", "[families][coverage]") {
  SECTION("year starts 1 May: quarters May-Jul, Aug-Oct, Nov-Jan, Feb-Apr") {
    const auto r = audit(board("1 meets quarterly", "year starts 1 May\n"),
                         "body,date\nBoard,2025-07-31\nBoard,2025-08-01\nBoard,2026-01-31\n", "2025-05-01", "2026-04-30");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_start) == "2026-02-01");
    CHECK(iso(r.only().findings[0].period_end) == "2026-04-30");
    CHECK(iso(r.only().findings[0].due) == "2026-04-30");
  }
  SECTION("annually with year starts 1 April: only the year 2025-04-01 to 2026-03-31 lies inside 2025-2026") {
    // Meetings 2025-02-01 and 2026-05-01 both fall outside that year.
    const auto r = audit(board("1 meets annually", "year starts 1 April\n"),
                         "body,date\nBoard,2025-02-01\nBoard,2026-05-01\n", "2025-01-01", "2026-12-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_start) == "2025-04-01");
    CHECK(iso(r.only().findings[0].period_end) == "2026-03-31");
    CHECK(iso(r.only().findings[0].due) == "2026-03-31");
    CHECK_THAT(r.only().findings[0].words(), Contains("year 2025-04-01 to 2026-03-31"));
  }
  SECTION("annually with the default year start: calendar years 2025 and 2026, each with a meeting") {
    const auto r = audit(board("1 meets annually"), "body,date\nBoard,2025-02-01\nBoard,2026-05-01\n", "2025-01-01",
                         "2026-12-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
  SECTION("half-yearly with year starts 1 April: halves Apr-Sep and Oct-Mar") {
    // F=2025-04-01, T=2026-03-31; one meeting, 2025-09-30, in the first half only.
    const auto r = audit(board("1 meets half-yearly", "year starts 1 April\n"), "body,date\nBoard,2025-09-30\n",
                         "2025-04-01", "2026-03-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_start) == "2025-10-01");
    CHECK(iso(r.only().findings[0].period_end) == "2026-03-31");
    CHECK_THAT(r.only().findings[0].words(), Contains("half-year"));
  }
  SECTION("monthly: February with no meeting, due 2025-02-28") {
    const auto r = audit(board("1 meets monthly"), "body,date\nBoard,2025-01-31\nBoard,2025-03-01\n", "2025-01-01",
                         "2025-03-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-02-28");
    CHECK(iso(r.only().findings[0].period_start) == "2025-02-01");
    CHECK(iso(r.only().findings[0].period_end) == "2025-02-28");
    CHECK_THAT(r.only().findings[0].words(), Contains("month 2025-02-01 to 2025-02-28"));
  }
}

TEST_CASE("coverage: only periods wholly inside [F, T] are evaluated", "[families][coverage]") {
  const std::string rules = board("1 meets quarterly", "year starts 1 April\n");
  const std::string log = "body,date,status\nBoard,2025-06-01,cancelled\n";  // a record, no held meeting
  SECTION("F=2025-05-01, T=2025-12-15: Apr-Jun and Oct-Dec are cut; only Jul-Sep is judged") {
    const auto r = audit(rules, log, "2025-05-01", "2025-12-15");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_start) == "2025-07-01");
    CHECK(iso(r.only().findings[0].period_end) == "2025-09-30");
  }
  SECTION("a quarter ending on T is inside") {
    const auto r = audit(rules, log, "2025-05-01", "2025-09-30");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_end) == "2025-09-30");
  }
  SECTION("no quarter wholly inside: not-due") {
    const auto r = audit(rules, log, "2025-05-01", "2025-09-29");
    CHECK(status(r.only()) == "not-due");
    CHECK(r.only().findings.empty());
  }
  SECTION("a meeting in a cut period does not make the rule pass or fall due") {
    const auto r = audit(rules, "body,date\nBoard,2025-05-15\n", "2025-05-01", "2025-09-29");
    CHECK(status(r.only()) == "not-due");
  }
}

// ---------------------------------------------------------------------------------------------
// Count family: a breach for each evaluated period with fewer than K qualifying events.

TEST_CASE("count: a year with fewer than K held meetings is a breach that says how many were found", "[families][count]") {
  // 2024: 3 held meetings (enough). 2025: 2 held meetings and a cancelled one: breach, found 2.
  const auto r = audit(board("1 meets at least 3 times a year"),
                       "body,date,status\nBoard,2024-02-01,\nBoard,2024-06-01,\nBoard,2024-10-01,\n"
                       "Board,2025-03-01,\nBoard,2025-09-01,\nBoard,2025-10-01,cancelled\n",
                       "2024-01-01", "2025-12-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  const finding& f = r.only().findings[0];
  CHECK(status(f) == "breach");
  CHECK(iso(f.due) == "2025-12-31");
  CHECK(iso(f.on) == "null");
  CHECK(iso(f.period_start) == "2025-01-01");
  CHECK(iso(f.period_end) == "2025-12-31");
  REQUIRE(f.found.has_value());
  CHECK(*f.found == 2);
  CHECK_THAT(f.words(), Contains("2 held meetings"));
  CHECK_THAT(f.words(), Contains("at least 3"));
  CHECK_THAT(f.words(), Contains("2025-01-01 to 2025-12-31"));
}

TEST_CASE("count: twice a year", "[families][count]") {
  SECTION("one held meeting and one postponed: found 1") {
    const auto r = audit(board("1 meets twice a year"), "body,date,status\nBoard,2025-03-01,held\nBoard,2025-09-01,postponed\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    REQUIRE(r.only().findings[0].found.has_value());
    CHECK(*r.only().findings[0].found == 1);
    CHECK_THAT(r.only().findings[0].words(), Contains("1 held meeting "));
    CHECK_THAT(r.only().findings[0].words(), Contains("at least 2"));
  }
  SECTION("no meeting at all: found 0") {
    const auto r = audit(board("1 meets twice a year"), "body,date,status\nBoard,2025-03-01,cancelled\n", "2025-01-01",
                         "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    REQUIRE(r.only().findings[0].found.has_value());
    CHECK(*r.only().findings[0].found == 0);
  }
  SECTION("two held meetings: pass") {
    const auto r = audit(board("1 meets twice a year"), "body,date\nBoard,2025-01-01\nBoard,2025-12-31\n", "2025-01-01",
                         "2025-12-31");
    CHECK(status(r.only()) == "pass");
  }
}

TEST_CASE("count: at least K times a quarter, aligned to the year start", "[families][count]") {
  // year starts 1 April: Apr-Jun has 04-10 and 06-30 (2, enough); Jul-Sep has only 07-01 (found 1).
  const auto r = audit(board("1 meets at least 2 times a quarter", "year starts 1 April\n"),
                       "body,date\nBoard,2025-04-10\nBoard,2025-06-30\nBoard,2025-07-01\n", "2025-04-01", "2025-09-30");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].due) == "2025-09-30");
  CHECK(iso(r.only().findings[0].period_start) == "2025-07-01");
  CHECK(*r.only().findings[0].found == 1);
}

// ---------------------------------------------------------------------------------------------
// Notice: step back N (working) days from each held meeting M to L; without `clear` breach when
// published > L (due = L); with `clear` breach when published >= L (due = L - 1).

TEST_CASE("notice: worked example, meeting Tue 2026-02-10 published Tue 2026-02-03", "[families][notice]") {
  const std::string log = "body,date,published\nBoard,2026-02-10,2026-02-03\n";
  SECTION("5 clear working days: breach, due Mon 2026-02-02") {
    // L = 2026-02-03 (Mon 9, Fri 6, Thu 5, Wed 4, Tue 3); clear: published 02-03 >= L; due = L - 1 = 02-02.
    const auto r = audit(board("5.6 agenda published at least 5 clear working days before each meeting"), log,
                         "2026-01-01", "2026-03-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(status(f) == "breach");
    CHECK(iso(f.due) == "2026-02-02");
    CHECK(iso(f.on) == "2026-02-03");
    CHECK(iso(f.meeting) == "2026-02-10");
    CHECK(iso(f.period_start) == "null");
    CHECK_THAT(f.words(), Contains("5 clear working days"));
    CHECK_THAT(f.words(), Contains("Mon 2026-02-09, Fri 2026-02-06, Thu 2026-02-05, Wed 2026-02-04, Tue 2026-02-03"));
    CHECK_THAT(f.words(), Contains("bank holidays skipped: none"));
    CHECK_THAT(f.words(), Contains("1 day late"));
  }
  SECTION("5 working days: compliant (published on L)") {
    const auto r = audit(board("5.6 agenda published at least 5 working days before each meeting"), log, "2026-01-01",
                         "2026-03-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
  SECTION("5 clear working days, published Mon 2026-02-02 (on the due date): compliant") {
    const auto r = audit(board("5.6 agenda published at least 5 clear working days before each meeting"),
                         "body,date,published\nBoard,2026-02-10,2026-02-02\n", "2026-01-01", "2026-03-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("5 working days, published Wed 2026-02-04: breach, due 2026-02-03") {
    const auto r = audit(board("5.6 agenda published at least 5 working days before each meeting"),
                         "body,date,published\nBoard,2026-02-10,2026-02-04\n", "2026-01-01", "2026-03-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2026-02-03");
    CHECK(iso(r.only().findings[0].on) == "2026-02-04");
    CHECK(iso(r.only().findings[0].meeting) == "2026-02-10");
    CHECK_THAT(r.only().findings[0].words(), Contains("5 working days"));
  }
}

TEST_CASE("notice: counting across Easter skips Good Friday and Easter Monday, named in the message", "[families][notice]") {
  // Thu 2026-04-09 back 5 working days: Wed 8, Tue 7, [Easter Monday 6], [Good Friday 3], Thu 2, Wed 1, Tue 31 March.
  const std::string rules = board("5.6 agenda published at least 5 working days before each meeting");
  SECTION("published Wed 2026-04-01: 1 day late") {
    const auto r = audit(rules, "body,date,published\nBoard,2026-04-09,2026-04-01\n", "2026-04-01", "2026-04-30");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(iso(f.due) == "2026-03-31");
    CHECK(iso(f.on) == "2026-04-01");
    CHECK(iso(f.meeting) == "2026-04-09");
    CHECK_THAT(f.words(), Contains("Wed 2026-04-08, Tue 2026-04-07, Thu 2026-04-02, Wed 2026-04-01, Tue 2026-03-31"));
    CHECK_THAT(f.words(), Contains("Easter Monday 2026-04-06, Good Friday 2026-04-03"));
  }
  SECTION("published Tue 2026-03-31: compliant") {
    const auto r = audit(rules, "body,date,published\nBoard,2026-04-09,2026-03-31\n", "2026-04-01", "2026-04-30");
    CHECK(status(r.only()) == "pass");
  }
}

TEST_CASE("notice: the rule file's calendar decides which days are bank holidays", "[families][notice]") {
  // Mon 2026-01-05, 5 working days. England and Wales: L = Wed 2025-12-24.
  // Scotland also skips 2 January: L = Tue 2025-12-23. Division none: Fri 2, Thu 1, Wed 31, Tue 30, Mon 29 → L = 2025-12-29.
  const std::string rule = "5.6 agenda published at least 5 working days before each meeting";
  const std::string log = "body,date,published\nBoard,2026-01-05,2025-12-24\n";
  SECTION("england-and-wales (the default): published on L, compliant") {
    const auto r = audit(board(rule), log, "2026-01-01", "2026-01-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("scotland: due 2025-12-23, breach; 2nd January named") {
    const auto r = audit(board(rule, "calendar scotland\n"), log, "2026-01-01", "2026-01-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-12-23");
    CHECK(iso(r.only().findings[0].on) == "2025-12-24");
    CHECK_THAT(r.only().findings[0].words(), Contains("2nd January 2026-01-02"));
    CHECK_THAT(r.only().findings[0].words(), Contains("Christmas Day 2025-12-25"));
  }
  SECTION("a body's own calendar setting overrides the file's") {
    const auto r = audit("calendar england-and-wales\nbody \"Board\" {\n  calendar scotland\n  " + rule + "\n}\n", log,
                         "2026-01-01", "2026-01-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-12-23");
  }
  SECTION("none: only weekends skipped, due 2025-12-29; published 2025-12-30 is late") {
    const auto r = audit(board(rule, "calendar none\n"), "body,date,published\nBoard,2026-01-05,2025-12-30\n",
                         "2026-01-01", "2026-01-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-12-29");
    CHECK_THAT(r.only().findings[0].words(), Contains("bank holidays skipped: none"));
  }
}

TEST_CASE("notice: calendar days and clear calendar days", "[families][notice]") {
  // Meeting Tue 2026-02-10. 7 days: L = 2026-02-03. 7 clear days: due = 2026-02-02.
  SECTION("7 days, published on L: compliant") {
    const auto r = audit(board("1 agenda published at least 7 days before each meeting"),
                         "body,date,published\nBoard,2026-02-10,2026-02-03\n", "2026-02-01", "2026-02-28");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("7 days, published the day after L: breach") {
    const auto r = audit(board("1 agenda published at least 7 days before each meeting"),
                         "body,date,published\nBoard,2026-02-10,2026-02-04\n", "2026-02-01", "2026-02-28");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2026-02-03");
    CHECK(iso(r.only().findings[0].on) == "2026-02-04");
    CHECK(iso(r.only().findings[0].meeting) == "2026-02-10");
    CHECK_THAT(r.only().findings[0].words(), Contains("7 days"));
  }
  SECTION("7 clear days, published on L: breach, due L - 1") {
    const auto r = audit(board("1 agenda published at least 7 clear days before each meeting"),
                         "body,date,published\nBoard,2026-02-10,2026-02-03\n", "2026-02-01", "2026-02-28");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2026-02-02");
    CHECK(iso(r.only().findings[0].on) == "2026-02-03");
    CHECK_THAT(r.only().findings[0].words(), Contains("7 clear days"));
  }
  SECTION("7 clear days, published L - 1: compliant") {
    const auto r = audit(board("1 agenda published at least 7 clear days before each meeting"),
                         "body,date,published\nBoard,2026-02-10,2026-02-02\n", "2026-02-01", "2026-02-28");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("calendar days count weekends and bank holidays") {
    // Thu 2026-04-09 - 5 days = Sat 2026-04-04, though Good Friday lies between.
    const auto r = audit(board("1 agenda published at least 5 days before each meeting"),
                         "body,date,published\nBoard,2026-04-09,2026-04-05\n", "2026-04-01", "2026-04-30");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2026-04-04");
  }
}

TEST_CASE("notice: a meeting with no publication date is no-evidence", "[families][notice]") {
  const auto r = audit(board("5.6 agenda published at least 5 working days before each meeting"),
                       "body,date,published\nBoard,2026-02-10,\n", "2026-01-01", "2026-03-31");
  CHECK(status(r.only()) == "no-evidence");
  REQUIRE(r.only().findings.size() == 1);
  const finding& f = r.only().findings[0];
  CHECK(status(f) == "no-evidence");
  CHECK(iso(f.due) == "2026-02-03");
  CHECK(iso(f.on) == "null");
  CHECK(iso(f.meeting) == "2026-02-10");
  CHECK_THAT(f.words(), Contains("2026-02-10"));
}

TEST_CASE("notice: only held meetings in [F, T] are judged", "[families][notice]") {
  // Each of these would breach 5 working days if it were judged.
  const std::string rows =
      "body,date,kind,status,published\n"
      "Board,2026-01-20,meeting,held,2026-01-19\n"       // before F
      "Board,2026-02-10,meeting,cancelled,2026-02-09\n"  // cancelled
      "Board,2026-02-11,meeting,postponed,\n"            // postponed, no date: no no-evidence either
      "Board,2026-02-12,session,held,2026-02-11\n"       // a session
      "Board,2026-03-10,meeting,held,2026-03-09\n";      // after T
  const std::string rules = board("5.6 agenda published at least 5 working days before each meeting");
  SECTION("nothing held in the window: not-due") {
    const auto r = audit(rules, rows, "2026-02-01", "2026-02-28");
    CHECK(status(r.only()) == "not-due");
    CHECK(r.only().findings.empty());
  }
  SECTION("a held meeting in time in the window: pass") {
    // Fri 2026-02-20 back 5: Thu 19, Wed 18, Tue 17, Mon 16, Fri 13 = L; published 13 is in time.
    const auto r = audit(rules, rows + "Board,2026-02-20,meeting,held,2026-02-13\n", "2026-02-01", "2026-02-28");
    CHECK(status(r.only()) == "pass");
  }
}

// ---------------------------------------------------------------------------------------------
// Item: each held meeting in [F, T] has an item containing X (folded) or matching REGEX.

TEST_CASE("item: containment is case-insensitive with white space folded", "[families][item]") {
  const std::string log =
      "body,date,items\n"
      "Board,2025-01-10,Apologies; FORWARD   plan 2025/26; AOB\n"
      "Board,2025-02-10,Apologies;Minutes\n"
      "Board,2025-03-10,Review of the forward   Plan\n"  // (a line break in a cell parts two items)
      "Board,2025-04-10,Forward Planning;Plan Forward\n"
      "Board,2025-05-10,Forward\tPlan\n";  // a tab is white space too
  for (const char* rule : {"5.5 each meeting has item \"Forward Plan\"", "5.5 each meeting has item \"forward   PLAN\""}) {
    INFO(rule);
    const auto r = audit(board(rule), log, "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(status(f) == "breach");
    CHECK(iso(f.due) == "2025-02-10");
    CHECK(iso(f.on) == "2025-02-10");
    CHECK(iso(f.meeting) == "2025-02-10");
    CHECK_THAT(f.words(), Contains("2 items recorded"));
  }
}

TEST_CASE("item: a regular expression is searched, not anchored, case-insensitive", "[families][item]") {
  const auto r = audit(board("4.4 each meeting has item matching \"voice|lived experience\""),
                       "body,date,items\n"
                       "Board,2025-01-10,Voice of the Child\n"
                       "Board,2025-02-10,Our LIVED EXPERIENCE panel\n"
                       "Board,2025-03-10,Invoice approvals\n"  // "voice" is found inside "Invoice": unanchored
                       "Board,2025-04-10,Minutes;Finance\n",
                       "2025-01-01", "2025-12-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].due) == "2025-04-10");
  CHECK(iso(r.only().findings[0].on) == "2025-04-10");
  CHECK(iso(r.only().findings[0].meeting) == "2025-04-10");
  // Findings say the pattern is the statement's, never its syntax: the statement is shown beside them.
  CHECK(r.only().findings[0].words() ==
        "the meeting on 2025-04-10 had no agenda item matching the pattern given in the statement (2 items recorded)");

  SECTION("anchors in the pattern are honoured") {
    const auto r2 = audit(board("1 each meeting has item matching \"^minutes$\""),
                          "body,date,items\nBoard,2025-01-10,MINUTES\nBoard,2025-02-10,Draft minutes\n", "2025-01-01",
                          "2025-12-31");
    REQUIRE(r2.only().findings.size() == 1);
    CHECK(iso(r2.only().findings[0].due) == "2025-02-10");
  }
}

TEST_CASE("item: a held meeting with no recorded items is no-evidence", "[families][item]") {
  const auto r = audit(board("5.5 each meeting has item \"Forward Plan\""),
                       "body,date,status,items\n"
                       "Board,2025-01-10,held,\n"
                       "Board,2025-02-10,cancelled,\n"  // not held: not judged
                       "Board,2025-03-10,held,Forward Plan\n",
                       "2025-01-01", "2025-12-31");
  CHECK(status(r.only()) == "no-evidence");
  REQUIRE(r.only().findings.size() == 1);
  const finding& f = r.only().findings[0];
  CHECK(status(f) == "no-evidence");
  CHECK(iso(f.due) == "2025-01-10");
  CHECK(iso(f.on) == "2025-01-10");
  CHECK(iso(f.meeting) == "2025-01-10");
}

// ---------------------------------------------------------------------------------------------
// Title: each held meeting's own title. An empty title is one the log does not record: no-evidence.

TEST_CASE("title: a phrase, alternatives and a pattern, and an empty title is no-evidence, never a breach", "[families][title]") {
  const std::string log =
      "body,date,status,title\n"
      "Board,2025-03-12,held,Themed meeting:   EDUCATION\n"
      "Board,2025-06-11,held,Board meeting\n"
      "Board,2025-07-02,cancelled,Board meeting\n"  // not held: not judged
      "Board,2025-09-10,held,\n"
      "Board,2025-10-08,held,   \n";  // white space alone is no title either
  SECTION("has a title: any recorded title; the two without one are no-evidence") {
    const auto r = audit(board("4.2 each meeting has a title"), log, "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "no-evidence");
    REQUIRE(r.only().findings.size() == 2);
    for (const finding& f : r.only().findings) CHECK(status(f) == "no-evidence");
    CHECK(iso(r.only().findings[0].meeting) == "2025-09-10");
    CHECK(iso(r.only().findings[1].meeting) == "2025-10-08");
    CHECK(r.only().findings[0].words() ==
          "no title is recorded for the meeting on 2025-09-10; cannot tell whether it had a title");
  }
  SECTION("has title \"A\" or \"B\": a recorded title without either is a breach, dated at the meeting") {
    const auto r = audit(board("4.3 each meeting has title \"theme\" or \"Annual\""), log, "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 3);
    const finding& f = r.only().findings[0];
    CHECK(status(f) == "breach");
    CHECK(iso(f.due) == "2025-06-11");
    CHECK(iso(f.on) == "2025-06-11");
    CHECK(iso(f.meeting) == "2025-06-11");
    CHECK(f.words() == "the meeting on 2025-06-11 had the title \"Board meeting\", not one containing any of: \"theme\", \"Annual\"");
    CHECK(status(r.only().findings[1]) == "no-evidence");
    CHECK(status(r.only().findings[2]) == "no-evidence");
  }
  SECTION("has title matching: searched, case-insensitive, against the folded title") {
    const auto r = audit(board("4.4 each meeting has title matching \"themed meeting: education$\""), log, "2025-01-01",
                         "2025-12-31");
    REQUIRE(r.only().findings.size() == 3);
    CHECK(iso(r.only().findings[0].meeting) == "2025-06-11");
    CHECK_THAT(r.only().findings[0].words(), Contains("not one matching the pattern given in the statement"));
  }
  SECTION("every title recorded and holding the phrase: met") {
    const auto r = audit(board("4.3 each meeting has title \"meeting\""),
                         "body,date,title\nBoard,2025-03-12,Themed meeting\nBoard,2025-06-11,Board meeting\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// Reports: qualifying events are held reports of this body whose `to` equals B and, with "T",
// whose title contains T.

TEST_CASE("reports: `to` must equal B (folded), the title must contain T, and only this body's held reports count", "[families][reports]") {
  const std::string rules = board(
      "6.2 reports \"Highlight Report\" quarterly to \"Children & Young People Overview and Scrutiny Committee\"",
      "year starts 1 April\n");
  const std::string rows =
      "body,date,kind,status,title,to\n"
      // Q1 (Apr-Jun): qualifies: title contains T, `to` equals B after folding.
      "Board,2025-05-01,report,held,Q1 highlight   report,children &  young people overview and SCRUTINY committee\n"
      // Q2 (Jul-Sep): none of these qualifies.
      "Board,2025-08-01,report,held,Highlight Report,Children & Young People Overview and Scrutiny\n"
      "Board,2025-08-02,report,held,Annual Report,Children & Young People Overview and Scrutiny Committee\n"
      "Board,2025-08-03,meeting,held,Highlight Report,Children & Young People Overview and Scrutiny Committee\n"
      "Board,2025-08-04,report,cancelled,Highlight Report,Children & Young People Overview and Scrutiny Committee\n"
      "Other Board,2025-08-05,report,held,Highlight Report,Children & Young People Overview and Scrutiny Committee\n"
      "Board,2025-08-06,report,held,Highlight Report,Children & Young People Overview and Scrutiny Committee (Extra)\n";
  SECTION("Q2 has no qualifying report") {
    const auto r = audit(rules, rows, "2025-04-01", "2025-09-30");
    REQUIRE(r.report.results.size() == 1);
    const rule_result& res = r.report.results[0];
    CHECK(status(res) == "breach");
    REQUIRE(res.findings.size() == 1);
    const finding& f = res.findings[0];
    CHECK(iso(f.due) == "2025-09-30");
    CHECK(iso(f.on) == "null");
    CHECK(iso(f.period_start) == "2025-07-01");
    CHECK(iso(f.period_end) == "2025-09-30");
    CHECK_THAT(f.words(), Contains("\"Highlight Report\" report"));
    CHECK_THAT(f.words(), Contains("Children & Young People Overview and Scrutiny Committee"));
  }
  SECTION("a qualifying report on the last day of Q2: pass") {
    const auto r = audit(rules,
                         rows + "Board,2025-09-30,report,,Quarterly HIGHLIGHT REPORT (Q2),Children & Young People "
                                "Overview and Scrutiny Committee\n",
                         "2025-04-01", "2025-09-30");
    CHECK(status(r.report.results[0]) == "pass");
  }
}

TEST_CASE("reports: without a title any held report to B counts", "[families][reports]") {
  const std::string rules = board("6.4 reports annually to \"Full Council\"");
  SECTION("a report with no title to \"full council\"") {
    const auto r = audit(rules, "body,date,kind,title,to\nBoard,2025-06-01,report,,full  council\n", "2025-01-01",
                         "2025-12-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("a report to a different body") {
    const auto r = audit(rules, "body,date,kind,title,to\nBoard,2025-06-01,report,Annual report,Full Council Committee\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-12-31");
  }
  SECTION("reports with a gap frequency") {
    // every 6 months: 2025-01-15 + 6 months = 2025-07-15; next report 2025-08-01 is 17 days late.
    const auto r = audit(board("6.5 reports every 6 months to \"Cabinet\""),
                         "body,date,kind,to\nBoard,2025-01-15,report,Cabinet\nBoard,2025-08-01,report,Cabinet\n",
                         "2025-01-01", "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-07-15");
    CHECK(iso(r.only().findings[0].on) == "2025-08-01");
    CHECK_THAT(r.only().findings[0].words(), Contains("17 days late"));
  }
}

// ---------------------------------------------------------------------------------------------
// Receives: held meetings of this body with an item containing X.

TEST_CASE("receives FREQ: a year with no held meeting receiving X is a breach", "[families][receives]") {
  const auto r = audit(board("6.3 receives \"Terms of Reference\" annually"),
                       "body,date,kind,status,items\n"
                       "Board,2024-06-01,meeting,held,Minutes; Review of the terms of  reference\n"
                       "Board,2025-03-01,meeting,cancelled,Terms of Reference\n"
                       "Board,2025-04-01,session,held,Terms of Reference\n"
                       "Board,2025-05-01,meeting,held,Minutes\n",
                       "2024-01-01", "2025-12-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  const finding& f = r.only().findings[0];
  CHECK(iso(f.due) == "2025-12-31");
  CHECK(iso(f.on) == "null");
  CHECK(iso(f.period_start) == "2025-01-01");
  CHECK(iso(f.period_end) == "2025-12-31");
  CHECK_THAT(f.words(), Contains("Terms of Reference"));
}

TEST_CASE("receives FREQ with a gap frequency", "[families][receives]") {
  // 02-01 + 3 months = 05-01; the next held meeting receiving it is 05-15: 14 days late. Open: 05-15 + 3 months = 08-15 > T.
  const auto r = audit(board("1 receives \"Budget monitoring\" every 3 months"),
                       "body,date,items\nBoard,2025-02-01,Budget Monitoring Q3\nBoard,2025-03-01,Minutes\n"
                       "Board,2025-05-15,budget   monitoring q4\n",
                       "2025-01-01", "2025-06-30");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].due) == "2025-05-01");
  CHECK(iso(r.only().findings[0].on) == "2025-05-15");
  CHECK_THAT(r.only().findings[0].words(), Contains("3 months after"));
  CHECK_THAT(r.only().findings[0].words(), Contains("14 days late"));
}

TEST_CASE("receives by DATE", "[families][receives][deadline]") {
  const std::string rules = board("1 receives \"Annual Report\" by 2025-06-30");
  SECTION("received on DATE: pass") {
    const auto r = audit(rules, "body,date,items\nBoard,2025-06-30,IRO Annual Report 2024/25\n", "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
  SECTION("received before F still counts: none is needed on or before DATE inside the window") {
    const auto r = audit(rules, "body,date,items\nBoard,2024-12-01,Annual report\n", "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("received only after DATE: breach, due DATE, date null") {
    const auto r = audit(rules, "body,date,items\nBoard,2025-07-15,Annual Report\n", "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(status(f) == "breach");
    CHECK(iso(f.due) == "2025-06-30");
    CHECK(iso(f.on) == "null");
    check_plain(f);
    CHECK_THAT(f.words(), Contains("2025-07-15"));
  }
  SECTION("only at a cancelled meeting or a session: breach") {
    const auto r = audit(rules,
                         "body,date,kind,status,items\nBoard,2025-06-01,meeting,cancelled,Annual Report\n"
                         "Board,2025-06-02,session,held,Annual Report\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "breach");
  }
  SECTION("T == DATE with nothing received: breach") {
    const auto r = audit(rules, "body,date,items\nBoard,2025-03-01,Minutes\n", "2025-01-01", "2025-06-30");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-06-30");
  }
  SECTION("T < DATE: not-due") {
    const auto r = audit(rules, "body,date,items\nBoard,2025-03-01,Minutes\n", "2025-01-01", "2025-06-29");
    CHECK(status(r.only()) == "not-due");
    CHECK(r.only().findings.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// Precedence: a held meeting or session of this body titled X in [M - N days, M).

TEST_CASE("precedence: the preceding event must lie in from M - N days up to the day before M", "[families][precedence]") {
  // M = Thu 2025-03-20, N = 14: the window is 2025-03-06 to 2025-03-19.
  const std::string rules = board("1 each meeting preceded by \"Agenda Setting\" within 14 days");
  const std::string head = "body,date,kind,status,title,to\nBoard,2025-03-20,meeting,held,Ordinary meeting,\n";
  SECTION("a session exactly N days before counts") {
    const auto r = audit(rules, head + "Board,2025-03-06,session,held,Agenda setting session,\n", "2025-03-15", "2025-03-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("N + 1 days before is too early") {
    const auto r = audit(rules, head + "Board,2025-03-05,session,held,Agenda Setting,\n", "2025-03-15", "2025-03-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(status(f) == "breach");
    CHECK(iso(f.due) == "2025-03-20");
    CHECK(iso(f.on) == "2025-03-20");
    CHECK(iso(f.meeting) == "2025-03-20");
    CHECK_THAT(f.words(), Contains("2025-03-06 to 2025-03-19"));
    CHECK_THAT(f.words(), Contains("2025-03-05"));
  }
  SECTION("an event on M itself does not count") {
    const auto r = audit(rules, head + "Board,2025-03-20,session,held,Agenda Setting,\n", "2025-03-15", "2025-03-31");
    CHECK(status(r.only()) == "breach");
  }
  SECTION("a cancelled session does not count") {
    const auto r = audit(rules, head + "Board,2025-03-10,session,cancelled,Agenda Setting,\n", "2025-03-15", "2025-03-31");
    CHECK(status(r.only()) == "breach");
  }
  SECTION("a report titled X does not count") {
    const auto r = audit(rules, head + "Board,2025-03-10,report,held,Agenda Setting,Cabinet\n", "2025-03-15", "2025-03-31");
    CHECK(status(r.only()) == "breach");
  }
  SECTION("another body's session does not count") {
    const auto r = audit(rules, head + "Other Board,2025-03-10,session,held,Agenda Setting,\n", "2025-03-15", "2025-03-31");
    CHECK(status(r.only()) == "breach");
  }
  SECTION("a held meeting titled X (before F) counts") {
    const auto r = audit(rules, head + "Board,2025-03-10,meeting,held,Agenda Setting Meeting,\n", "2025-03-15", "2025-03-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("no held meeting in the window: not-due") {
    const auto r = audit(rules, head, "2025-03-21", "2025-03-31");
    CHECK(status(r.only()) == "not-due");
  }
}

// ---------------------------------------------------------------------------------------------
// meets jointly with "X": held meetings and sessions whose title contains X.

TEST_CASE("meets jointly with: held meetings and sessions whose title contains X", "[families][jointly]") {
  const std::string rules = board("1 meets jointly with \"Health and Wellbeing Board\" annually");
  SECTION("a joint session counts") {
    const auto r = audit(rules,
                         "body,date,kind,status,title\nBoard,2025-05-01,session,held,Joint session with the health and   "
                         "wellbeing board\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("a held meeting whose title contains X counts") {
    const auto r = audit(rules, "body,date,title\nBoard,2025-05-01,JOINT MEETING: HEALTH AND WELLBEING BOARD\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("other titles, cancelled sessions and untitled meetings do not count") {
    const auto r = audit(rules,
                         "body,date,kind,status,title\n"
                         "Board,2025-02-01,meeting,held,Health Board\n"
                         "Board,2025-03-01,session,cancelled,Joint session with the Health and Wellbeing Board\n"
                         "Board,2025-04-01,meeting,held,\n",
                         "2025-01-01", "2025-12-31");
    REQUIRE(r.report.results.size() == 1);
    const rule_result& res = r.report.results[0];
    CHECK(status(res) == "breach");
    REQUIRE(res.findings.size() == 1);
    CHECK(iso(res.findings[0].due) == "2025-12-31");
    CHECK(iso(res.findings[0].period_start) == "2025-01-01");
    CHECK(iso(res.findings[0].period_end) == "2025-12-31");
    CHECK_THAT(res.findings[0].words(), Contains("Health and Wellbeing Board"));
  }
  SECTION("meets does not count sessions, even joint ones") {
    const auto r = audit(board("1 meets annually"),
                         "body,date,kind,title\nBoard,2025-05-01,session,Joint session with the Health and Wellbeing Board\n",
                         "2025-01-01", "2025-12-31");
    CHECK(status(r.only()) == "breach");
  }
}

TEST_CASE("alternatives: any one of the phrases will do, and findings name them all", "[families][alternatives]") {
  const std::string log =
      "body,date,kind,status,title,items\n"
      "Board,2025-02-01,session,held,Pre-meeting briefing,\n"
      "Board,2025-02-10,meeting,held,Board,Minutes; Work  Programme\n"
      "Board,2025-05-10,meeting,held,Board,Minutes\n"
      "Board,2025-07-01,session,held,Joint session with Care Leavers,\n"
      "Board,2025-08-01,session,held,Agenda Setting,\n"
      "Board,2025-08-10,meeting,held,Board,Forward Plan\n";
  SECTION("each meeting has item") {
    const auto r = audit(board("5.5 each meeting has item \"Forward Plan\" or \"work programme\""), log, "2025-01-01",
                         "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-05-10");
    CHECK(r.only().findings[0].words() ==
          "the meeting on 2025-05-10 had no agenda item containing any of: \"Forward Plan\", \"work programme\" (1 item "
          "recorded)");
  }
  SECTION("receives FREQ") {
    const auto r = audit(board("6.3 receives \"Forward Plan\" or \"Work Programme\" quarterly"), log, "2025-01-01",
                         "2025-12-31");
    REQUIRE(r.only().findings.size() == 2);  // April-June and October-December
    CHECK(iso(r.only().findings[0].due) == "2025-06-30");
    CHECK(r.only().findings[0].words() ==
          "no held meeting with an item containing any of: \"Forward Plan\", \"Work Programme\" in the quarter "
          "2025-04-01 to 2025-06-30");
  }
  SECTION("receives by DATE") {
    CHECK(status(audit(board("6.3 receives \"Strategy\" or \"Forward Plan\" by 2025-09-30"), log, "2025-01-01",
                       "2025-12-31")
                     .only()) == "pass");
    const auto r = audit(board("6.3 receives \"Strategy\" or \"Forward Plan\" by 2025-06-30"), log, "2025-01-01",
                         "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(r.only().findings[0].words() ==
          "an item containing any of: \"Strategy\", \"Forward Plan\" was due by 2025-06-30; no held meeting received it by "
          "then (it was first received on 2025-08-10)");
  }
  SECTION("each meeting preceded by") {
    const auto r = audit(board("10 each meeting preceded by \"Agenda Setting\" or \"pre-meeting\" within 14 days"), log,
                         "2025-01-01", "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-05-10");
    CHECK(r.only().findings[0].words() ==
          "no held meeting or session whose title contains any of: \"Agenda Setting\", \"pre-meeting\" in the 14 days "
          "before the meeting on 2025-05-10 (2025-04-26 to 2025-05-09); the last one was on 2025-02-01");
  }
  SECTION("meets jointly with") {
    const auto r = audit(board("v meets jointly with \"Children in Care Council\" or \"care leavers\" half-yearly"), log,
                         "2025-01-01", "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-06-30");
    CHECK(r.only().findings[0].words() ==
          "no joint meeting or session with any of: \"Children in Care Council\", \"care leavers\" in the half-year "
          "2025-01-01 to 2025-06-30");
  }
}

TEST_CASE("reports to several recipients: one result per recipient, each finding naming it", "[families][reports]") {
  const auto r = audit(board("6.2 reports annually to \"Cabinet\" and \"Scrutiny Panel\" and \"Council\""),
                       "body,date,kind,status,title,to\n"
                       "Board,2025-03-01,report,held,Annual report,Cabinet\n"
                       "Board,2025-04-01,report,held,Annual report,council\n",
                       "2025-01-01", "2025-12-31");
  REQUIRE(r.report.results.size() == 3);
  CHECK(status(r.report.results[0]) == "pass");
  CHECK(status(r.report.results[1]) == "breach");
  CHECK(status(r.report.results[2]) == "pass");
  REQUIRE(r.report.results[1].findings.size() == 1);
  CHECK(r.report.results[1].findings[0].words() == "no report to \"Scrutiny Panel\" in the year 2025-01-01 to 2025-12-31");
}

TEST_CASE("patterns: matching a title or an item, the finding naming no pattern syntax", "[families][alternatives]") {
  const std::string log =
      "body,date,kind,status,title,items\n"
      "Board,2025-02-01,session,held,Agenda planning,\n"
      "Board,2025-02-10,meeting,held,Board,Minutes; Terms of Reference review\n"
      "Board,2025-05-10,meeting,held,Board,Minutes\n";
  SECTION("receives matching") {
    const auto r = audit(board("6.3 receives matching \"terms of reference|constitution\" half-yearly"), log, "2025-01-01",
                         "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(r.only().findings[0].words() ==
          "no held meeting with an item matching the pattern given in the statement in the half-year 2025-07-01 to "
          "2025-12-31");
  }
  SECTION("preceded by matching, since the previous meeting") {
    const auto r = audit(board("10 each meeting preceded by matching \"^agenda (setting|planning)$\" since the previous "
                               "meeting"),
                         log, "2025-01-01", "2025-12-31");
    // 2025-02-10: no earlier meeting, and "Agenda planning" before it meets the rule. 2025-05-10: none since 2025-02-10.
    REQUIRE(r.only().findings.size() == 1);
    CHECK(status(r.only()) == "breach");
    CHECK(r.only().findings[0].words() ==
          "no held meeting or session whose title matches the pattern given in the statement between the previous "
          "meeting on 2025-02-10 and the meeting on 2025-05-10; the last one was on 2025-02-01");
  }
}

// ---------------------------------------------------------------------------------------------
// Waivers: breaches of the labelled rule whose due date falls in the window are reported as waived.

TEST_CASE("waivers: a breach whose due date falls in the waiver window is waived, never dropped", "[families][waivers]") {
  // The gap breach: 02-15 → 04-17, due 2025-04-15.
  const std::string log = "body,date\nBoard,2025-02-15\nBoard,2025-04-17\nBoard,2025-06-10\n";
  SECTION("a body-level waiver covering the due date") {
    const auto r = audit(board("waive 5.1 from 2025-04-01 to 2025-04-30 because \"Pre-election period\"\n"
                               "5.1 meets every 2 months"),
                         log, "2025-01-01", "2025-06-30");
    CHECK(status(r.only()) == "waived");
    REQUIRE(r.only().findings.size() == 1);
    const finding& f = r.only().findings[0];
    CHECK(status(f) == "waived");
    CHECK(iso(f.due) == "2025-04-15");
    CHECK(iso(f.on) == "2025-04-17");
    CHECK_THAT(f.words(), Contains("Pre-election period"));
    CHECK_THAT(f.words(), Contains("2025-04-01"));
    CHECK_THAT(f.words(), Contains("2025-04-30"));
    CHECK_THAT(f.words(), Contains("2 days late"));  // the derivation is kept
    CHECK(r.report.count(finding_status::waived) == 1u);
    CHECK(r.report.count(finding_status::breach) == 0u);
  }
  SECTION("the window is inclusive: a one-day waiver on the due date") {
    const auto r = audit(board("waive 5.1 from 2025-04-15 to 2025-04-15 because \"Purdah\"\n5.1 meets every 2 months"), log,
                         "2025-01-01", "2025-06-30");
    CHECK(status(r.only()) == "waived");
  }
  SECTION("a waiver whose window holds the late meeting but not the due date does not apply") {
    const auto r = audit(board("waive 5.1 from 2025-04-16 to 2025-05-31 because \"Purdah\"\n5.1 meets every 2 months"), log,
                         "2025-01-01", "2025-06-30");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(status(r.only().findings[0]) == "breach");
  }
  SECTION("a waiver ending the day before the due date does not apply") {
    const auto r = audit(board("waive 5.1 from 2025-04-01 to 2025-04-14 because \"Purdah\"\n5.1 meets every 2 months"), log,
                         "2025-01-01", "2025-06-30");
    CHECK(status(r.only()) == "breach");
  }
  SECTION("a file-level waiver applies to the label in the body") {
    const auto r = audit("waive 5.1 from 2025-04-01 to 2025-04-30 because \"Covid-19 suspension\"\n" +
                             board("5.1 meets every 2 months"),
                         log, "2025-01-01", "2025-06-30");
    CHECK(status(r.only()) == "waived");
    CHECK_THAT(r.only().findings[0].words(), Contains("Covid-19 suspension"));
  }
  SECTION("a waiver applies only to its own label") {
    const auto r = audit(board("waive 5.2 from 2025-04-01 to 2025-04-30 because \"Purdah\"\n"
                               "5.1 meets every 2 months\n"
                               "5.2 meets every 2 months"),
                         log, "2025-01-01", "2025-06-30");
    REQUIRE(r.report.results.size() == 2);
    CHECK(r.report.results[0].statement->label == "5.1");
    CHECK(status(r.report.results[0]) == "breach");
    CHECK(r.report.results[1].statement->label == "5.2");
    CHECK(status(r.report.results[1]) == "waived");
  }
  SECTION("only the breaches in the window are waived") {
    // A second breach still open at T: 06-10 + 2 months = 08-10 < T=2025-09-30; outside the waiver.
    const auto r = audit(board("waive 5.1 from 2025-04-01 to 2025-04-30 because \"Purdah\"\n5.1 meets every 2 months"), log,
                         "2025-01-01", "2025-09-30");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 2);
    CHECK(status(r.only().findings[0]) == "waived");
    CHECK(iso(r.only().findings[1].due) == "2025-08-10");
    CHECK(status(r.only().findings[1]) == "breach");
  }
}

// ---------------------------------------------------------------------------------------------
// Rule status: breach > no-evidence > waived > not-due > pass.

TEST_CASE("rule status: the first that applies of breach, no-evidence, waived, not-due, pass", "[families][status]") {
  // 5 working days. Tue 2026-02-10: L = 2026-02-03. Tue 2026-03-10: L = Tue 2026-03-03.
  const std::string rule = "5.6 agenda published at least 5 working days before each meeting";
  const std::string waiver = "waive 5.6 from 2026-02-01 to 2026-02-28 because \"ModernGov outage\"\n";
  const std::string late_and_missing =
      "body,date,published\nBoard,2026-02-10,2026-02-04\nBoard,2026-03-10,\n";  // breach, then no-evidence
  SECTION("a breach and a no-evidence: breach") {
    const auto r = audit(board(rule), late_and_missing, "2026-01-01", "2026-03-31");
    CHECK(status(r.only()) == "breach");
    REQUIRE(r.only().findings.size() == 2);
    CHECK(status(r.only().findings[0]) == "breach");
    CHECK(iso(r.only().findings[0].due) == "2026-02-03");
    CHECK(status(r.only().findings[1]) == "no-evidence");
    CHECK(iso(r.only().findings[1].due) == "2026-03-03");
  }
  SECTION("a waived breach and a no-evidence: no-evidence") {
    const auto r = audit(board(waiver + rule), late_and_missing, "2026-01-01", "2026-03-31");
    CHECK(status(r.only()) == "no-evidence");
    REQUIRE(r.only().findings.size() == 2);
    CHECK(status(r.only().findings[0]) == "waived");
    CHECK(status(r.only().findings[1]) == "no-evidence");
  }
  SECTION("a waived breach only: waived") {
    const auto r = audit(board(waiver + rule), "body,date,published\nBoard,2026-02-10,2026-02-04\nBoard,2026-03-10,2026-03-02\n",
                         "2026-01-01", "2026-03-31");
    CHECK(status(r.only()) == "waived");
    REQUIRE(r.only().findings.size() == 1);
  }
  SECTION("nothing fell due: not-due") {
    const auto r = audit(board(waiver + rule), late_and_missing, "2026-04-01", "2026-04-30");
    CHECK(status(r.only()) == "not-due");
    CHECK(r.only().findings.empty());
  }
  SECTION("everything in time: pass") {
    const auto r = audit(board(rule), "body,date,published\nBoard,2026-02-10,2026-02-03\nBoard,2026-03-10,2026-03-02\n",
                         "2026-01-01", "2026-03-31");
    CHECK(status(r.only()) == "pass");
    CHECK(r.only().findings.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// body *: every body in the logs, each on its own, in order of the case-folded name.

TEST_CASE("body *: each body in the log is evaluated on its own, in case-folded name order", "[families][every-body]") {
  // every 1 month, F=2025-01-01, T=2025-03-31.
  //  alpha board: 01-10, 02-05, 03-01: all in time; open 03-01 + 1 month = 04-01 > T: pass.
  //  Beta Panel: 01-10; open 01-10 + 1 month = 02-10 < T: breach, date null.
  //  Zeta Committee: 01-10 → 02-20 (due 02-10, 10 days late); open 02-20 + 1 month = 03-20 < T.
  const auto r = audit("body * {\n  1 meets every 1 month\n}\n",
                       "body,date\n"
                       "Zeta Committee,2025-01-10\n"
                       "alpha board,2025-01-10\n"
                       "Beta Panel,2025-01-10\n"
                       "ALPHA  Board,2025-02-05\n"
                       "Zeta Committee,2025-02-20\n"
                       "alpha board,2025-03-01\n",
                       "2025-01-01", "2025-03-31");
  const auto& results = r.report.results;
  REQUIRE(results.size() == 3);
  // "alpha board" and "ALPHA  Board" are one body (case-insensitive, white space folded); which spelling
  // the report shows is not a matter of the language.
  CHECK(fold(results[0].body) == "alpha board");
  CHECK(status(results[0]) == "pass");
  CHECK(results[1].body == "Beta Panel");
  CHECK(status(results[1]) == "breach");
  REQUIRE(results[1].findings.size() == 1);
  CHECK(iso(results[1].findings[0].due) == "2025-02-10");
  CHECK(iso(results[1].findings[0].on) == "null");
  CHECK(results[2].body == "Zeta Committee");
  CHECK(status(results[2]) == "breach");
  REQUIRE(results[2].findings.size() == 2);
  CHECK(iso(results[2].findings[0].due) == "2025-02-10");
  CHECK(iso(results[2].findings[0].on) == "2025-02-20");
  CHECK_THAT(results[2].findings[0].words(), Contains("10 days late"));
  CHECK(iso(results[2].findings[1].due) == "2025-03-20");
  CHECK(iso(results[2].findings[1].on) == "null");
  CHECK(r.report.unaudited_bodies.empty());
}

// ---------------------------------------------------------------------------------------------
// council: rows naming another council are excluded; rows naming none are included.

TEST_CASE("council: rows of another council are excluded, rows with an empty council included", "[families][council]") {
  // every 1 month, F=2025-01-01, T=2025-03-31. Counted: 01-15 (Rutland, folded) and 02-14 (no council).
  // F → 01-15 in time (due 02-01); 01-15 → 02-14 in time (due 02-15); open 02-14 + 1 month = 03-14 < T.
  // Were the Leicestershire row of 03-20 counted, the last finding would be dated 2025-03-20.
  const auto r = audit(board("1 meets every 1 month", "council \"Rutland County Council\"\n"),
                       "body,date,council\n"
                       "Board,2025-01-15,rutland   county council\n"
                       "Board,2025-02-14,\n"
                       "Board,2025-03-20,Leicestershire County Council\n",
                       "2025-01-01", "2025-03-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].due) == "2025-03-14");
  CHECK(iso(r.only().findings[0].on) == "null");
  REQUIRE(r.only().council.has_value());
  CHECK(*r.only().council == "Rutland County Council");
}

TEST_CASE("council: body * audits only the bodies of the file's council", "[families][council][every-body]") {
  const auto r = audit("council \"Rutland County Council\"\nbody * {\n  1 meets annually\n}\n",
                       "body,date,council\n"
                       "Scrutiny Panel,2025-01-15,\n"
                       "Other Committee,2025-01-15,Leicestershire County Council\n"
                       "Board,2025-01-15,Rutland County Council\n",
                       "2025-01-01", "2025-12-31");
  REQUIRE(r.report.results.size() == 2);
  CHECK(r.report.results[0].body == "Board");
  CHECK(r.report.results[1].body == "Scrutiny Panel");
  CHECK(status(r.report.results[0]) == "pass");
  CHECK(status(r.report.results[1]) == "pass");
}

// ---------------------------------------------------------------------------------------------
// Order: statements in file order, findings by due date.

TEST_CASE("findings are ordered by due date, whatever the order of the log's rows", "[families][order]") {
  SECTION("gap") {
    // every 1 month. F → 03-01: due 02-01 (28 days late); 03-01 → 06-01: due 04-01; open 06-01 + 1 month = 07-01 < T.
    const auto r = audit(board("1 meets every 1 month"), "body,date\nBoard,2025-06-01\nBoard,2025-03-01\n", "2025-01-01",
                         "2025-07-31");
    REQUIRE(r.only().findings.size() == 3);
    CHECK(iso(r.only().findings[0].due) == "2025-02-01");
    CHECK(iso(r.only().findings[0].on) == "2025-03-01");
    CHECK(iso(r.only().findings[1].due) == "2025-04-01");
    CHECK(iso(r.only().findings[1].on) == "2025-06-01");
    CHECK(iso(r.only().findings[2].due) == "2025-07-01");
    CHECK(iso(r.only().findings[2].on) == "null");
    CHECK(sorted_by_due(r.only()));
  }
  SECTION("notice, mixed statuses") {
    const auto r = audit(board("5.6 agenda published at least 5 working days before each meeting"),
                         "body,date,published\nBoard,2026-03-10,\nBoard,2026-02-10,2026-02-04\n", "2026-01-01",
                         "2026-03-31");
    REQUIRE(r.only().findings.size() == 2);
    CHECK(iso(r.only().findings[0].meeting) == "2026-02-10");
    CHECK(iso(r.only().findings[1].meeting) == "2026-03-10");
    CHECK(sorted_by_due(r.only()));
  }
  SECTION("coverage") {
    const auto r = audit(board("1 meets monthly"), "body,date\nBoard,2025-05-15\nBoard,2025-02-15\n", "2025-01-01",
                         "2025-06-30");
    // January, March, April and June have none.
    REQUIRE(r.only().findings.size() == 4);
    CHECK(iso(r.only().findings[0].due) == "2025-01-31");
    CHECK(iso(r.only().findings[1].due) == "2025-03-31");
    CHECK(iso(r.only().findings[2].due) == "2025-04-30");
    CHECK(iso(r.only().findings[3].due) == "2025-06-30");
  }
}

TEST_CASE("results follow the statements in file order", "[families][order]") {
  const auto r = audit(board("5.6 agenda published at least 5 working days before each meeting\n"
                             "5.1 meets every 2 months\n"
                             "5.5 each meeting has item \"Forward Plan\""),
                       "body,date,published,items\nBoard,2026-02-10,2026-02-03,Forward Plan\n", "2026-02-01",
                       "2026-02-28");
  REQUIRE(r.report.results.size() == 3);
  CHECK(r.report.results[0].statement->label == "5.6");
  CHECK(r.report.results[1].statement->label == "5.1");
  CHECK(r.report.results[2].statement->label == "5.5");
  for (const auto& res : r.report.results) CHECK(status(res) == "pass");
}

// ---------------------------------------------------------------------------------------------
// More edges.

TEST_CASE("notice, item and precedence judge meetings on F and on T", "[families][window]") {
  // Mon 2026-02-02 (= F) and Fri 2026-02-27 (= T), both published the day before: each breaches 5 working days.
  const auto r = audit(board("5.6 agenda published at least 5 working days before each meeting\n"
                             "5.5 each meeting has item \"Forward Plan\"\n"
                             "5.7 each meeting preceded by \"Briefing\" within 7 days"),
                       "body,date,published,items\nBoard,2026-02-02,2026-02-01,Minutes\nBoard,2026-02-27,2026-02-26,Minutes\n",
                       "2026-02-02", "2026-02-27");
  REQUIRE(r.report.results.size() == 3);
  for (const auto& res : r.report.results) {
    INFO(res.statement->label);
    REQUIRE(res.findings.size() == 2);
    CHECK(iso(res.findings[0].meeting) == "2026-02-02");
    CHECK(iso(res.findings[1].meeting) == "2026-02-27");
  }
  // Mon 2026-02-02 back 5: Fri 30, Thu 29, Wed 28, Tue 27, Mon 26 January. Fri 2026-02-27 back 5: Fri 20 February.
  CHECK(iso(r.report.results[0].findings[0].due) == "2026-01-26");
  CHECK(iso(r.report.results[0].findings[1].due) == "2026-02-20");
}

TEST_CASE("the family follows from the frequency: every 6 months is a gap, six-monthly and yearly are coverage",
          "[families][frequency]") {
  SECTION("receives \"X\" six-monthly: one in each half-year") {
    const auto r = audit(board("1 receives \"Risk Register\" six-monthly"), "body,date,items\nBoard,2025-03-31,Risk register\n",
                         "2025-01-01", "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-12-31");
    CHECK(iso(r.only().findings[0].period_start) == "2025-07-01");
    CHECK_THAT(r.only().findings[0].words(), Contains("in the half-year 2025-07-01 to 2025-12-31"));
  }
  SECTION("receives \"X\" every 6 months: due 6 months after the last, with the chain from F") {
    // F=2025-01-01 → 2025-03-31 in time (due 2025-07-01). Open: 2025-03-31 + 6 months = 2025-09-30 < T=2025-12-31.
    const auto r = audit(board("1 receives \"Risk Register\" every 6 months"), "body,date,items\nBoard,2025-03-31,Risk register\n",
                         "2025-01-01", "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-09-30");
    CHECK(iso(r.only().findings[0].on) == "null");
    CHECK(iso(r.only().findings[0].period_start) == "null");
    CHECK_THAT(r.only().findings[0].words(), Contains("6 months after"));
  }
  SECTION("reports yearly to \"B\": one finding per calendar year without a report") {
    const auto r = audit(board("1 reports yearly to \"Full Council\""),
                         "body,date,kind,to\nBoard,2024-11-30,report,Full Council\n", "2024-01-01", "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_start) == "2025-01-01");
    CHECK(iso(r.only().findings[0].period_end) == "2025-12-31");
  }
  SECTION("reports twice a year to \"B\" is a count") {
    const auto r = audit(board("1 reports twice a year to \"Full Council\""),
                         "body,date,kind,to\nBoard,2025-11-30,report,Full Council\n", "2025-01-01", "2025-12-31");
    REQUIRE(r.only().findings.size() == 1);
    REQUIRE(r.only().findings[0].found.has_value());
    CHECK(*r.only().findings[0].found == 1);
  }
  SECTION("at least K times a half-year, aligned to the year start") {
    // year starts 1 April: halves Apr-Sep and Oct-Mar. Apr-Sep has 1 (found 1), Oct-Mar has 2.
    const auto r = audit(board("1 meets at least 2 times a half-year", "year starts 1 April\n"),
                         "body,date\nBoard,2025-09-30\nBoard,2025-10-01\nBoard,2026-03-31\n", "2025-04-01", "2026-03-31");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].period_start) == "2025-04-01");
    CHECK(iso(r.only().findings[0].period_end) == "2025-09-30");
    CHECK(*r.only().findings[0].found == 1);
  }
  SECTION("meets jointly with a gap frequency counts sessions") {
    // every 3 months: F → session 2025-03-01 (due 2025-04-01, in time); open: 03-01 + 3 months = 06-01 > T.
    const auto r = audit(board("1 meets jointly with \"Schools Forum\" every 3 months"),
                         "body,date,kind,title\nBoard,2025-03-01,session,Joint session: Schools Forum\n", "2025-01-01",
                         "2025-05-31");
    CHECK(status(r.only()) == "pass");
  }
}

TEST_CASE("a body's own year start overrides the file's", "[families][coverage]") {
  // File: 1 January; body: 1 April. F=2025-01-01, T=2026-06-30: the only year wholly inside is 2025-04-01 to
  // 2026-03-31 (with the file's 1 January it would be the calendar year 2025).
  const auto r = audit("year starts 1 January\nbody \"Board\" {\n  year starts 1 April\n  1 meets annually\n}\n",
                       "body,date,status\nBoard,2025-05-01,cancelled\n", "2025-01-01", "2026-06-30");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].period_start) == "2025-04-01");
  CHECK(iso(r.only().findings[0].period_end) == "2026-03-31");
}

TEST_CASE("waivers cover breaches only: a no-evidence finding in the window stays no-evidence", "[families][waivers]") {
  // Tue 2026-02-10 with no publication date: no-evidence, due 2026-02-03, inside the waiver.
  const auto r = audit(board("waive 5.6 from 2026-02-01 to 2026-02-28 because \"Outage\"\n"
                             "5.6 agenda published at least 5 working days before each meeting"),
                       "body,date,published\nBoard,2026-02-10,\n", "2026-01-01", "2026-03-31");
  CHECK(status(r.only()) == "no-evidence");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(status(r.only().findings[0]) == "no-evidence");
}

TEST_CASE("gap: an anchor long before F can give a due date before F", "[families][gap]") {
  // A = 2024-01-15: due 2024-02-15; nothing since, so the breach is still open at T, dated from that due date.
  const auto r = audit(board("1 meets every 1 month"), "body,date\nBoard,2024-01-15\n", "2025-01-01", "2025-03-31");
  CHECK(status(r.only()) == "breach");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(iso(r.only().findings[0].due) == "2024-02-15");
  CHECK(iso(r.only().findings[0].on) == "null");
}

TEST_CASE("precedence since the previous meeting: after the previous meeting's day, before this one's",
          "[families][precedence]") {
  const std::string rules = board("10 each meeting preceded by \"Agenda Setting\" since the previous meeting");
  // Meetings 2025-01-14 (before the window), 2025-03-11 and 2025-05-13; the window holds the last two.
  const std::string head = "body,date,kind,status,title\nBoard,2025-01-14,meeting,held,Panel\n"
                           "Board,2025-03-11,meeting,held,Panel\nBoard,2025-05-13,meeting,held,Panel\n";
  SECTION("one session in each gap, the first gap before the window") {
    const auto r = audit(rules, head + "Board,2025-01-15,session,held,Agenda Setting\nBoard,2025-05-12,session,held,Agenda Setting\n",
                         "2025-02-01", "2025-06-30");
    CHECK(status(r.only()) == "pass");
  }
  SECTION("a session on the day of the previous meeting is not after it") {
    const auto r = audit(rules, head + "Board,2025-01-14,session,held,Agenda Setting\nBoard,2025-03-11,session,held,Agenda Setting\n",
                         "2025-02-01", "2025-06-30");
    REQUIRE(r.only().findings.size() == 2);
    CHECK(iso(r.only().findings[0].due) == "2025-03-11");
    CHECK(r.only().findings[1].words() ==
          "no held meeting or session whose title contains \"Agenda Setting\" between the previous meeting on 2025-03-11 "
          "and the meeting on 2025-05-13; the last one was on 2025-03-11");
  }
  SECTION("one session does not serve two meetings, however near") {
    const auto r = audit(rules, head + "Board,2025-03-01,session,held,Agenda Setting\n", "2025-02-01", "2025-06-30");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(iso(r.only().findings[0].due) == "2025-05-13");
  }
  SECTION("the first meeting in the logs: any earlier session will do, none is no evidence") {
    const auto met = audit(rules, head + "Board,2024-06-01,session,held,Agenda Setting\nBoard,2025-02-01,session,held,Agenda Setting\n"
                                         "Board,2025-04-01,session,held,Agenda Setting\n",
                           "2025-01-01", "2025-06-30");
    CHECK(status(met.only()) == "pass");
    const auto none = audit(rules, head + "Board,2025-02-01,session,held,Agenda Setting\nBoard,2025-04-01,session,held,Agenda Setting\n",
                            "2025-01-01", "2025-06-30");
    CHECK(status(none.only()) == "no-evidence");
    REQUIRE(none.only().findings.size() == 1);
    CHECK(iso(none.only().findings[0].due) == "2025-01-14");
  }
}

TEST_CASE("reports to matching: the recipient by regular expression, ignoring case, white space folded",
          "[families][reports]") {
  const auto r = audit(board("11 reports at least 3 times a year to matching \"scrutiny panel\""),
                       "body,date,kind,title,to\n"
                       "Board,2025-02-01,report,Update,Children's  Scrutiny   Panel\n"
                       "Board,2025-05-01,report,Update,HEALTH SCRUTINY PANEL\n"
                       "Board,2025-08-01,report,Update,Scrutiny Committee\n"
                       "Board,2025-09-01,report,Update,\n",
                       "2025-01-01", "2025-12-31");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(r.only().findings[0].found == 2);
  CHECK_THAT(r.only().findings[0].words(), Contains("reports to a body whose name matches the pattern given in the statement"));
}

TEST_CASE("gap: a breach due before the window whose late meeting falls in it says so", "[families][gap]") {
  const auto run = audit("body \"Board\" {\n  1  meets every 3 months\n}\n",
                         "body,date\nBoard,2024-09-01\nBoard,2025-02-15\nBoard,2025-06-01\n", "2025-01-01", "2025-06-30");
  const rule_result& r = run.only();
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].words() == "next held meeting was due by 2024-12-01 (3 months after the held meeting on 2024-09-01); the "
                                 "next held meeting was on 2025-02-15, 76 days late (due before the window; the late "
                                 "meeting falls in it)");
  // Due in the window: no such words.
  CHECK(r.findings[1].words() == "next held meeting was due by 2025-05-15 (3 months after the held meeting on 2025-02-15); the "
                                 "next held meeting was on 2025-06-01, 17 days late");
  // Due before the window with no meeting after it: nothing late falls in the window, no such words.
  const auto none = audit("body \"Board\" {\n  1  meets every 3 months\n}\n", "body,date\nBoard,2024-09-01\n", "2025-01-01",
                          "2025-06-30");
  REQUIRE(none.only().findings.size() == 1);
  CHECK(none.only().findings[0].words() == "next held meeting was due by 2024-12-01 (3 months after the held meeting on "
                                           "2024-09-01); there was none by 2025-06-30, the end of the audit window");
}
