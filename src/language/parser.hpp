// Rule file text → typed syntax tree. Errors become diagnostics; nothing is evaluated here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "language/ast.hpp"

namespace remit {

// Parses one rule file. A file with any error is rejected whole: the result is empty
// and every error found is in `diags`.
std::optional<ast::rule_file> parse_rule_file(std::string path, std::string_view text, diagnostics& diags);

// Reads and parses a rule file from disk; an unreadable file is a diagnostic too.
std::optional<ast::rule_file> load_rule_file(const std::string& path, diagnostics& diags);

}  // namespace remit
