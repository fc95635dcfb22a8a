// The meeting log CSV of docs/inputs.md: RFC 4180, UTF-8, a header row, columns in any order;
// a row that cannot be read is rejected with its line and a reason, and the rest are used.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "core/digest.hpp"
#include "core/limits.hpp"
#include "inputs/csv_records.hpp"
#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::csv_log;
using remit::test::d;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct read_result {
  event_log log;
  diagnostics diags;

  const log_file_summary& summary() const { return log.files.back(); }
  std::string rendered() const {
    std::ostringstream out;
    diags.render(out);
    return out.str();
  }
  // Rows read = rows used + rows rejected, always.
  void check_counts_add_up() const {
    CHECK(summary().rows_read == summary().rows_used + summary().rejected.size());
    CHECK(summary().rows_used == log.events.size());
  }
};

// Reads a log directly, keeping its diagnostics and rejected rows (csv_log requires none).
read_result read(std::string_view csv) {
  read_result r;
  r.log.files.push_back(log_file_summary{"test.csv", "csv", 0, 0, {}});
  csv_log_reader.read(csv, r.log, r.log.files.back(), r.diags);
  return r;
}

std::string text(const event_log& log, string_pool::id id) { return std::string(log.strings.text(id)); }

std::vector<std::string> items(const event_log& log, const event& e) {
  std::vector<std::string> out;
  for (string_pool::id i : log.items_of(e)) out.emplace_back(log.strings.text(i));
  return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a row with body and date is a held meeting by default", "[csv]") {
  const event_log log = csv_log("body,date\nAudit Committee,2026-02-10\n");
  REQUIRE(log.events.size() == 1);
  const event& e = log.events[0];
  CHECK(text(log, e.body) == "Audit Committee");
  CHECK(e.day == d("2026-02-10"));
  CHECK(e.kind == event_kind::meeting);
  CHECK(e.status == event_status::held);
  CHECK(e.held_meeting());
  CHECK(e.published == no_date);
  CHECK(e.items_count == 0u);
  CHECK(e.council == 0u);
  CHECK(e.title == 0u);
  CHECK(e.to == 0u);
  CHECK(e.line == 2u);
  REQUIRE(log.files.size() == 1);
  CHECK(log.files[0].rows_read == 1u);
  CHECK(log.files[0].rows_used == 1u);
  CHECK(log.files[0].rejected.empty());
}

TEST_CASE("every column of the log format is read", "[csv]") {
  const event_log log = csv_log(
      "body,date,kind,status,title,to,published,items,council\n"
      "Corporate Parenting Partnership,2026-02-10,meeting,held,Ordinary meeting,,2026-02-02,Apologies;Forward Plan,"
      "Blackburn with Darwen Borough Council\n"
      "Corporate Parenting Partnership,2026-03-01,report,held,Highlight Report,Full Council,,,\n"
      "Corporate Parenting Partnership,2026-03-02,session,cancelled,Agenda setting,,,,\n"
      "Corporate Parenting Partnership,2026-03-03,meeting,postponed,,,,,\n"
      "Corporate Parenting Partnership,2026-03-04,meeting,scheduled,,,,,\n");
  REQUIRE(log.events.size() == 5);
  const event& m = log.events[0];
  CHECK(m.kind == event_kind::meeting);
  CHECK(m.status == event_status::held);
  CHECK(text(log, m.title) == "Ordinary meeting");
  CHECK(m.published == d("2026-02-02"));
  CHECK(items(log, m) == strings{"Apologies", "Forward Plan"});
  CHECK(text(log, m.council) == "Blackburn with Darwen Borough Council");

  const event& r = log.events[1];
  CHECK(r.kind == event_kind::report);
  CHECK(text(log, r.to) == "Full Council");
  CHECK(text(log, r.title) == "Highlight Report");

  CHECK(log.events[2].kind == event_kind::session);
  CHECK(log.events[2].status == event_status::cancelled);
  CHECK_FALSE(log.events[2].held());
  CHECK(log.events[3].status == event_status::postponed);
  CHECK(log.events[4].status == event_status::scheduled);
  CHECK_FALSE(log.events[4].held_meeting());
}

