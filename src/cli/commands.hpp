// The remit command line: one file per subcommand, each adding itself to the app.
#pragma once

#include <CLI/CLI.hpp>

namespace remit::cli {

// Exit statuses scripts can rely on (docs/guide.md).
inline constexpr int exit_clean = 0;
inline constexpr int exit_breach = 1;
inline constexpr int exit_bad_input = 2;
// The rule-author tools (fmt --check, lint, test) exit 1 when they found something to fix.
inline constexpr int exit_findings = 1;

// Adds `remit check`; its callback stores the exit status in `status`.
void add_check_command(CLI::App& app, int& status);

// Adds `remit sweep`: every council of a folder or manifest in one report (docs/sweep.md).
void add_sweep_command(CLI::App& app, int& status);

// Adds `remit due`: what falls due next for every rule (docs/reports.md).
void add_due_command(CLI::App& app, int& status);

// Adds `remit verify REPORT.json`: runs the audit of a JSON report again from the files its
// manifest names, and says whether the result is the same (docs/reports.md).
void add_verify_command(CLI::App& app, int& status);

// The meeting-record tools (docs/inputs.md): `remit import` and `remit fetch moderngov`.
void add_import_command(CLI::App& app, int& status);
void add_fetch_command(CLI::App& app, int& status);

// The rule-author tools (docs/tools.md), one file each.
void add_fmt_command(CLI::App& app, int& status);
void add_lint_command(CLI::App& app, int& status);
void add_explain_command(CLI::App& app, int& status);
void add_test_command(CLI::App& app, int& status);

}  // namespace remit::cli
