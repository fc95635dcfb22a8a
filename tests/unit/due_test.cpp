// What falls due next (evaluate/due.hpp): for each family, the date owed, its status (overdue,
// at-risk, due), what the log plans, and why a rule has nothing listed. Unless a test says
// otherwise the calendar is england-and-wales and the year starts on 1 January.
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "evaluate/due.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;
using Catch::Matchers::Contains;

namespace {

struct due_result {
  std::vector<ast::rule_file> files;  // kept alive: obligations point into them
  due_report report;
  const obligation& only() const {
    REQUIRE(report.obligations.size() == 1);
    return report.obligations.front();
  }
};

due_result due(std::string_view statements, std::string_view csv, std::string_view as_of, int horizon = 90,
               std::string_view settings = "") {
  due_result out;
  out.files.push_back(test::rules(std::string(settings) + "body \"Board\" {\n" + std::string(statements) + "\n}\n"));
  const event_log log = test::csv_log(csv);
  diagnostics diags;
  out.report = compute_due(out.files, log, d(as_of), horizon, diags);
  REQUIRE(diags.empty());
  return out;
}

std::string iso(const std::optional<date>& x) { return x ? to_iso(*x) : "null"; }
std::string status(const obligation& o) { return std::string(name(o.status)); }

}  // namespace

TEST_CASE("due: gap, the next meeting is owed within the interval of the last one held", "[due][gap]") {
  const auto r = due("1 meets every 2 months", "body,date\nBoard,2025-01-10\nBoard,2025-03-10\n", "2025-04-01");
  const obligation& o = r.only();
  CHECK(status(o) == "at-risk");  // nothing is planned to meet it
  CHECK(name(o.kind) == "next-event");
  CHECK(iso(o.due) == "2025-05-10");
  CHECK(iso(o.last) == "2025-03-10");
  CHECK(iso(o.planned) == "null");
  CHECK(o.what == "next held meeting");
  CHECK_THAT(o.message, Contains("2 months after the held meeting on 2025-03-10") && Contains("none is planned in the log"));
}

TEST_CASE("due: gap, overdue once the due date has passed, counted to 'as of'", "[due][gap]") {
  const auto r = due("1 meets every 2 months", "body,date\nBoard,2025-01-10\n", "2025-04-01");
  const obligation& o = r.only();
  CHECK(status(o) == "overdue");
  CHECK(iso(o.due) == "2025-03-10");
  CHECK_THAT(o.message, Contains("none since as of 2025-04-01, 22 days overdue"));
}

TEST_CASE("due: gap, at risk when the next planned meeting comes after the due date", "[due][gap]") {
  const auto r = due("1 meets every 2 months",
                     "body,date,status\nBoard,2025-03-10,held\nBoard,2025-05-20,scheduled\n", "2025-04-01");
  const obligation& o = r.only();
  CHECK(status(o) == "at-risk");
  CHECK(iso(o.due) == "2025-05-10");
  CHECK(iso(o.planned) == "2025-05-20");
  CHECK_THAT(o.message, Contains("the next planned is on 2025-05-20, 10 days late"));
}

TEST_CASE("due: gap, a meeting planned in time keeps it due, and cancelled or postponed ones plan nothing: at risk", "[due][gap]") {
  const auto in_time = due("1 meets every 2 months",
                           "body,date,status\nBoard,2025-03-10,held\nBoard,2025-05-01,scheduled\n", "2025-04-01");
  CHECK(status(in_time.only()) == "due");
  CHECK(iso(in_time.only().planned) == "2025-05-01");
  const auto called_off = due("1 meets every 2 months",
                              "body,date,status\nBoard,2025-03-10,held\nBoard,2025-05-01,cancelled\nBoard,2025-05-02,postponed\n",
                              "2025-04-01");
  CHECK(status(called_off.only()) == "at-risk");
  CHECK(iso(called_off.only().planned) == "null");
}

TEST_CASE("due: gap, a later held row does not count before it happens", "[due][gap]") {
  // As of 2025-04-01 the 2025-04-20 meeting lies ahead: it is planned, not held.
  const auto r = due("1 meets every 2 months", "body,date\nBoard,2025-01-10\nBoard,2025-04-20\n", "2025-04-01");
  CHECK(status(r.only()) == "overdue");
  CHECK(iso(r.only().planned) == "2025-04-20");
}

