// `LABEL not checked "REASON"` (docs/language.md, "Not checked"): parsed apart from the rules,
// checked, formatted, never evaluated, and listed by every report under each body it applies to.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "language/formatter.hpp"
#include "language/meaning.hpp"
#include "language/parser.hpp"
#include "lint/lint.hpp"
#include "report/reporter.hpp"
#include "support.hpp"

using namespace remit;
using Catch::Matchers::Contains;
using remit::test::audit;
using remit::test::rule_errors;
using remit::test::rules;

namespace {

const std::string board_rules = R"(council "Rutland County Council"
body "Corporate Parenting Board" {
  1.9  meets quarterly
  3.4  not checked "Conduct is not recorded in meeting logs"
  2.6  not checked "\"as required\" is a discretion"
}
)";

// One quarter of 2025 with no meeting: the quarterly rule is in breach whatever the rest says.
const std::string board_log = "body,date,kind,status,title\n"
                              "Corporate Parenting Board,2025-02-04,meeting,held,Board\n"
                              "Corporate Parenting Board,2025-08-05,meeting,held,Board\n"
                              "Corporate Parenting Board,2025-11-04,meeting,held,Board\n";

std::string written(const audit_report& report, std::string_view format) {
  std::ostringstream out;
  find_reporter(format)->make({})->write(report, out);
  return out.str();
}

}  // namespace

TEST_CASE("not checked: a clause with its reason, kept apart from the rules", "[not-checked]") {
  const ast::rule_file f = rules(board_rules);
  const ast::body& b = f.bodies.at(0);
  REQUIRE(b.statements.size() == 1);
  REQUIRE(b.not_checked.size() == 2);
  CHECK(b.not_checked[0].label == "3.4");
  CHECK(b.not_checked[0].reason == "Conduct is not recorded in meeting logs");
  CHECK(b.not_checked[0].where.line == 4);
  CHECK(b.not_checked[0].reason_at.column == 20);
  CHECK(b.not_checked[1].reason == "\"as required\" is a discretion");
}

TEST_CASE("not checked: an empty reason, a modifier and a waiver are errors", "[not-checked]") {
  const auto in_body = [](std::string_view line) {
    return "body \"B\" {\n  1 meets quarterly\n  " + std::string(line) + "\n}\n";
  };
  CHECK(rule_errors(in_body("3.4  not checked \"\"")) ==
        "test.remit:3:20: error: the reason why clause '3.4' is not checked is empty\n"
        "  3.4  not checked \"\"\n"
        "                   ^\n");
  CHECK_THAT(rule_errors(in_body("3.4  not checked \"   \"")), Contains("the reason why clause '3.4' is not checked is empty"));
  CHECK_THAT(rule_errors(in_body("3.4  not checked \"conduct\", advisory")),
             Contains("test.remit:3:29: error: expected the end of the line after the reason: a clause that is not "
                      "checked takes no modifier, got ','"));
  CHECK_THAT(rule_errors(in_body("3.4  not checked \"conduct\", severity minor")),
             Contains("a clause that is not checked takes no modifier"));
  CHECK_THAT(rule_errors(in_body("3.4  not checked")), Contains("expected a quoted reason after 'not checked'"));
  CHECK_THAT(rule_errors(in_body("3.4  not \"conduct\"")), Contains("expected 'checked' after 'not'"));
  CHECK_THAT(rule_errors("3.4  not checked \"conduct\"\nbody \"B\" {\n  1 meets quarterly\n}\n"),
             Contains("a statement must be inside a body"));
  CHECK_THAT(rule_errors("waive 3.4 from 2025-01-01 to 2025-02-01 because \"x\"\n" + in_body("3.4  not checked \"conduct\"")),
             Contains("waiver for clause '3.4', but that clause is not checked in this file: it is never evaluated, so "
                      "there is no breach to waive"));
  CHECK_THAT(rule_errors("body \"B\" {\n  waive 3.4 from 2025-01-01 to 2025-02-01 because \"x\"\n  1 meets quarterly\n"
                         "  3.4  not checked \"conduct\"\n}\n"),
             Contains("but that clause is not checked in this body"));
  // A label both checked and not checked: a waiver still covers the checked statement.
  CHECK(rule_errors("waive 1 from 2025-01-01 to 2025-02-01 because \"x\"\n" + in_body("1  not checked \"the rest of 1\"")) ==
        "");
}

TEST_CASE("not checked: remit fmt keeps each clause in its place, its label in the column", "[not-checked]") {
  const std::string messy = "body \"B\" {\n"
                            "  1.10 meets quarterly   # cadence\n"
                            "  # why not\n"
                            "  3.4    not   checked   \"say \\\"why\\\"\"  # conduct\n"
                            "  2 each meeting has item \"Minutes\"\n"
                            "}\n";
  const ast::rule_file original = rules(messy);
  const std::string once = format_rule_file(original);
  CHECK(once == "body \"B\" {\n"
                "  1.10  meets quarterly  # cadence\n"
                "  # why not\n"
                "  3.4   not checked \"say \\\"why\\\"\"  # conduct\n"
                "  2     each meeting has item \"Minutes\"\n"
                "}\n");
  const ast::rule_file again = rules(once);
  CHECK(format_rule_file(again) == once);
  CHECK(meaning_of(again) == meaning_of(original));
  CHECK_THAT(meaning_of(original), Contains("3.4 not checked [say \"why\"]"));
}

