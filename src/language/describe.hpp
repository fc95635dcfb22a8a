// Each statement's meaning in plain English, for reports that people read beside the statement
// as written: "The body must meet within 2 months of its previous held meeting (...)".
#pragma once

#include <string>
#include <string_view>

#include "language/ast.hpp"

namespace remit {

// The statement's meaning under the settings in force for its body (the year start names the
// periods; the calendar names the bank holidays skipped). One or two sentences, no trailing
// white space.
std::string describe(const ast::statement& s, const ast::resolved_settings& settings);

// The family that evaluates the statement (docs/language.md): "gap", "coverage", "count",
// "notice", "item", "deadline" or "precedence"; for the people statements "quorum", "chair",
// "attendance", "membership", "attendance rate", "training" or "rotation".
std::string_view family_name(const ast::statement& s);

// The kinds of people records the statement cannot be judged without (its form's records_needed).
ast::records records_needed(const ast::statement& s);

// The words for a period and an interval in every sentence remit writes: "quarter",
// "half-year"; "2 months", "1 week", "400 days".
std::string_view period_word(ast::period_kind p);
std::string interval_words(const ast::gap_frequency& f);

}  // namespace remit
