// What reports are drawn from beside the results (audit_report::bodies), the red/amber/green
// summary of a body (report/body_summary.hpp), the timeline's marks (report/timeline_svg.hpp), and
// the findings report's rows, written without wording a finding.
#include <atomic>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "report/reporter.hpp"

#include "report/body_summary.hpp"
#include "report/timeline_svg.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::audit;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const std::string two_bodies = R"(waive 1 from 2025-01-01 to 2025-03-31 because "pre-election period"
waive 9 from 2025-01-01 to 2025-03-31 because "only Panel has a clause 9"
body "Board" {
  1 meets every 1 month
  2 each meeting has item "Forward Plan"
}
body "Panel" {
  1 meets quarterly
  9 meets annually
  waive 1 from 2025-07-01 to 2025-09-30 because "summer recess"
}
)";

const std::string board_log = "body,date,kind,status,title,items\n"
                        "Board,2024-12-01,meeting,held,Before the window,Forward Plan\n"
                        "Board,2025-01-10,meeting,held,January,Forward Plan\n"
                        "Board,2025-03-20,meeting,held,March,Minutes\n"
                        "Board,2025-04-15,meeting,cancelled,April,\n"
                        "Board,2025-05-01,session,held,Briefing,\n"
                        "Board,2025-05-20,meeting,held,May,\n"
                        "Panel,2025-02-01,meeting,held,Panel,\n";

}  // namespace

TEST_CASE("bodies: each audited body with its rules, its events in the window and its waivers", "[reports]") {
  const auto r = audit(two_bodies, board_log, "2025-01-01", "2025-06-30");
  REQUIRE(r.report.bodies.size() == 2);
  const audited_body& board = r.report.bodies[0];
  CHECK(board.name == "Board");
  CHECK(board.first_result == 0);
  CHECK(board.rule_count == 2);
  CHECK(r.report.results_of(board)[1].statement->label == "2");
  REQUIRE(board.events.size() == 5);  // the December meeting is before the window
  CHECK(to_iso(board.events.front().day) == "2025-01-10");
  CHECK(board.events[2].status == event_status::cancelled);
  CHECK_FALSE(board.events[2].held);
  CHECK(board.events[3].kind == event_kind::session);
  // The file's waiver for clause 1; not the one for clause 9, which only the Panel has.
  REQUIRE(board.waivers.size() == 1);
  CHECK(board.waivers[0].reason == "pre-election period");

  const audited_body& panel = r.report.bodies[1];
  CHECK(panel.first_result == 2);
  CHECK(panel.rule_count == 2);
  REQUIRE(panel.waivers.size() == 3);  // its own first, then the file's
  CHECK(panel.waivers[0].reason == "summer recess");
  CHECK(panel.waivers[1].reason == "pre-election period");
  CHECK(panel.waivers[2].reason == "only Panel has a clause 9");
}

TEST_CASE("body summary: red with a breach, the worst finding the latest breach", "[reports]") {
  const auto r = audit(two_bodies, board_log, "2025-01-01", "2025-06-30");
  const body_summary board = summarise(r.report, r.report.bodies[0]);
  CHECK(board.status == rag::red);
  CHECK(board.count(rule_status::breach) == 2);
  REQUIRE(board.worst.has_value());
  // Clause 1, from the December meeting: two waived links (due 2025-01-01 and 2025-02-10), a breach
  // 30 days late (due 2025-04-20, met 2025-05-20) and one still open at the window's end (due
  // 2025-06-20, 10 days); clause 2: March lacks the item (a breach, 0 days late), May records none.
  CHECK(board.worst->status == finding_status::breach);
  CHECK(to_iso(board.worst->due) == "2025-04-20");
  CHECK(days_late(*board.worst, *board.worst_rule, r.report.window) == 30);
  CHECK(board.worst_rule->statement->label == "1");
}

TEST_CASE("body summary: amber for waived or unproven, green when met, grey when nothing fell due", "[reports]") {
  const auto amber = audit("waive 1 from 2025-01-01 to 2025-12-31 because \"recess\"\nbody \"Board\" {\n1 meets every 1 month\n}\n",
                           "body,date\nBoard,2025-01-10\nBoard,2025-03-20\n", "2025-01-01", "2025-03-31");
  CHECK(summarise(amber.report, amber.report.bodies[0]).status == rag::amber);
  const auto green = audit("body \"Board\" {\n1 meets every 2 months\n}\n", "body,date\nBoard,2025-01-10\nBoard,2025-03-01\n",
                           "2025-01-01", "2025-03-31");
  CHECK(summarise(green.report, green.report.bodies[0]).status == rag::green);
  CHECK_FALSE(summarise(green.report, green.report.bodies[0]).worst.has_value());
  const auto grey = audit("body \"Board\" {\n1 meets annually\n}\n", "body,date\nBoard,2025-01-10\n", "2025-01-01", "2025-03-31");
  CHECK(summarise(grey.report, grey.report.bodies[0]).status == rag::grey);
  CHECK(overall(green.report) == rag::green);
}

