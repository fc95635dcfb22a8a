// remit lint: each check finds what it is for, and stays quiet where the rule file is sound.
#include <algorithm>

#include <catch2/catch.hpp>

#include "lint/lint.hpp"
#include "support.hpp"

using namespace remit;
using Catch::Matchers::Contains;

namespace {

lint::context as_of(std::string_view day) { return {test::d(day), std::nullopt, nullptr}; }

std::vector<lint::finding> lint_text(std::string_view text, const lint::context& ctx = as_of("2026-01-01")) {
  const ast::rule_file file = test::rules(text);
  return lint::lint_file(file, ctx);
}

std::vector<std::string> codes(const std::vector<lint::finding>& found) {
  std::vector<std::string> out;
  for (const auto& f : found) out.emplace_back(f.code);
  return out;
}

std::string board(std::string_view statements, std::string_view settings = "") {
  return std::string(settings) + "body \"Corporate Parenting Board\" {\n" + std::string(statements) + "}\n";
}

}  // namespace

TEST_CASE("every check has a stable code, a name and a summary, in order", "[lint]") {
  const auto all = lint::checks();
  REQUIRE(all.size() == 12);
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].code == fmt::format("RL{:03}", i + 1));
    CHECK_FALSE(all[i].name.empty());
    CHECK_FALSE(all[i].summary.empty());
    CHECK(lint::find_check(all[i].code) == &all[i]);
  }
}

TEST_CASE("a sound rule file has no finding", "[lint]") {
  CHECK(lint_text(board("  5.1  meets bi-monthly\n"
                        "  5.5  each meeting has item \"Forward Plan\"\n"
                        "  5.6  agenda published at least 5 clear working days before each meeting\n"
                        "  6.2  reports quarterly to \"Scrutiny\"\n"
                        "  6.3  receives \"Terms of Reference\" annually\n",
                        "year starts 1 April\nwaive 6.3 from 2025-03-01 to 2025-04-30 because \"snow\"\n"))
            .empty());
}

TEST_CASE("RL001: a waiver in whose window nothing can fall due", "[lint]") {
  // Quarters from 1 April end on 30 June, 30 September, 31 December and 31 March.
  CHECK(codes(lint_text(board("  1.9  meets quarterly\n", "year starts 1 April\nwaive 1.9 from 2025-07-01 to 2025-09-29 because \"x\"\n"))) ==
        std::vector<std::string>{"RL001"});
  CHECK(lint_text(board("  1.9  meets quarterly\n", "year starts 1 April\nwaive 1.9 from 2025-07-01 to 2025-09-30 because \"x\"\n"))
            .empty());
  // Without "clear", a working-day notice falls due on a working day: not over a weekend.
  const auto weekend = lint_text(board("  5.6  agenda published at least 5 working days before each meeting\n",
                                       "waive 5.6 from 2025-05-03 to 2025-05-05 because \"x\"\n"));
  REQUIRE(codes(weekend) == std::vector<std::string>{"RL001"});
  CHECK_THAT(weekend[0].message, Contains("falls due only on working days"));
  // With "clear" the due date is the day before a working day, which can be a Sunday.
  CHECK(lint_text(board("  5.6  agenda published at least 5 clear working days before each meeting\n",
                        "waive 5.6 from 2025-05-03 to 2025-05-05 because \"x\"\n"))
            .empty());
  // A gap rule can fall due on any day.
  CHECK(lint_text(board("  5.1  meets every 2 months\n", "waive 5.1 from 2025-05-03 to 2025-05-03 because \"x\"\n")).empty());
  // A two-month period falls due only on the last day of its second month.
  CHECK(codes(lint_text(board("  5.1  meets bi-monthly\n", "waive 5.1 from 2025-05-03 to 2025-05-03 because \"x\"\n"))) ==
        std::vector<std::string>{"RL001"});
}

TEST_CASE("RL002: a waiver that ended before the audit window, only when the window is given", "[lint]") {
  const std::string text = board("  5.1  meets bi-monthly\n", "waive 5.1 from 2024-05-22 to 2024-07-04 because \"election\"\n");
  CHECK(lint_text(text).empty());
  lint::context ctx = as_of("2026-01-01");
  ctx.window_from = test::d("2024-07-05");
  CHECK(codes(lint_text(text, ctx)) == std::vector<std::string>{"RL002"});
  ctx.window_from = test::d("2024-07-04");
  CHECK(lint_text(text, ctx).empty());
}

