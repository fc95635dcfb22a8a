// The regular expressions of a rule file (`matching "..."`), compiled the same way wherever they
// are read: by RE2, whose time is linear whatever the pattern; with case ignored, since names and
// titles are compared folded; problems returned through `ok()`/`error()`, never printed.
#pragma once

#include <memory>
#include <string>

#include <re2/re2.h>

namespace remit {

std::unique_ptr<const re2::RE2> compile_pattern(const std::string& pattern);

}  // namespace remit
