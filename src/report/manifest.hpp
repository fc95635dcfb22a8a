// The manifest of an audit (audit_manifest in evaluate/findings.hpp): what a report was made
// from, in every format, so that `remit verify` can run the audit again and compare.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "evaluate/findings.hpp"
#include "language/ast.hpp"

namespace remit {

// The manifest of an audit of `files` and `logs` (each log's digest taken as it was read).
audit_manifest make_manifest(const std::vector<ast::rule_file>& files, const std::vector<log_file_summary>& logs,
                             bool accept_partial);

// "gov.uk bank holidays to 2027, sha256 632e7c27…", the whole digest, for people to compare.
std::string bank_holidays_words(const audit_manifest& m);

// The footer of the text outputs: remit's version, the window, the engine, the bank-holiday data, the limits
// set, then each file's digest as sha256sum prints it, so that `sha256sum -c` can check the files.
// Nothing when the caller filled no manifest.
void write_manifest_text(const audit_manifest& m, const audit_window& window, std::ostream& out);

}  // namespace remit