TEST_CASE("RL003: frequencies no committee keeps", "[lint]") {
  const auto impossible = lint_text(board("  1  meets at least 29 times a month\n"));
  REQUIRE(codes(impossible) == std::vector<std::string>{"RL003"});
  CHECK_THAT(impossible[0].message, Contains("it can never be met"));
  CHECK_THAT(lint_text(board("  1  meets at least 13 times a month\n"))[0].message, Contains("more than one a week"));
  CHECK(lint_text(board("  1  meets at least 4 times a month\n")).empty());
  CHECK(lint_text(board("  1  meets at least 52 times a year\n")).empty());
  CHECK(codes(lint_text(board("  1  meets every 3 days\n"))) == std::vector<std::string>{"RL003"});
}

TEST_CASE("RL004: a grace as long as the interval", "[lint]") {
  CHECK(codes(lint_text(board("  1  meets every 1 month with 28 days grace\n"))) == std::vector<std::string>{"RL004"});
  CHECK(lint_text(board("  1  meets every 1 month with 27 days grace\n")).empty());
  CHECK(codes(lint_text(board("  1  meets every 2 weeks with 14 days grace\n"))) == std::vector<std::string>{"RL004"});
}

TEST_CASE("RL005: statements that can never be breached", "[lint]") {
  CHECK(codes(lint_text(board("  v  meets jointly with \"parenting board\" twice a year\n"))) == std::vector<std::string>{"RL005"});
  CHECK(codes(lint_text(board("  p  each meeting preceded by \"Board\" within 30 days\n"))) == std::vector<std::string>{"RL005"});
  CHECK(codes(lint_text(board("  i  each meeting has item matching \"(voice)?\"\n"))) == std::vector<std::string>{"RL005"});
  CHECK(codes(lint_text(board("  c  chaired by \"Vice-Chair\" or \"chair\"\n"))) == std::vector<std::string>{"RL005"});
  CHECK(codes(lint_text(board("  c  chaired by \"Chair\" or \"Vice-Chair\" when \"Chair\" is absent\n"))).empty());
  CHECK(codes(lint_text(board("  r  reports six-monthly to matching \"scrutiny|\"\n"))) == std::vector<std::string>{"RL005"});
  CHECK(codes(lint_text(board("  r  reports six-monthly to matching \"scrutiny\"\n"))).empty());
  CHECK(codes(lint_text(board("  c  chaired by \"Vice-Chair\"\n"))).empty());
  CHECK(lint_text(board("  v  meets jointly with \"young people\" twice a year\n"
                        "  i  each meeting has item matching \"voice|lived experience\"\n"))
            .empty());
  // For body * the names come from the logs: nothing to compare with.
  CHECK(lint_text("body * {\n  v  meets jointly with \"Board\" twice a year\n}\n").empty());
}

