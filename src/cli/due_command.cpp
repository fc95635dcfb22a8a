// remit due RULES... --log LOG... [--as-of D] [--horizon DAYS] [--format FORMAT[=FILE]]... [-o FILE]
#include <algorithm>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/audit_options.hpp"
#include "cli/clock.hpp"
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "cli/outputs.hpp"
#include "report/due_reporter.hpp"
#include "session/audit_session.hpp"

namespace remit::cli {

namespace {

struct due_options {
  std::vector<std::string> rules;
  std::vector<std::string> logs;
  std::string as_of;
  int horizon = 90;
  std::vector<std::string> formats;  // FORMAT or FORMAT=FILE (cli/outputs.hpp); none: text
  std::string output;
  std::string color = "auto";
  bool accept_partial = false;
};

bool use_colour(const due_options& o) {
  if (o.color == "always") return true;
  if (o.color == "never" || !o.output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return (!no_color || !*no_color) && isatty(STDOUT_FILENO) && !(term && std::string_view(term) == "dumb");
}

constexpr command_words due_words{"looked ahead at", "use the rows that were read"};

int run_due(const due_options& o) {
  std::string problem;
  const std::vector<output_target> targets = plan_outputs(o.formats, o.output, "text", problem);
  if (targets.empty()) {
    say_usage_error("remit due", problem);
    return exit_bad_input;
  }
  if (const std::string clash = outputs_clash(targets, run_inputs(o.rules, o.logs)); !clash.empty()) {
    std::cerr << "remit: error: " << clash << '\n';
    return exit_bad_input;
  }
  date as_of = today();
  if (!o.as_of.empty()) {
    const auto d = date_option(o.as_of, "--as-of");
    if (!d) return exit_bad_input;
    as_of = *d;
  }

  auto session = audit_session::read({.rules = o.rules, .logs = o.logs, .accept_partial = o.accept_partial}, due_words);
  if (!session) return exit_bad_input;
  if (session->log().events.empty()) {
    std::cerr << "remit: error: the logs hold no events, so there is nothing to count from\n";
    return exit_bad_input;
  }
  const std::optional<due_report> looked_ahead = session->look_ahead(as_of, o.horizon);
  if (!looked_ahead) return exit_bad_input;
  const due_report& report = *looked_ahead;

  const auto render = [&](const output_target& t, std::ostream& out) {
    find_due_reporter(t.format)->make(report_options{t.path.empty() && use_colour(o)})->write(report, out);
  };
  if (const std::string failed = write_outputs(targets, render, std::cout); !failed.empty()) {
    std::cerr << "remit: error: " << failed << '\n';
    return exit_bad_input;
  }
  // Advisory wording owes advice, not a duty: only an overdue duty makes the exit status 1.
  const bool duty_overdue = std::any_of(report.obligations.begin(), report.obligations.end(), [](const obligation& o) {
    return o.status == obligation_status::overdue && !o.statement->modifiers.advisory;
  });
  return duty_overdue ? exit_breach : exit_clean;
}

}  // namespace

void add_due_command(CLI::App& app, int& status) {
  auto options = std::make_shared<due_options>();
  CLI::App* due = app.add_subcommand("due", "List what falls due next for every rule, and what is already overdue.");
  due->footer(
      "Examples:\n"
      "  remit due rules/blackburn-with-darwen.remit --as-of 2026-03-31 \\\n"
      "    --log corpora/blackburn-with-darwen/meetings.csv --log corpora/blackburn-with-darwen/attendance.csv \\\n"
      "    --log corpora/blackburn-with-darwen/membership.csv\n"
      "  remit due council.remit --log meetings.csv --horizon 180 --format text --format ics=deadlines.ics\n\n"
      "For each rule: the latest date for the next meeting (or report, or item), the end of the next period\n"
      "with nothing in it yet, the agenda deadline of each planned meeting in the log, and `by` deadlines.\n"
      "Overdue obligations are listed first, then the rest by date, up to --horizon days after --as-of.\n"
      "Exit status: 0 nothing overdue, 1 a duty overdue (advisory statements never count), 2 bad usage, rules or logs.\n"
      "See docs/guide.md and docs/reports.md.");
  due->add_option("rules", options->rules, "Rule files (*.remit) (docs/language.md)")->required()->type_name("RULES");
  due->add_option("--log", options->logs,
                  "A meeting log (docs/inputs.md); repeat --log for several, their events are merged. Events after "
                  "--as-of count only as planned (scheduled, not cancelled or postponed)")
      ->required()
      ->type_name("LOG");
  due->add_option("--as-of", options->as_of, "The day to look ahead from, yyyy-mm-dd (default: today)")
      ->check(iso_date())
      ->type_name("DATE");
  due->add_option("--horizon", options->horizon, "How many days ahead of --as-of to list, 0 to 36600")
      ->check(whole_number("--horizon", 0, 36600))
      ->capture_default_str()
      ->type_name("DAYS");
  std::vector<std::string> formats;
  std::string format_help = "Output format:";
  for (const due_reporter_entry& r : due_reporters()) {
    formats.emplace_back(r.name);
    format_help += fmt::format("\n  {}: {}", r.name, r.description);
  }
  format_help +=
      "\nRepeat --format for several outputs from one run: NAME goes to stdout (at most one), NAME=FILE to FILE, "
      "written whole or not at all (default: text to stdout)";
  due->add_option("--format", options->formats, format_help)
      ->check(format_names(formats))
      ->allow_extra_args(false)
      ->type_name("FORMAT[=FILE]");
  due->add_option("-o,--output", options->output, "Write the output that would go to stdout to FILE instead (whole or not at all)")
      ->type_name("FILE");
  due->add_flag("--accept-partial", options->accept_partial,
                "Use the rows that were read even if some were rejected (they are still listed)");
  due->add_option("--color", options->color, "Colour the text output: auto (a terminal, unless NO_COLOR is set), always, never")
      ->check(one_of({"auto", "always", "never"}))
      ->capture_default_str()
      ->type_name("WHEN");
  due->callback([options, &status] { status = run_due(*options); });
}

}  // namespace remit::cli
