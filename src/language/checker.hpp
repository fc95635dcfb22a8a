// Rules that parse but cannot mean anything: waivers for labels no rule has, regular
// expressions RE2 rejects, bodies declared twice, empty names.
#pragma once

#include "core/diagnostic.hpp"
#include "language/ast.hpp"

namespace remit {

// Adds a diagnostic for each problem; returns true when the file is sound.
bool check_rule_file(const ast::rule_file& file, diagnostics& diags);

}  // namespace remit