TEST_CASE("RL006: statements that say the same, or add nothing", "[lint]") {
  const auto same = lint_text(board("  5   meets every 2 months\n  10  meets every 2 months\n"));
  REQUIRE(codes(same) == std::vector<std::string>{"RL006"});
  CHECK(same[0].where.line == 3);
  CHECK(same[0].related->line == 2);
  CHECK_THAT(same[0].message, Contains("says the same as clause 5 on line 2"));
  // A gap of two months leaves no two-month period empty: "bi-monthly" adds nothing to it (the
  // seed ToR of Rotherham says both), and the two do not disagree, however short February is.
  const auto cadence = lint_text(board("  5   meets every 2 months\n  10  meets bi-monthly\n"));
  REQUIRE(codes(cadence) == std::vector<std::string>{"RL006"});
  CHECK_THAT(cadence[0].message, Contains("clause 10 (meets bi-monthly) adds nothing to clause 5 on line 2"));
  CHECK(codes(lint_text(board("  5   meets every 2 months with 3 days grace\n  10  meets bi-monthly\n"))) ==
        std::vector<std::string>{"RL007"});
  // An advisory statement makes no duty redundant (rules/tor-versions.remit, 4.1 and 4.2).
  CHECK(lint_text(board("  4.1  meets quarterly\n  4.2  meets every 2 months, advisory\n")).empty());
  CHECK(codes(lint_text(board("  4.1  meets quarterly, advisory\n  4.2  meets every 2 months\n"))) ==
        std::vector<std::string>{"RL006"});
  // Monthly gives three in every quarter: "at least 2 times a quarter" adds nothing. Reported on the weaker.
  const auto weaker = lint_text(board("  a  meets at least 2 times a quarter\n  b  meets monthly\n"));
  REQUIRE(codes(weaker) == std::vector<std::string>{"RL006"});
  CHECK(weaker[0].where.line == 2);
  CHECK(codes(lint_text(board("  a  meets quarterly\n  b  meets at least 1 time a quarter\n"))) == std::vector<std::string>{"RL006"});
  CHECK(codes(lint_text(board("  a  each meeting has item \"Forward Plan\"\n  b  each meeting has item \"plan\"\n"))) ==
        std::vector<std::string>{"RL006"});
  // Different events, or neither stronger: nothing.
  CHECK(lint_text(board("  a  meets quarterly\n  b  receives \"Budget\" quarterly\n")).empty());
  // Monthly makes both the quarter's two and bi-monthly's one in each two-month period redundant.
  CHECK(codes(lint_text(board("  a  meets at least 2 times a quarter\n  b  meets at least 1 time a month\n  c  meets bi-monthly\n"))) ==
        std::vector<std::string>{"RL006", "RL006"});
  CHECK(lint_text(board("  a  agenda published at least 5 days before each meeting\n"
                        "  b  agenda published at least 5 working days before each meeting\n"))
            .size() == 1);  // working days go further back: b makes a redundant
}

TEST_CASE("RL007: a gap that can skip a whole period of another rule on the same events", "[lint]") {
  CHECK(codes(lint_text(board("  a  meets every 400 days\n  b  meets annually\n"))) == std::vector<std::string>{"RL007"});
  CHECK(codes(lint_text(board("  a  meets every 6 months\n  b  meets twice a year\n"))) == std::vector<std::string>{"RL007"});
  // six-monthly is one in each half-year: two in every year, so "twice a year" adds nothing.
  CHECK(codes(lint_text(board("  a  meets six-monthly\n  b  meets twice a year\n"))) == std::vector<std::string>{"RL006"});
  CHECK(lint_text(board("  a  meets every 2 months\n  b  meets at least 4 times a year\n")).empty());
  CHECK(lint_text(board("  a  meets every 400 days\n  b  receives \"Budget\" annually\n")).empty());
}

TEST_CASE("RL008: a label used again after other clauses", "[lint]") {
  CHECK(codes(lint_text(board("  5.1  meets quarterly\n  5.2  each meeting has item \"A\"\n  5.1  each meeting has item \"B\"\n"))) ==
        std::vector<std::string>{"RL008"});
  CHECK(lint_text(board("  2.4  receives \"A\" annually\n  2.4  receives \"B\" annually\n  2.5  meets quarterly\n")).empty());
}

TEST_CASE("RL009: a deadline that has passed, with nothing in the logs that met it", "[lint]") {
  const std::string text = board("  6.3  receives \"Strategy\" by 2025-03-31\n");
  CHECK(lint_text(text, as_of("2025-03-31")).empty());
  CHECK(codes(lint_text(text, as_of("2025-04-01"))) == std::vector<std::string>{"RL009"});
  const event_log met = test::csv_log("body,date,items\nCorporate Parenting Board,2025-03-12,Strategy 2025\n");
  lint::context ctx = as_of("2026-01-01");
  ctx.log = &met;
  CHECK(lint_text(text, ctx).empty());
  const event_log late = test::csv_log("body,date,items\nCorporate Parenting Board,2025-04-12,Strategy 2025\n");
  ctx.log = &late;
  const auto found = lint_text(text, ctx);
  REQUIRE(codes(found) == std::vector<std::string>{"RL009"});
  CHECK_THAT(found[0].message, Contains("the logs show no held meeting"));
}

