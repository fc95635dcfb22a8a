// Advisory wording, severity, "informal meetings count" and versions of a body's rules
// (docs/language.md, "Advisory wording and severity", "Informal meetings" and "Versions"),
// each at its edges, through a whole audit.
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace remit;
using remit::test::audit;
using remit::test::rule_errors;
using Catch::Matchers::Contains;

namespace {

std::string iso(const std::optional<date>& x) { return x ? to_iso(*x) : "null"; }
std::string status(const rule_result& r) { return std::string(name(r.status)); }
std::string status(const finding& f) { return std::string(name(f.status)); }

std::string board(std::string_view statements) { return "body \"Board\" {\n" + std::string(statements) + "\n}\n"; }

// The results of one label, in report order.
std::vector<const rule_result*> of_label(const audit_report& r, std::string_view label) {
  std::vector<const rule_result*> out;
  for (const rule_result& x : r.results)
    if (x.statement->label == label) out.push_back(&x);
  return out;
}

}  // namespace

// ---- advisory and severity ----------------------------------------------------------------

TEST_CASE("advisory: what would be a breach is an advisory finding, and never a breach of the audit", "[modifiers]") {
  const auto r = audit(board("5.1 meets every 2 months, advisory \"The Board will usually meet bi-monthly\""),
                       "body,date\nBoard,2025-01-10\nBoard,2025-05-10\n", "2025-01-01", "2025-06-30");
  const rule_result& res = r.only();
  CHECK(status(res) == "advisory");
  REQUIRE(res.findings.size() == 1);
  CHECK(status(res.findings[0]) == "advisory");
  CHECK(iso(res.findings[0].due) == "2025-03-10");
  CHECK(res.statement->modifiers.quote == std::optional<std::string>("The Board will usually meet bi-monthly"));
  CHECK_FALSE(r.report.any_breach());
  CHECK(r.report.count(rule_status::breach) == 0);
  CHECK(r.report.count(finding_status::advisory) == 1);
}

TEST_CASE("advisory: a met advisory clause passes, a waiver still waives, no-evidence stays no-evidence", "[modifiers]") {
  CHECK(status(audit(board("5.1 meets quarterly, advisory"), "body,date\nBoard,2025-02-10\n", "2025-01-01", "2025-03-31")
                   .only()) == "pass");
  const auto w = audit("body \"Board\" {\n  waive 5.1 from 2025-03-01 to 2025-03-31 because \"election\"\n"
                       "  5.1 meets every 1 month, advisory\n}\n",
                       "body,date\nBoard,2025-02-01\nBoard,2025-04-01\n", "2025-02-01", "2025-04-30");
  REQUIRE(w.only().findings.size() == 1);
  CHECK(status(w.only().findings[0]) == "waived");
  const auto n = audit(board("5.5 each meeting has item \"Forward Plan\", advisory"), "body,date\nBoard,2025-02-01\n",
                       "2025-01-01", "2025-03-31");
  CHECK(status(n.only()) == "no-evidence");
}

TEST_CASE("severity: a duty's severity is kept and does not change its status", "[modifiers]") {
  const auto r = audit(board("5.6 agenda published at least 5 days before each meeting, severity critical"),
                       "body,date,published\nBoard,2025-02-10,2025-02-09\n", "2025-01-01", "2025-03-31");
  CHECK(status(r.only()) == "breach");
  CHECK(r.only().statement->modifiers.severity == ast::severity::critical);
  CHECK(ast::severity_name(r.only().statement->modifiers) == "critical");
  CHECK(r.report.any_breach());
  const auto plain = remit::test::rules(board("5.6 meets monthly"));
  CHECK(ast::severity_name(plain.bodies[0].statements[0].modifiers) == "major");
}

