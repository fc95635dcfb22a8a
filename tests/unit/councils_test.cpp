// Rows of other councils are left out and counted (docs/inputs.md, "Rows of other councils"), and a
// body the logs hold no record of is no-evidence, never a breach (docs/language.md, "No record at all").
#include <string>

#include <catch2/catch.hpp>

#include "core/text.hpp"
#include "inputs/councils.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::audit;
using remit::test::csv_log;
using Catch::Matchers::Contains;

namespace {

const std::string lancashire_rules =
    "council \"Lancashire County Council\"\nbody \"Corporate Parenting Board\" {\n  cadence  meets quarterly\n}\n";

std::size_t accounted(const log_file_summary& f) { return f.rows_used + f.rows_rejected + f.rows_left_out; }

}  // namespace

TEST_CASE("councils: rows of a misspelt council are left out, counted and hinted, and the body is no-evidence",
          "[councils]") {
  // Before: these rows vanished, the log said "3 used" and the board was in breach.
  const auto r = audit(lancashire_rules,
                       "council,body,date\n"
                       "Lancashire CC,Corporate Parenting Board,2025-01-15\n"
                       "Lancashire CC,Corporate Parenting Board,2025-04-16\n"
                       "Lancashire CC,Corporate Parenting Board,2025-07-16\n",
                       "2025-01-01", "2025-09-30");
  const log_file_summary& f = r.report.logs.at(0);
  CHECK(f.rows_read == 3);
  CHECK(f.rows_used == 0);
  CHECK(f.rows_left_out == 3);
  CHECK(accounted(f) == f.rows_read);
  REQUIRE(f.left_out.size() == 1);
  CHECK(f.left_out[0].reason == "council 'Lancashire CC', not 'Lancashire County Council'");
  CHECK(f.left_out[0].rows == 3);
  CHECK(f.left_out[0].lines == std::vector<std::uint32_t>{2, 3, 4});
  CHECK(f.left_out[0].hint == "likely an abbreviation of 'Lancashire County Council'");
  // The body has no record of its council: no-evidence, not a breach.
  const rule_result& res = r.only();
  CHECK(res.status == rule_status::no_evidence);
  REQUIRE(res.findings.size() == 1);
  CHECK(res.findings[0].status == finding_status::no_evidence);
  CHECK(to_iso(res.findings[0].due) == "2025-03-31");
  CHECK(res.findings[0].words() == "the logs hold no record of body \"Corporate Parenting Board\"");
  CHECK(r.report.bodies_without_events == std::vector<std::string>{"Corporate Parenting Board"});
  CHECK_FALSE(r.report.any_breach());
}

TEST_CASE("councils: the rule file's own council, spelt in any case, is used, and a row naming none belongs to every one",
          "[councils]") {
  const auto r = audit(lancashire_rules,
                       "council,body,date\n"
                       "lancashire  county council,Corporate Parenting Board,2025-01-15\n"
                       ",Corporate Parenting Board,2025-04-16\n"
                       "Lancashire County Council,Corporate Parenting Board,2025-07-16\n"
                       "Cumbria County Council,Corporate Parenting Board,2025-08-16\n",
                       "2025-01-01", "2025-09-30");
  const log_file_summary& f = r.report.logs.at(0);
  CHECK(f.rows_used == 3);
  CHECK(f.rows_left_out == 1);
  CHECK(accounted(f) == f.rows_read);
  REQUIRE(f.left_out.size() == 1);
  CHECK(f.left_out[0].hint.empty());
  CHECK(r.only().status == rule_status::pass);
}

TEST_CASE("councils: near misses are named for what they are", "[councils]") {
  const std::string wanted = "Lancashire County Council";
  CHECK(near_miss("Lancashire Conty Council", wanted) == "one letter from 'Lancashire County Council': likely a misspelling");
  CHECK(near_miss("Lancashire County-Council.", wanted) ==
        "the same as 'Lancashire County Council' but for spaces and punctuation: likely a misspelling");
  CHECK(near_miss("Lancashire CC", wanted) == "likely an abbreviation of 'Lancashire County Council'");
  // A Cyrillic a (U+0430) in place of the Latin one.
  CHECK(near_miss("L\xD0\xB0ncashire County Council", wanted) ==
        "character 2 is U+0430, a Cyrillic letter, where 'Lancashire County Council' has 'a': a look-alike from another "
        "script");
  CHECK(near_miss("Cumbria County Council", wanted).empty());
  CHECK(near_miss("Lancaster City Council", wanted).empty());
}

TEST_CASE("councils: a national extract is said in one line, a likely misspelling still on its own", "[councils]") {
  std::string csv = "council,body,date\n";
  for (int c = 0; c < 40; ++c)
    for (int k = 0; k < 3; ++k) csv += "Council " + std::to_string(1000 + c) + ",Board,2025-0" + std::to_string(k + 1) + "-10\n";
  csv += "Lancashire Countty Council,Corporate Parenting Board,2025-02-10\n";
  csv += "Lancashire County Council,Corporate Parenting Board,2025-02-11\n";
  const auto r = audit(lancashire_rules, csv, "2025-01-01", "2025-03-31");
  const log_file_summary& f = r.report.logs.at(0);
  CHECK(f.rows_read == 122);
  CHECK(f.rows_used == 1);
  CHECK(f.rows_left_out == 121);
  CHECK(accounted(f) == f.rows_read);
  REQUIRE(f.left_out.size() == 2);
  CHECK(f.left_out[0].reason == "council 'Lancashire Countty Council', not 'Lancashire County Council'");
  CHECK(f.left_out[0].lines == std::vector<std::uint32_t>{122});
  CHECK_THAT(f.left_out[0].hint, Contains("likely a misspelling"));
  CHECK(f.left_out[1].reason == "40 other councils, not 'Lancashire County Council'");
  CHECK(f.left_out[1].rows == 120);
  CHECK(f.left_out[1].lines == std::vector<std::uint32_t>{2, 3, 4, 5, 6});
  // Bodies of other councils are not "bodies in the logs that no rule file audits".
  CHECK(r.report.unaudited_bodies.empty());
}

