// `remit import`: any log remit reads, as the canonical CSV, which reads back as the same events.
#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "fixture_files.hpp"
#include "inputs/csv_writer.hpp"
#include "inputs/list_cells.hpp"
#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::fixture;
using remit::test::source_root;
using Catch::Matchers::Contains;

namespace {

// One event as text, with everything the event model holds but where it was read from.
std::string describe(const event_log& log, std::uint32_t i) {
  const event& e = log.events[i];
  std::string out = fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|items:", log.strings.text(e.council), log.strings.text(e.body),
                                e.day, name(e.kind), name(e.status), log.strings.text(e.title), log.strings.text(e.to),
                                e.published == no_date ? std::string("-") : to_iso(e.published), log.strings.text(e.ref));
  for (string_pool::id item : log.items_of(e)) out += fmt::format("[{}]", log.strings.text(item));
  out += "|attendees:";
  for (const attendance& a : log.attendance_of(i))
    out += fmt::format("[{}/{}/{}]", log.strings.text(a.person), log.strings.text(a.role), name(a.status));
  return out;
}

std::vector<std::string> describe_all(const event_log& log) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < log.events.size(); ++i) out.push_back(describe(log, i));
  std::sort(out.begin(), out.end());
  return out;
}

event_log read_paths(const std::vector<std::string>& paths) {
  event_log log;
  diagnostics diags;
  read_log_files(paths, log, diags);
  std::ostringstream out;
  diags.render(out);
  INFO(out.str());
  REQUIRE(diags.empty());
  REQUIRE(log.rows_rejected() == 0u);
  return log;
}

event_log read_csv_text(const std::string& csv) {
  event_log log;
  diagnostics diags;
  log.files.push_back({"imported.csv", "csv", 0, 0, {}});
  csv_log_reader.read(csv, log, log.files.back(), diags);
  REQUIRE(diags.empty());
  for (const auto& r : log.files.back().rejected) FAIL_CHECK("imported.csv:" << r.line << ": " << r.reason);
  return log;
}

