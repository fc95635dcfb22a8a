// How lint findings are shown: as text for people, as SARIF 2.1.0 for code-review tools.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "lint/lint.hpp"

namespace remit::lint {

struct file_findings {
  std::string path;
  std::string text;  // the file's source, to quote the line of each finding
  std::vector<finding> findings;
};

// file:line:column: warning RL006: message, then the line and a caret under the column.
void write_text(const std::vector<file_findings>& files, std::ostream& out);
// One SARIF run of the tool "remit lint", with every check as a rule and every finding as a result.
void write_sarif(const std::vector<file_findings>& files, std::ostream& out);

}  // namespace remit::lint
