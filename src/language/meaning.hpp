// What a rule file means, written out without positions, comments or layout: two files mean
// the same exactly when their meanings are equal. remit fmt checks its own output with it.
#pragma once

#include <string>

#include "language/ast.hpp"

namespace remit {

std::string meaning_of(const ast::rule_file& file);

}  // namespace remit
