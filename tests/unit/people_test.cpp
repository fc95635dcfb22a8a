// People in the logs (docs/inputs.md, "People") and the statements about them (docs/language.md,
// "People"): rows in, findings out, at the edges of each meaning.
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "evaluate/evaluator.hpp"
#include "inputs/people_rows.hpp"
#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;
using remit::test::rules;
using Catch::Matchers::Contains;

namespace {

using files = std::vector<std::pair<std::string, std::string>>;  // name, content

// Reads each file with the reader that claims it, then joins the attendance rows, as a run does.
event_log read_all(const files& in, std::string* errors = nullptr) {
  event_log log;
  diagnostics diags;
  for (const auto& [path, content] : in)
    for (const log_reader& reader : log_readers()) {
      if (!reader.claims(path, content)) continue;
      log.files.push_back({path, std::string(reader.name), 0, 0, {}});
      reader.read(content, log, log.files.back(), diags);
      break;
    }
  join_attendance_rows(log);
  std::ostringstream out;
  diags.render(out);
  if (errors) *errors = out.str();
  else {
    INFO(out.str());
    REQUIRE(diags.empty());
  }
  return log;
}

struct people_audit {
  ast::rule_file file;
  audit_report report;
  const rule_result& only() const {
    REQUIRE(report.results.size() == 1);
    return report.results.front();
  }
};

people_audit audit(std::string_view statement, const files& in, std::string_view from, std::string_view to) {
  const event_log log = read_all(in);
  REQUIRE(log.rows_rejected() == 0);
  std::vector<ast::rule_file> rule_files;
  rule_files.push_back(rules("body \"Board\" {\n" + std::string(statement) + "\n}\n"));
  diagnostics diags;
  people_audit out{{}, run_audit(rule_files, log, {d(from), d(to)}, diags)};
  out.file = std::move(rule_files.front());
  REQUIRE(diags.empty());
  return out;
}

std::string status(const rule_result& r) { return std::string(name(r.status)); }
std::string status(const finding& f) { return std::string(name(f.status)); }
std::string iso(const std::optional<date>& x) { return x ? to_iso(*x) : "null"; }

const std::string meetings =
    "body,date,status\n"
    "Board,2025-02-04,held\n"
    "Board,2025-05-06,held\n"
    "Board,2025-08-05,held\n"
    "Board,2025-11-04,cancelled\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reading people

TEST_CASE("people: each kind of file is told apart by its columns, in CSV and in JSON Lines", "[people][inputs]") {
  const event_log log = read_all({{"meetings.csv", meetings},
                                  {"attendance.csv", "body,date,person,role,attendance\nBoard,2025-02-04,Ann,Chair,present\n"},
                                  {"membership.csv", "council,body,person,role,partner,from,to\n,Board,Ann,Chair,Council,2024-05-01,\n"},
                                  {"training.csv", "person,training,date\nAnn,Induction,2024-06-01\n"},
                                  {"people.jsonl",
                                   "{\"body\": \"Board\", \"date\": \"2025-05-06\", \"person\": \"Bob\", \"attendance\": \"apologies\"}\n"
                                   "{\"body\": \"Board\", \"person\": \"Bob\", \"role\": \"Councillor\", \"from\": \"2025-01-01\", \"to\": \"2025-12-31\"}\n"
                                   "{\"person\": \"Bob\", \"training\": \"Induction\", \"date\": \"2025-02-01\"}\n"}});
  CHECK(log.files[1].format == "attendance csv");
  CHECK(log.files[2].format == "membership csv");
  CHECK(log.files[3].format == "training csv");
  CHECK(log.files[4].format == "jsonl");
  for (const auto& f : log.files) CHECK(f.rows_used == f.rows_read);
  REQUIRE(log.attendances.size() == 2);
  CHECK(log.strings.text(log.attendances[0].person) == "Ann");
  CHECK(log.strings.text(log.attendances[0].role) == "Chair");
  CHECK(log.attendances[1].status == attendance_status::apologies);
  REQUIRE(log.memberships.size() == 2);
  CHECK(log.memberships[0].to == no_date);
  CHECK(log.strings.text(log.memberships[0].partner) == "Council");
  CHECK(log.memberships[1].in_force(d("2025-12-31")));
  CHECK_FALSE(log.memberships[1].in_force(d("2026-01-01")));
  CHECK_FALSE(log.memberships[1].in_force(d("2024-12-31")));
  REQUIRE(log.trainings.size() == 2);
  CHECK(log.trainings[0].body == 0);
}

TEST_CASE("people: every reason a row is rejected", "[people][inputs]") {
  const event_log log = read_all(
      {{"meetings.csv", "body,date,attendees\nBoard,2025-02-04,Ann (present)\nBoard,2025-03-04,\nBoard,2025-03-04,\n"},
       {"attendance.csv",
        "body,date,person,attendance\n"
        "Board,2025-02-04,,present\n"           // 2
        ",2025-02-04,Bob,present\n"             // 3
        "Board,,Bob,present\n"                  // 4
        "Board,2025-02-30,Bob,present\n"        // 5
        "Board,2025-02-04,Bob,\n"               // 6
        "Board,2025-02-04,Bob,here\n"           // 7
        "Board,2025-02-05,Bob,present\n"        // 8
        "Board,2025-03-04,Bob,present\n"        // 9
        "Board,2025-02-04,ann,apologies\n"      // 10
        "Board,2025-02-04,Bob,present\n"        // 11: used
        "Board,2025-02-04,Bob,absent\n"         // 12
        "Board,2025-02-04\n"},                  // 13
       {"membership.csv",
        "body,person,from,to\n"
        "Board,Ann,,\n"                         // 2
        "Board,Ann,01-02-2025,\n"               // 3
        "Board,Ann,2025-02-01,2025-13-01\n"     // 4
        "Board,Ann,2025-02-01,2025-01-31\n"     // 5
        "Board,Ann,2025-02-01,2025-02-01\n"    // 6: used
        "Board,Bob,1/2/2025,28/2/2025\n"        // 7: used, day first
        "Board,Bob,2025-03-01,03/31/2025\n"},  // 8: month first
       {"training.csv", "person,training,date\nAnn,,2025-01-01\nAnn,Induction,\n"}});
  const auto reasons = [&](std::size_t file) {
    std::vector<std::string> out;
    for (const rejected_row& r : log.files[file].rejected) out.push_back(std::to_string(r.line) + ": " + r.reason);
    return out;
  };
  CHECK(reasons(1) == std::vector<std::string>{
                          "2: missing person",
                          "3: missing body",
                          "4: missing date",
                          "5: date: '2025-02-30' is not a date: February 2025 has no day 30",
                          "6: missing attendance for 'Bob': expected present, present virtually, substitute, substitute "
                          "virtually, in attendance, in attendance virtually, apologies, absent or expected",
                          "7: unknown attendance 'here' for 'Bob': expected present, present virtually, substitute, "
                          "substitute virtually, in attendance, in attendance virtually, apologies, absent or expected",
                          "8: no meeting of \"Board\" on 2025-02-05 is recorded in the logs",
                          "9: 2 meetings of \"Board\" on 2025-03-04 are recorded (meetings.csv:3, meetings.csv:4): which one "
                          "is meant would be a guess",
                          "10: 'ann' is already recorded at the meeting of \"Board\" on 2025-02-04 (meetings.csv:2)",
                          "12: 'Bob' is already recorded at the meeting of \"Board\" on 2025-02-04 (attendance.csv:11)",
                          "13: the row has 2 fields but the header has 4",
                      });
  CHECK(log.files[1].rows_read == 12);
  CHECK(log.files[1].rows_used == 1);
  CHECK(reasons(2) == std::vector<std::string>{
                          "2: missing from",
                          "3: from: '01-02-2025' is not a date in the form yyyy-mm-dd or dd/mm/yyyy",
                          "4: to: '2025-13-01' is not a date: there is no month 13",
                          "5: to: 2025-01-31 is before from: 2025-02-01",
                          "8: to: '03/31/2025' is not a date: there is no month 31 (dates with '/' are read day first, "
                          "dd/mm/yyyy, as in the UK); month first, as in the US, it would be 31 March 2025, and a log "
                          "written month first has its other dates misread: write its dates as yyyy-mm-dd",
                      });
  CHECK(log.files[2].rows_used == 2);
  REQUIRE(log.memberships.size() == 2);
  CHECK(log.memberships[1].from == test::d("2025-02-01"));
  CHECK(log.memberships[1].to == test::d("2025-02-28"));
  CHECK(reasons(3) == std::vector<std::string>{"2: missing training", "3: missing date"});
}

TEST_CASE("people: a file of people without its required columns is refused whole", "[people][inputs]") {
  std::string errors;
  read_all({{"a.csv", "body,person,attendance\nBoard,Ann,present\n"}}, &errors);
  CHECK_THAT(errors, Contains("a.csv:1: error: the header has no 'date' column: an attendance file needs at least the "
                              "columns body, date, person and attendance"));
  read_all({{"m.csv", "person,role\nAnn,Chair\n"}}, &errors);
  CHECK_THAT(errors, Contains("m.csv:1: error: the header has no 'body' column: a membership file needs at least the "
                              "columns body, person and from"));
}

TEST_CASE("people: an attendance row joins a meeting of its council only", "[people][inputs]") {
  const event_log log = read_all({{"meetings.csv", "council,body,date\nA Council,Board,2025-02-04\nB Council,Board,2025-02-04\n"},
                                  {"attendance.csv", "council,body,date,person,attendance\nb council,Board,2025-02-04,Ann,present\n"}});
  REQUIRE(log.attendances.size() == 1);
  CHECK(log.strings.text(log.events[log.attendances[0].event].council) == "B Council");
}

// ---------------------------------------------------------------------------------------------
// quorum N: members present in the room, each counted once

TEST_CASE("quorum: present and substitutes in the room count, remote and in attendance do not", "[people][quorum]") {
  const files in{{"meetings.csv", meetings},
                 {"attendance.csv",
                  "body,date,person,attendance\n"
                  "Board,2025-02-04,Ann,present\nBoard,2025-02-04,Bob,substitute\nBoard,2025-02-04,Cat,present\n"
                  "Board,2025-05-06,Ann,present\nBoard,2025-05-06,Bob,present virtually\nBoard,2025-05-06,Cat,present\n"
                  "Board,2025-05-06,Dan,in attendance\nBoard,2025-05-06,Eve,apologies\n"}};
  const auto r = audit("q quorum 3 members", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  CHECK(status(res) == "breach");
  REQUIRE(res.findings.size() == 2);
  // 2025-02-04: exactly 3, quorate. 2025-05-06: 2 in the room.
  CHECK(status(res.findings[0]) == "breach");
  CHECK(iso(res.findings[0].due) == "2025-05-06");
  CHECK(iso(res.findings[0].meeting) == "2025-05-06");
  CHECK(res.findings[0].found == 2);
  CHECK(res.findings[0].people == std::vector<std::string>{"Ann", "Cat"});
  CHECK(res.findings[0].words() ==
        "2 members present in person at the held meeting on 2025-05-06 (Ann and Cat); a quorum is 3; Bob attended "
        "remotely, which does not count towards a quorum; no membership of the body is recorded, so everyone recorded "
        "present in person was counted");
  // 2025-08-05 has no attendance: no-evidence, never a guess. The cancelled meeting is not judged.
  CHECK(status(res.findings[1]) == "no-evidence");
  CHECK(iso(res.findings[1].due) == "2025-08-05");
}

TEST_CASE("quorum: a meeting before the window is not judged, and with none in it the rule is not due", "[people][quorum]") {
  const auto r = audit("q quorum 1", {{"meetings.csv", meetings}}, "2025-02-05", "2025-05-05");
  CHECK(status(r.only()) == "not-due");
}

// ---------------------------------------------------------------------------------------------
// chaired by

TEST_CASE("chair: the person recorded as Chair must hold the role on the day", "[people][chair]") {
  const files in{{"meetings.csv", meetings},
                 {"attendance.csv",
                  "body,date,person,role,attendance\n"
                  "Board,2025-02-04,Ann,Chair,present\n"
                  "Board,2025-05-06,Ann,Chair,present\n"
                  "Board,2025-08-05,Bob,Chair,present virtually\n"},
                 {"membership.csv",
                  "body,person,role,from,to\n"
                  "Board,Ann,Portfolio Holder,2025-02-04,2025-05-05\n"
                  "Board,Bob,Vice-Chair,2025-01-01,\n"}};
  const auto r = audit("3.1 chaired by \"Portfolio Holder\" or \"vice-chair\"", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  // 02-04: from is inclusive, met. 05-06: the membership ended on 05-05. 08-05: Bob, remotely, as Vice-Chair: met.
  REQUIRE(res.findings.size() == 1);
  CHECK(status(res.findings[0]) == "breach");
  CHECK(iso(res.findings[0].due) == "2025-05-06");
  CHECK(res.findings[0].people == std::vector<std::string>{"Ann"});
  CHECK(res.findings[0].words() ==
        "the held meeting on 2025-05-06 was chaired by Ann, who was not \"Portfolio Holder\" or \"vice-chair\" on that date");
}

TEST_CASE("chair: no attendance, no one in the chair, or no membership is no-evidence", "[people][chair]") {
  const files in{{"meetings.csv", meetings},
                 {"attendance.csv",
                  "body,date,person,role,attendance\n"
                  "Board,2025-02-04,Ann,Chair,present\n"
                  "Board,2025-05-06,Ann,Member,present\n"
                  "Board,2025-05-06,Bob,Chair,apologies\n"}};
  const auto r = audit("3.1 chaired by \"Portfolio Holder\"", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  CHECK(status(res) == "no-evidence");
  REQUIRE(res.findings.size() == 3);
  CHECK_THAT(res.findings[0].words(), Contains("no membership of the body is recorded"));
  CHECK_THAT(res.findings[1].words(), Contains("names no one present in the role \"Chair\""));
  CHECK_THAT(res.findings[2].words(), Contains("no attendance is recorded for the held meeting on 2025-08-05"));
}

// ---------------------------------------------------------------------------------------------
// each meeting attended by

TEST_CASE("attended by: a holder of the role, by attendance or by membership, attending in any way", "[people][attended]") {
  const files in{{"meetings.csv", meetings},
                 {"attendance.csv",
                  "body,date,person,role,attendance\n"
                  "Board,2025-02-04,Cat,Young Person,present virtually\n"
                  "Board,2025-05-06,Cat,Young Person,apologies\nBoard,2025-05-06,Ann,,present\n"
                  "Board,2025-08-05,Dee,,in attendance\n"},
                 {"membership.csv", "body,person,role,from\nBoard,Dee,SUSO Lead,2025-01-01\n"}};
  const auto r = audit("1.9 each meeting attended by \"Young Person\" or \"SUSO Lead\"", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  REQUIRE(res.findings.size() == 1);
  CHECK(status(res.findings[0]) == "breach");
  CHECK(iso(res.findings[0].due) == "2025-05-06");
  CHECK(res.findings[0].words() ==
        "no one holding \"Young Person\" or \"SUSO Lead\" attended the held meeting on 2025-05-06 (Cat (apologies))");
  CHECK(res.findings[0].people == std::vector<std::string>{"Cat"});
}

TEST_CASE("attended by: attendance with no roles and no membership cannot tell", "[people][attended]") {
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\n"},
                 {"attendance.csv", "body,date,person,attendance\nBoard,2025-02-04,Ann,present\n"}};
  const auto r = audit("1.9 each meeting attended by \"Young Person\"", in, "2025-01-01", "2025-12-31");
  CHECK(status(r.only()) == "no-evidence");
  CHECK_THAT(r.only().findings[0].words(), Contains("gives no roles and no membership of the body is recorded"));
}

// ---------------------------------------------------------------------------------------------
// has member, has at most / at least N members

TEST_CASE("membership: as at each held meeting's date, both ends of a membership included", "[people][membership]") {
  const files in{{"meetings.csv", meetings},
                 {"membership.csv",
                  "body,person,role,from,to\n"
                  "Board,Vic,Virtual Head Teacher,2025-01-01,2025-05-06\n"
                  "Board,Ann,Councillor,2025-01-01,\nBoard,Ann,Chair,2025-01-01,\n"
                  "Board,Bob,Councillor,2025-05-06,\nBoard,Cat,Councillor,2025-05-07,\n"}};
  const auto head = audit("7 has member \"virtual head teacher\"", in, "2025-01-01", "2025-12-31");
  REQUIRE(head.only().findings.size() == 1);  // 08-05 only: Vic left on 05-06, which still counts
  CHECK(iso(head.only().findings[0].due) == "2025-08-05");
  CHECK(head.only().findings[0].words() == "no member held \"virtual head teacher\" on 2025-08-05, the date of a held meeting");

  const auto most = audit("7 has at most 2 \"Councillor\" members", in, "2025-01-01", "2025-12-31");
  REQUIRE(most.only().findings.size() == 1);  // 3 councillors from 05-07
  CHECK(most.only().findings[0].found == 3);
  CHECK(most.only().findings[0].people == std::vector<std::string>{"Ann", "Bob", "Cat"});
  CHECK(most.only().findings[0].words() ==
        "3 \"Councillor\" members on 2025-08-05, the date of a held meeting (Ann, Bob and Cat); at most 2 allowed");

  // Ann holds two roles and is one member: 2 members on 02-04.
  const auto least = audit("7 has at least 3 members", in, "2025-01-01", "2025-12-31");
  REQUIRE(least.only().findings.size() == 1);
  CHECK(iso(least.only().findings[0].due) == "2025-02-04");
  CHECK(least.only().findings[0].found == 2);
  CHECK_THAT(least.only().findings[0].words(), Contains("at least 3 required"));
}

TEST_CASE("membership: no membership recorded is no-evidence at each held meeting", "[people][membership]") {
  const auto r = audit("7 has at most 10 members", {{"meetings.csv", meetings}}, "2025-01-01", "2025-12-31");
  CHECK(status(r.only()) == "no-evidence");
  CHECK(r.only().findings.size() == 3);
}

// ---------------------------------------------------------------------------------------------
// each member attends at least P% of meetings

TEST_CASE("attendance rate: per whole period, over the meetings held while a member", "[people][rate]") {
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\nBoard,2025-05-06\nBoard,2025-08-05\nBoard,2025-11-04\n"},
                 {"attendance.csv",
                  "body,date,person,attendance\n"
                  "Board,2025-02-04,Ann,present\nBoard,2025-05-06,Ann,present virtually\nBoard,2025-08-05,Ann,apologies\n"
                  "Board,2025-11-04,Ann,present\n"
                  "Board,2025-02-04,Bob,present\nBoard,2025-05-06,Bob,absent\nBoard,2025-08-05,Bob,apologies\n"
                  "Board,2025-11-04,Bob,present\n"
                  "Board,2025-08-05,Cat,present\n"},
                 {"membership.csv",
                  "body,person,from\nBoard,Ann,2024-01-01\nBoard,Bob,2024-01-01\nBoard,Cat,2025-06-01\n"}};
  // Ann 3 of 4 (75%): met. Bob 2 of 4 (50%). Cat 1 of 2 (joined in June; 11-04 not recorded): 50%.
  const auto r = audit("5.6 each member attends at least 75% of meetings", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  REQUIRE(res.findings.size() == 2);
  CHECK(res.findings[0].people == std::vector<std::string>{"Bob"});
  CHECK(res.findings[0].found == 2);
  CHECK(iso(res.findings[0].due) == "2025-12-31");
  CHECK(iso(res.findings[0].period_start) == "2025-01-01");
  CHECK(res.findings[0].words() ==
        "Bob attended 2 of 4 held meetings in the year 2025-01-01 to 2025-12-31 while a member (50%); at least 75% required; "
        "missed 2025-05-06 (absent) and 2025-08-05 (apologies)");
  CHECK(res.findings[1].people == std::vector<std::string>{"Cat"});
  CHECK_THAT(res.findings[1].words(), Contains("1 of 2 held meetings") && Contains("2025-11-04 (not recorded)"));

  // Every meeting, per half-year (from 1 January): Ann misses 08-05, Bob 05-06 and 08-05.
  const auto every = audit("5.6 each member attends every meeting each half-year", in, "2025-01-01", "2025-12-31");
  CHECK(every.only().findings.size() == 4);
  // A window that cuts the year evaluates no year: not due.
  const auto cut = audit("5.6 each member attends every meeting", in, "2025-01-02", "2025-12-31");
  CHECK(status(cut.only()) == "not-due");
}

TEST_CASE("attendance rate: a meeting with no attendance makes its period no-evidence", "[people][rate]") {
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\nBoard,2025-05-06\n"},
                 {"attendance.csv", "body,date,person,attendance\nBoard,2025-02-04,Ann,absent\n"},
                 {"membership.csv", "body,person,from\nBoard,Ann,2024-01-01\n"}};
  const auto r = audit("5.6 each member attends every meeting", in, "2025-01-01", "2025-12-31");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(status(r.only().findings[0]) == "no-evidence");
  CHECK_THAT(r.only().findings[0].words(), Contains("no attendance is recorded for the held meeting on 2025-05-06"));
}

// ---------------------------------------------------------------------------------------------
// each member trained in "T" within N UNIT of joining

TEST_CASE("training: due N after first joining, on the due date in time, training before joining counts", "[people][training]") {
  const files in{{"meetings.csv", meetings},
                 {"membership.csv",
                  "body,person,role,from,to\n"
                  "Board,Ann,Member,2025-01-31,\n"       // due 2025-04-30 (clamped), trained that day: met
                  "Board,Ann,Chair,2025-06-01,\n"        // a second role: joining stays 2025-01-31
                  "Board,Bob,Member,2025-03-15,\n"       // due 2025-06-15, trained 06-16: a day late
                  "Board,Cat,Member,2025-03-15,\n"       // due 2025-06-15, trained before joining: met
                  "Board,Dan,Member,2025-03-15,\n"       // due 2025-06-15, never trained
                  "Board,Eve,Member,2025-03-15,2025-06-14\n"  // left before it fell due
                  "Board,Fay,Member,2025-10-01,\n"},     // due 2026-01-01, after the window
                 {"training.csv",
                  "person,training,date\n"
                  "Ann,Corporate Parenting Induction,2025-04-30\nBob,corporate parenting induction,2025-06-16\n"
                  "Cat,Corporate Parenting Induction,2024-11-01\n"}};
  const auto r = audit("2.9 each member trained in \"Induction\" within 3 months of joining", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  REQUIRE(res.findings.size() == 2);
  // Same due date: the one with no evidence of completion sorts first.
  CHECK(res.findings[0].people == std::vector<std::string>{"Dan"});
  CHECK(iso(res.findings[0].on) == "null");
  CHECK_THAT(res.findings[0].words(), Contains("no completion is recorded by 2025-12-31"));
  CHECK(res.findings[1].people == std::vector<std::string>{"Bob"});
  CHECK(iso(res.findings[1].due) == "2025-06-15");
  CHECK(iso(res.findings[1].on) == "2025-06-16");
  CHECK(res.findings[1].words() ==
        "Bob had to complete \"Induction\" by 2025-06-15 (3 months after joining on 2025-03-15); completed on 2025-06-16, "
        "1 day late");
}

TEST_CASE("training: no training records, or no membership, is no-evidence", "[people][training]") {
  const files with_members{{"meetings.csv", meetings}, {"membership.csv", "body,person,from\nBoard,Ann,2025-01-01\n"}};
  const auto r = audit("2.9 each member trained in \"Induction\" within 1 month of joining", with_members, "2025-01-01",
                       "2025-12-31");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(status(r.only().findings[0]) == "no-evidence");
  CHECK_THAT(r.only().findings[0].words(), Contains("no training is recorded in the logs"));
  const auto none = audit("2.9 each member trained in \"Induction\" within 1 month of joining", {{"meetings.csv", meetings}},
                          "2025-01-01", "2025-12-31");
  CHECK(status(none.only()) == "no-evidence");
}

// ---------------------------------------------------------------------------------------------
// role "R" rotates between partners annually

TEST_CASE("rotation: the holder's partner must change each year", "[people][rotation]") {
  const files in{{"meetings.csv", meetings},
                 {"membership.csv",
                  "body,person,role,partner,from,to\n"
                  "Board,Vic,Vice-Chair,NHS,2023-01-01,2023-12-31\n"
                  "Board,Val,Vice-Chair,Police,2024-01-01,2024-12-31\n"
                  "Board,Vin,Vice-Chair,police,2025-02-01,2025-12-31\n"}};
  // 2024: Police after NHS (met). 2025: no one on 1 January, so the first to take the role, Vin
  // on 1 February: police again, however spelt (breach).
  const auto r = audit("3.2 role \"Vice-Chair\" rotates between partners annually", in, "2024-01-01", "2025-12-31");
  const rule_result& res = r.only();
  REQUIRE(res.findings.size() == 1);
  CHECK(status(res.findings[0]) == "breach");
  CHECK(iso(res.findings[0].due) == "2025-01-01");
  CHECK(iso(res.findings[0].period_end) == "2025-12-31");
  CHECK(res.findings[0].people == std::vector<std::string>{"Val", "Vin"});
  CHECK(res.findings[0].words() ==
        "\"Vice-Chair\" in the year 2025-01-01 to 2025-12-31 was Vin of police, the same partner as in the year 2024-01-01 "
        "to 2024-12-31 (Val); the role rotates between partners each year");
}

TEST_CASE("rotation: a year with no holder, or a holder with no partner, is no-evidence", "[people][rotation]") {
  const files in{{"meetings.csv", meetings},
                 {"membership.csv", "body,person,role,partner,from\nBoard,Val,Vice-Chair,,2025-01-01\n"}};
  const auto r = audit("3.2 role \"Vice-Chair\" rotates between partners annually", in, "2025-01-01", "2026-12-31");
  REQUIRE(r.only().findings.size() == 2);
  CHECK_THAT(r.only().findings[0].words(), Contains("no one is recorded in the role \"Vice-Chair\" in the year 2024-01-01"));
  CHECK_THAT(r.only().findings[1].words(), Contains("the partner that Val represents as \"Vice-Chair\" is not recorded"));
}

TEST_CASE("people: JSON Lines rows are rejected like CSV rows, with their line", "[people][inputs]") {
  const event_log log = read_all(
      {{"meetings.csv", "body,date\nBoard,2025-02-04\n"},
       {"people.jsonl",
        "{\"body\": \"Board\", \"date\": \"2025-02-04\", \"person\": 5, \"attendance\": \"present\"}\n"
        "{\"body\": \"Board\", \"date\": \"2025-02-05\", \"person\": \"Ann\", \"attendance\": \"present\"}\n"
        "{\"body\": \"Board\", \"person\": \"Ann\", \"from\": \"2025-02-30\"}\n"
        "{\"person\": \"Ann\", \"training\": \"Induction\"}\n"
        "{\"body\": \"Board\", \"date\": \"2025-02-04\", \"person\": \"Ann\", \"attendance\": \"present\"}\n"}});
  std::vector<std::string> reasons;
  for (const rejected_row& r : log.files[1].rejected) reasons.push_back(std::to_string(r.line) + ": " + r.reason);
  CHECK(reasons == std::vector<std::string>{"1: 'person' must be a string, got a number",
                                            "2: no meeting of \"Board\" on 2025-02-05 is recorded in the logs",
                                            "3: from: '2025-02-30' is not a date: February 2025 has no day 30",
                                            "4: missing date"});
  CHECK(log.files[1].rows_read == 5);
  CHECK(log.files[1].rows_used == 1);
  CHECK(log.attendances.size() == 1);
}

// ---------------------------------------------------------------------------------------------
// The forms that qualify the people statements: stand-ins, partners, parties, exceptions

TEST_CASE("chair when absent: a stand-in chairs only when no holder of the role attended", "[people][chair]") {
  const files in{{"meetings.csv", meetings},
                 {"attendance.csv",
                  "body,date,person,role,attendance\n"
                  "Board,2025-02-04,Ann,Chair,present\nBoard,2025-02-04,Bob,,present\n"      // the Chair chairs
                  "Board,2025-05-06,Bob,Chair,present\nBoard,2025-05-06,Ann,,apologies\n"    // Ann away: Bob may
                  "Board,2025-08-05,Bob,Chair,present\nBoard,2025-08-05,Ann,,present virtually\n"},  // Ann there
                 {"membership.csv",
                  "body,person,role,from\nBoard,Ann,Executive Member,2025-01-01\nBoard,Bob,Vice-Chair,2025-01-01\n"}};
  const auto r = audit("3.1 chaired by \"Executive Member\" or \"Vice-Chair\" when \"Executive Member\" is absent", in,
                       "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  REQUIRE(res.findings.size() == 1);
  CHECK(status(res.findings[0]) == "breach");
  CHECK(iso(res.findings[0].due) == "2025-08-05");
  CHECK(res.findings[0].people == std::vector<std::string>{"Ann", "Bob"});
  CHECK(res.findings[0].words() ==
        "the held meeting on 2025-08-05 was chaired by Bob, standing in for \"Executive Member\", while Ann, holding "
        "\"Executive Member\", attended it");
  // Without the qualifier, the same logs meet the rule.
  CHECK(status(audit("3.1 chaired by \"Executive Member\" or \"Vice-Chair\"", in, "2025-01-01", "2025-12-31").only()) ==
        "pass");
}

TEST_CASE("chair when absent: the attendance role Chair is not the post, and no membership cannot tell", "[people][chair]") {
  const files att{{"meetings.csv", "body,date\nBoard,2025-02-04\n"},
                  {"attendance.csv", "body,date,person,role,attendance\nBoard,2025-02-04,Bob,Chair,present\n"
                                     "Board,2025-02-04,Ann,,present\n"}};
  // "Chair" as the post: Bob chairs (attendance role Chair), but only a membership says who the Chair is.
  const auto none = audit("3.1 chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" is absent", att, "2025-01-01", "2025-12-31");
  CHECK(status(none.only()) == "no-evidence");
  CHECK_THAT(none.only().findings[0].words(),
             Contains("no membership of the body is recorded, so whether they held \"Chair\" or \"Vice-Chair\" cannot be told"));
  files with = att;
  with.push_back({"membership.csv", "body,person,role,from\nBoard,Ann,Chair,2025-01-01\nBoard,Bob,Vice-Chair,2025-01-01\n"});
  const auto breach = audit("3.1 chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" is absent", with, "2025-01-01", "2025-12-31");
  CHECK(status(breach.only()) == "breach");
  CHECK(breach.only().findings[0].people == std::vector<std::string>{"Ann", "Bob"});
}

TEST_CASE("attended by from at least N partners: the partners of the holders who attended", "[people][attended]") {
  const files in{{"meetings.csv", meetings},
                 {"attendance.csv",
                  "body,date,person,role,attendance\n"
                  "Board,2025-02-04,Ann,,present\nBoard,2025-02-04,Bob,,present\nBoard,2025-02-04,Cat,,present virtually\n"
                  "Board,2025-05-06,Ann,,present\nBoard,2025-05-06,Bob,,present\nBoard,2025-05-06,Dan,,present\n"
                  "Board,2025-05-06,Cat,,apologies\n"
                  "Board,2025-08-05,Ann,,present\nBoard,2025-08-05,Bob,,present\nBoard,2025-08-05,Eve,SMT Member,present\n"},
                 {"membership.csv",
                  "body,person,role,partner,from\n"
                  "Board,Ann,SMT Member,Places,2025-01-01\nBoard,Bob,SMT Member,People,2025-01-01\n"
                  "Board,Cat,SMT Member,Resources,2025-01-01\nBoard,Dan,SMT Member,people,2025-01-01\n"}};
  const auto r = audit("1.9 each meeting attended by \"SMT Member\" from at least 3 partners", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  // 02-04: three partners, one remotely: met. 05-06: People twice (folded), Cat away: breach. 08-05: Eve
  // holds the role by her attendance record but no membership gives her partner: no evidence.
  REQUIRE(res.findings.size() == 2);
  CHECK(status(res.findings[0]) == "breach");
  CHECK(res.findings[0].found == 2);
  CHECK(res.findings[0].people == std::vector<std::string>{"Ann", "Bob", "Dan"});
  CHECK(res.findings[0].words() ==
        "the people holding \"SMT Member\" who attended the held meeting on 2025-05-06 represent 2 partners (Ann of Places, "
        "Bob of People and Dan of people); at least 3 required");
  CHECK(status(res.findings[1]) == "no-evidence");
  CHECK_THAT(res.findings[1].words(), Contains("the partner of Eve is not recorded"));
}

TEST_CASE("parties: the members in office on each meeting's date, by the party of their membership", "[people][membership]") {
  const files in{{"meetings.csv", meetings},
                 {"membership.csv",
                  "body,person,role,party,from,to\n"
                  "Board,Ann,Elected Member,Labour,2025-01-01,\n"
                  "Board,Bob,Elected Member,Conservative,2025-01-01,2025-05-05\n"
                  "Board,Cat,Elected Member,labour,2025-05-06,\n"
                  "Board,Dan,Elected Member,,2025-08-01,\n"
                  "Board,Vic,Virtual Head Teacher,,2025-01-01,\n"}};
  const auto r = audit("4.1 has members of at least 2 parties among \"Elected Member\"", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  // 02-04: Labour and Conservative: met. 05-06: Bob left the day before; Ann and Cat are both Labour: breach.
  // 08-05: Dan has no party recorded and could be the second party: no evidence.
  REQUIRE(res.findings.size() == 2);
  CHECK(status(res.findings[0]) == "breach");
  CHECK(iso(res.findings[0].due) == "2025-05-06");
  CHECK(res.findings[0].found == 1);
  CHECK(res.findings[0].people == std::vector<std::string>{"Ann", "Cat"});
  CHECK(res.findings[0].words() ==
        "the members holding \"Elected Member\" on 2025-05-06, the date of a held meeting, belong to 1 party (Ann (Labour) "
        "and Cat (labour)); at least 2 required");
  CHECK(status(res.findings[1]) == "no-evidence");
  CHECK_THAT(res.findings[1].words(), Contains("the party of Dan is not recorded"));
}

TEST_CASE("parties: a party on an attendance or training row is rejected with its line", "[people][inputs]") {
  std::string errors;
  const event_log log = read_all({{"attendance.csv", "body,date,person,attendance,party\nBoard,2025-02-04,Ann,present,Labour\n"},
                                  {"people.jsonl", "{\"person\": \"Ann\", \"training\": \"Induction\", \"date\": \"2025-01-01\", "
                                                   "\"party\": \"Green\"}\n"}},
                                 &errors);
  REQUIRE(log.files[0].rejected.size() == 1);
  CHECK(log.files[0].rejected[0].line == 2);
  CHECK(log.files[0].rejected[0].reason ==
        "party 'Labour' on an attendance row: a party is recorded on membership rows only");
  REQUIRE(log.files[1].rejected.size() == 1);
  CHECK_THAT(log.files[1].rejected[0].reason, Contains("a party is recorded on membership rows only"));
}

TEST_CASE("membership type and voting: read, defaulted, and an unknown word rejected with its reason", "[people][inputs]") {
  std::string errors;
  const event_log log = read_all(
      {{"membership.csv",
        "body,person,role,party,type,voting,from\n"
        "Board,Ann,Councillor,Labour,,,2025-01-01\n"          // a party and no type: elected, voting
        "Board,Bob,Adviser,,Co-opted,no,2025-01-01\n"         // case folded
        "Board,Cat,Member,Green,partner,yes,2025-01-01\n"     // a type says otherwise than the party
        "Board,Dan,Member,,,,2025-01-01\n"                    // neither: not recorded
        "Board,Eve,Member,,young  person,,2025-01-01\n"       // white space folded
        "Board,Fay,Member,,councillor,,2025-01-01\n"          // rejected: unknown type
        "Board,Gus,Member,,officer,maybe,2025-01-01\n"},      // rejected: unknown voting
       {"people.jsonl", "{\"body\": \"Board\", \"person\": \"Hal\", \"type\": \"officer\", \"voting\": \"no\", "
                        "\"from\": \"2025-01-01\"}\n"
                        "{\"body\": \"Board\", \"date\": \"2025-02-04\", \"person\": \"Ann\", \"attendance\": "
                        "\"present\", \"type\": \"elected\"}\n"}},
      &errors);
  REQUIRE(log.memberships.size() == 6);
  const auto row = [&](std::string_view who) {
    for (const membership& m : log.memberships)
      if (log.strings.text(m.person) == who) return m;
    FAIL("no membership of " << who);
    return membership{};
  };
  CHECK(row("Ann").type == member_type::elected);
  CHECK(row("Ann").voting);
  CHECK(row("Bob").type == member_type::co_opted);
  CHECK_FALSE(row("Bob").voting);
  CHECK(row("Cat").type == member_type::partner);
  CHECK(row("Dan").type == member_type::unrecorded);
  CHECK(row("Eve").type == member_type::young_person);
  CHECK(row("Hal").type == member_type::officer);
  CHECK_FALSE(row("Hal").voting);
  // Every row is counted: used or rejected with its reason.
  CHECK(log.files[0].rows_read == 7);
  CHECK(log.files[0].rows_used == 5);
  REQUIRE(log.files[0].rejected.size() == 2);
  CHECK(log.files[0].rejected[0].line == 7);
  CHECK(log.files[0].rejected[0].reason ==
        "unknown type 'councillor' for 'Fay': expected elected, co-opted, officer, partner or young person (empty: not "
        "recorded)");
  CHECK(log.files[0].rejected[1].line == 8);
  CHECK(log.files[0].rejected[1].reason == "unknown voting 'maybe' for 'Gus': expected yes or no (empty: yes)");
  REQUIRE(log.files[1].rejected.size() == 1);
  CHECK(log.files[1].rejected[0].reason == "type 'elected' on an attendance row: a type is recorded on membership rows only");
}

TEST_CASE("attendance rate except: members holding the role are not expected on that day", "[people][rate]") {
  const files in{{"meetings.csv", meetings},
                 {"attendance.csv",
                  "body,date,person,attendance\n"
                  "Board,2025-02-04,Ann,present\nBoard,2025-02-04,Vi,absent\nBoard,2025-02-04,Bob,present\n"
                  "Board,2025-05-06,Ann,present\nBoard,2025-05-06,Bob,present\n"
                  "Board,2025-08-05,Ann,present\nBoard,2025-08-05,Bob,absent\n"},
                 {"membership.csv",
                  "body,person,role,from,to\n"
                  "Board,Ann,Councillor,2025-01-01,\nBoard,Vi,Voice for All,2025-01-01,\n"
                  "Board,Bob,Councillor,2025-01-01,\nBoard,Bob,Voice for All,2025-08-01,\n"}};
  const auto all = audit("5.6 each member attends every meeting", in, "2025-01-01", "2025-12-31");
  CHECK(all.only().findings.size() == 2);  // Vi and Bob
  const auto r = audit("5.6 each member except \"voice for all\" attends every meeting", in, "2025-01-01", "2025-12-31");
  // Vi is never expected; Bob is expected until he also holds the excepted role on 2025-08-01.
  CHECK(status(r.only()) == "pass");
}

// ---------------------------------------------------------------------------------------------
// Attendance that was not taken, a quorum of members, and the post a chair holds

TEST_CASE("attendance all expected, officers aside, is not recorded: no-evidence, never a breach", "[people][attendance]") {
  // What ModernGov (and remit fetch) records before attendance is taken: every member "expected".
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\nBoard,2025-05-06\n"},
                 {"attendance.csv",
                  "body,date,person,role,attendance\n"
                  "Board,2025-02-04,Ann,Chair,expected\nBoard,2025-02-04,Bob,,expected\nBoard,2025-02-04,Off,,in attendance\n"
                  "Board,2025-05-06,Ann,Chair,present\nBoard,2025-05-06,Bob,,present\n"},
                 {"membership.csv", "body,person,role,from\nBoard,Ann,Chair,2025-01-01\nBoard,Bob,Member,2025-01-01\n"}};
  for (const char* statement : {"q quorum 2", "c chaired by \"Chair\"", "a each meeting attended by \"Chair\""}) {
    INFO(statement);
    const auto r = audit(statement, in, "2025-01-01", "2025-06-30");
    REQUIRE(r.only().findings.size() == 1);
    CHECK(status(r.only()) == "no-evidence");
    CHECK(iso(r.only().findings[0].meeting) == "2025-02-04");
    CHECK_THAT(r.only().findings[0].words(), Contains("no attendance is recorded for the held meeting on 2025-02-04"));
  }
  const auto rate = audit("r each member attends at least 50% of meetings each half-year", in, "2025-01-01", "2025-06-30");
  CHECK(status(rate.only()) == "no-evidence");
  CHECK_THAT(rate.only().findings[0].words(), Contains("no attendance is recorded for the held meeting on 2025-02-04"));
  // One word other than expected, from someone not in attendance, is a record: Bob sent apologies.
  files apologies = in;
  apologies[1].second = "body,date,person,attendance\nBoard,2025-02-04,Ann,expected\nBoard,2025-02-04,Bob,apologies\n"
                        "Board,2025-05-06,Ann,present\nBoard,2025-05-06,Bob,present\n";
  const auto q = audit("q quorum 2", apologies, "2025-01-01", "2025-06-30");
  REQUIRE(q.only().findings.size() == 1);
  CHECK(status(q.only().findings[0]) == "breach");
  CHECK(q.only().findings[0].found == 0);
}

TEST_CASE("quorum of members: with membership recorded, a non-member present is named and not counted", "[people][quorum]") {
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\n"},
                 {"attendance.csv",
                  "body,date,person,attendance\n"
                  "Board,2025-02-04,Ann,present\nBoard,2025-02-04,Bob,present\nBoard,2025-02-04,Olive Officer,present\n"
                  "Board,2025-02-04,Sam,substitute\n"},
                 {"membership.csv", "body,person,role,from,to\nBoard,Ann,Member,2025-01-01,\nBoard,Bob,Member,2025-01-01,\n"
                                    "Board,Cat,Member,2025-01-01,\nBoard,Dan,Member,2024-01-01,2025-01-31\n"}};
  // Ann, Bob and the substitute Sam count: 3, quorate; the officer never made it so.
  CHECK(status(audit("q quorum 3 members", in, "2025-01-01", "2025-12-31").only()) == "pass");
  const auto r = audit("q quorum 4", in, "2025-01-01", "2025-12-31");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(r.only().findings[0].found == 3);
  CHECK(r.only().findings[0].people == std::vector<std::string>{"Ann", "Bob", "Sam"});
  CHECK(r.only().findings[0].words() ==
        "3 members present in person at the held meeting on 2025-02-04 (Ann, Bob and Sam); a quorum is 4; Olive Officer "
        "present but not a member of the body on that date, so not counted");
  // "quorum N" and "quorum N members" are one rule.
  const auto plain = audit("q quorum 4 members", in, "2025-01-01", "2025-12-31");
  CHECK(plain.only().findings[0].words() == r.only().findings[0].words());
}

TEST_CASE("chair: a chair holding no listed post does not stand in, whatever the attendance role says", "[people][chair]") {
  // The case from the trust review: the Chair sent apologies, the Vice-Chair sat in the room, and a
  // councillor holding neither post chaired.
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\n"},
                 {"attendance.csv", "body,date,person,role,attendance\nBoard,2025-02-04,Zed,Chair,present\n"
                                    "Board,2025-02-04,Bob,,present\nBoard,2025-02-04,Ann,,apologies\n"},
                 {"membership.csv", "body,person,role,from\nBoard,Ann,Chair,2025-01-01\nBoard,Bob,Vice-Chair,2025-01-01\n"
                                    "Board,Zed,Councillor,2025-01-01\n"}};
  const auto r = audit("3.1 chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" is absent", in, "2025-01-01", "2025-12-31");
  REQUIRE(r.only().findings.size() == 1);
  CHECK(status(r.only()) == "breach");
  CHECK(r.only().findings[0].words() ==
        "the held meeting on 2025-02-04 was chaired by Zed, who was not \"Chair\" or \"Vice-Chair\" on that date");
  CHECK(r.only().findings[0].people == std::vector<std::string>{"Zed"});
  // A plain "chaired by \"Chair\"" is not met by the attendance role either.
  CHECK(status(audit("3.1 chaired by \"Chair\"", in, "2025-01-01", "2025-12-31").only()) == "breach");
}

TEST_CASE("party spread: a member's party may be on any of their memberships in force", "[people][membership]") {
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\n"},
                 {"membership.csv",
                  "body,person,role,party,from\n"
                  "Board,Ann,Elected Member,,2025-01-01\nBoard,Ann,Chair,Green,2025-01-01\n"
                  "Board,Bob,Elected Member,Labour,2025-01-01\nBoard,Cat,Co-opted Member,Reform,2025-01-01\n"}};
  const auto r = audit("4.1 has members of at least 2 parties among \"Elected Member\"", in, "2025-01-01", "2025-12-31");
  CHECK(status(r.only()) == "pass");
  // Cat is not among the roles: her party does not count towards the spread.
  const auto three = audit("4.1 has members of at least 3 parties among \"Elected Member\"", in, "2025-01-01", "2025-12-31");
  REQUIRE(three.only().findings.size() == 1);
  CHECK(three.only().findings[0].found == 2);
  CHECK(three.only().findings[0].people == std::vector<std::string>{"Ann", "Bob"});
}

TEST_CASE("attendance rate: a body of 200,000 members, each recorded at each meeting, is judged in one pass",
          "[people][rate][scale]") {
  // Each member looked up in a table of the meeting's attendance, this takes seconds. Searched for
  // in the whole record of the meeting, member by member, it was 10^11 comparisons and most of an
  // hour, past ctest's timeout (12,000 members took 11 s, and four times as long at twice as many).
  const int members = 200000;
  std::string membership = "body,person,from\n", attendance = "body,date,person,attendance\n";
  for (int m = 0; m < members; ++m) {
    membership += fmt::format("Board,Member {:06},2024-01-01\n", m);
    attendance += fmt::format("Board,2025-02-04,Member {:06},present\n", m);
    // At the second meeting every third member sent apologies: 1 of 2, under 75%.
    attendance += fmt::format("Board,2025-05-06,Member {:06},{}\n", m, m % 3 == 0 ? "apologies" : "present");
  }
  const files in{{"meetings.csv", "body,date\nBoard,2025-02-04\nBoard,2025-05-06\n"},
                 {"attendance.csv", attendance},
                 {"membership.csv", membership}};
  const auto r = audit("5.6 each member attends at least 75% of meetings", in, "2025-01-01", "2025-12-31");
  const rule_result& res = r.only();
  REQUIRE(res.findings.size() == 66667);
  CHECK(res.findings[0].people == std::vector<std::string>{"Member 000000"});
  CHECK(res.findings[0].words() ==
        "Member 000000 attended 1 of 2 held meetings in the year 2025-01-01 to 2025-12-31 while a member (50%); at least "
        "75% required; missed 2025-05-06 (apologies)");
  CHECK(res.findings[66666].people == std::vector<std::string>{"Member 199998"});
}