TEST_CASE("days late: the late event, or the window's end for what is still open, or its version's last day, none for periods",
          "[reports]") {
  const audit_window w{test::d("2025-01-01"), test::d("2025-06-30")};
  const rule_result r;  // unversioned
  finding late{finding_status::breach, test::d("2025-04-20"), test::d("2025-05-20"), {}, {}, {}, {}, ""};
  CHECK(days_late(late, r, w) == 30);
  finding open{finding_status::breach, test::d("2025-06-20"), std::nullopt, {}, {}, {}, {}, ""};
  CHECK(days_late(open, r, w) == 10);
  finding period{finding_status::breach, test::d("2025-03-31"), std::nullopt, {}, test::d("2025-01-01"),
                 test::d("2025-03-31"), {}, ""};
  CHECK_FALSE(days_late(period, r, w).has_value());
  finding unproven{finding_status::no_evidence, test::d("2025-03-31"), std::nullopt, {}, {}, {}, {}, ""};
  CHECK_FALSE(days_late(unproven, r, w).has_value());
  // Open when a version of the rules ended on 2025-03-31: late to that day, not to the window's end.
  rule_result until_march;
  until_march.version = version_span{std::nullopt, test::d("2025-03-31")};
  finding open_then{finding_status::breach, test::d("2025-03-01"), std::nullopt, {}, {}, {}, {}, ""};
  CHECK(days_late(open_then, until_march, w) == 30);
  CHECK(days_late(open_then, r, w) == 121);
}

TEST_CASE("timeline: a mark per event and per finding due in the window, bands for waivers and periods", "[reports]") {
  const auto r = audit(two_bodies, board_log, "2025-01-01", "2025-06-30");
  const std::string board = timeline_svg(r.report, r.report.bodies[0], "b1");
  CHECK(occurrences(board, "<circle class=\"tl-held\"") == 3);        // January, March, May
  CHECK(occurrences(board, "<g class=\"tl-cancelled\"") == 1);        // April
  CHECK(occurrences(board, "<rect class=\"tl-session\"") == 1);
  CHECK(occurrences(board, "class=\"tl-mark tl-breach\"") == 3);      // clause 1 twice, clause 2 once
  CHECK(occurrences(board, "class=\"tl-mark tl-waived\"") == 2);
  CHECK(occurrences(board, "class=\"tl-mark tl-no-evidence\"") == 1);  // May's agenda is not recorded
  CHECK(occurrences(board, "<rect class=\"tl-waiver\"") == 1);        // clause 1's lane only
  CHECK(occurrences(board, "<rect class=\"tl-late tl-breach\"") == 2);  // late to May, open at the end
  CHECK(occurrences(board, "<rect class=\"tl-late tl-waived\"") == 2);
  CHECK(board.find("<title>waiver for clause 1 from 2025-01-01 to 2025-03-31: pre-election period</title>") !=
        std::string::npos);
  CHECK(board.find("id=\"b1-hatch-breach\"") != std::string::npos);

  const std::string panel = timeline_svg(r.report, r.report.bodies[1], "b2");
  CHECK(occurrences(panel, "<rect class=\"tl-period tl-breach\"") == 1);  // no meeting April to June
  CHECK(panel.find("b1-") == std::string::npos);
}

TEST_CASE("timeline: text from the input is escaped in titles and lane names", "[reports]") {
  const auto r = audit("body \"<b>&\\\"'\" {\nx)-y meets every 1 month\n}\n",
                       "body,date,title\n\"<b>&\"\"'\",2025-01-10,<script>alert(1)</script>\n", "2025-01-01", "2025-03-31");
  const std::string svg = timeline_svg(r.report, r.report.bodies.at(0), "b1");
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("Timeline of &lt;b&gt;&amp;&quot;&#39;") != std::string::npos);
  CHECK(svg.find("x)-y gap") != std::string::npos);  // the lane: clause and kind
  CHECK(svg.find("clause x)-y (breach): meets every 1 month") != std::string::npos);
}