TEST_CASE("RL011: an alternative that another alternative already covers", "[lint]") {
  const auto found = lint_text(board("  5.5  each meeting has item \"Forward\" or \"Forward Plan\"\n"));
  REQUIRE(codes(found) == std::vector<std::string>{"RL011"});
  CHECK_THAT(found[0].message, Contains("the alternative \"Forward Plan\" adds nothing"));
  CHECK(codes(lint_text(board("  6.3  receives \"Terms of Reference\" or \"terms of  reference\" annually\n"))) ==
        std::vector<std::string>{"RL011"});
  CHECK(codes(lint_text(board("  10  each meeting preceded by \"Agenda\" or \"Agenda Setting\" within 14 days\n"))) ==
        std::vector<std::string>{"RL011"});
  CHECK(codes(lint_text(board("  v  meets jointly with \"Care Leavers\" or \"Leavers\" twice a year\n"))) ==
        std::vector<std::string>{"RL011"});
  CHECK(codes(lint_text(board("  4.3  each meeting has title \"Annual\" or \"Annual Meeting\"\n"))) ==
        std::vector<std::string>{"RL011"});
  // Alternatives that each find something the other does not, and patterns, are not flagged.
  CHECK(lint_text(board("  5.5  each meeting has item \"Forward Plan\" or \"Work Programme\"\n")).empty());
  CHECK(lint_text(board("  5.5  each meeting has item matching \"forward|forward plan\"\n")).empty());
}

TEST_CASE("RL005: a pattern of a title or an item that matches an empty text", "[lint]") {
  CHECK(codes(lint_text(board("  6.3  receives matching \"terms|\" annually\n"))) == std::vector<std::string>{"RL005"});
  CHECK(codes(lint_text(board("  10  each meeting preceded by matching \"x*\" within 14 days\n"))) ==
        std::vector<std::string>{"RL005"});
  const auto title = lint_text(board("  4.4  each meeting has title matching \"annual|\"\n"));
  REQUIRE(codes(title) == std::vector<std::string>{"RL005"});
  CHECK_THAT(title[0].message, Contains("'each meeting has a title' says so plainly"));
  CHECK(lint_text(board("  4.2  each meeting has a title\n")).empty());
}

TEST_CASE("RL010: a setting written twice in one place", "[lint]") {
  CHECK(codes(lint_text(board("  1  meets quarterly\n  calendar none\n  calendar scotland\n"))) == std::vector<std::string>{"RL010"});
  CHECK(lint_text(board("  1  meets quarterly\n  calendar none\n", "calendar scotland\n")).empty());  // an override, not a repeat
}