TEST_CASE("due: gap, with no qualifying event it counts from the earliest event in the logs", "[due][gap]") {
  const auto r = due("1 reports every 6 months to \"Scrutiny\"", "body,date\nBoard,2025-01-10\n", "2025-03-01", 200);
  const obligation& o = r.only();
  CHECK(iso(o.due) == "2025-07-10");
  CHECK(iso(o.last) == "null");
  CHECK_THAT(o.message, Contains("2025-01-10, the earliest event in the logs"));
}

TEST_CASE("due: coverage, the period holding 'as of' when it has nothing yet", "[due][periods]") {
  const auto r = due("1 meets quarterly", "body,date\nBoard,2025-02-10\n", "2025-05-15", 90, "year starts 1 April\n");
  const obligation& o = r.only();
  CHECK(name(o.kind) == "period");
  CHECK(iso(o.period_start) == "2025-04-01");
  CHECK(iso(o.period_end) == "2025-06-30");
  CHECK(iso(o.due) == "2025-06-30");
  CHECK(o.found == 0);
  CHECK(o.needed == 1);
  CHECK(status(o) == "at-risk");  // none so far, none planned
  CHECK_THAT(o.message, Contains("the quarter 2025-04-01 to 2025-06-30 needs at least one held meeting by 2025-06-30; none so far"));
  // A meeting planned in the quarter meets it: due, not at risk.
  const auto planned = due("1 meets quarterly", "body,date,status\nBoard,2025-02-10,held\nBoard,2025-06-12,scheduled\n",
                           "2025-05-15", 90, "year starts 1 April\n");
  CHECK(status(planned.only()) == "due");
}

TEST_CASE("due: due today with nothing planned is at risk, and the day after, overdue", "[due][gap]") {
  const std::string log = "body,date\nBoard,2025-02-01\n";
  const auto today = due("1 meets every 2 months", log, "2025-04-01");
  CHECK(iso(today.only().due) == "2025-04-01");
  CHECK(status(today.only()) == "at-risk");
  const auto after = due("1 meets every 2 months", log, "2025-04-02");
  CHECK(status(after.only()) == "overdue");
}

TEST_CASE("due: coverage, a met period moves the obligation to the next, beyond the horizon it is quiet", "[due][periods]") {
  const std::string log = "body,date\nBoard,2025-04-20\n";
  const auto near = due("1 meets quarterly", log, "2025-05-15", 90, "year starts 1 April\n");
  REQUIRE(near.report.obligations.empty());
  REQUIRE(near.report.quiet.size() == 1);
  CHECK(iso(near.report.quiet[0].next_due) == "2025-09-30");
  CHECK(near.report.quiet[0].reason == "next due by 2025-09-30, after 2025-08-13");

  const auto far = due("1 meets quarterly", log, "2025-05-15", 200, "year starts 1 April\n");
  const obligation& o = far.only();
  CHECK(iso(o.period_start) == "2025-07-01");
  CHECK_THAT(o.message, Contains("the quarter 2025-04-01 to 2025-06-30 already has 1 held meeting"));
}

TEST_CASE("due: count, how many so far of how many needed, and at risk when the plan falls short", "[due][periods]") {
  const auto r = due("1 meets at least 3 times a year",
                     "body,date,status\nBoard,2025-02-10,held\nBoard,2025-10-01,scheduled\n", "2025-09-15", 120);
  const obligation& o = r.only();
  CHECK(iso(o.due) == "2025-12-31");
  CHECK(o.found == 1);
  CHECK(o.needed == 3);
  CHECK(status(o) == "at-risk");  // 1 held + 1 planned < 3
  CHECK_THAT(o.message, Contains("needs at least 3 held meetings by 2025-12-31; 1 so far; planned: 2025-10-01"));
}