TEST_CASE("columns may come in any order and unknown columns are ignored", "[csv]") {
  const event_log log = csv_log(
      "minute_ref,date,Webcast URL,title,body,notes\n"
      "M1,2026-02-10,https://example.org/a,Ordinary,Audit Committee,quorate\n");
  REQUIRE(log.events.size() == 1);
  CHECK(text(log, log.events[0].body) == "Audit Committee");
  CHECK(log.events[0].day == d("2026-02-10"));
  CHECK(text(log, log.events[0].title) == "Ordinary");
}

TEST_CASE("header names are case-insensitive", "[csv]") {
  const event_log log = csv_log("BODY,Date,Kind,STATUS,Title\nAudit Committee,2026-02-10,Session,Held,Training\n");
  REQUIRE(log.events.size() == 1);
  CHECK(text(log, log.events[0].body) == "Audit Committee");
  CHECK(log.events[0].kind == event_kind::session);
  CHECK(text(log, log.events[0].title) == "Training");
}

TEST_CASE("RFC 4180 quoting", "[csv][quoting]") {
  SECTION("a doubled quote inside quotes is one quote") {
    const event_log log = csv_log("body,date,title\n\"Audit Committee\",2026-02-10,\"The \"\"Big\"\" Review\"\n");
    REQUIRE(log.events.size() == 1);
    CHECK(text(log, log.events[0].title) == "The \"Big\" Review");
  }
  SECTION("commas inside quotes do not split the field") {
    const event_log log = csv_log("body,date,title\n\"Health, Care and Wellbeing Board\",2026-02-10,\"Budget, 2026/27\"\n");
    REQUIRE(log.events.size() == 1);
    CHECK(text(log, log.events[0].body) == "Health, Care and Wellbeing Board");
    CHECK(text(log, log.events[0].title) == "Budget, 2026/27");
  }
  SECTION("a line break inside quotes is part of the field, and the next record keeps its own line number") {
    const event_log log = csv_log(
        "body,date,title\n"              // line 1
        "Audit Committee,2026-02-10,\"Part one\n"  // line 2
        "part two\n"                     // line 3
        "part three\"\n"                 // line 4
        "Audit Committee,2026-03-10,Next\n");      // line 5
    REQUIRE(log.events.size() == 2);
    CHECK(text(log, log.events[0].title) == "Part one\npart two\npart three");
    CHECK(log.events[0].line == 2u);
    CHECK(log.events[1].line == 5u);
  }
  SECTION("the line number of a rejected row after a multi-line field is its first line") {
    const read_result r = read(
        "body,date,items\n"                          // line 1
        "Audit Committee,2026-02-10,\"Minutes;\n"    // line 2
        "Budget\"\n"                                 // line 3
        "Audit Committee,2026-02-30,\n");            // line 4
    REQUIRE(r.summary().rejected.size() == 1);
    CHECK(r.summary().rejected[0].line == 4u);
    r.check_counts_add_up();
  }
  SECTION("an empty quoted field is empty") {
    const event_log log = csv_log("body,date,title\nAudit Committee,2026-02-10,\"\"\n");
    REQUIRE(log.events.size() == 1);
    CHECK(log.events[0].title == 0u);
  }
}

TEST_CASE("CRLF line ends are read like LF", "[csv]") {
  const event_log log = csv_log(
      "body,date,title\r\n"
      "Audit Committee,2026-02-10,Ordinary\r\n"
      "Audit Committee,2026-03-10,\"Quoted\"\r\n"
      "Audit Committee,2026-04-10,\r\n");
  REQUIRE(log.events.size() == 3);
  CHECK(text(log, log.events[0].title) == "Ordinary");  // no trailing CR
  CHECK(text(log, log.events[1].title) == "Quoted");
  CHECK(log.events[2].day == d("2026-04-10"));
  CHECK(log.events[2].title == 0u);
  CHECK(log.events[1].line == 3u);
  CHECK(log.events[2].line == 4u);
}

TEST_CASE("a UTF-8 byte order mark before the header is skipped", "[csv]") {
  const event_log log = csv_log("\xEF\xBB\xBF" "body,date\nAudit Committee,2026-02-10\n");
  REQUIRE(log.events.size() == 1);
  CHECK(text(log, log.events[0].body) == "Audit Committee");
}

