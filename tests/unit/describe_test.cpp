// The meaning of each statement in plain English (language/describe.hpp), as reports print it
// beside the statement as written: exact sentences, for every statement form.
#include <string>

#include <catch2/catch.hpp>

#include "language/describe.hpp"
#include "support.hpp"

using namespace remit;

namespace {

// The meaning of the single statement of a one-body rule file, under the file's settings.
std::string meaning(std::string_view statement, std::string_view settings = "") {
  const ast::rule_file file = test::rules(std::string(settings) + "body \"Board\" {\n  1 " + std::string(statement) + "\n}\n");
  return describe(file.bodies.front().statements.front(), ast::resolve(file, file.bodies.front()));
}

std::string family(std::string_view statement) {
  const ast::rule_file file = test::rules("body \"Board\" {\n  1 " + std::string(statement) + "\n}\n");
  return std::string(family_name(file.bodies.front().statements.front()));
}

}  // namespace

TEST_CASE("describe: gap frequencies name the interval, month-end clamping and grace", "[describe]") {
  CHECK(meaning("meets every 2 months") ==
        "The body must meet within 2 calendar months of its previous held meeting; a due date past the end of a shorter "
        "month moves back to its last day.");
  CHECK(meaning("meets every 30 days with 7 days grace") ==
        "The body must meet within 30 days of its previous held meeting; with 7 days' grace.");
  CHECK(meaning("meets at 6 weekly intervals") == "The body must meet within 6 weeks (42 days) of its previous held meeting.");
  CHECK(meaning("meets every 1 year") ==
        "The body must meet within 1 year of its previous held meeting; a due date past the end of a shorter month "
        "moves back to its last day.");
}

TEST_CASE("describe: periods are named from the year start", "[describe]") {
  CHECK(meaning("meets quarterly", "year starts 1 April\n") ==
        "The body must hold at least one meeting in every quarter (quarters start on 1 April, 1 July, 1 October and 1 "
        "January).");
  CHECK(meaning("meets quarterly") ==
        "The body must hold at least one meeting in every quarter (quarters start on 1 January, 1 April, 1 July and 1 "
        "October).");
  CHECK(meaning("meets monthly") == "The body must hold at least one meeting in every calendar month.");
  CHECK(meaning("meets half-yearly", "year starts 1 September\n") ==
        "The body must hold at least one meeting in every half-year (half-years start on 1 September and 1 March).");
  CHECK(meaning("meets annually") == "The body must hold at least one meeting in every calendar year.");
  CHECK(meaning("meets annually", "year starts 1 April\n") ==
        "The body must hold at least one meeting in every year (years start on 1 April).");
  CHECK(meaning("meets at least 4 times a year") == "The body must hold at least 4 meetings in every calendar year.");
  CHECK(meaning("meets at least 1 times a quarter") ==
        "The body must hold at least 1 meeting in every quarter (quarters start on 1 January, 1 April, 1 July and 1 "
        "October).");
}

TEST_CASE("describe: joint meetings, reports and items received", "[describe]") {
  CHECK(meaning("meets jointly with \"Children in Care Council\" twice a year") ==
        "The body must meet jointly with \"Children in Care Council\" at least 2 times in every calendar year. A joint "
        "meeting is a held meeting or session whose title contains \"Children in Care Council\".");
  CHECK(meaning("reports \"Highlight Report\" quarterly to \"Scrutiny\"", "year starts 1 April\n") ==
        "The body must send at least one report whose title contains \"Highlight Report\" to \"Scrutiny\" in every "
        "quarter (quarters start on 1 April, 1 July, 1 October and 1 January).");
  CHECK(meaning("reports six-monthly to \"Health and Well Being Board\"") ==
        "The body must send at least one report to \"Health and Well Being Board\" in every half-year (half-years start "
        "on 1 January and 1 July).");
  CHECK(meaning("meets bi-monthly", "year starts 1 April\n") ==
        "The body must hold at least one meeting in every two-month period (two-month periods start on 1 April, 1 June, "
        "1 August, 1 October, 1 December and 1 February).");
  CHECK(meaning("reports every 6 months to \"Health and Well Being Board\"") ==
        "The body must send a report to \"Health and Well Being Board\" within 6 calendar months of the previous one; a "
        "due date past the end of a shorter month moves back to its last day.");
  CHECK(meaning("reports twice a year to \"LSCB\"") == "The body must send at least 2 reports to \"LSCB\" in every calendar year.");
  CHECK(meaning("receives \"Terms of Reference\" annually") ==
        "The body must receive \"Terms of Reference\" (an agenda item containing it at a held meeting) at least once "
        "in every calendar year. A held meeting with no agenda items recorded may or may not have had it: where that "
        "decides the result, it is no-evidence, never a pass or a breach.");
  CHECK(meaning("receives \"Annual Report\" by 2026-03-31") ==
        "A held meeting of the body must have an agenda item containing \"Annual Report\" on or before 2026-03-31; a held "
        "meeting with no agenda items recorded gives no-evidence, never a pass or a breach.");
}

