// The grammar: its health, a table of accept/reject rows for every statement form,
// and the AST that each form builds.
#include <array>

#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/remit_grammar.hpp"
#include "grammar_rows.hpp"
#include "support.hpp"

using namespace remit;
using remit::test::rule_errors;
using remit::test::rules;

namespace {

// A statement inside a minimal body.
std::string in_body(std::string_view statement) {
  return "body \"Corporate Parenting Board\" {\n  " + std::string(statement) + "\n}\n";
}

const ast::statement& only_statement(const ast::rule_file& f) {
  REQUIRE(f.bodies.size() == 1);
  REQUIRE(f.bodies[0].statements.size() == 1);
  return f.bodies[0].statements[0];
}

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input") {
  CHECK(tao::pegtl::analyze<grammar::file>(-1) == 0);
}

TEST_CASE("every statement form of the language parses") {
  for (const char* statement : test::accepted_statements) {
    INFO(statement);
    CHECK(rule_errors(in_body(statement)) == "");
  }
}

TEST_CASE("malformed statements are rejected with a message that names what was expected") {
  struct row {
    const char* statement;
    const char* message;  // a part of the expected message
  };
  const row rejected[] = {
      {"5.1 meets", "expected 'every N months', 'at N weekly intervals'"},
      {"5.1 meets fortnightly", "after 'meets', got 'fortnightly'"},
      {"5.1 meets every", "expected a number after 'every'"},
      {"5.1 meets every thirteen months", "expected a number after 'every', as in 'every 2 months', got 'thirteen'"},
      {"5.1 meets every Two months", "expected a number after 'every', as in 'every 2 months', got 'Two'"},
      {"5.1 meets every once months",
       "test.remit:2:19: error: expected a number: 'once' and 'twice' say how often, before 'a year', 'a quarter', 'a "
       "month' or 'a half-year' (as in 'meets twice a year'); a number here is written '1' or 'one', '2' or 'two', got "
       "'once'"},
      {"5.1 meets every twice months", "expected a number: 'once' and 'twice' say how often"},
      {"5.1 meets every 2 months with twice days grace", "expected a number: 'once' and 'twice' say how often"},
      {"5.1 meets at twice weekly intervals", "expected a number: 'once' and 'twice' say how often"},
      {"5.1 meets at least once times a year",
       "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'once', got 'times'"},
      {"5.1 meets twice times a year", "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'twice', got 'times'"},
      {"5.1 meets once", "after 'once', got the end of the line"},
      {"5.1 meets once a decade", "after 'once', got 'a'"},
      {"5.1 meets four a year", "expected 'times' after the number, got 'a'"},
      {"5.1 meets four times per year", "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'times', got 'per'"},
      {"5.1 meets every zero months", "expected a number after 'every', as in 'every 2 months', got 'zero'"},
      {"q quorum twice", "expected a number: 'once' and 'twice' say how often"},
      {"10 each meeting preceded by \"Agenda Setting\" within once days", "expected a number: 'once' and 'twice'"},
      {"7 has at least once \"Co-opted\" members", "expected a number: 'once' and 'twice'"},
      {"5.6 each member attends at least fifty% of meetings", "expected a percentage after 'at least'"},
      {"2.9 each member trained in \"Induction\" within six moons of joining", "expected 'days', 'weeks', 'months' or 'years' after the number, got 'moons'"},
      {"5.1 meets every 2 fortnights", "expected 'days', 'weeks', 'months' or 'years' after the number, got 'fortnights'"},
      {"5.1 meets every 2 months with grace", "expected a number of days after 'with'"},
      {"5.1 meets every 2 months with 7 grace", "expected 'days' after the number of grace days"},
      {"5.1 meets every 2 months with 7 days", "expected 'grace' after 'days'"},
      {"5.1 meets every 0 months", "the interval must be at least 1, got 0"},
      {"5.1 meets every 99999 months", "the interval 99999 is out of range"},
      {"5.1 meets at 6 weekly", "expected 'intervals' after 'weekly'"},
      {"5.1 meets at 6 monthly intervals", "expected 'weekly' after the number"},
      {"5.1 meets at most 4 times a year", "expected 'least' or a number after 'at'"},
      {"5.1 meets at least 4 a year", "expected 'times' after the number"},
      {"5.1 meets at least 4 times per year", "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'times'"},
      {"5.1 meets at least 4 times a decade", "expected 'a year', 'a quarter', 'a month' or 'a half-year'"},
      {"5.1 meets twice", "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'twice', got the end of the line"},
      {"5.1 meets monthlyish", "after 'meets', got 'monthlyish'"},
      {"5.1 meets monthly on Tuesdays", "expected the end of the statement (one statement per line) or a modifier after a comma, as in ', advisory', got 'on'"},
      {"voice meets jointly \"young people\" twice a year", "expected 'with' after 'jointly'"},
      {"voice meets jointly with young people twice a year", "expected a quoted name after 'jointly with'"},
      {"voice meets jointly with \"young people\"", "after the name, got the end of the line"},
      {"5.5 each meeting has item \"Forward Plan\" or", "expected a quoted title after 'or', as in 'or \"Forward Plan\"', got the end of the line"},
      {"5.5 each meeting has item \"Forward Plan\" or Work Plan", "expected a quoted title after 'or', as in 'or \"Forward Plan\"', got 'Work'"},
      {"5.5 each meeting has item \"Forward Plan\" \"Work Plan\"", "expected the end of the statement"},
      {"5.5 each meeting has item \"Forward Plan\" or \"\"", "alternative 2 of the item title is empty"},
      {"5.5 each meeting has item matching", "expected a quoted regular expression after 'matching'"},
      {"6.3 receives \"Terms of Reference\" or annually", "expected a quoted title after 'or', as in 'or \"Forward Plan\"', got 'annually'"},
      {"6.3 receives matching annually", "expected a quoted regular expression after 'matching', as in 'matching \"voice|lived experience\"', got 'annually'"},
      {"6.3 receives \"A\" or matching \"b\" annually", "expected a quoted title after 'or'"},
      {"10 each meeting preceded by \"Agenda Setting\" or within 14 days", "expected a quoted title after 'or'"},
      {"10 each meeting preceded by within 14 days", "expected a quoted session or meeting title or 'matching \"REGEX\"' after 'preceded by'"},
      {"voice meets jointly with \"young people\" or \"\" twice a year", "alternative 2 of the joint partner's name is empty"},
      {"6.2 reports annually to \"Cabinet\" and", "expected the quoted name of another body reported to after 'and', as in 'and \"Council\"', got the end of the line"},
      {"6.2 reports annually to \"Cabinet\" and Council", "expected the quoted name of another body reported to after 'and'"},
      {"6.2 reports annually to matching \"cabinet\" and \"Council\"", "expected the end of the statement"},
      {"6.2 reports annually to \"Cabinet\" and \"\"", "the name of the body reported to is empty"},
      {"4.1 reflects the political balance", "expected 'the political balance of the council' after 'reflects'"},
      {"4.1 has at least 2 members of party Labour", "expected the party's quoted name after 'of party'"},
      {"4.1 has at least 2 members of party \"\"", "the party is empty"},
      {"4.1 reflects the balance of the council", "expected 'the political balance of the council' after 'reflects'"},
      {"6.2 reports annually to \"Cabinet\" and \"Council\" and \"cabinet\"",
       "clause 6.2: \"cabinet\" is named twice after 'to': each recipient is a rule of its own, so name it once"},
      {"5.6 agenda 5 days before each meeting", "expected 'published' after 'agenda'"},
      {"5.6 agenda published 5 days before each meeting", "expected 'at least' after 'published'"},
      {"5.6 agenda published at least fifteen days before each meeting", "expected a number of days after 'at least', got 'fifteen'"},
      {"5.6 agenda published at least 5 working weeks before each meeting",
       "expected 'days', 'working days', 'clear days' or 'clear working days' after the number"},
      {"5.6 agenda published at least 5 days ahead of each meeting", "expected 'before' after 'days'"},
      {"5.6 agenda published at least 5 days before the meeting", "expected 'each meeting' after 'before'"},
      {"5.6 agenda published at least 0 days before each meeting", "the notice must be at least 1, got 0"},
      {"5.5 each meeting", "expected 'has item', 'has a title', 'has title', 'preceded by', 'attended by' or 'invites' after 'each meeting'"},
      {"4.2 each meeting has a", "expected 'title' after 'has a', as in 'each meeting has a title'"},
      {"4.2 each meeting has an title", "expected 'item', 'a title' or 'title' after 'has'"},
      {"4.3 each meeting has title Annual", "expected a quoted title or 'matching \"REGEX\"' after 'title'"},
      {"4.3 each meeting has title \"Annual\" or Themed", "expected a quoted"},
      {"4.3 each meeting has title \"\"", "the meeting title is empty"},
      {"4.4 each meeting has title matching \"(\"", "missing )"},
      {"5.5 each session has item \"X\"", "expected 'meeting' or 'member' after 'each'"},
      {"5.5 each meeting has \"Forward Plan\"", "expected 'item', 'a title' or 'title' after 'has'"},
      {"5.1 first meeting of each year has \"Election of Chair\"", "expected 'item' after 'has'"},
      {"5.1 first meeting of the year has item \"Election of Chair\"", "expected 'each year' after 'first meeting of'"},
      {"5.1 first meeting each year has item \"Election of Chair\"", "expected 'of each year' after 'first meeting'"},
      {"5.1 first meeting of each quarter has item \"Election of Chair\"", "expected 'year' after 'first meeting of each'"},
      {"5.1 first meeting of each year has item Election", "expected a quoted agenda item title or 'matching \"REGEX\"' after 'has item'"},
      {"5.1 first meeting of each year has item \"Election of Chair\" or Chair", "expected a quoted title after 'or'"},
      {"5.1 first meeting of each year has item \"\"", "the item title is empty"},
      {"5.5 each meeting has item Forward Plan", "expected a quoted item title or 'matching \"REGEX\"' after 'item'"},
      {"5.5 each meeting has item matching forward", "expected a quoted regular expression after 'matching'"},
      {"5.5 each meeting has item \"Forward Plan", "unterminated string"},
      {"5.5 each meeting has item \"bad \\q escape\"", "expected '\"' or '\\' after '\\' in a string"},
      {"5.5 each meeting has item \"\"", "the item title is empty"},
      {"5.5 each meeting has item matching \"(unclosed\"", "invalid regular expression: missing ): (unclosed"},
      {"11 reports six-monthly to matching \"(unclosed\"", "invalid regular expression: missing ): (unclosed"},
      {"3.1 chaired by \"Chair\" or \"Vice-Chair\" when \"Deputy\" is absent", "\"Deputy\" is not one of the roles that may chair"},
      {"3.1 chaired by \"Chair\" when \"chair\" is absent", "needs another role to stand in"},
      {"10 each meeting preceded \"Agenda Setting\" within 14 days", "expected 'by' after 'preceded'"},
      {"10 each meeting preceded by Agenda within 14 days", "expected a quoted session or meeting title"},
      {"10 each meeting preceded by \"Agenda Setting\" 14 days",
       "expected 'within N days', 'since the previous meeting' or 'on the day' after the title"},
      {"10 each meeting preceded by \"Agenda Setting\" since the last meeting", "expected 'previous meeting' after 'since the'"},
      {"10 each meeting preceded by \"Agenda Setting\" since previous meeting", "expected 'the previous meeting' after 'since'"},
      {"10 each meeting preceded by \"Agenda Setting\" on the dy", "expected 'day' after 'on the'"},
      {"10 each meeting preceded by \"Agenda Setting\" on day", "expected 'the day' after 'on'"},
      {"3.1 chaired by \"Chair\" or \"Vice-Chair\" when Chair is absent", "expected a quoted role after 'when'"},
      {"3.1 chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" absent", "expected 'is absent' after the role"},
      {"3.1 chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" is away", "expected 'absent' after 'is'"},
      {"1.9 each meeting attended by \"SMT\" from 3 partners", "expected 'at least' after 'from'"},
      {"1.9 each meeting attended by \"SMT\" from at least several partners", "expected a number of partners after 'at least'"},
      {"1.9 each meeting attended by \"SMT\" from at least 3 directorates", "expected 'partners' after the number"},
      {"1.9 each meeting attended by \"SMT\" from at least 0 partners", "the number of partners must be at least 1, got 0"},
      {"4.1 has members at least 2 parties", "expected 'of' after 'members'"},
      {"4.1 has members of 2 parties", "expected 'at least' after 'members of'"},
      {"4.1 has members of at least 2 groups", "expected 'parties' after the number"},
      {"4.1 has members of at least 2 parties among Councillor", "expected a quoted role after 'among'"},
      {"5.6 each member except Voice attends every meeting", "expected a quoted role after 'except'"},
      {"5.6 each member except \"Voice\" every meeting", "expected 'attends' after the roles excepted"},
      {"11 reports six-monthly to matching Scrutiny", "expected a quoted regular expression after 'matching'"},
      {"10 each meeting preceded by \"Agenda Setting\" within 2 weeks", "expected 'days' after the number"},
      {"6.2 reports", "or a quoted report title after 'reports'"},
      {"6.2 reports quarterly", "expected 'to' and the body reported to"},
      {"6.2 reports quarterly to Scrutiny", "expected the quoted name of the body reported to, or 'matching \"REGEX\"', after 'to'"},
      {"6.2 reports \"Highlight\" to \"Scrutiny\"", "after the report title, got 'to'"},
      {"6.2 reports quarterly to \"\"", "the name of the body reported to is empty"},
      {"6.3 receives annually", "expected a quoted agenda item or 'matching \"REGEX\"' after 'receives'"},
      {"6.3 receives \"Terms of Reference\"", "or 'by YYYY-MM-DD' after the item"},
      {"6.3 receives \"Terms of Reference\" by March", "expected a date YYYY-MM-DD after 'by'"},
      {"6.3 receives \"Terms of Reference\" by 2026-02-30", "'2026-02-30' is not a date: February 2026 has no day 30"},
      {"6.3 approves annually", "expected a quoted agenda item or 'matching \"REGEX\"' after 'approves'"},
      {"6.3 approves \"Terms of Reference\"", "or 'by YYYY-MM-DD' after the item approved"},
      {"6.3 approves \"Terms of Reference\" by March", "expected a date YYYY-MM-DD after 'by'"},
      {"6.3 approves \"\" annually", "the item approved is empty"},
      {"5.1 sits every 2 months", "expected a rule after the clause label: 'meets', 'agenda', 'each', 'reports', "
                                  "'receives', 'approves', 'quorum', 'chaired', 'has', 'role', 'first', 'reflects' or 'not checked', got 'sits'"},
      // people
      {"q quorum", "expected a number of members after 'quorum', as in 'quorum 3 members', got the end of the line"},
      {"q quorum Three", "expected a number of members after 'quorum', as in 'quorum 3 members', got 'Three'"},
      {"q quorum 0 members", "the quorum must be at least 1, got 0"},
      {"q quorum 3 councillors", "expected the end of the statement (one statement per line) or a modifier after a comma, as in ', advisory', got 'councillors'"},
      {"3.1 chaired \"Chair\"", "expected 'by' after 'chaired'"},
      {"3.1 chaired by Chair", "expected a quoted role after 'chaired by'"},
      {"3.1 chaired by \"Chair\" or", "expected a quoted role after 'or'"},
      {"3.1 chaired by \"\"", "the role is empty"},
      {"1.9 each meeting attended \"CiCC\"", "expected 'by' after 'attended'"},
      {"1.9 each meeting attended by CiCC", "expected a quoted role after 'attended by'"},
      {"7 has", "expected 'member \"ROLE\"', 'at most N members', 'at least N members', 'exactly N members' or 'members of at least N parties' after 'has'"},
      {"7 has up to 10 members", "or 'members of at least N parties' after 'has', got 'up'"},
      {"7 has member Councillor", "expected a quoted role after 'has member'"},
      {"7 has at most twenty members", "expected a number of members after 'at most', 'at least' or 'exactly', got 'twenty'"},
      {"7 has exactly members", "expected a number of members after 'at most', 'at least' or 'exactly', got 'members'"},
      {"7 has exactly 0 members", "the number of members must be at least 1, got 0"},
      {"3.1 meets exactly", "expected a number, 'once' or 'twice' after 'exactly', as in 'exactly 4 times a year', got the end"},
      {"3.1 meets exactly four", "expected 'times' after the number"},
      {"3.1 meets exactly 4 times", "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'times'"},
      {"3.1 meets exactly once times a year", "expected 'a year', 'a quarter', 'a month' or 'a half-year' after 'once', got 'times'"},
      {"3.1 meets exactly monthly", "expected a number, 'once' or 'twice' after 'exactly', as in 'exactly 4 times a year', got 'monthly'"},
      {"3.1 meets at least exactly 4 times a year", "expected a number after 'at least', as in 'at least 4 times a year', got 'exactly'"},
      {"7 has at most 10", "expected 'members' after the number (or after the quoted role, or 'elected', 'co-opted' or 'voting')"},
      {"7 has at most 10 \"Councillor\"", "expected 'members' after the number"},
      {"7 has at most 0 members", "the number of members must be at least 1, got 0"},
      {"7 has at least 2 coopted members", "expected 'members' after the number (or after the quoted role, or 'elected', 'co-opted' or 'voting'), got 'coopted'"},
      {"7 has at least 2 co-opted", "expected 'members' after the number (or after the quoted role, or 'elected', 'co-opted' or 'voting'), got the end"},
      {"7 has at least 2 \"Councillor\" elected members", "expected 'members' after the number"},
      {"q quorum 3 voting", "expected 'members' after the kind of member, as in 'quorum 3 voting members', got the end of the line"},
      {"6.4 each meeting invites Independent Person", "expected a quoted role after 'invites', as in 'each meeting invites \"Independent Person\"', got 'Independent'"},
      {"6.4 each meeting invites", "expected a quoted role after 'invites'"},
      {"6.4 each meeting invites \"Leader\" or", "expected a quoted role after 'or'"},
      {"6.4 each meeting invites \"\"", "the role is empty"},
      {"6.5 chaired by \"Chair\", else", "expected a quoted role or 'any member' after 'else'"},
      {"6.5 chaired by \"Chair\", else any", "expected a quoted role or 'any member' after 'else'"},
      {"6.5 chaired by \"Chair\", else any member, else \"Vice-Chair\"", "no step may follow ', else any member'"},
      {"6.5 chaired by \"Chair\", else \"Chair\"", "\"Chair\" is named in an earlier step of the chain"},
      {"6.5 chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" is absent, else any member", "say who stands in two ways"},
      {"6.5 chaired by \"Chair\", else \"\"", "the role is empty"},
      {"q quorum 3 members including", "expected a number after 'including', as in 'quorum 3 members including 1 \"Chair\"', got the end"},
      {"q quorum 3 members including \"Chair\"", "expected a number after 'including'"},
      {"q quorum 3 members including 1 Chair", "expected a quoted role or 'elected members', 'co-opted members' or 'voting members' after the number, as in 'including 1 elected member', got 'Chair'"},
      {"q quorum 3 members including 1 elected", "expected 'members' after the kind of member, as in 'including 1 elected member', got the end"},
      {"q quorum 3 members including 0 \"Chair\"", "the number included must be at least 1, got 0"},
      {"q quorum 3 members including 1 \"\"", "the role is empty"},
      {"q quorum 3 voting councillors", "expected 'members' after the kind of member, as in 'quorum 3 voting members', got 'councillors'"},
      {"5.6 each member", "expected 'attends', 'except' or 'trained in' after 'each member'"},
      {"5.6 each member attends", "expected 'at least P% of meetings' or 'every meeting' after 'attends'"},
      {"5.6 each member attends all meetings", "expected 'at least P% of meetings' or 'every meeting' after 'attends', got 'all'"},
      {"5.6 each member attends at least 75 of meetings", "expected a percentage after 'at least'"},
      {"5.6 each member attends at least 75% meetings", "expected 'of meetings' after the percentage"},
      {"5.6 each member attends at least 101% of meetings", "the percentage 101 is out of range: it must be from 1 to 100"},
      {"5.6 each member attends at least 0% of meetings", "the percentage must be at least 1, got 0"},
      {"5.6 each member attends every", "expected 'meeting' after 'every'"},
      {"5.6 each member attends every meeting each decade", "expected 'year', 'quarter', 'half-year' or 'month' after 'each'"},
      {"2.9 each member trained \"Induction\" within 6 months of joining", "expected 'in' after 'trained'"},
      {"2.9 each member trained in Induction", "expected the quoted name of the training after 'trained in'"},
      {"2.9 each member trained in \"Induction\"", "expected 'within' after the training"},
      {"2.9 each member trained in \"Induction\" within months", "expected a number after 'within'"},
      {"2.9 each member trained in \"Induction\" within 6 moons", "expected 'days', 'weeks', 'months' or 'years' after the number"},
      {"2.9 each member trained in \"Induction\" within 6 months", "expected 'of joining' after the period"},
      {"2.9 each member trained in \"\" within 6 months of joining", "the training is empty"},
      {"3.2 role Vice-Chair rotates between partners annually", "expected a quoted role after 'role'"},
      {"3.2 role \"Vice-Chair\" rotates annually", "expected 'between partners' after 'rotates'"},
      {"3.2 role \"Vice-Chair\" alternates between partners annually", "expected 'held by' or 'rotates' after the role"},
      {"3.3 role \"Chair\" held Mayor", "expected 'held by' or 'rotates' after the role"},
      {"3.3 role \"Chair\" held by Mayor", "expected a quoted office or 'an elected member' after 'held by'"},
      {"3.3 role \"Chair\" held by an elected", "expected a quoted office or 'an elected member' after 'held by'"},
      {"3.3 role \"Chair\" held by \"\"", "the office is empty"},
      {"3.2 role \"Vice-Chair\" rotates between partners", "expected 'annually' after 'between partners'"},
      {"3.4 not checked", "expected a quoted reason after 'not checked'"},
      {"3.4 not checked Conduct", "expected a quoted reason after 'not checked', as in 'not checked \"Conduct is not recorded\"', got 'Conduct'"},
      {"3.4 not \"Conduct\"", "expected 'checked' after 'not'"},
      {"3.4 not checked \"Conduct\", advisory", "a clause that is not checked takes no modifier, got ','"},
      {"3.4 not checked \"Conduct\" because", "expected the end of the line after the reason"},
      {"3.4 not checked \"\"", "the reason why clause '3.4' is not checked is empty"},
      {"5.1", "expected a rule after the clause label"},
      {"meets every 2 months", "expected a rule after the clause label"},
      {".5 meets monthly", "expected a statement (a clause label, then a rule), a setting, or '}'"},
  };
  for (const row& r : rejected) {
    INFO(r.statement);
    const std::string errors = rule_errors(in_body(r.statement));
    CHECK_THAT(errors, Catch::Matchers::Contains(r.message));
    CHECK_THAT(errors, Catch::Matchers::StartsWith("test.remit:2:"));
  }
}

TEST_CASE("a renamed body: also gives the other names its logs use") {
  const ast::rule_file f = rules("body \"New\" also \"Old\" and \"Older\" from 2025-01-01 {\n  5.1 meets quarterly\n}\n");
  REQUIRE(f.bodies.size() == 1);
  CHECK(f.bodies[0].also == std::vector<std::string>{"Old", "Older"});
  CHECK(f.bodies[0].in_force_from.has_value());
  CHECK(ast::folded_names(f, f.bodies[0]) == std::vector<std::string>{"new", "old", "older"});
  // A later block that lists the earlier block's name is a version of the same body.
  const ast::rule_file v =
      rules("body \"Old\" {\n  5.1 meets quarterly\n}\nbody \"New\" also \"Old\" from 2025-01-01 {\n  5.1 meets monthly\n}\n");
  CHECK(ast::same_body(v, v.bodies[0], v.bodies[1]));
  CHECK(ast::in_force_until(v, v.bodies[0]) == std::optional(remit::test::d("2024-12-31")));
  CHECK(ast::folded_names(v, v.bodies[0]) == std::vector<std::string>{"new", "old"});
  CHECK_THAT(rule_errors("body \"B\" also {\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("expected the body's other name, quoted, after 'also'"));
  CHECK_THAT(rule_errors("body \"B\" also \"b\" {\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("\"b\" is this body's own name"));
  CHECK_THAT(rule_errors("body \"B\" also \"C\" and \"c\" {\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("\"c\" is named twice after 'also'"));
  CHECK_THAT(rule_errors("body * also \"C\" {\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("it takes no other name"));
  CHECK_THAT(rule_errors("body \"Old\" {\n  5.1 meets quarterly\n}\nbody \"New\" also \"Old\" {\n  5.1 meets monthly\n}\n"),
             Catch::Matchers::Contains("body \"New\" (\"Old\" by another name) is declared twice in this file (first on line 1)"));
}

TEST_CASE("settings parse at file level and inside a body") {
  const auto f = rules(
      "council \"Rutland County Council\"\n"
      "calendar scotland\n"
      "year starts 1 April\n"
      "waive 5.1 from 2024-05-22 to 2024-07-04 because \"general election\"\n"
      "body \"Corporate Parenting Board\" {\n"
      "  calendar none\n"
      "  year starts 1 september\n"
      "  council \"Rutland\"\n"
      "  waive 5.1 from 2025-01-01 to 2025-01-31 because \"snow\"\n"
      "  5.1 meets quarterly\n"
      "}\n");
  CHECK(f.defaults.council == "Rutland County Council");
  CHECK(f.defaults.calendar == division::scotland);
  CHECK(f.defaults.year_start_month == 4);
  REQUIRE(f.waivers.size() == 1);
  CHECK(f.waivers[0].label == "5.1");
  CHECK(f.waivers[0].from == test::d("2024-05-22"));
  CHECK(f.waivers[0].to == test::d("2024-07-04"));
  CHECK(f.waivers[0].reason == "general election");
  const ast::body& b = f.bodies.at(0);
  CHECK(b.overrides.calendar == division::none);
  CHECK(b.overrides.year_start_month == 9);
  CHECK(b.overrides.council == "Rutland");
  CHECK(b.waivers.size() == 1);
  const ast::resolved_settings r = ast::resolve(f, b);
  CHECK(r.calendar == division::none);
  CHECK(r.year_start_month == 9);
  CHECK(r.council == "Rutland");
}

TEST_CASE("settings that cannot mean anything are rejected") {
  const std::string body = "body \"B\" {\n  5.1 meets quarterly\n}\n";
  CHECK_THAT(rule_errors("year starts 31 April\n" + body), Catch::Matchers::Contains("there is no 31 April"));
  CHECK_THAT(rule_errors("year starts 15 April\n" + body),
             Catch::Matchers::Contains("a year must start on the 1st of a month, got 15"));
  CHECK_THAT(rule_errors("year starts 1 Apirl\n" + body), Catch::Matchers::Contains("unknown month 'Apirl'"));
  CHECK_THAT(rule_errors("calendar wales\n" + body),
             Catch::Matchers::Contains("expected 'england-and-wales', 'scotland', 'northern-ireland' or 'none'"));
  CHECK_THAT(rule_errors("waive 9.9 from 2024-01-01 to 2024-02-01 because \"x\"\n" + body),
             Catch::Matchers::Contains("waiver for clause '9.9', but no statement in this file has that label"));
  CHECK_THAT(rule_errors("waive 5.1 from 2024-03-01 to 2024-02-01 because \"x\"\n" + body),
             Catch::Matchers::Contains("the waiver ends on 2024-02-01 before it starts on 2024-03-01"));
  CHECK_THAT(rule_errors("waive 5.1 from 2024-03-01 to 2024-04-01\n" + body),
             Catch::Matchers::Contains("expected 'because' and a quoted reason after the end date"));
  CHECK_THAT(rule_errors(body + "council \"Late\"\n"), Catch::Matchers::Contains("file settings come before the first body"));
  CHECK_THAT(rule_errors("body \"B\" {\n  waive 7 from 2024-01-01 to 2024-02-01 because \"x\"\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("waiver for clause '7', but no statement in this body has that label"));
}

TEST_CASE("the structure of a rule file is checked") {
  CHECK_THAT(rule_errors("body \"B\" {\n  5.1 meets quarterly\n"),
             Catch::Matchers::Contains("test.remit:1:1: error: body \"B\" is never closed"));
  CHECK_THAT(rule_errors("body \"B\" {\n  5.1 meets quarterly\n}\n}\n"), Catch::Matchers::Contains("'}' with no body open"));
  CHECK_THAT(rule_errors("5.1 meets quarterly\n"), Catch::Matchers::Contains("a statement must be inside a body"));
  CHECK_THAT(rule_errors("body B {\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("expected the body's quoted name or '*' after 'body'"));
  CHECK_THAT(rule_errors("body \"B\"\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("expected '{' (or 'also \"OTHER NAME\"' for a renamed body, or 'from YYYY-MM-DD' for a "
                                       "version of the body's rules) after the body's name"));
  CHECK_THAT(rule_errors("body \"B\" {\n  5.1 meets quarterly\nbody \"C\" {\n  5.1 meets quarterly\n}\n"),
             Catch::Matchers::Contains("bodies do not nest"));
  CHECK_THAT(rule_errors("body \"B\" {\n  5.1 meets quarterly\n}\nbody \"b\" {\n  5.2 meets monthly\n}\n"),
             Catch::Matchers::Contains("body \"b\" is declared twice in this file (first on line 1)"));
  CHECK_THAT(rule_errors("council \"X\"\n"), Catch::Matchers::Contains("the rule file has no body"));
  CHECK_THAT(rule_errors("hello\n"), Catch::Matchers::Contains("expected a setting ('council', 'calendar', 'year starts', 'waive') or a body"));
}

TEST_CASE("a file with several errors reports every one of them, in order") {
  const std::string errors = rule_errors(
      "body \"B\" {\n"
      "  5.1 meets evry 2 months\n"
      "  5.2 meets quarterly\n"
      "  5.3 agenda published at least 5 clear working dayz before each meeting\n"
      "}\n");
  CHECK(errors ==
        "test.remit:2:13: error: expected 'every N months', 'at N weekly intervals', 'at least K times a year', 'twice a "
        "year', 'bi-monthly', 'monthly', 'quarterly', 'half-yearly', 'six-monthly', 'annually' or 'yearly' or 'jointly "
        "with' after 'meets', got 'evry'\n"
        "  5.1 meets evry 2 months\n"
        "            ^\n"
        "test.remit:4:49: error: expected 'days', 'working days', 'clear days' or 'clear working days' after the number, "
        "got 'dayz'\n"
        "  5.3 agenda published at least 5 clear working dayz before each meeting\n"
        "                                                ^\n");
}

TEST_CASE("each statement form builds its AST node") {
  SECTION("gap with grace") {
    const auto f = rules(in_body("5.1 meets every 2 months with 7 days grace"));
    const auto& s = only_statement(f);
    CHECK(s.label == "5.1");
    CHECK(s.text == "meets every 2 months with 7 days grace");
    CHECK(s.where.line == 2);
    CHECK(s.where.column == 3);
    const auto& m = std::get<ast::meets>(s.what);
    const auto& g = std::get<ast::gap_frequency>(m.how_often);
    CHECK(g.count == 2);
    CHECK(g.unit == ast::time_unit::month);
    CHECK(g.grace_days == 7);
  }
  SECTION("named frequencies mean what docs/language.md says") {
    auto gap_of = [](const char* st) {
      const auto f = rules(in_body(st));
      return std::get<ast::gap_frequency>(std::get<ast::meets>(only_statement(f).what).how_often);
    };
    CHECK(gap_of("a meets at 6 weekly intervals").unit == ast::time_unit::week);
    CHECK(gap_of("a meets at 6 weekly intervals").count == 6);
    auto period_of = [](const char* st) {
      const auto f = rules(in_body(st));
      return std::get<ast::coverage_frequency>(std::get<ast::meets>(only_statement(f).what).how_often).period;
    };
    CHECK(period_of("a meets monthly") == ast::period_kind::month);
    CHECK(period_of("a meets quarterly") == ast::period_kind::quarter);
    CHECK(period_of("a meets half-yearly") == ast::period_kind::half_year);
    CHECK(period_of("a meets bi-monthly") == ast::period_kind::two_months);  // SPEC §1, amended 2026-12-07
    CHECK(period_of("a meets six-monthly") == ast::period_kind::half_year);
    CHECK(period_of("a meets annually") == ast::period_kind::year);
    CHECK(period_of("a meets yearly") == ast::period_kind::year);
    const auto twice = rules(in_body("a meets twice a year"));
    const auto c = std::get<ast::count_frequency>(std::get<ast::meets>(only_statement(twice).what).how_often);
    CHECK(c.times == 2);
    CHECK(c.period == ast::period_kind::year);
  }
  SECTION("counts in words mean their numbers; once and twice are 1 and 2") {
    const auto statement_of = [](const char* st) { return only_statement(rules(in_body(st))).what; };
    const auto count_of = [&](const char* st) {
      return std::get<ast::count_frequency>(std::get<ast::meets>(statement_of(st)).how_often);
    };
    const auto gap_of = [&](const char* st) {
      return std::get<ast::gap_frequency>(std::get<ast::meets>(statement_of(st)).how_often);
    };
    CHECK(gap_of("a meets every two months").count == 2);
    CHECK(gap_of("a meets every two months").unit == ast::time_unit::month);
    CHECK(gap_of("a meets every one month with seven days grace").count == 1);
    CHECK(gap_of("a meets every one month with seven days grace").grace_days == 7);
    CHECK(gap_of("a meets at six weekly intervals").count == 6);
    CHECK(gap_of("a meets at six weekly intervals").unit == ast::time_unit::week);
    CHECK(count_of("a meets four times a year").times == 4);
    CHECK(count_of("a meets four times a year").period == ast::period_kind::year);
    CHECK(count_of("a meets 4 times a year").times == 4);
    CHECK(count_of("a meets at least twelve times a month").times == 12);
    CHECK(count_of("a meets at least twelve times a month").period == ast::period_kind::month);
    CHECK(count_of("a meets once a year").times == 1);
    CHECK(count_of("a meets once a year").period == ast::period_kind::year);
    CHECK(count_of("a meets twice a quarter").times == 2);
    CHECK(count_of("a meets twice a quarter").period == ast::period_kind::quarter);
    CHECK(count_of("a meets at least once a half-year").times == 1);
    CHECK(count_of("a meets at least once a half-year").period == ast::period_kind::half_year);
    CHECK(count_of("a meets at least twice a month").times == 2);
    CHECK(count_of("a meets twice a year").times == 2);  // as it always was
    CHECK_FALSE(count_of("a meets four times a year").exactly);
    CHECK(count_of("a meets exactly four times a year").exactly);
    CHECK(count_of("a meets exactly four times a year").times == 4);
    CHECK(count_of("a meets exactly twice a quarter").times == 2);
    CHECK(count_of("a meets exactly twice a quarter").period == ast::period_kind::quarter);
    CHECK(count_of("a meets exactly once a month").times == 1);
    CHECK(std::get<ast::membership_size>(statement_of("m has exactly five members")).exactly);
    CHECK(std::get<ast::membership_size>(statement_of("m has exactly five members")).members == 5);
    CHECK_FALSE(std::get<ast::membership_size>(statement_of("m has at most five members")).exactly);
    // The same meaning in words and in digits: "four times a year" is "at least 4 times a year".
    CHECK(count_of("a meets four times a year").times == count_of("a meets at least 4 times a year").times);
    const std::array<const char*, 12> words{"one", "two",   "three", "four", "five",   "six",
                                            "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
    for (std::size_t i = 0; i < words.size(); ++i) {
      INFO(words[i]);
      const std::string quorum = std::string("q quorum ") + words[i] + " members";
      CHECK(std::get<ast::quorum>(statement_of(quorum.c_str())).members == static_cast<int>(i) + 1);
    }
    CHECK(std::get<ast::notice>(statement_of("n agenda published at least five clear working days before each meeting")).days == 5);
    CHECK(std::get<ast::preceded_by>(statement_of("p each meeting preceded by \"A\" within ten days")).days == 10);
    const auto size = std::get<ast::membership_size>(statement_of("m has at least two \"Co-opted\" members"));
    CHECK(size.members == 2);
    CHECK(size.role == std::optional<std::string>("Co-opted"));
    CHECK(std::get<ast::party_spread>(statement_of("m has members of at least three parties")).parties == 3);
    CHECK(std::get<ast::attended_by>(statement_of("a each meeting attended by \"SMT\" from at least four partners")).partners == 4);
    const auto trained = std::get<ast::trained_within>(statement_of("t each member trained in \"I\" within six months of joining"));
    CHECK(trained.count == 6);
    const auto report = std::get<ast::reports>(statement_of("r reports \"H\" three times a year to \"S\""));
    CHECK(std::get<ast::count_frequency>(report.how_often).times == 3);
    // The statement keeps its words as written: reports and remit fmt quote it so.
    CHECK(only_statement(rules(in_body("q quorum three members"))).text == "quorum three members");
  }
  SECTION("notice") {
    const auto f = rules(in_body("5.6 agenda published at least 5 clear working days before each meeting"));
    const auto& n = std::get<ast::notice>(only_statement(f).what);
    CHECK(n.days == 5);
    CHECK(n.clear);
    CHECK(n.working);
    const auto g = rules(in_body("5.6 agenda published at least 7 days before each meeting"));
    const auto& m = std::get<ast::notice>(only_statement(g).what);
    CHECK_FALSE(m.clear);
    CHECK_FALSE(m.working);
  }
  SECTION("people") {
    const auto q = rules(in_body("q quorum 3 members"));
    CHECK(std::get<ast::quorum>(only_statement(q).what).members == 3);
    const auto c = rules(in_body("3.1 chaired by \"Portfolio Holder\" or \"Vice-Chair\""));
    CHECK(std::get<ast::chaired_by>(only_statement(c).what).roles == std::vector<std::string>{"Portfolio Holder", "Vice-Chair"});
    const auto a = rules(in_body("1.9 each meeting attended by \"CiCC\""));
    CHECK(std::get<ast::attended_by>(only_statement(a).what).roles == std::vector<std::string>{"CiCC"});
    const auto m = rules(in_body("7 has member \"Virtual Head Teacher\""));
    CHECK(std::get<ast::has_member>(only_statement(m).what).roles == std::vector<std::string>{"Virtual Head Teacher"});
    const auto most = rules(in_body("7 has at most 10 \"Councillor\" members"));
    const auto& size = std::get<ast::membership_size>(only_statement(most).what);
    CHECK(size.at_most);
    CHECK(size.members == 10);
    CHECK(size.role == std::optional<std::string>("Councillor"));
    const auto least = rules(in_body("7 has at least 4 members"));
    const auto& floor = std::get<ast::membership_size>(only_statement(least).what);
    CHECK_FALSE(floor.at_most);
    CHECK(floor.members == 4);
    CHECK_FALSE(floor.role);
    const auto every = rules(in_body("5.6 each member attends every meeting"));
    CHECK(std::get<ast::attendance_rate>(only_statement(every).what).percent == 100);
    CHECK(std::get<ast::attendance_rate>(only_statement(every).what).period == ast::period_kind::year);
    const auto rate = rules(in_body("5.6 each member attends at least 75% of meetings each quarter"));
    CHECK(std::get<ast::attendance_rate>(only_statement(rate).what).percent == 75);
    CHECK(std::get<ast::attendance_rate>(only_statement(rate).what).period == ast::period_kind::quarter);
    const auto t = rules(in_body("2.9 each member trained in \"Induction\" within 6 weeks of joining"));
    const auto& trained = std::get<ast::trained_within>(only_statement(t).what);
    CHECK(trained.training == "Induction");
    CHECK(trained.count == 6);
    CHECK(trained.unit == ast::time_unit::week);
    const auto r = rules(in_body("3.2 role \"Vice-Chair\" rotates between partners annually"));
    CHECK(std::get<ast::rotates>(only_statement(r).what).role == "Vice-Chair");
  }
  SECTION("items, with escapes resolved") {
    const auto f = rules(in_body("5.5 each meeting has item \"say \\\"hi\\\" \\\\ bye\""));
    const auto& i = std::get<ast::has_item>(only_statement(f).what);
    CHECK(i.item.phrases == std::vector<std::string>{"say \"hi\" \\ bye"});
    CHECK_FALSE(i.item.is_regex);
    const auto g = rules(in_body("5.5 each meeting has item matching \"forward\\\\s+plan\""));
    CHECK(std::get<ast::has_item>(only_statement(g).what).item.phrases == std::vector<std::string>{"forward\\s+plan"});
    CHECK(std::get<ast::has_item>(only_statement(g).what).item.is_regex);
    const auto h = rules(in_body("5.5 each meeting has item \"Forward Plan\" or \"Work Programme\" or \"Work Plan\""));
    CHECK(std::get<ast::has_item>(only_statement(h).what).item.phrases ==
          std::vector<std::string>{"Forward Plan", "Work Programme", "Work Plan"});
    CHECK_FALSE(std::get<ast::has_item>(only_statement(h).what).item.is_regex);
  }
  SECTION("reports with and without a title") {
    const auto f = rules(in_body("6.2 reports \"Highlight\" at least 4 times a year to \"Scrutiny\""));
    const auto& r = std::get<ast::reports>(only_statement(f).what);
    CHECK(r.title == "Highlight");
    CHECK(r.recipient == "Scrutiny");
    CHECK(std::get<ast::count_frequency>(r.how_often).times == 4);
    const auto g = rules(in_body("6.2 reports quarterly to \"Scrutiny\""));
    CHECK_FALSE(std::get<ast::reports>(only_statement(g).what).title.has_value());
  }
  SECTION("reports to several recipients: one statement each, with the label and the text as written") {
    const auto f = rules(in_body("6.2 reports annually to \"Cabinet\" and \"Scrutiny Panel\" and \"Council\", severity minor"));
    REQUIRE(f.bodies[0].statements.size() == 3);
    const char* const to[] = {"Cabinet", "Scrutiny Panel", "Council"};
    for (std::size_t i = 0; i < 3; ++i) {
      const ast::statement& s = f.bodies[0].statements[i];
      CHECK(s.label == "6.2");
      CHECK(s.text == "reports annually to \"Cabinet\" and \"Scrutiny Panel\" and \"Council\", severity minor");
      CHECK(s.modifiers.severity == ast::severity::minor);
      CHECK(std::get<ast::reports>(s.what).recipient == to[i]);
    }
  }
  SECTION("receives, by a date and by a frequency") {
    const auto f = rules(in_body("6.3 receives \"Strategy\" by 2026-03-31"));
    const auto& r = std::get<ast::receives_by>(only_statement(f).what);
    CHECK(r.item.phrases == std::vector<std::string>{"Strategy"});
    CHECK(r.deadline == test::d("2026-03-31"));
    const auto g = rules(in_body("6.3 receives \"Terms of Reference\" annually"));
    CHECK(std::get<ast::receives>(only_statement(g).what).item.phrases == std::vector<std::string>{"Terms of Reference"});
    const auto h = rules(in_body("6.3 receives \"Terms of Reference\" or \"Constitution\" annually"));
    CHECK(std::get<ast::receives>(only_statement(h).what).item.phrases ==
          std::vector<std::string>{"Terms of Reference", "Constitution"});
    const auto m = rules(in_body("6.3 receives matching \"terms of reference|constitution\" by 2026-03-31"));
    CHECK(std::get<ast::receives_by>(only_statement(m).what).item.is_regex);
    CHECK(std::get<ast::receives_by>(only_statement(m).what).item.phrases ==
          std::vector<std::string>{"terms of reference|constitution"});
  }
  SECTION("joint meetings and precedence") {
    const auto f = rules(in_body("v meets jointly with \"Children in Care Council\" twice a year"));
    CHECK(std::get<ast::meets_jointly>(only_statement(f).what).partner.phrases ==
          std::vector<std::string>{"Children in Care Council"});
    const auto j = rules(in_body("v meets jointly with \"Children in Care Council\" or \"Care Leavers\" twice a year"));
    CHECK(std::get<ast::meets_jointly>(only_statement(j).what).partner.phrases ==
          std::vector<std::string>{"Children in Care Council", "Care Leavers"});
    const auto g = rules(in_body("10 each meeting preceded by \"Agenda Setting\" within 14 days"));
    const auto& p = std::get<ast::preceded_by>(only_statement(g).what);
    CHECK(p.title.phrases == std::vector<std::string>{"Agenda Setting"});
    CHECK(p.days == 14);
    const auto k = rules(in_body("10 each meeting preceded by matching \"agenda (setting|planning)\" since the previous meeting"));
    const auto& q = std::get<ast::preceded_by>(only_statement(k).what);
    CHECK(q.title.is_regex);
    CHECK(q.since_previous);
  }
  SECTION("body * and the source text of a statement") {
    const auto f = rules("body * {\n  notice  agenda published at least 5 clear working days before each meeting  # s.100B\n}\n");
    CHECK(f.bodies[0].every_body);
    CHECK(only_statement(f).text == "agenda published at least 5 clear working days before each meeting");
  }
}

TEST_CASE("layout: comments, blank lines, CRLF, a BOM, a last line without its line end") {
  const auto f = rules(
      "\xEF\xBB\xBF# header comment\r\n"
      "\r\n"
      "council \"X\"   # trailing\r\n"
      "body \"B\" {   # opens\r\n"
      "\r\n"
      "   # inside\r\n"
      "  5.1 meets quarterly\r\n"
      "}  # closes");
  CHECK(f.bodies.at(0).statements.size() == 1);
  CHECK(f.defaults.council == "X");
}