TEST_CASE("due: notice, each planned meeting's publication deadline, counted with the calendar", "[due][notice]") {
  // Tue 2025-05-06: five working days back skip Monday 5 May, the Early May bank holiday:
  // Fri 05-02, Thu 05-01, Wed 04-30, Tue 04-29, Mon 04-28 = L; with clear days, publication must
  // come before L: the latest compliant date is the day before it, Sun 04-27.
  const std::string statement = "1 agenda published at least 5 clear working days before each meeting";
  const std::string log = "body,date,status\nBoard,2025-03-01,held\nBoard,2025-05-06,scheduled\n";
  const auto ahead = due(statement, log, "2025-04-20");
  const obligation& o = ahead.only();
  CHECK(status(o) == "due");
  CHECK(name(o.kind) == "agenda-publication");
  // Sunday is the statutory last day; nobody publishes on a Sunday, so the day to act by is the
  // last working day before it, Friday.
  CHECK(iso(o.due) == "2025-04-25");
  CHECK(iso(o.meeting) == "2025-05-06");
  CHECK_THAT(o.message, Contains("by Fri 2025-04-25") && Contains("Early May bank holiday 2025-05-05") &&
                            Contains("the statutory last day, Sun 2025-04-27, is not a working day"));

  const auto late = due(statement, log, "2025-04-28");
  CHECK(status(late.only()) == "overdue");
  CHECK_THAT(late.only().message, Contains("none is recorded as of 2025-04-28"));
}

TEST_CASE("due: notice, a recorded publication decides it — no planned meeting, nothing to foresee", "[due][notice]") {
  const std::string statement = "1 agenda published at least 5 clear working days before each meeting";
  const auto in_time = due(statement, "body,date,status,published\nBoard,2025-05-06,scheduled,2025-04-24\n", "2025-04-20");
  CHECK(in_time.report.obligations.empty());
  REQUIRE(in_time.report.quiet.size() == 1);
  CHECK(in_time.report.quiet[0].reason == "the agendas of the planned meetings are recorded as published in time");

  const auto late = due(statement, "body,date,status,published\nBoard,2025-05-06,scheduled,2025-04-29\n", "2025-04-20");
  CHECK(status(late.only()) == "at-risk");
  CHECK_THAT(late.only().message, Contains("recorded as published on Tue 2025-04-29, 2 days late"));

  const auto none = due(statement, "body,date\nBoard,2025-03-01\n", "2025-04-20");
  CHECK(none.report.obligations.empty());
  CHECK(none.report.quiet[0].reason == "no planned meeting in the log, so no agenda deadline to foresee");
}

TEST_CASE("due: notice, a meeting planned past the bank-holiday data never stops it", "[due][notice]") {
  // The bundled data ends in 2027; a meeting planned in 2031 is far past a 90-day horizon from
  // 2026, so its deadline is not counted and nothing needs 2031's bank holidays.
  const std::string statement = "1 agenda published at least 5 clear working days before each meeting";
  const auto far = due(statement, "body,date,status\nBoard,2026-01-10,held\nBoard,2031-05-06,scheduled\n", "2026-03-01");
  CHECK(far.report.obligations.empty());
  REQUIRE(far.report.quiet.size() == 1);
  CHECK(far.report.quiet[0].reason ==
        "the planned meetings' agendas fall due after 2026-05-30 (the next planned meeting is on Tue 2031-05-06)");
  // One planned inside the horizon is still listed beside it.
  const auto both = due(statement,
                        "body,date,status\nBoard,2026-01-10,held\nBoard,2026-04-14,scheduled\nBoard,2031-05-06,scheduled\n",
                        "2026-03-01");
  CHECK(iso(both.only().meeting) == "2026-04-14");
}

TEST_CASE("due: item, the agenda of each planned meeting", "[due][item]") {
  const std::string statement = "1 each meeting has item \"Forward Plan\"";
  const auto unrecorded = due(statement, "body,date,status\nBoard,2025-05-06,scheduled\n", "2025-04-20");
  CHECK(status(unrecorded.only()) == "due");
  CHECK(iso(unrecorded.only().due) == "2025-05-06");
  CHECK(unrecorded.only().what == "an agenda item containing \"Forward Plan\" for the meeting on Tue 2025-05-06");

  const auto lacking = due(statement, "body,date,status,items\nBoard,2025-05-06,scheduled,Minutes;Budget\n", "2025-04-20");
  CHECK(status(lacking.only()) == "at-risk");
  CHECK_THAT(lacking.only().message, Contains("has no item containing \"Forward Plan\" (2 items recorded)"));

  const auto has = due(statement, "body,date,status,items\nBoard,2025-05-06,scheduled,Minutes;forward   plan\n", "2025-04-20");
  CHECK(has.report.obligations.empty());
}

