// Logs that stop early or start late (docs/language.md, "Logs that stop early"): Read first says
// so, once a body's logs fall silent for longer than its longest gap interval (and three months).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/text_parts.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::audit;

namespace {

const std::string every_two_months = "body \"Board\" {\n  1  meets every 2 months\n}\n";

std::vector<std::string> cautions(const std::string& rules, const std::string& csv, const char* from, const char* to) {
  return read_first(audit(rules, csv, from, to).report);
}

}  // namespace

TEST_CASE("stop early: a body whose last event is long before the window's end is said first", "[stop-early]") {
  const auto said = cautions(every_two_months, "body,date\nBoard,2025-01-10\nBoard,2025-03-05\n", "2025-01-01", "2025-12-31");
  REQUIRE(said.size() == 1);
  CHECK(said[0] == "the logs' last event for body \"Board\" is on 2025-03-05; the window runs to 2025-12-31: are the "
                   "logs up to date?");
}

TEST_CASE("stop early: three months of silence at the end is not yet worth saying", "[stop-early]") {
  // 2025-10-01 plus three months is 2026-01-01, after the window's end.
  CHECK(cautions(every_two_months, "body,date\nBoard,2025-01-10\nBoard,2025-10-01\n", "2025-01-01", "2025-12-31").empty());
  // 2025-09-30 plus three months is 2025-12-30, before it.
  CHECK(cautions(every_two_months, "body,date\nBoard,2025-01-10\nBoard,2025-09-30\n", "2025-01-01", "2025-12-31").size() ==
        1);
}

TEST_CASE("stop early: the longest gap interval plus grace is the measure when it is longer than three months",
          "[stop-early]") {
  const std::string rules = "body \"Board\" {\n  1  meets every 6 months with 10 days grace\n  2  meets every 2 months\n}\n";
  // 2025-06-25 plus six months and ten days is 2026-01-04: not said, though three months would be.
  CHECK(cautions(rules, "body,date\nBoard,2025-01-10\nBoard,2025-06-25\n", "2025-01-01", "2025-12-31").empty());
  // 2025-06-15 plus six months and ten days is 2025-12-25: said.
  CHECK(cautions(rules, "body,date\nBoard,2025-01-10\nBoard,2025-06-15\n", "2025-01-01", "2025-12-31").size() == 1);
}

TEST_CASE("stop early: an event after the window is the body's last event", "[stop-early]") {
  CHECK(cautions(every_two_months, "body,date\nBoard,2025-01-10\nBoard,2026-02-01\n", "2025-01-01", "2025-12-31").empty());
}

TEST_CASE("stop early: an event of any kind or status counts", "[stop-early]") {
  CHECK(cautions(every_two_months,
                 "body,date,kind,status\nBoard,2025-01-10,meeting,held\nBoard,2025-12-01,meeting,cancelled\n",
                 "2025-01-01", "2025-12-31")
            .empty());
}

TEST_CASE("stop early: a body whose first event is long after the window's start is said first", "[stop-early]") {
  const auto said = cautions(every_two_months, "body,date\nBoard,2025-06-01\nBoard,2025-12-01\n", "2025-01-01", "2025-12-31");
  REQUIRE(said.size() == 1);
  CHECK(said[0] == "the logs' first event for body \"Board\" is on 2025-06-01; the window starts on 2025-01-01: do the "
                   "logs start late?");
  // An event before the window is the body's first.
  CHECK(cautions(every_two_months, "body,date\nBoard,2024-11-01\nBoard,2025-06-01\nBoard,2025-12-01\n", "2025-01-01",
                 "2025-12-31")
            .empty());
}

TEST_CASE("stop early: both ends, in that order", "[stop-early]") {
  const auto said = cautions(every_two_months, "body,date\nBoard,2025-05-09\n", "2025-01-01", "2025-12-31");
  REQUIRE(said.size() == 2);
  CHECK(said[0] == "the logs' last event for body \"Board\" is on 2025-05-09; the window runs to 2025-12-31: are the "
                   "logs up to date?");
  CHECK(said[1] == "the logs' first event for body \"Board\" is on 2025-05-09; the window starts on 2025-01-01: do the "
                   "logs start late?");
}

TEST_CASE("stop early: a body with no record at all is said once, as no record", "[stop-early]") {
  const auto said = cautions(every_two_months, "body,date\nOther,2025-01-10\n", "2025-01-01", "2025-12-31");
  REQUIRE(said.size() == 1);
  CHECK(said[0].starts_with("the logs hold no record of body \"Board\""));
}

TEST_CASE("stop early: a window after today is read to today", "[stop-early]") {
  auto run = audit(every_two_months, "body,date\nBoard,2025-01-10\nBoard,2025-06-01\n", "2025-01-01", "2025-12-31");
  run.report.manifest.today = remit::test::d("2025-07-01");
  for (const std::string& s : read_first(run.report)) CHECK_FALSE(s.starts_with("the logs' last event"));
  run.report.manifest.today = remit::test::d("2025-10-01");
  const auto said = read_first(run.report);
  REQUIRE(said.size() == 2);
  CHECK(said[1] == "the logs' last event for body \"Board\" is on 2025-06-01; the window runs to 2025-12-31: are the "
                   "logs up to date?");
}
