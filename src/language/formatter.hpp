// The canonical layout of a rule file (docs/tools.md, "remit fmt"). Formatting never changes
// what a file means and never loses a comment: it only moves words and lines into one house
// layout, so that every rule file reads alike and a review shows changes of meaning only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "language/ast.hpp"

namespace remit {

// The canonical text of a file that parsed. Formatting the result again gives it back
// byte for byte, and parsing it gives a file that means the same.
std::string format_rule_file(const ast::rule_file& file);

// The words of a statement or setting as the grammar reads them: split at spaces and tabs
// outside double-quoted strings, up to a '#' outside a string. Strings are kept as written,
// quotes and escapes included.
std::vector<std::string_view> words_of(std::string_view line);

}  // namespace remit
