#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "core/limits.hpp"
#include "core/output_file.hpp"

int main(int argc, char** argv) {
  remit::remove_temporaries_on_signals();
  CLI::App app{
      "remit audits the meeting records of council committees against their Terms of Reference.\n"
      "It reads rule files (*.remit) and meeting logs (CSV, JSON Lines or ModernGov XML), and reports every breach with its clause and evidence.\n\n"
      "  remit check rules/rutland.remit --from 2024-04-01 --to 2026-03-31 \\\n"
      "    --log corpora/rutland/meetings.csv --log corpora/rutland/attendance.csv \\\n"
      "    --log corpora/rutland/membership.csv --log corpora/rutland/training.jsonl\n\n"
      "Exit status: 0 no breach, 1 at least one breach, 2 bad usage, rules or logs.",
      "remit"};
  app.set_version_flag("--version", std::string("remit ") + REMIT_VERSION);
  app.require_subcommand(0, 1);  // none is an error too, but --version must work alone
  // Limits apply to every subcommand, and may be given before or after it (fallthrough).
  std::string limit_help = "Set a resource limit, NAME=VALUE (repeat for several); sizes take K, M or G:";
  for (const remit::limit_info& l : remit::limits())
    limit_help += fmt::format("\n  {}: {} (default {})", l.name, l.what, remit::limit_words(l.which, l.default_value));
  app.add_option_function<std::vector<std::string>>(
         "--limit",
         [&app](const std::vector<std::string>& assignments) {
           // Pointing to remit's help, which lists the limits, whichever command was run.
           for (const std::string& a : assignments)
             if (const std::string why = remit::set_limit(a); !why.empty())
               throw remit::cli::usage_error("--limit: " + why, &app);
         },
         limit_help)
      ->allow_extra_args(false)  // one NAME=VALUE per --limit: a rule file after it is not a limit
      ->type_name("NAME=VALUE");
  app.fallthrough();
  int status = remit::cli::exit_clean;
  remit::cli::add_check_command(app, status);
  remit::cli::add_sweep_command(app, status);
  remit::cli::add_due_command(app, status);
  remit::cli::add_fmt_command(app, status);
  remit::cli::add_lint_command(app, status);
  remit::cli::add_explain_command(app, status);
  remit::cli::add_test_command(app, status);
  remit::cli::add_import_command(app, status);
  remit::cli::add_fetch_command(app, status);
  remit::cli::add_verify_command(app, status);
  remit::cli::add_help_command(app, status);
  app.footer("Run 'remit help COMMAND' (or 'remit COMMAND --help') for the options of one command.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // In remit's words, pointing to the help of the command that was run.
    const remit::cli::usage_words said = remit::cli::explain_usage_error(app, e);
    remit::cli::say_usage_error(said.help_command, said.message);
    return remit::cli::exit_bad_input;
  } catch (const std::exception& e) {
    // A tool failure, not a problem in the user's input: say so plainly.
    std::cerr << "remit: internal error: " << e.what() << '\n';
    return remit::cli::exit_bad_input;
  }
  if (app.get_subcommands().empty()) {
    remit::cli::say_usage_error("remit", "a subcommand is required, as in 'remit check RULES --log LOG'");
    return remit::cli::exit_bad_input;
  }
  return status;
}