TEST_CASE("blank lines are skipped and not counted as rows", "[csv]") {
  const read_result r = read(
      "\n"
      "body,date\n"                 // line 2
      "\n"
      "Audit Committee,2026-02-10\n"  // line 4
      "   \n"
      "\n"
      "Audit Committee,2026-02-30\n"  // line 7: rejected
      "\n");
  CHECK(r.diags.empty());
  CHECK(r.summary().rows_read == 2u);
  CHECK(r.summary().rows_used == 1u);
  REQUIRE(r.summary().rejected.size() == 1);
  CHECK(r.summary().rejected[0].line == 7u);
  REQUIRE(r.log.events.size() == 1);
  CHECK(r.log.events[0].line == 4u);
  r.check_counts_add_up();
}

TEST_CASE("the last row may lack a line end", "[csv]") {
  const event_log log = csv_log("body,date\nAudit Committee,2026-02-10");
  REQUIRE(log.events.size() == 1);
  CHECK(log.events[0].day == d("2026-02-10"));
}

TEST_CASE("agenda items are split on semicolons, trimmed, and empty items dropped", "[csv][items]") {
  const event_log log = csv_log(
      "body,date,items\n"
      "Audit Committee,2026-02-10,\" Apologies ;Minutes;; ;Forward Plan ;\"\n"
      "Audit Committee,2026-03-10,Single item\n"
      "Audit Committee,2026-04-10,\n"
      "Audit Committee,2026-05-10,\" ; ;\"\n");
  REQUIRE(log.events.size() == 4);
  CHECK(items(log, log.events[0]) == strings{"Apologies", "Minutes", "Forward Plan"});
  CHECK(log.events[0].items_count == 3u);
  CHECK(items(log, log.events[1]) == strings{"Single item"});
  // Empty: agenda items not recorded.
  CHECK(log.events[2].items_count == 0u);
  CHECK(log.events[3].items_count == 0u);
}

TEST_CASE("items on lines of their own in one cell are separate items, as a spreadsheet exports them", "[csv][items]") {
  const event_log log = csv_log(
      "body,date,items\n"
      "Audit Committee,2026-02-10,\"Apologies\r\nMinutes\nForward Plan [noted]\n\"\n"
      "Audit Committee,2026-03-10,\"Minutes; Budget\nRisk Register\"\n");
  REQUIRE(log.events.size() == 2);
  CHECK(items(log, log.events[0]) == strings{"Apologies", "Minutes", "Forward Plan"});
  CHECK(items(log, log.events[1]) == strings{"Minutes", "Budget", "Risk Register"});
}

TEST_CASE("the status words and times of councils' registers are read", "[csv]") {
  const event_log log = csv_log(
      "body,date,status,time\n"
      "Board,2026-02-10,Rescheduled,10.00 am\n"
      "Board,2026-03-10,Provisional,2.30 pm\n"
      "Board,2026-04-10,held,14:30\n"
      "Board,2026-05-10,held,12.00 pm\n");
  REQUIRE(log.events.size() == 4);
  CHECK(log.events[0].status == event_status::postponed);
  CHECK(log.events[1].status == event_status::scheduled);
  CHECK(log.events[0].time == 10 * 60);
  CHECK(log.events[1].time == 14 * 60 + 30);
  CHECK(log.events[2].time == 14 * 60 + 30);
  CHECK(log.events[3].time == 12 * 60);
}