TEST_CASE("modifiers: bad and contradictory modifiers are errors", "[modifiers]") {
  CHECK_THAT(rule_errors(board("5.1 meets monthly, urgent")),
             Contains("expected 'advisory', 'severity' or 'informal meetings count' after ',', got 'urgent'"));
  CHECK_THAT(rule_errors(board("5.1 meets monthly, severity high")),
             Contains("expected 'minor', 'major' or 'critical' after 'severity', got 'high'"));
  CHECK_THAT(rule_errors(board("5.1 meets monthly, informal meetings")), Contains("expected 'count' after 'informal meetings'"));
  CHECK_THAT(rule_errors(board("5.1 meets monthly, advisory, advisory")), Contains("'advisory' is written twice"));
  CHECK_THAT(rule_errors(board("5.1 meets monthly, advisory, severity minor")),
             Contains("an advisory statement has no severity"));
  CHECK_THAT(rule_errors(board("5.1 meets monthly, advisory \"\"")), Contains("the advisory quote is empty"));
  CHECK_THAT(rule_errors(board("6.2 reports quarterly to \"Cabinet\", informal meetings count")),
             Contains("'informal meetings count' does not apply to reports"));
  CHECK_THAT(rule_errors(board("v meets jointly with \"young people\" twice a year, informal meetings count")),
             Contains("already the meaning of 'meets jointly with'"));
  CHECK(rule_errors(board("5.1 meets monthly ,  severity minor ,informal meetings count")).empty());
}

// ---- informal meetings ----------------------------------------------------------------------

TEST_CASE("informal meetings count: held sessions count as meetings, only for the rule that says so", "[modifiers]") {
  const std::string log =
      "body,date,kind,status,published,items\nBoard,2025-01-10,meeting,held,2025-01-01,Minutes\n"
      "Board,2025-03-01,session,held,,Annual Report\nBoard,2025-03-05,session,cancelled,,\n"
      "Board,2025-05-10,meeting,held,2025-05-01,Minutes\n";
  const auto r = audit(board("a meets every 2 months, informal meetings count\nb meets every 2 months\n"
                             "c receives \"Annual Report\" annually, informal meetings count\n"
                             "d agenda published at least 5 days before each meeting, informal meetings count\n"
                             "e agenda published at least 5 days before each meeting"),
                       log, "2025-01-01", "2025-12-31");
  // a: 01-10 -> session 03-01 (due 03-10) -> 05-10 (due 05-01, 9 days late) -> open at T.
  const rule_result& a = *of_label(r.report, "a")[0];
  REQUIRE(a.findings.size() == 2);
  CHECK(iso(a.findings[0].due) == "2025-05-01");
  CHECK(iso(a.findings[0].on) == "2025-05-10");
  // b: the session does not count: 01-10 -> 05-10 is late against 03-10.
  const rule_result& b = *of_label(r.report, "b")[0];
  CHECK(iso(b.findings[0].due) == "2025-03-10");
  CHECK(status(*of_label(r.report, "c")[0]) == "pass");
  // d: the held session is a meeting whose agenda publication is not recorded; the cancelled one is not held.
  const rule_result& d = *of_label(r.report, "d")[0];
  CHECK(status(d) == "no-evidence");
  REQUIRE(d.findings.size() == 1);
  CHECK(iso(d.findings[0].meeting) == "2025-03-01");
  CHECK(status(*of_label(r.report, "e")[0]) == "pass");
}

// ---- versions ---------------------------------------------------------------------------------

namespace {
// Quarterly before 2025-05-15, every 2 months from then; the notice period changes too.
const char* versions =
    "body \"Board\" {\n"
    "  5.1 meets every 3 months\n"
    "  5.2 agenda published at least 10 days before each meeting\n"
    "  5.3 meets quarterly\n"
    "}\n"
    "body \"Board\" from 2025-05-15 {\n"
    "  5.1 meets every 2 months\n"
    "  5.2 agenda published at least 5 days before each meeting\n"
    "  5.3 meets at least 2 times a quarter\n"
    "}\n";
}  // namespace

TEST_CASE("versions: each meeting is judged by the version in force on its date, and the change date is the new one's",
          "[versions]") {
  // Published 7 days before each: a breach of 10 days' notice, compliant with 5.
  const auto r = audit(versions, "body,date,published\nBoard,2025-05-14,2025-05-07\nBoard,2025-05-15,2025-05-08\n",
                       "2025-04-01", "2025-06-30");
  const auto notice = of_label(r.report, "5.2");
  REQUIRE(notice.size() == 2);
  CHECK(notice[0]->version->until == std::optional(remit::test::d("2025-05-14")));
  CHECK_FALSE(notice[0]->version->from.has_value());
  REQUIRE(notice[0]->findings.size() == 1);
  CHECK(iso(notice[0]->findings[0].meeting) == "2025-05-14");
  CHECK(notice[1]->version->from == std::optional(remit::test::d("2025-05-15")));
  CHECK(status(*notice[1]) == "pass");
}