// Every log the repository holds that reads without a rejected row, alone or as it is meant
// to be read together.
std::vector<std::vector<std::string>> every_fixture() {
  std::vector<std::vector<std::string>> out;
  for (const auto& dir : std::filesystem::directory_iterator(source_root() / "corpora"))
    if (std::filesystem::exists(dir.path() / "meetings.csv")) out.push_back({(dir.path() / "meetings.csv").string()});
  for (const auto& file : std::filesystem::directory_iterator(source_root() / "tests" / "fixtures" / "jsonl"))
    if (file.path().extension() == ".jsonl") out.push_back({file.path().string()});
  const std::string listing = fixture("moderngov/lgsf_GetMeetings.xml");
  const std::string with_minutes = fixture("moderngov/lgsf_GetMeeting_with_minutes.xml");
  const std::string no_minutes = fixture("moderngov/lgsf_GetMeeting_no_minutes.xml");
  out.push_back({listing});
  out.push_back({with_minutes});
  out.push_back({listing, no_minutes});
  out.push_back({listing, with_minutes, no_minutes});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("importing and reading back loses nothing, for every fixture", "[import][round-trip]") {
  const auto fixtures = every_fixture();
  REQUIRE(fixtures.size() >= 10);  // six corpora, the JSON Lines file, four ModernGov sets
  for (const auto& paths : fixtures) {
    INFO(paths.front() << (paths.size() > 1 ? " and others" : ""));
    const event_log original = read_paths(paths);
    REQUIRE_FALSE(original.events.empty());
    const std::string csv = canonical_csv(original);
    const event_log back = read_csv_text(csv);
    CHECK(describe_all(back) == describe_all(original));
    // The canonical CSV is a fixed point: importing it again changes nothing, byte for byte.
    CHECK(canonical_csv(back) == csv);
  }
}

TEST_CASE("the canonical CSV of the real ModernGov responses", "[import][moderngov]") {
  const event_log log = read_paths({fixture("moderngov/lgsf_GetMeetings.xml"),
                                    fixture("moderngov/lgsf_GetMeeting_with_minutes.xml"),
                                    fixture("moderngov/lgsf_GetMeeting_no_minutes.xml")});
  CHECK(canonical_csv(log) ==
        // ModernGov's <meetingtime>10.00 am</meetingtime>, written in the time column.
        "council,body,date,kind,status,title,to,published,items,ref,attendees,time\n"
        ",Audit Committee,2026-01-13,meeting,cancelled,,,,,4966,\"Councillor Basil Curley (Committee Member, expected)\",10:00\n"
        ",Audit Committee,2026-02-10,meeting,held,,,2026-02-02,Minutes;Work Programme,4967,"
        "\"Councillor Basil Curley (Committee Member, expected)\",10:00\n");
}

TEST_CASE("rows are grouped by body and in date order, whatever the order read", "[import]") {
  const event_log log = remit::test::csv_log(
      "body,date\n"
      "Scrutiny,2026-03-01\n"
      "board,2026-02-01\n"
      "Scrutiny,2026-01-01\n"
      "Board,2026-01-15\n");
  const std::string csv = canonical_csv(log);
  CHECK(csv ==
        "council,body,date,kind,status,title,to,published,items,ref,attendees\n"
        ",Board,2026-01-15,meeting,held,,,,,,\n"
        ",board,2026-02-01,meeting,held,,,,,,\n"
        ",Scrutiny,2026-01-01,meeting,held,,,,,,\n"
        ",Scrutiny,2026-03-01,meeting,held,,,,,,\n");
}

TEST_CASE("awkward text survives the trip: quotes, commas, line breaks, semicolons and backslashes in items, brackets in names",
          "[import][round-trip]") {
  event_log log;
  const std::uint32_t index = 0;
  event e;
  e.day = remit::test::d("2026-02-10");
  e.body = log.strings.intern("Health, Care and \"Wellbeing\" Board");
  e.title = log.strings.intern("Line one\nline two");
  e.items_first = 0;
  for (std::string_view item : {"Minutes; matters arising", "C:\\papers\\budget", "Ends with a backslash \\"})
    log.items.push_back(log.strings.intern(item));
  e.items_count = 3;
  log.events.push_back(e);
  log.files.push_back({"x", "csv", 1, 1, {}});
  log.attendances.push_back({index, log.strings.intern("Smith (Jo), Cllr; \\ the elder"),
                             log.strings.intern("Co-opted (Church), voting"), attendance_status::present_virtually});
  log.attendances.push_back({index, log.strings.intern("A. N. Other"), 0, attendance_status::apologies});
  const std::string csv = canonical_csv(log);
  CHECK_THAT(csv, Contains("Minutes\\; matters arising;C:\\\\papers\\\\budget;Ends with a backslash \\\\"));
  CHECK_THAT(csv, Contains("Smith \\(Jo\\)\\, Cllr\\; \\\\ the elder (Co-opted \\(Church\\)\\, voting, present virtually); "
                           "A. N. Other (apologies)"));
  const event_log back = read_csv_text(csv);
  CHECK(describe_all(back) == describe_all(log));
}

TEST_CASE("the attendees cell", "[import][attendees]") {
  std::vector<attendee> got;
  SECTION("entries with and without a role; spaces around them do not matter") {
    CHECK(parse_attendees(" Cllr A (Chair, present) ;Cllr B(apologies);; ", got) == "");
    REQUIRE(got.size() == 2);
    CHECK(got[0].name == "Cllr A");
    CHECK(got[0].role == "Chair");
    CHECK(got[0].status == attendance_status::present);
    CHECK(got[1].name == "Cllr B");
    CHECK(got[1].role.empty());
    CHECK(got[1].status == attendance_status::apologies);
  }
  SECTION("attendance words are case-insensitive") {
    CHECK(parse_attendees("Cllr A (In  Attendance Virtually)", got) == "");
    REQUIRE(got.size() == 1);
    CHECK(got[0].status == attendance_status::in_attendance_virtually);
  }
  SECTION("a backslash before any other character is kept") {
    CHECK(parse_attendees("Dept\\x (present)", got) == "");
    REQUIRE(got.size() == 1);
    CHECK(got[0].name == "Dept\\x");
  }
  SECTION("what cannot be read, and why") {
    CHECK(parse_attendees("Cllr A", got) == "attendees: 'Cllr A' needs its attendance in brackets, as in 'Cllr A (present)'");
    CHECK(parse_attendees("(present)", got) == "attendees: an attendee has no name before '('");
    CHECK(parse_attendees("Cllr A (Chair, present", got) == "attendees: the brackets after 'Cllr A' are never closed");
    CHECK(parse_attendees("Cllr A (Chair, Vice, present)", got) ==
          "attendees: too many ',' in the brackets after 'Cllr A': write a comma in a role as '\\,'");
    CHECK(parse_attendees("Cllr A (present) late", got) ==
          "attendees: unexpected text 'late' after the brackets of 'Cllr A'");
    CHECK(parse_attendees("Cllr A, B (present)", got) ==
          "attendees: unexpected ',' in 'Cllr A': write it as '\\,' if it is part of the name");
    CHECK_THAT(parse_attendees("Cllr A (Chair, asleep)", got), Contains("unknown attendance 'asleep' for 'Cllr A'"));
    CHECK_THAT(parse_attendees("Cllr A (Chair, )", got), Contains("no attendance for 'Cllr A'"));
    CHECK(got.empty());
  }
}

namespace {
std::vector<std::string> items_of(std::string_view cell) {
  std::vector<std::string> out{"left over from the row before", "and another"};
  split_items(cell, out);
  return out;
}
}  // namespace

TEST_CASE("items: a semicolon separates them, and a backslash escapes a semicolon or a backslash", "[import][items]") {
  CHECK(items_of("A; B \\; C;;\\\\;D\\x") == std::vector<std::string>{"A", "B ; C", "\\", "D\\x"});
  const std::vector<std::string_view> items{"A;B", "C\\"};
  CHECK(join_items(items) == "A\\;B;C\\\\");
  CHECK(items_of(join_items(items)) == std::vector<std::string>{"A;B", "C\\"});
}

TEST_CASE("items: a cell with no backslash is split where it stands, and replaces the previous row's items",
          "[import][items]") {
  CHECK(items_of(" Minutes ;Forward Plan;; ;Budget ") == std::vector<std::string>{"Minutes", "Forward Plan", "Budget"});
  CHECK(items_of(";") == std::vector<std::string>{});
  CHECK(items_of("").empty());
  CHECK(items_of("Only") == std::vector<std::string>{"Only"});
}

TEST_CASE("a CSV with the new columns reads them", "[import][csv]") {
  const event_log log = remit::test::csv_log(
      "body,date,status,ref,attendees\n"
      "Board,2026-02-10,confirmed,4967,\"Cllr A (Chair\\, Board, present)\"\n");
  REQUIRE(log.events.size() == 1);
  CHECK(log.events[0].status == event_status::confirmed);
  CHECK(log.strings.text(log.events[0].ref) == "4967");
  REQUIRE(log.attendances.size() == 1);
  CHECK(log.strings.text(log.attendances[0].role) == "Chair, Board");
}