TEST_CASE("an agenda item's outcome in brackets is read apart from its title", "[csv][items]") {
  const event_log log = csv_log(
      "body,date,items\n"
      "Board,2026-02-10,Minutes;Terms of Reference review [approved];Budget [ Deferred ];Appendix [exempt]\n"
      "Board,2026-03-10,Budget [draft] [agreed];Plan[adopted]\n");
  REQUIRE(log.events.size() == 2);
  CHECK(items(log, log.events[0]) == strings{"Minutes", "Terms of Reference review", "Budget", "Appendix [exempt]"});
  const auto outcome = [&](const event& e, std::uint32_t k) { return log.outcome_of_item(e.items_first + k); };
  CHECK(outcome(log.events[0], 0) == item_outcome::unrecorded);
  CHECK(outcome(log.events[0], 1) == item_outcome::approved);
  CHECK(outcome(log.events[0], 2) == item_outcome::deferred);
  // A bracket of another word is the title's own: no outcome recorded.
  CHECK(outcome(log.events[0], 3) == item_outcome::unrecorded);
  // Only the last bracket is the outcome.
  CHECK(items(log, log.events[1]) == strings{"Budget [draft]", "Plan"});
  CHECK(outcome(log.events[1], 0) == item_outcome::agreed);
  CHECK(outcome(log.events[1], 1) == item_outcome::adopted);
  // An outcome with no title is rejected, the row with it.
  const read_result r = read("body,date,items\nBoard,2026-02-10,Minutes;[approved]\n");
  r.check_counts_add_up();
  REQUIRE(r.summary().rejected.size() == 1u);
  CHECK(r.summary().rejected[0].reason == "the agenda item '[approved]' gives an outcome and no title");
}

TEST_CASE("kind defaults to meeting and status to held when the cells are empty", "[csv]") {
  const event_log log = csv_log("body,date,kind,status\nAudit Committee,2026-02-10,,\n");
  REQUIRE(log.events.size() == 1);
  CHECK(log.events[0].kind == event_kind::meeting);
  CHECK(log.events[0].status == event_status::held);
}

TEST_CASE("a row that cannot be read is rejected with its line and reason, the other rows are used", "[csv][rejected]") {
  const read_result r = read(
      "body,date,kind,status,to,published\n"           // 1
      "Audit Committee,2026-02-10,,,,\n"              // 2 ok
      "Audit Committee,2026-02-30,,,,\n"              // 3 bad date
      ",2026-02-10,,,,\n"                             // 4 missing body
      "Audit Committee,,,,,\n"                        // 5 missing date
      "Audit Committee,2026-02-11,,adjourned,,\n"     // 6 unknown status
      "Audit Committee,2026-02-12,briefing,,,\n"      // 7 unknown kind
      "Audit Committee,2026-02-13,,,,2026-13-01\n"    // 8 bad published date
      "Audit Committee,2026-02-14,report,,,\n"        // 9 report without to
      "Audit Committee,2026-02-15,,\n"                // 10 wrong field count
      "Audit Committee,2026-02-16,report,held,Full Council,2026-02-01\n");  // 11 ok
  CHECK(r.diags.empty());
  const auto& rejected = r.summary().rejected;
  REQUIRE(rejected.size() == 8);
  CHECK(r.summary().rows_read == 10u);
  CHECK(r.summary().rows_used == 2u);
  r.check_counts_add_up();
  REQUIRE(r.log.events.size() == 2);
  CHECK(r.log.events[0].line == 2u);
  CHECK(r.log.events[1].line == 11u);
  CHECK(r.log.rows_rejected() == 8u);

  SECTION("bad date 2026-02-30") {
    CHECK(rejected[0].line == 3u);
    CHECK_THAT(rejected[0].reason, Contains("2026-02-30"));
    CHECK_THAT(rejected[0].reason, Contains("February 2026 has no day 30"));
  }
  SECTION("missing body") {
    CHECK(rejected[1].line == 4u);
    CHECK_THAT(rejected[1].reason, Contains("body"));
  }
  SECTION("missing date") {
    CHECK(rejected[2].line == 5u);
    CHECK_THAT(rejected[2].reason, Contains("date"));
  }
  SECTION("unknown status names the status") {
    CHECK(rejected[3].line == 6u);
    CHECK_THAT(rejected[3].reason, Contains("adjourned"));
    CHECK_THAT(rejected[3].reason, Contains("status"));
  }
  SECTION("unknown kind names the kind") {
    CHECK(rejected[4].line == 7u);
    CHECK_THAT(rejected[4].reason, Contains("briefing"));
    CHECK_THAT(rejected[4].reason, Contains("kind"));
  }
  SECTION("bad published date") {
    CHECK(rejected[5].line == 8u);
    CHECK_THAT(rejected[5].reason, Contains("published"));
    CHECK_THAT(rejected[5].reason, Contains("2026-13-01"));
  }
  SECTION("a report without 'to'") {
    CHECK(rejected[6].line == 9u);
    CHECK_THAT(rejected[6].reason, Contains("to"));
    CHECK_THAT(rejected[6].reason, Contains("report"));
  }
  SECTION("wrong field count says how many fields the row and the header have") {
    CHECK(rejected[7].line == 10u);
    CHECK_THAT(rejected[7].reason, Contains("4"));
    CHECK_THAT(rejected[7].reason, Contains("6"));
  }
}