TEST_CASE("timeline: a lane for each clause and kind with findings, one for the rest, numbered marks, names never cut",
          "[reports]") {
  const auto r = audit("body \"Board\" {\n"
                       "  4.1 has member \"Chair\"\n  4.1 has member \"Vice-Chair\"\n"
                       "  5.1 meets every 1 month\n  5.2 meets every 70 days\n  5.3 meets every 70 days\n"
                       "  a-clause-label-of-thirty-characters meets every 1 month\n}\n",
                       "body,date\nBoard,2025-01-10\nBoard,2025-03-20\n", "2025-01-01", "2025-03-31");
  const std::string svg = timeline_svg(r.report, r.report.bodies.at(0), "b1");
  // The two membership rules of 4.1 share a lane, the two quiet rules another.
  CHECK(svg.find("4.1 membership (2") != std::string::npos);
  CHECK(svg.find(">2 rules met throughout<") != std::string::npos);
  // A long name wraps over lines (tspans), every word kept.
  CHECK(svg.find(">a-clause-label-of-thirty-characters<") != std::string::npos);
  CHECK(svg.find("\u2026") == std::string::npos);
  // Each finding's mark is numbered, and the list under the chart gives each number's date.
  const std::string marks = timeline_marks_html(r.report, r.report.bodies.at(0));
  CHECK(marks.find("<li value=\"1\"><b>") != std::string::npos);
  CHECK(svg.find("class=\"tl-number\"") != std::string::npos);
  CHECK(marks.find("clause 5.1 breach: meets every 1 month") != std::string::npos);
}

TEST_CASE("threads: the bodies judged side by side give the report judged one by one, byte for byte", "[reports]") {
  // 300 bodies, each with its own cadence and lapses, so that every share of the work has
  // findings of every rule; far more than the 64 bodies a share needs before a thread is used.
  std::string csv = "council,body,date,status,published\n";
  for (int b = 0; b < 300; ++b)
    for (date day = test::d("2024-01-03").plus_days(b % 7); day <= test::d("2025-12-31");
         day = day.plus_days(30 + (b * 7 + day.days) % 50))
      csv += fmt::format("Council {},Body {:03},{},{},{}\n", b % 5, b, day, (day.days + b) % 13 ? "held" : "cancelled",
                         day.plus_days(-((day.days % 9) + 1)));
  const auto file = test::rules(R"(body * {
  1 meets every 2 months
  2 meets quarterly
  3 meets at least 6 times a year
  4 agenda published at least 5 clear working days before each meeting
})");
  const event_log log = test::csv_log(csv);
  const std::vector<ast::rule_file> files{file};
  const audit_window window{test::d("2024-01-01"), test::d("2025-12-31")};
  const auto rendered = [&](unsigned threads) {
    diagnostics diags;
    const audit_report report = run_audit(files, log, window, diags, true, threads);
    REQUIRE(diags.empty());
    std::ostringstream out;
    make_json_reporter({})->write(report, out);
    return std::pair{out.str(), report.results.size()};
  };
  const auto [one, results] = rendered(1);
  CHECK(results == 300 * 4);
  CHECK(occurrences(one, "\"status\": \"breach\"") > 300);
  CHECK(rendered(2).first == one);
  CHECK(rendered(3).first == one);
}

namespace {

// Counts the findings put into words: the findings report must word none.
struct counting_writer final : finding_writer {
  mutable std::atomic<int> calls = 0;  // the csv report words its rows on every core
  std::string words(const finding& f) const override {
    ++calls;
    return f.message;
  }
};

}  // namespace

TEST_CASE("findings: the csv report's keys and dates, a row per finding, none for a rule without one, none worded",
          "[reports]") {
  auto r = audit("council \"=Awkward, Council\"\n" + two_bodies, board_log, "2025-01-01", "2025-06-30");
  // Held compact, as a streamed audit holds them, each worded only when a report asks.
  const auto writer = std::make_shared<counting_writer>();
  for (rule_result& result : r.report.results) {
    std::vector<compact_finding> compact;
    for (const finding& f : result.findings) compact.emplace_back(f);
    result.findings = finding_list(std::move(compact), writer);
  }
  std::ostringstream out;
  make_findings_reporter({})->write(r.report, out);
  CHECK(writer->calls == 0);
  // The council defused and quoted as the csv report has it; Panel's clause 9 (not due) has no row.
  CHECK(out.str() ==
        "council,body,rule_file,line,clause,finding_status,due,date,meeting,period_start,period_end,found,days_late\n"
        "\"'=Awkward, Council\",Board,test.remit,5,1,waived,2025-01-01,2025-01-10,,,,,9\n"
        "\"'=Awkward, Council\",Board,test.remit,5,1,waived,2025-02-10,2025-03-20,,,,,38\n"
        "\"'=Awkward, Council\",Board,test.remit,5,1,breach,2025-04-20,2025-05-20,,,,,30\n"
        "\"'=Awkward, Council\",Board,test.remit,5,1,breach,2025-06-20,,,,,,10\n"
        "\"'=Awkward, Council\",Board,test.remit,6,2,breach,2025-03-20,2025-03-20,2025-03-20,,,,\n"
        "\"'=Awkward, Council\",Board,test.remit,6,2,no-evidence,2025-05-20,2025-05-20,2025-05-20,,,,\n"
        "\"'=Awkward, Council\",Panel,test.remit,9,1,breach,2025-06-30,,,2025-04-01,2025-06-30,,\n");
  // The csv report words each finding: the count is of something.
  std::ostringstream csv;
  make_csv_reporter({})->write(r.report, csv);
  CHECK(writer->calls == 7);
}
