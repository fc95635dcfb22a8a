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

// Reads a whole file. Returns nullopt and says why in `why` when it cannot.
std::optional<std::string> read_file(const std::string& path, std::string& why);

// What `path` is when it is there but is not a regular file (nor a folder, which has its own
// message): "a named pipe", "a device", "a socket"; "" otherwise. For the commands that must read
// only regular files: a named pipe holds a reader until something writes to it, and a device
// may never end.
std::string not_regular_file(const std::string& path);

}  // namespace remit
