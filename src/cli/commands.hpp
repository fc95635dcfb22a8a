// The remit command line: one file per subcommand, each adding itself to the app.
#pragma once

#include <CLI/CLI.hpp>

namespace remit::cli {

// Exit statuses scripts can rely on (docs/guide.md).
inline constexpr int exit_clean = 0;
inline constexpr int exit_breach = 1;
inline constexpr int exit_bad_input = 2;

// Adds `remit check`; its callback stores the exit status in `status`.
void add_check_command(CLI::App& app, int& status);

}  // namespace remit::cli