TEST_CASE("a date in the wrong shape is rejected", "[csv][rejected]") {
  const read_result r = read("body,date\nAudit Committee,10-02-2026\nAudit Committee,2026-2-10\nAudit Committee,2026-02-10\n");
  REQUIRE(r.summary().rejected.size() == 2);
  CHECK(r.summary().rejected[0].line == 2u);
  CHECK(r.summary().rejected[0].reason == "date: '10-02-2026' is not a date in the form yyyy-mm-dd or dd/mm/yyyy");
  CHECK(r.summary().rejected[1].line == 3u);
  CHECK(r.log.events.size() == 1);
  r.check_counts_add_up();
}

TEST_CASE("dates day first, as a UK spreadsheet exports them, are read, and month first never", "[csv][dates]") {
  const read_result r = read(
      "body,date,published\n"
      "Audit Committee,10/02/2026,3/2/2026\n"   // 2: used, Tue 10 February, published 3 February
      "Audit Committee,7/8/2025,\n"             // 3: used, 7 August, not 8 July
      "Audit Committee,07/13/2025,\n"           // 4: month 13: a US date
      "Audit Committee,31/04/2026,\n"           // 5: April has 30 days
      "Audit Committee,2026-03-10,31/02/2026\n" // 6: the published date too
      "Audit Committee,10/02/26,\n"             // 7: a two-digit year is not read
      "Audit Committee,00/02/2026,\n"           // 8
      "Audit Committee,29/02/2024,2024-02-20\n" // 9: used, a leap day
      "Audit Committee,13/13/2025,\n");         // 10: no month 13 either way
  REQUIRE(r.log.events.size() == 3);
  CHECK(r.log.events[0].day == test::d("2026-02-10"));
  CHECK(r.log.events[0].published == test::d("2026-02-03"));
  CHECK(r.log.events[1].day == test::d("2025-08-07"));
  CHECK(r.log.events[2].day == test::d("2024-02-29"));
  std::vector<std::string> reasons;
  for (const rejected_row& row : r.summary().rejected) reasons.push_back(std::to_string(row.line) + ": " + row.reason);
  CHECK(reasons == std::vector<std::string>{
                       "4: date: '07/13/2025' is not a date: there is no month 13 (dates with '/' are read day first, "
                       "dd/mm/yyyy, as in the UK); month first, as in the US, it would be 13 July 2025, and a log "
                       "written month first has its other dates misread: write its dates as yyyy-mm-dd",
                       "5: date: '31/04/2026' is not a date: April 2026 has no day 31",
                       "6: published: '31/02/2026' is not a date: February 2026 has no day 31",
                       "7: date: '10/02/26' is not a date in the form yyyy-mm-dd or dd/mm/yyyy",
                       "8: date: '00/02/2026' is not a date: February 2026 has no day 00",
                       "10: date: '13/13/2025' is not a date: there is no month 13",
                   });
  r.check_counts_add_up();
}

TEST_CASE("an unterminated quote rejects the row it opens", "[csv][rejected][quoting]") {
  const read_result r = read(
      "body,date,title\n"                       // 1
      "Audit Committee,2026-02-10,Fine\n"       // 2
      "Audit Committee,2026-03-10,\"Never closed\n"  // 3
      "Audit Committee,2026-04-10,Swallowed\n");     // 4: inside the open quote
  CHECK(r.diags.empty());
  REQUIRE(r.summary().rejected.size() == 1);
  CHECK(r.summary().rejected[0].line == 3u);
  CHECK_THAT(r.summary().rejected[0].reason, Contains("never closed"));
  CHECK(r.summary().rows_used == 1u);
  r.check_counts_add_up();
}