TEST_CASE("no record: a body named nowhere in the logs is no-evidence with a did-you-mean, and events only outside the "
          "window are a record",
          "[councils][no-record]") {
  const std::string csv = "body,date\nAudit Committee,2025-02-10\nAudit Committee,2025-05-12\n";
  const auto typo = audit("body \"Audit Commitee\" {\n  1  meets quarterly\n  2  agenda published at least 5 clear "
                          "working days before each meeting\n}\n",
                          csv, "2025-01-01", "2025-12-31");
  REQUIRE(typo.report.results.size() == 2);
  const rule_result& meets = typo.report.results[0];
  CHECK(meets.status == rule_status::no_evidence);
  REQUIRE(meets.findings.size() == 1);
  CHECK(meets.findings[0].words() ==
        "the logs hold no record of body \"Audit Commitee\"; did you mean \"Audit Committee\"?");
  CHECK(to_iso(meets.findings[0].due) == "2025-03-31");
  // Nothing fell due for the notice rule (no meeting to give notice of): it stays not-due.
  CHECK(typo.report.results[1].status == rule_status::not_due);
  CHECK_FALSE(typo.report.any_breach());

  // Events before the window only: the body has a record, and its silence in the window is a breach.
  const auto before = audit("body \"Audit Committee\" {\n  1  meets quarterly\n}\n", csv, "2025-07-01", "2025-12-31");
  CHECK(before.only().status == rule_status::breach);
}

TEST_CASE("nearest_name: a few letters apart, fewer for a short name", "[text]") {
  const std::vector<std::string> known{"Audit Committee", "Cabinet", "Corporate Parenting Board"};
  CHECK(nearest_name("Audit Commitee", known) == "Audit Committee");
  CHECK(nearest_name("audit  COMMITTEE", known).empty());  // the name itself, folded: nothing to suggest
  CHECK(nearest_name("Cabnet", known) == "Cabinet");
  CHECK(nearest_name("Planning", known).empty());
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("L\xD0\xB0ncs", "Lancs") == 1);  // one code point, two bytes
}

TEST_CASE("edit_distance: two letters swapped are one edit when asked, two otherwise", "[text]") {
  CHECK(edit_distance("form", "from") == 2);
  CHECK(edit_distance("form", "from", swapped_letters::one_edit) == 1);
  CHECK(edit_distance("chekc", "check", swapped_letters::one_edit) == 1);
  CHECK(edit_distance("kitten", "sitting", swapped_letters::one_edit) == 3);  // no swap: as Levenshtein
  CHECK(edit_distance("", "due", swapped_letters::one_edit) == 3);
  CHECK(edit_distance("ca", "abc", swapped_letters::one_edit) == 3);  // a swapped pair is not edited again
  // The command line's "did you mean": --form is --from swapped, and "format" is two letters away.
  const std::vector<std::string> options{"log", "from", "to", "format", "output", "engine", "color"};
  CHECK(nearest_name("form", options) == "format");  // a tie at two, broken by the alphabet: why swaps count one
  CHECK(nearest_name("form", options, swapped_letters::one_edit) == "from");
  CHECK(nearest_name("xyz", options, swapped_letters::one_edit).empty());
}

TEST_CASE("as_typed: what a person typed, escaped and cut after 32 characters", "[text]") {
  CHECK(as_typed("four") == "four");
  CHECK(as_typed(std::string(300, '9')) == std::string(32, '9') + "...");
  CHECK(as_typed(std::string(32, '9')) == std::string(32, '9'));
  CHECK(as_typed("\x1b[2J") == "\\x1b[2J");
  CHECK(as_typed(std::string(31, 'a') + "\xC3\xA9\xC3\xA9") == std::string(31, 'a') + "\xC3\xA9...");  // never half a character
}

TEST_CASE("rejected rows: every one is counted, the first thousand are kept with their reasons", "[inputs][limits]") {
  // A log of bad rows once kept every reason: 40 MB of them took 2.4 GB.
  std::string csv = "body,date\nBoard,2025-01-10\n";
  for (int i = 0; i < 1500; ++i) csv += "Board,01/13/2025\n";
  const event_log log = csv_log(csv);
  const log_file_summary& f = log.files.at(0);
  CHECK(f.rows_read == 1501);
  CHECK(f.rows_used == 1);
  CHECK(f.rows_rejected == 1500);
  CHECK(f.rejected.size() == rejected_rows_listed);
  CHECK(f.rejected.front().line == 3);
  CHECK(f.rejected.back().line == 1002);
  CHECK(accounted(f) == f.rows_read);
  CHECK(log.rows_rejected() == 1500);
}