TEST_CASE("versions: a gap rule looks back across the change to the last meeting", "[versions]") {
  // Last meeting under the old rules on 2025-04-20; under the new ones the next was due 2025-06-20.
  const auto r = audit(versions, "body,date\nBoard,2025-04-20\nBoard,2025-07-01\n", "2025-04-01", "2025-07-31");
  const auto gap = of_label(r.report, "5.1");
  REQUIRE(gap.size() == 2);
  // The old version: the chain is open on 2025-05-14, its last day, and not yet late (due 2025-07-20).
  CHECK(status(*gap[0]) == "pass");
  REQUIRE(gap[1]->findings.size() == 1);
  CHECK(iso(gap[1]->findings[0].due) == "2025-06-20");
  CHECK(iso(gap[1]->findings[0].on) == "2025-07-01");
  CHECK_THAT(gap[1]->findings[0].words(), Contains("the held meeting on 2025-04-20"));
  // A due date that would fall before the change moves to the day the new version took effect:
  // 2025-02-01 + 2 months = 2025-04-01, before 2025-05-15.
  const auto overdue = audit(versions, "body,date\nBoard,2025-02-01\nBoard,2025-05-20\n", "2025-04-01", "2025-06-30");
  const auto moved = of_label(overdue.report, "5.1");
  REQUIRE(moved[1]->findings.size() == 1);
  CHECK(iso(moved[1]->findings[0].due) == "2025-05-15");
  CHECK(iso(moved[1]->findings[0].on) == "2025-05-20");
  CHECK_THAT(moved[1]->findings[0].words(), Contains("so it moves to that day"));
  // With no meeting before the change, the new version's chain starts, like any chain, at the
  // start of the audit window: 2025-04-01 + 2 months = 2025-06-01.
  const auto none = audit(versions, "body,date\nBoard,2025-07-20\n", "2025-04-01", "2025-07-31");
  const auto from_change = of_label(none.report, "5.1");
  CHECK(iso(from_change[1]->findings[0].due) == "2025-06-01");
  CHECK_THAT(from_change[1]->findings[0].words(), Contains("2025-04-01, the start of the audit window"));
  // The old version's chain ends open on its last day: from 2025-01-01 the next was due 2025-04-01.
  CHECK(status(*from_change[0]) == "not-due");
  const auto from_january = audit(versions, "body,date\nBoard,2025-07-20\n", "2025-01-01", "2025-07-31");
  const auto open = of_label(from_january.report, "5.1");
  REQUIRE(open[0]->findings.size() == 1);
  CHECK(iso(open[0]->findings[0].due) == "2025-04-01");
  CHECK_THAT(open[0]->findings[0].words(), Contains("2025-05-14, the last day this version of the rules was in force"));
}

TEST_CASE("versions: a period split by the change is judged by the version in force on its last day", "[versions]") {
  // Q2 (04-01 to 06-30) ends under the new rules: it needs 2 meetings, and its April meeting counts.
  const auto r = audit(versions, "body,date\nBoard,2025-02-10\nBoard,2025-04-10\nBoard,2025-06-10\n", "2025-01-01",
                       "2025-06-30");
  const auto q = of_label(r.report, "5.3");
  REQUIRE(q.size() == 2);
  CHECK(status(*q[0]) == "pass");  // Q1, with one meeting, under "meets quarterly"
  CHECK(status(*q[1]) == "pass");  // Q2, with two
  const auto short_q2 = audit(versions, "body,date\nBoard,2025-02-10\nBoard,2025-04-10\n", "2025-01-01", "2025-06-30");
  const auto q2 = of_label(short_q2.report, "5.3");
  REQUIRE(q2[1]->findings.size() == 1);
  CHECK(iso(q2[1]->findings[0].period_start) == "2025-04-01");
  CHECK(q2[1]->findings[0].found == std::optional(1));
}

