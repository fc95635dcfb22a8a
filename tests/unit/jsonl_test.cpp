// JSON Lines logs (docs/inputs.md, "JSON Lines"): the fields of the CSV, one object per line; a
// line that cannot be read is rejected with its number, and the others are used.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_files.hpp"
#include "inputs/reader.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::d;
using remit::test::fixture;
using Catch::Matchers::Contains;

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
  std::vector<std::string> reasons() const {
    std::vector<std::string> out;
    for (const auto& r : summary().rejected) out.push_back(std::to_string(r.line) + ": " + r.reason);
    return out;
  }
};

read_result read(std::string_view text) {
  read_result r;
  r.log.files.push_back({"test.jsonl", "jsonl", 0, 0, {}});
  jsonl_log_reader.read(text, r.log, r.log.files.back(), r.diags);
  return r;
}

std::string text(const event_log& log, string_pool::id id) { return std::string(log.strings.text(id)); }

std::vector<std::string> items(const event_log& log, const event& e) {
  std::vector<std::string> out;
  for (string_pool::id i : log.items_of(e)) out.emplace_back(log.strings.text(i));
  return out;
}

std::vector<std::string> attendees(const event_log& log, std::uint32_t e) {
  std::vector<std::string> out;
  for (const attendance& a : log.attendance_of(e))
    out.push_back(text(log, a.person) + " | " + text(log, a.role) + " | " + std::string(name(a.status)));
  return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("the JSON Lines fixture: every field, in both forms", "[jsonl]") {
  event_log log;
  diagnostics diags;
  read_log_files({fixture("jsonl/corporate-parenting-board.jsonl")}, log, diags);
  REQUIRE(diags.empty());
  const log_file_summary& f = log.files[0];
  CHECK(f.format == "jsonl");
  CHECK(f.rows_read == 6u);  // the blank line is not a row
  CHECK(f.rows_used == 6u);
  CHECK(f.rejected.empty());
  REQUIRE(log.events.size() == 6);

  const event& first = log.events[0];
  CHECK(text(log, first.council) == "Example Borough Council");
  CHECK(text(log, first.body) == "Corporate Parenting Board");
  CHECK(first.day == d("2025-05-14"));
  CHECK(first.status == event_status::held);
  CHECK(first.published == d("2025-05-06"));
  CHECK(text(log, first.ref) == "2101");
  CHECK(items(log, first) == strings{"Apologies", "Minutes of the last meeting", "Voice of the Child", "Forward Plan"});
  CHECK(attendees(log, 0) == strings{"Cllr Amina Shah | Chair | present", "Cllr Tom O'Neill | Vice-Chair | apologies",
                                     "Cllr Ruth Evans | Committee Member | substitute",
                                     "Director of Children's Services |  | in attendance"});
  CHECK(first.line == 1u);

  const event& session = log.events[1];
  CHECK(session.kind == event_kind::session);
  CHECK(items(log, session) == strings{"Draft agenda", "Children in Care Council feedback"});

  const event& july = log.events[2];
  CHECK(july.line == 4u);  // line 3 is blank
  CHECK(items(log, july) == strings{"Apologies", "Minutes; matters arising", "Sufficiency Strategy", "Forward Plan"});
  CHECK(attendees(log, 2) == strings{"Cllr Amina Shah | Chair | present virtually", "Cllr Tom O'Neill | Vice-Chair | present"});

  CHECK(log.events[3].kind == event_kind::report);
  CHECK(text(log, log.events[3].to) == "Cabinet");
  CHECK(log.events[4].status == event_status::cancelled);
  CHECK(log.events[5].status == event_status::confirmed);
}

TEST_CASE("defaults and ignored keys are as in the CSV", "[jsonl]") {
  const read_result r = read("{\"body\": \"Board\", \"date\": \"2026-02-10\", \"minute_ref\": \"M1\", \"title\": null}\n");
  CHECK(r.diags.empty());
  REQUIRE(r.log.events.size() == 1);
  const event& e = r.log.events[0];
  CHECK(e.kind == event_kind::meeting);
  CHECK(e.status == event_status::held);
  CHECK(e.title == 0u);
  CHECK(e.items_count == 0u);
  CHECK(e.published == no_date);
}

TEST_CASE("CRLF line ends and a byte order mark are read", "[jsonl]") {
  const read_result r = read("\xEF\xBB\xBF{\"body\": \"Board\", \"date\": \"2026-02-10\"}\r\n{\"body\": \"Board\", \"date\": \"2026-03-10\"}\r\n");
  CHECK(r.diags.empty());
  REQUIRE(r.log.events.size() == 2);
  CHECK(r.log.events[1].line == 2u);
}

TEST_CASE("a line that cannot be read is rejected with its number and reason", "[jsonl][rejected]") {
  const read_result r = read(
      "{\"body\": \"Board\", \"date\": \"2026-02-10\"}\n"                      // 1 ok
      "{\"body\": \"Board\", \"date\": \"2026-02-30\"}\n"                      // 2
      "{\"body\": \"Board\" \"date\": \"2026-02-10\"}\n"                       // 3
      "[\"Board\", \"2026-02-10\"]\n"                                          // 4
      "{\"body\": \"Board\", \"date\": 20260210}\n"                            // 5
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"date\": \"2026-02-11\"}\n"  // 6
      "{\"date\": \"2026-02-10\"}\n"                                           // 7
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"items\": {\"a\": 1}}\n"     // 8
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"items\": [\"a\", 2]}\n"     // 9
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"attendees\": [{\"name\": \"Jo\", \"attendance\": \"here\"}]}\n"  // 10
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"attendees\": [{\"role\": \"Chair\", \"attendance\": \"present\"}]}\n"  // 11
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"attendees\": \"Jo\"}\n"    // 12
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"status\": \"adjourned\"}\n"  // 13
      "{\"body\": \"Board\", \"date\": \"2026-02-10\", \"kind\": \"report\"}\n"       // 14
      "{\"body\": \"Caf\xE9\", \"date\": \"2026-02-10\"}\n"                          // 15
      "{\"body\": \"Board\", \"date\": \"2026-03-10\"}\n");                          // 16 ok
  CHECK(r.diags.empty());
  CHECK(r.reasons() ==
        strings{
            "2: date: '2026-02-30' is not a date: February 2026 has no day 30",
            "3: not valid JSON at column 23: syntax error while parsing object - unexpected string literal; expected '}'",
            "4: expected a JSON object, got a list",
            "5: 'date' must be a string, got a number",
            "6: key 'date' appears twice",
            "7: missing body",
            "8: 'items' must be a list of strings or objects, got an object",
            "9: 'items' must be a list of strings or objects, but holds a number",
            "10: attendees: unknown attendance 'here' for 'Jo': expected present, present virtually, substitute, substitute "
            "virtually, in attendance, in attendance virtually, apologies, absent or expected",
            "11: attendees: entry 1 has no \"name\"",
            "12: attendees: 'Jo' needs its attendance in brackets, as in 'Jo (present)'",
            "13: unknown status 'adjourned': expected held, cancelled, postponed, scheduled or confirmed",
            "14: a report needs 'to': the body it went to",
            "15: the line is not valid UTF-8 text",
        });
  CHECK(r.summary().rows_read == 16u);
  CHECK(r.summary().rows_used == 2u);
  REQUIRE(r.log.events.size() == 2);
  CHECK(r.log.events[1].line == 16u);
  CHECK(r.log.attendances.empty());
}

TEST_CASE("dates day first are read as in the CSV, and a US date is rejected with its reason", "[jsonl][dates]") {
  const read_result r = read(
      "{\"body\": \"Board\", \"date\": \"10/02/2026\", \"published\": \"3/2/2026\"}\n"
      "{\"body\": \"Board\", \"date\": \"02/13/2026\"}\n");
  REQUIRE(r.log.events.size() == 1);
  CHECK(r.log.events[0].day == test::d("2026-02-10"));
  CHECK(r.log.events[0].published == test::d("2026-02-03"));
  REQUIRE(r.reasons().size() == 1);
  CHECK_THAT(r.reasons()[0], Catch::Matchers::StartsWith("2: date: '02/13/2026' is not a date: there is no month 13 "));
  CHECK_THAT(r.reasons()[0], Catch::Matchers::Contains("month first, as in the US, it would be 13 February 2026"));
}

TEST_CASE("problems with the whole file are diagnostics", "[jsonl][file]") {
  SECTION("empty") {
    const read_result r = read("\n \n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("test.jsonl: error: the file is empty"));
  }
  SECTION("a JSON list of events is not JSON Lines") {
    const read_result r = read("[\n {\"body\": \"Board\", \"date\": \"2026-02-10\"}\n]\n");
    REQUIRE(r.diags.size() == 1);
    CHECK_THAT(r.rendered(), Contains("test.jsonl:1: error: a JSON list, not JSON Lines"));
    CHECK(r.log.events.empty());
  }
}

TEST_CASE("JSON Lines is told apart by its name or its first character", "[jsonl][claims]") {
  CHECK(jsonl_log_reader.claims("log.jsonl", ""));
  CHECK(jsonl_log_reader.claims("LOG.NDJSON", "body,date\n"));
  CHECK(jsonl_log_reader.claims("log.txt", "\n  {\"body\": \"Board\"}"));
  CHECK_FALSE(jsonl_log_reader.claims("log.csv", "body,date\n"));
  // Through the registry: a JSON Lines file is not read as CSV.
  event_log log;
  diagnostics diags;
  read_log_files({fixture("jsonl/corporate-parenting-board.jsonl")}, log, diags);
  CHECK(log.files[0].format == "jsonl");
}