TEST_CASE("text after a closing quote rejects the row", "[csv][rejected][quoting]") {
  const read_result r = read(
      "body,date,title\n"
      "Audit Committee,2026-02-10,\"Quoted\" then more\n"
      "Audit Committee,2026-03-10,Fine\n");
  REQUIRE(r.summary().rejected.size() == 1);
  CHECK(r.summary().rejected[0].line == 2u);
  CHECK_THAT(r.summary().rejected[0].reason, Contains("closing quote"));
  REQUIRE(r.log.events.size() == 1);
  CHECK(r.log.events[0].day == d("2026-03-10"));
  r.check_counts_add_up();
}

TEST_CASE("a row that is not valid UTF-8 is rejected", "[csv][rejected]") {
  const read_result r = read(
      "body,date,title\n"
      "Audit Committee,2026-02-10,Caf\xE9\n"             // Latin-1 é
      "Audit Committee,2026-03-10,Caf\xC3\xA9\n");        // UTF-8 é
  REQUIRE(r.summary().rejected.size() == 1);
  CHECK(r.summary().rejected[0].line == 2u);
  CHECK_THAT(r.summary().rejected[0].reason, Contains("UTF-8"));
  REQUIRE(r.log.events.size() == 1);
  CHECK(text(r.log, r.log.events[0].title) == "Caf\xC3\xA9");
  r.check_counts_add_up();
}

