// What a statement form's unit file (src/forms/<form>.cpp) needs from the language to check
// itself and to say what it means: the checker's hooks for one statement, and the phrases every
// form's words are built from.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "language/ast.hpp"

namespace remit {

// The checker, as one statement's form sees it: its errors point at the statement.
class form_check {
 public:
  virtual void require_text(const std::string& s, std::string_view what) = 0;  // "the role is empty"
  virtual void check_pattern(const std::string& pattern) = 0;                // RE2 must compile it
  virtual void error(std::string message) = 0;

 protected:
  ~form_check() = default;
};

// "every quarter (quarters start on 1 April, ...)", "every calendar month".
std::string periods_words(ast::period_kind p, int year_start_month);
// "1 week (7 days)", "2 calendar months".
std::string interval_with_days(const ast::gap_frequency& f);

// How a frequency reads for one kind of qualifying event.
struct frequency_subject {
  std::string one;                       // "hold at least one meeting"
  std::function<std::string(int)> many;  // 3 → "hold at least 3 meetings"
  std::string again;                     // "meet"
  std::string previous;                  // "its previous held meeting"
};
// "must meet within 2 calendar months of its previous held meeting; ...".
std::string with_frequency(const frequency_subject& who, const ast::frequency& f, int year_start_month);

// "Monday to Friday, except England and Wales bank holidays".
std::string_view calendar_words(division d);
std::string quoted(std::string_view s);
// "\"Chair\" or \"Vice-Chair\"".
std::string any_of_roles(const std::vector<std::string>& roles);
// What a title or an item must hold, said to people who do not read regular expressions:
// `containing "A"`, `containing any of: "A", "B"`, `matching the pattern given in the statement`
// (the pattern itself is shown only in the statement as written).
std::string match_words(const ast::title_match& m, std::string_view contains = "containing",
                        std::string_view matches = "matching");
// The phrases alone: `"A"`, `any of: "A", "B"` (not for a pattern).
std::string phrases_words(const ast::title_match& m);
// Its meaning for remit fmt's check: "[A] or [B]", "matching [REGEX]".
std::string match_meaning(const ast::title_match& m);
// Each phrase must not be empty (`what` names it, as require_text does); a pattern must compile.
void check_match(const ast::title_match& m, form_check& c, std::string_view what);
// A role is held by the person's role in the attendance record or by a membership in force.
inline constexpr std::string_view role_note =
    "A person holds a role when the attendance record gives it, or a membership of the body in force on the day does";

// The family of a frequency statement: "gap", "coverage" or "count".
std::string_view frequency_family(const ast::frequency& f);
// A frequency's meaning for remit fmt's check (meaning.hpp): "gap 2 unit 2 grace 0".
std::string frequency_meaning(const ast::frequency& f);

}  // namespace remit