TEST_CASE("describe: notice names the days counted and the calendar's bank holidays", "[describe]") {
  CHECK(meaning("agenda published at least 5 clear working days before each meeting") ==
        "The agenda of each held meeting must be published at least 5 working days before it, with all of them falling "
        "strictly between the day of publication and the day of the meeting. Working days are Monday to Friday, except "
        "England and Wales bank holidays.");
  CHECK(meaning("agenda published at least 5 working days before each meeting", "calendar scotland\n") ==
        "The agenda of each held meeting must be published at least 5 working days before it, the day of the meeting "
        "not counted. Working days are Monday to Friday, except Scottish bank holidays.");
  CHECK(meaning("agenda published at least 7 days before each meeting") ==
        "The agenda of each held meeting must be published at least 7 calendar days before it, the day of the meeting "
        "not counted.");
  CHECK(meaning("agenda published at least 1 clear days before each meeting") ==
        "The agenda of each held meeting must be published at least 1 calendar day before it, with all of it falling "
        "strictly between the day of publication and the day of the meeting.");
}

TEST_CASE("describe: items and preceding events", "[describe]") {
  CHECK(meaning("each meeting has item \"Forward Plan\"") ==
        "Every held meeting must have an agenda item containing \"Forward Plan\" (ignoring case and extra spaces).");
  CHECK(meaning("each meeting has item matching \"voice|lived experience\"") ==
        "Every held meeting must have an agenda item matching the pattern given in the statement (a regular "
        "expression, searched for anywhere in the item, ignoring case).");
  CHECK(meaning("each meeting has item \"Forward Plan\" or \"Work Programme\"") ==
        "Every held meeting must have an agenda item containing any of: \"Forward Plan\", \"Work Programme\" (ignoring "
        "case and extra spaces).");
  CHECK(meaning("each meeting has a title") == "Every held meeting must have a title recorded in the log.");
  CHECK(meaning("each meeting has title \"Annual\" or \"Themed\"") ==
        "Every held meeting must have a title containing any of: \"Annual\", \"Themed\" (ignoring case and extra spaces).");
  CHECK(meaning("each meeting preceded by \"Agenda Setting\" or \"Pre-meeting\" since the previous meeting") ==
        "Every held meeting must be preceded by a held meeting or session whose title contains any of: \"Agenda Setting\", "
        "\"Pre-meeting\", after the day of the body's previous held meeting and before the day of this one (the first "
        "meeting in the logs, with no previous meeting, has no evidence unless one is recorded before it).");
  CHECK(meaning("each meeting preceded by matching \"agenda (setting|planning)\" within 14 days") ==
        "Every held meeting must be preceded by a held meeting or session whose title matches the pattern given in the "
        "statement, at most 14 days before it (one on the day of the meeting does not count) (a regular expression, "
        "searched for anywhere in the title, ignoring case).");
  CHECK(meaning("each meeting preceded by \"Agenda Setting\" within 60 days") ==
        "Every held meeting must be preceded by a held meeting or session whose title contains \"Agenda Setting\", at "
        "most 60 days before it (one on the day of the meeting does not count).");
}

TEST_CASE("describe: braces in names are text, not format fields", "[describe]") {
  CHECK(meaning("meets jointly with \"{0} {}\" at least 3 times a year") ==
        "The body must meet jointly with \"{0} {}\" at least 3 times in every calendar year. A joint meeting is a held "
        "meeting or session whose title contains \"{0} {}\".");
}

TEST_CASE("family_name: the family each statement form belongs to", "[describe]") {
  CHECK(family("meets bi-monthly") == "coverage");
  CHECK(family("meets every 2 months") == "gap");
  CHECK(family("meets quarterly") == "coverage");
  CHECK(family("meets twice a year") == "count");
  CHECK(family("agenda published at least 5 days before each meeting") == "notice");
  CHECK(family("each meeting has item \"X\"") == "item");
  CHECK(family("each meeting has a title") == "title");
  CHECK(family("each meeting has title matching \"x\"") == "title");
  CHECK(family("receives \"X\" by 2026-01-01") == "deadline");
  CHECK(family("each meeting preceded by \"X\" within 3 days") == "precedence");
  CHECK(family("reports annually to \"B\"") == "coverage");
}