TEST_CASE("problems with the file as a whole are diagnostics, not rejected rows", "[csv][file]") {
  SECTION("an empty file") {
    const read_result r = read("");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), StartsWith("test.csv: error:"));
    CHECK_THAT(r.rendered(), Contains("empty"));
    CHECK(r.log.events.empty());
    CHECK(r.summary().rows_read == 0u);
  }
  SECTION("a file of blank lines is empty") {
    const read_result r = read("\n\n  \n");
    CHECK(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("empty"));
  }
  SECTION("a file with only a byte order mark is empty") {
    const read_result r = read("\xEF\xBB\xBF");
    CHECK(r.diags.size() == 1);
  }
  SECTION("no body column") {
    const read_result r = read("committee,date\nAudit Committee,2026-02-10\n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("test.csv:1"));
    CHECK_THAT(r.rendered(), Contains("'body'"));
    CHECK(r.log.events.empty());
    CHECK(r.summary().rows_read == 0u);
  }
  SECTION("no date column") {
    const read_result r = read("body,when\nAudit Committee,2026-02-10\n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("'date'"));
    CHECK(r.log.events.empty());
  }
  SECTION("a column named twice, whatever its case") {
    const read_result r = read("body,date,Date\nAudit Committee,2026-02-10,2026-02-11\n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("'date'"));
    CHECK_THAT(r.rendered(), Contains("twice"));
    CHECK(r.log.events.empty());
  }
  SECTION("a header with no rows is a valid, empty log") {
    const read_result r = read("body,date\n");
    CHECK(r.diags.empty());
    CHECK(r.log.events.empty());
    CHECK(r.summary().rows_read == 0u);
    r.check_counts_add_up();
  }
}

TEST_CASE("rows read, used and rejected always add up", "[csv][rejected]") {
  const read_result r = read(
      "body,date,status\n"
      "A,2026-01-01,held\n"
      "B,2026-01-02,cancelled\n"
      "C,2026-01-32,held\n"
      "D,2026-01-03,gone\n"
      "\n"
      "E,2026-01-04\n"
      ",,\n"
      "F,2026-01-05,scheduled\n");
  CHECK(r.summary().rows_read == 7u);
  CHECK(r.summary().rows_used == 3u);
  CHECK(r.summary().rejected.size() == 4u);
  r.check_counts_add_up();
}

TEST_CASE("quoted header names and repeated unknown columns are fine", "[csv]") {
  const event_log log = csv_log("\"notes\",\"Body\",\"notes\",\"date\"\nx,Audit Committee,y,2026-02-10\n");
  REQUIRE(log.events.size() == 1);
  CHECK(text(log, log.events[0].body) == "Audit Committee");
  CHECK(log.events[0].day == d("2026-02-10"));
}

TEST_CASE("a report row needs `to`, other kinds do not", "[csv]") {
  const read_result r = read(
      "body,date,kind,to\n"
      "Board,2026-02-10,report,Full Council\n"
      "Board,2026-02-11,report,  \n"
      "Board,2026-02-12,session,\n");
  REQUIRE(r.summary().rejected.size() == 1);
  CHECK(r.summary().rejected[0].line == 3u);
  REQUIRE(r.log.events.size() == 2);
  CHECK(r.log.events[0].kind == event_kind::report);
  CHECK(r.log.events[1].kind == event_kind::session);
  r.check_counts_add_up();
}

namespace {

// A log file on disk, removed when the test ends.
struct log_on_disk {
  std::string path;
  explicit log_on_disk(const std::string& content) {
    path = (std::filesystem::temp_directory_path() / fmt::format("remit-csv-test-{}.csv", ::getpid())).string();
    std::ofstream(path, std::ios::binary) << content;
  }
  ~log_on_disk() { std::filesystem::remove(path); }
};

// About 20 MB of rows: more blocks than the reader keeps (scanned_file::blocks_kept), with
// quoted fields, a line feed inside quotes and a row that cannot be read, here and there.
std::string many_blocks_of_rows() {
  std::string csv = "council,body,date,kind,status,title,published,items\n";
  for (int i = 0; csv.size() < (std::size_t{20} << 20); ++i) {
    const date day = d("2010-01-04").plus_days(i / 50);
    if (i % 9973 == 0)
      csv += fmt::format("Council {},Body {},{},meeting,held,\"A title, with a comma\nand a line feed\",,\n", i % 7, i % 500, day);
    else if (i % 10007 == 0)
      csv += fmt::format("Council {},Body {},2026-02-30,meeting,held,,,\n", i % 7, i % 500);
    else
      csv += fmt::format("Council {},Body {},{},{},{},,{},Minutes;Forward Plan\n", i % 7, i % 500, day,
                         i % 13 ? "meeting" : "session", i % 17 ? "held" : "cancelled", day.plus_days(-(i % 15)));
  }
  return csv;
}

}  // namespace

TEST_CASE("a log read from disk in many blocks: every row as read from memory, and the digest of every byte",
          "[csv][file]") {
  const std::string csv = many_blocks_of_rows();
  const log_on_disk file(csv);
  event_log streamed;
  diagnostics diags;
  read_log_file(file.path, streamed, diags);
  CHECK(diags.empty());
  const read_result whole = read(csv);
  REQUIRE(streamed.files.size() == 1);
  CHECK(streamed.files[0].sha256 == sha256_hex(csv));
  CHECK(streamed.files[0].rows_read == whole.summary().rows_read);
  CHECK(streamed.files[0].rows_used == whole.summary().rows_used);
  REQUIRE(streamed.files[0].rejected.size() == whole.summary().rejected.size());
  CHECK(streamed.files[0].rejected.size() > 5);
  for (std::size_t i = 0; i < whole.summary().rejected.size(); ++i)
    CHECK(streamed.files[0].rejected[i].line == whole.summary().rejected[i].line);
  REQUIRE(streamed.events.size() == whole.log.events.size());
  for (std::size_t i = 0; i < streamed.events.size(); ++i) {
    const event &a = streamed.events[i], &b = whole.log.events[i];
    if (a.day != b.day || a.published != b.published || a.kind != b.kind || a.status != b.status || a.line != b.line ||
        text(streamed, a.body) != text(whole.log, b.body) || text(streamed, a.title) != text(whole.log, b.title)) {
      FAIL("event " << i << " (line " << b.line << ") differs when read from disk");
    }
  }
}

TEST_CASE("a line over the limit deep in a log on disk is named by its number, whatever block it ends in",
          "[csv][file]") {
  // With the digest or without it (a report that shows no manifest): the lines are measured either way.
  const file_digests digests = GENERATE(file_digests::taken, file_digests::skipped);
  std::string csv = many_blocks_of_rows();
  const std::size_t line = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) + 1;
  csv += "Council 1,Body 1,2020-01-01,meeting,held," + std::string(std::size_t{9} << 20, 'x') + ",,\n";
  csv += "Council 1,Body 1,2020-01-02,meeting,held,,,\n";
  const log_on_disk file(csv);
  set_limit("line-length=8M");
  event_log log;
  diagnostics diags;
  read_log_file(file.path, log, diags, digests);
  reset_limits();
  std::ostringstream out;
  diags.render(out);
  REQUIRE(diags.size() == 1);
  CHECK_THAT(out.str(), Contains(fmt::format("{}:{}:", file.path, line)));
  CHECK_THAT(out.str(), Contains("long"));
}

TEST_CASE("a log read without its digest gives the same rows and no digest", "[csv][file]") {
  const std::string csv = many_blocks_of_rows();
  const log_on_disk file(csv);
  event_log digested, plain;
  diagnostics diags;
  read_log_file(file.path, digested, diags);
  read_log_file(file.path, plain, diags, file_digests::skipped);
  CHECK(diags.empty());
  REQUIRE(plain.files.size() == 1);
  CHECK(plain.files[0].sha256.empty());
  CHECK(digested.files[0].sha256 == sha256_hex(csv));
  CHECK(plain.files[0].rows_used == digested.files[0].rows_used);
  CHECK(plain.files[0].rejected.size() == digested.files[0].rejected.size());
  CHECK(plain.events.size() == digested.events.size());
}

TEST_CASE("rows split sixteen bytes at a time are the rows read a byte at a time", "[csv][quoting]") {
  // Separators, line ends, quotes, carriage returns, NUL and non-ASCII bytes on either side of
  // each sixteen-byte boundary: the fast split must take exactly the rows it can and leave the
  // rest, as they were, to the general one (which a file read a byte at a time goes through).
  std::vector<std::string> rows;
  for (std::size_t at = 10; at < 40; ++at)
    for (const std::string& special : std::vector<std::string>{",", "\n", "\"", "\r", std::string(1, '\0'), "\xC3\xA9", ",,", ""})
      rows.push_back(std::string(at, 'a') + special + "b,c");
  std::string text = "body,date,title\n";
  for (const std::string& row : rows) text += row + "\n";
  text += "x,y,\"quoted, with \"\"quotes\"\" and\na line feed\"\nlast,row,without line end";
  std::FILE* file = fmemopen(text.data(), text.size(), "rb");
  REQUIRE(file);
  csv_records whole(text), bytewise(file, 1);
  csv_records::record a, b;
  std::size_t records = 0;
  while (true) {
    const bool more = whole.next(a);
    REQUIRE(more == bytewise.next(b));
    if (!more) break;
    ++records;
    INFO("line " << a.line);
    CHECK(a.line == b.line);
    CHECK(a.fields == b.fields);
    CHECK(a.problem == b.problem);
  }
  std::fclose(file);
  CHECK(records > rows.size());
}

// A repeated row that records another agenda publication date: which row comes first must not
// decide whether a notice rule is met.
TEST_CASE("a repeated row: its publication date is the meeting's, and two that differ are none", "[csv][repeats]") {
  const auto kept_published = [](const std::string& csv, std::string& note) {
    event_log log = csv_log(csv);
    count_repeated_rows_once(log);
    REQUIRE(log.events.size() == 1);
    REQUIRE(log.files[0].notes.size() == 1);
    note = log.files[0].notes[0].text;
    return log.events[0].published;
  };
  const std::string header = "body,date,kind,status,published\n";
  const std::string early = "Board,2024-06-14,meeting,held,2024-06-01\n", late = "Board,2024-06-14,meeting,held,2024-06-12\n",
                    none = "Board,2024-06-14,meeting,held,\n";
  std::string note;
  CHECK(kept_published(header + early + late, note) == no_date);
  CHECK_THAT(note, Contains("differs from that row's, 2024-06-01: the records cannot tell which"));
  CHECK(kept_published(header + late + early, note) == no_date);
  CHECK_THAT(note, Contains("differs from that row's, 2024-06-12"));
  CHECK(kept_published(header + none + late, note) == d("2024-06-12"));
  CHECK_THAT(note, Contains("its agenda publication date, 2024-06-12, is the meeting's"));
  CHECK(kept_published(header + late + none, note) == d("2024-06-12"));
  CHECK_THAT(note, Catch::Matchers::EndsWith("counted once"));
}