TEST_CASE("RL012: an exact count beside one it contradicts", "[lint]") {
  using v = std::vector<std::string>;
  // Monthly is at least 12 a year; exactly 4 a year allows no more than 4.
  const auto monthly = lint_text(board("  1  meets exactly 4 times a year\n  2  meets monthly\n"));
  REQUIRE(codes(monthly) == v{"RL012"});
  CHECK_THAT(monthly[0].message, Contains("clause 1 needs exactly 4 in a year, clause 2 at least 12"));
  REQUIRE(monthly[0].related);
  CHECK(monthly[0].related->line == 2);
  // Exactly twice a quarter is exactly 8 a year; exactly once a quarter is at most 4, fewer than 6.
  CHECK(codes(lint_text(board("  1  meets exactly four times a year\n  2  meets exactly twice a quarter\n"))) == v{"RL012"});
  CHECK(codes(lint_text(board("  1  meets exactly once a quarter\n  2  meets at least 6 times a year\n"))) == v{"RL012"});
  // A gap of one calendar month leaves no month empty: 12 a year at least.
  CHECK(codes(lint_text(board("  1  meets exactly 4 times a year\n  2  meets every 1 month\n"))) == v{"RL012"});
  // Agreeing counts: exactly once a quarter is exactly 4 a year, and at least 4 a year follows from it.
  CHECK(codes(lint_text(board("  1  meets exactly once a quarter\n  2  meets exactly 4 times a year\n"))) == v{"RL006"});
  CHECK(codes(lint_text(board("  1  meets exactly 4 times a year\n  2  meets at least 4 times a year\n"))) == v{"RL006"});
  CHECK(lint_text(board("  1  meets exactly 4 times a year\n  2  meets annually\n  3  meets exactly twice a half-year\n"))
            .size() == 2);  // annually and twice a half-year add nothing (RL006), contradict nothing
  // Different events: no contradiction.
  CHECK(lint_text(board("  1  meets exactly 4 times a year\n  2  receives \"Budget\" monthly\n")).empty());
  // A meeting that approves an item receives it: receiving exactly once a year caps approving at once.
  const auto approving = lint_text(board("  1  receives \"Code of Conduct\" exactly once a year\n"
                                         "  2  approves \"Code of Conduct\" twice a year\n"));
  REQUIRE(codes(approving) == v{"RL012"});
  CHECK_THAT(approving[0].message, Contains("clause 1 needs exactly 1 in a year, clause 2 at least 2"));
  // Approving fewer than are received, or another item: no contradiction.
  CHECK(lint_text(board("  1  receives \"Code of Conduct\" exactly twice a year\n"
                        "  2  approves \"Code of Conduct\" exactly once a year\n")).empty());
  CHECK(lint_text(board("  1  receives \"Budget\" exactly once a year\n  2  approves \"Code of Conduct\" twice a year\n"))
            .empty());
  // Members: a lower bound above an upper bound, of the same role or of all the members.
  const auto members = lint_text(board("  3  has exactly 5 members\n  4  has at least 7 members\n"));
  REQUIRE(codes(members) == v{"RL012"});
  CHECK_THAT(members[0].message, Contains("clause 4 needs at least 7 members, clause 3 allows at most 5"));
  CHECK(codes(lint_text(board("  3  has exactly 5 members\n  4  has at least 7 \"Councillor\" members\n"))) == v{"RL012"});
  CHECK(codes(lint_text(board("  3  has exactly 5 \"Councillor\" members\n  4  has exactly 4 \"Councillor\" members\n"))) ==
        v{"RL012"});
  CHECK(lint_text(board("  3  has exactly 5 \"Councillor\" members\n  4  has at least 7 members\n")).empty());
  CHECK(lint_text(board("  3  has exactly 5 members\n  4  has at least 5 members\n  5  has at most 9 members\n")).empty());
  // A kind of member is among all the members; a quorum of N needs N members to be present.
  const auto kinds = lint_text(board("  3  has at most 2 members\n  4  has at least 3 co-opted members\n"));
  REQUIRE(codes(kinds) == v{"RL012"});
  CHECK_THAT(kinds[0].message, Contains("clause 4 needs at least 3 co-opted members, clause 3 allows at most 2"));
  CHECK(codes(lint_text(board("  3  has exactly 4 elected members\n  4  has at least 5 elected members\n"))) == v{"RL012"});
  CHECK(lint_text(board("  3  has at most 2 elected members\n  4  has at least 3 co-opted members\n")).empty());
  CHECK(lint_text(board("  3  has at most 2 voting members\n  4  has at least 3 members\n")).empty());
  const auto quorum = lint_text(board("  3  quorum 5 members\n  4  has at most 4 members\n"));
  REQUIRE(codes(quorum) == v{"RL012"});
  CHECK_THAT(quorum[0].message, Contains("clause 3 needs at least 5 members present for a quorum, clause 4 allows at most 4"));
  CHECK(codes(lint_text(board("  3  quorum 3 voting members\n  4  has at most 2 voting members\n"))) == v{"RL012"});
  CHECK(lint_text(board("  3  quorum 3 voting members\n  4  has at most 2 elected members\n")).empty());
  CHECK(lint_text(board("  3  quorum 4 members\n  4  has at most 4 members\n")).empty());
  const auto including = lint_text(board("  3  quorum 3 members including 4 elected members\n"));
  REQUIRE(codes(including) == v{"RL012"});
  CHECK_THAT(including[0].message, Contains("asks that 4 of a quorum of 3 be present"));
  CHECK(lint_text(board("  3  quorum 3 members including 3 \"Councillor\"\n")).empty());
}

TEST_CASE("a '# lint: allow' comment on the line or right above it keeps a finding quiet", "[lint]") {
  const std::string pair = "  5   meets every 2 months\n";
  CHECK(lint_text(board(pair + "  10  meets bi-monthly  # lint: allow RL006 (the ToR says it twice)\n")).empty());
  CHECK(lint_text(board(pair + "  # the ToR says it twice\n  # lint: allow RL008, RL006\n  10  meets bi-monthly\n")).empty());
  CHECK(codes(lint_text(board(pair + "  # lint: allow RL006\n\n  10  meets bi-monthly\n"))) == std::vector<std::string>{"RL006"});
  CHECK(codes(lint_text(board(pair + "  10  meets bi-monthly  # lint: allow RL007\n"))) == std::vector<std::string>{"RL006"});
}