TEST_CASE("due: precedence, a held or planned session before each planned meeting", "[due][precedence]") {
  const std::string statement = "1 each meeting preceded by \"Agenda Setting\" within 30 days";
  const auto held = due(statement, "body,date,kind,status,title\nBoard,2025-05-20,session,held,Agenda Setting\n"
                                   "Board,2025-06-10,meeting,scheduled,Board\n", "2025-06-01");
  CHECK(held.report.obligations.empty());

  const auto planned = due(statement, "body,date,kind,status,title\nBoard,2025-06-03,session,scheduled,Agenda Setting\n"
                                      "Board,2025-06-10,meeting,scheduled,Board\n", "2025-06-01");
  CHECK(status(planned.only()) == "due");
  CHECK(iso(planned.only().due) == "2025-06-09");
  CHECK(iso(planned.only().planned) == "2025-06-03");

  const auto none = due(statement, "body,date,kind,status,title\nBoard,2025-01-10,session,held,Agenda Setting\n"
                                   "Board,2025-06-10,meeting,scheduled,Board\n", "2025-06-01");
  CHECK(status(none.only()) == "at-risk");  // none planned in reach
  CHECK_THAT(none.only().message, Contains("from 2025-05-11 to 2025-06-09; none is held or planned in that time"));
}

TEST_CASE("due: deadline, open until received, overdue once passed", "[due][deadline]") {
  const std::string statement = "1 receives \"Annual Report\" by 2025-06-30";
  const auto open = due(statement, "body,date,items\nBoard,2025-03-01,Minutes\n", "2025-04-01");
  CHECK(status(open.only()) == "at-risk");  // no planned meeting has it on its agenda
  CHECK(iso(open.only().due) == "2025-06-30");

  const auto passed = due(statement, "body,date,items\nBoard,2025-03-01,Minutes\n", "2025-07-15");
  CHECK(status(passed.only()) == "overdue");
  CHECK_THAT(passed.only().message, Contains("15 days overdue"));

  const auto met = due(statement, "body,date,items\nBoard,2025-03-01,Annual Report 2024/25\n", "2025-04-01");
  CHECK(met.report.obligations.empty());
  CHECK(met.report.quiet[0].reason == "received on 2025-03-01");
}

TEST_CASE("due: overdue first, then by date, and ids stay as the date moves", "[due]") {
  const std::string statements = "1 meets every 2 months\n2 receives \"Annual Report\" by 2025-04-10\n"
                                 "3 receives \"Budget\" by 2025-03-01";
  const auto r = due(statements, "body,date\nBoard,2025-01-20\n", "2025-03-15");
  REQUIRE(r.report.obligations.size() == 3);
  CHECK(r.report.obligations[0].statement->label == "3");  // overdue since 2025-03-01
  CHECK(r.report.obligations[1].statement->label == "1");  // due 2025-03-20
  CHECK(r.report.obligations[2].statement->label == "2");  // due 2025-04-10
  CHECK(r.report.count(obligation_status::overdue) == 1);

  const auto later = due(statements, "body,date\nBoard,2025-01-20\nBoard,2025-03-18\n", "2025-03-25");
  const auto next_meeting = [](const due_result& x) {
    return *std::find_if(x.report.obligations.begin(), x.report.obligations.end(),
                         [](const obligation& o) { return o.statement->label == "1"; });
  };
  CHECK(obligation_id(next_meeting(r)) == obligation_id(next_meeting(later)));
  CHECK(next_meeting(r).due != next_meeting(later).due);
  CHECK(obligation_id(r.report.obligations[1]) != obligation_id(r.report.obligations[2]));
}