TEST_CASE("versions: a version not in force during the window judges nothing", "[versions]") {
  // Window wholly before the change: only the old version; wholly after: only the new one.
  const auto before = audit(versions, "body,date\nBoard,2025-02-10\n", "2025-01-01", "2025-03-31");
  CHECK(of_label(before.report, "5.1").size() == 1);
  CHECK_FALSE(of_label(before.report, "5.1")[0]->version->from.has_value());
  const auto after = audit(versions, "body,date\nBoard,2025-06-10\n", "2025-06-01", "2025-08-31");
  REQUIRE(of_label(after.report, "5.1").size() == 1);
  CHECK(of_label(after.report, "5.1")[0]->version->from == std::optional(remit::test::d("2025-05-15")));
  // A window that ends on the day before the change, or starts on it.
  CHECK(of_label(audit(versions, "body,date\nBoard,2025-05-01\n", "2025-05-01", "2025-05-14").report, "5.1").size() == 1);
  CHECK(of_label(audit(versions, "body,date\nBoard,2025-05-15\n", "2025-05-15", "2025-05-31").report, "5.1").size() == 1);
  // A single version that takes effect after the window: nothing is audited.
  const auto late = audit("body \"Board\" from 2026-01-01 {\n  5.1 meets monthly\n}\n", "body,date\nBoard,2025-02-10\n",
                          "2025-01-01", "2025-12-31");
  CHECK(late.report.results.empty());
}

TEST_CASE("versions: a deadline is judged by the version in force on it, and waivers belong to their version", "[versions]") {
  const auto r = audit("body \"Board\" {\n  6.3 receives \"Strategy\" by 2025-03-31\n  5.1 meets every 1 month\n}\n"
                       "body \"Board\" from 2025-05-01 {\n  waive 5.1 from 2025-06-01 to 2025-09-30 because \"recess\"\n"
                       "  6.3 receives \"Strategy\" by 2025-03-31\n  5.1 meets every 1 month\n}\n",
                       "body,date,items\nBoard,2025-01-05,Minutes\nBoard,2025-07-20,Minutes\n", "2025-01-01", "2025-08-31");
  const auto deadline = of_label(r.report, "6.3");
  CHECK(status(*deadline[0]) == "breach");
  CHECK(status(*deadline[1]) == "not-due");
  const auto gap = of_label(r.report, "5.1");
  // Old version: due 2025-02-05, none by its last day: a breach, not waived (the waiver is the new version's).
  CHECK(status(*gap[0]) == "breach");
  // New version: 01-05 -> 07-20 due 02-05 is not waived (due before the waiver); the open link due 08-20 is.
  REQUIRE(gap[1]->findings.size() == 2);
  CHECK(status(gap[1]->findings[0]) == "breach");
  CHECK(status(gap[1]->findings[1]) == "waived");
}

TEST_CASE("versions: blocks of one body must say when they took effect, in order", "[versions]") {
  CHECK_THAT(rule_errors("body \"B\" {\n  5.1 meets monthly\n}\nbody \"b\" {\n  5.1 meets monthly\n}\n"),
             Contains("body \"b\" is declared twice in this file (first on line 1)"));
  CHECK_THAT(rule_errors("body \"B\" from 2025-06-01 {\n  5.1 meets monthly\n}\nbody \"B\" from 2025-01-01 {\n  5.1 meets "
                         "monthly\n}\n"),
             Contains("test.remit:4:15: error: versions of body \"B\" must be written in the order they took effect"));
  CHECK_THAT(rule_errors("body * from 2025-06-01 {\n  5.1 meets monthly\n}\nbody * from 2025-06-01 {\n  5.1 meets monthly\n}\n"),
             Contains("two versions of body * take effect on 2025-06-01"));
  CHECK_THAT(rule_errors("body \"B\" from 2025-02-30 {\n  5.1 meets monthly\n}\n"), Contains("2025-02-30"));
  CHECK_THAT(rule_errors("body \"B\" from {\n  5.1 meets monthly\n}\n"),
             Contains("expected the date YYYY-MM-DD the version took effect after 'from'"));
  CHECK(rule_errors("body \"B\" {\n  5.1 meets monthly\n}\nbody \"B\" from 2025-01-01 {\n  5.1 meets monthly\n}\n").empty());
}