TEST_CASE("not checked: never evaluated, no finding, and the status and exit stay the rules' own", "[not-checked]") {
  const auto with = audit(board_rules, board_log, "2025-01-01", "2025-12-31");
  const std::string without_rules = "council \"Rutland County Council\"\nbody \"Corporate Parenting Board\" {\n"
                                    "  1.9  meets quarterly\n}\n";
  const auto without = audit(without_rules, board_log, "2025-01-01", "2025-12-31");
  REQUIRE(with.report.results.size() == 1);
  CHECK(with.only().statement->label == "1.9");
  CHECK(with.only().status == rule_status::breach);
  CHECK(with.report.any_breach() == without.report.any_breach());
  CHECK(with.report.count(finding_status::breach) == without.report.count(finding_status::breach));
  REQUIRE(with.report.bodies.size() == 1);
  REQUIRE(with.report.bodies[0].not_checked.size() == 2);
  CHECK(with.report.bodies[0].not_checked[0].label == "3.4");
  CHECK(with.report.bodies[0].not_checked[0].line == 4);
  CHECK(with.report.clauses_not_checked() == 2);
  CHECK(without.report.clauses_not_checked() == 0);
}

TEST_CASE("not checked: body * lists the clause under each body of the logs", "[not-checked]") {
  const auto r = audit("body * {\n  s100B  agenda published at least 5 clear working days before each meeting\n"
                       "  conduct  not checked \"Conduct is not recorded\"\n}\n",
                       "body,date,kind,status,title,published\n"
                       "Cabinet,2025-03-10,meeting,held,Cabinet,2025-03-01\n"
                       "Audit Committee,2025-03-12,meeting,held,Audit,2025-03-02\n",
                       "2025-01-01", "2025-12-31");
  REQUIRE(r.report.bodies.size() == 2);
  CHECK(r.report.bodies[0].not_checked.size() == 1);
  CHECK(r.report.bodies[1].not_checked.size() == 1);
  CHECK(r.report.clauses_not_checked() == 2);
  const std::string json = written(r.report, "json");
  CHECK_THAT(json, Contains("\"body\": \"Audit Committee\",\n      \"clause\": \"conduct\""));
  CHECK_THAT(json, Contains("\"body\": \"Cabinet\",\n      \"clause\": \"conduct\""));
}

TEST_CASE("not checked: every human report has the section, JSON the list and the count", "[not-checked]") {
  const auto r = audit(board_rules, board_log, "2025-01-01", "2025-12-31");
  const std::string text = written(r.report, "text");
  CHECK_THAT(text, Contains("  Not checked by remit:\n"
                            "    3.4  Conduct is not recorded in meeting logs\n"
                            "    2.6  \"as required\" is a discretion\n"));
  CHECK_THAT(text, Contains("; 2 clauses not checked\n"));
  const std::string markdown = written(r.report, "markdown");
  CHECK_THAT(markdown, Contains("### Not checked by remit\n\n| Clause | Why not | Line |\n| --- | --- | ---: |\n"
                                "| 3.4 | Conduct is not recorded in meeting logs | 4 |\n"));
  const std::string html = written(r.report, "html");
  CHECK_THAT(html, Contains("<h3>Not checked by remit</h3>"));
  CHECK_THAT(html, Contains("<tr><td>2.6</td><td>&quot;as required&quot; is a discretion</td><td class=\"n\">5</td></tr>"));
  const std::string json = written(r.report, "json");
  CHECK_THAT(json, Contains("  \"not_checked\": [\n"
                            "    {\n"
                            "      \"council\": \"Rutland County Council\",\n"
                            "      \"body\": \"Corporate Parenting Board\",\n"
                            "      \"clause\": \"3.4\",\n"
                            "      \"reason\": \"Conduct is not recorded in meeting logs\",\n"
                            "      \"file\": \"test.remit\",\n"
                            "      \"line\": 4\n"
                            "    },\n"));
  CHECK_THAT(json, Contains("\"clauses_not_checked\": 2"));
  const std::string junit = written(r.report, "junit");
  CHECK_THAT(junit, Contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"2\""));
  CHECK_THAT(junit, Contains("<skipped message=\"not checked by remit: Conduct is not recorded in meeting logs\"/>"));
  // Rows of rules and findings, and code-review results: a clause not checked has none.
  CHECK_THAT(written(r.report, "csv"), !Contains("Conduct"));
  CHECK_THAT(written(r.report, "findings"), !Contains("Conduct"));
  CHECK_THAT(written(r.report, "sarif"), !Contains("Conduct"));
}

TEST_CASE("not checked: lint does not take a clause not checked for a rule", "[not-checked]") {
  const ast::rule_file f = rules("body \"B\" {\n  1  meets quarterly\n  2  not checked \"a discretion\"\n"
                                 "  1  not checked \"the rest of clause 1\"\n}\n");
  CHECK(lint::lint_file(f, {test::d("2026-01-01"), std::nullopt, nullptr}).empty());
}
