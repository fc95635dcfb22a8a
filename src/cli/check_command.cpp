// remit check RULES... --log LOG... [--from F] [--to T] [--format FORMAT[=FILE]]... [-o FILE]
#include <iostream>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/clock.hpp"
#include "cli/commands.hpp"
#include "cli/outputs.hpp"
#include "evaluate/evaluator.hpp"
#include "inputs/reader.hpp"
#include "language/checker.hpp"
#include "language/parser.hpp"
#include "report/reporter.hpp"

namespace remit::cli {

namespace {

struct check_options {
  std::vector<std::string> rules;
  std::vector<std::string> logs;
  std::string from;
  std::string to;
  std::vector<std::string> formats;  // FORMAT or FORMAT=FILE (cli/outputs.hpp); none: text
  std::string output;
  std::string color = "auto";
  bool accept_partial = false;
};

std::optional<date> option_date(const std::string& text, std::string_view option) {
  const auto d = parse_iso_date(text);
  if (!d) std::cerr << fmt::format("remit: error: {}: {}\n", option, explain_bad_iso_date(text));
  return d;
}

bool use_colour(const check_options& o) {
  if (o.color == "always") return true;
  if (o.color == "never" || !o.output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return (!no_color || !*no_color) && isatty(STDOUT_FILENO) && !(term && std::string_view(term) == "dumb");
}

std::string errors_found(std::size_t n) {
  return fmt::format("remit: {} found; nothing was audited\n", n == 1 ? std::string("1 error") : fmt::format("{} errors", n));
}

int run_check(const check_options& o) {
  std::string problem;
  const std::vector<output_target> targets = plan_outputs(o.formats, o.output, "text", problem);
  if (targets.empty()) {
    std::cerr << "remit: error: " << problem << '\n';
    return exit_bad_input;
  }
  diagnostics diags;
  std::vector<ast::rule_file> files;
  for (const std::string& path : o.rules)
    if (auto file = load_rule_file(path, diags); file && check_rule_file(*file, diags)) files.push_back(std::move(*file));

  event_log log;
  read_log_files(o.logs, log, diags);

  if (!diags.empty()) {
    diags.render(std::cerr);
    std::cerr << errors_found(diags.size());
    return exit_bad_input;
  }
  if (const std::size_t rejected = log.rows_rejected(); rejected > 0) {
    for (const auto& f : log.files)
      for (const auto& r : f.rejected) std::cerr << fmt::format("{}:{}: {}\n", f.path, r.line, r.reason);
    if (!o.accept_partial) {
      std::cerr << fmt::format("remit: {} rejected; fix them, or pass --accept-partial to audit the rows that were read\n",
                               rejected == 1 ? std::string("1 log row was") : fmt::format("{} log rows were", rejected));
      return exit_bad_input;
    }
  }

  audit_window window{};
  if (o.to.empty()) {
    window.to = today();
  } else if (const auto to = option_date(o.to, "--to")) {
    window.to = *to;
  } else {
    return exit_bad_input;
  }
  if (!o.from.empty()) {
    const auto from = option_date(o.from, "--from");
    if (!from) return exit_bad_input;
    window.from = *from;
  } else if (log.events.empty()) {
    std::cerr << "remit: error: the logs hold no events, so --from has no default: pass --from\n";
    return exit_bad_input;
  } else {
    window.from = std::min_element(log.events.begin(), log.events.end(),
                                   [](const event& a, const event& b) { return a.day < b.day; })
                      ->day;
  }
  if (window.to < window.from) {
    std::cerr << fmt::format("remit: error: the audit window ends on {} before it starts on {}\n", window.to, window.from);
    return exit_bad_input;
  }
  note_confirmed_events(log, window.to);

  const audit_report report = run_audit(files, log, window, diags);
  if (!diags.empty()) {
    diags.render(std::cerr);
    std::cerr << errors_found(diags.size());
    return exit_bad_input;
  }

  // Every report is rendered before any is written, so a run writes all of them or stops early.
  std::vector<rendered_output> outputs;
  for (const output_target& t : targets) {
    std::ostringstream text;
    find_reporter(t.format)->make(report_options{t.path.empty() && use_colour(o)})->write(report, text);
    outputs.push_back({t, text.str()});
  }
  if (const std::string problem = write_outputs(outputs, std::cout); !problem.empty()) {
    std::cerr << "remit: error: " << problem << '\n';
    return exit_bad_input;
  }
  return report.any_breach() ? exit_breach : exit_clean;
}

}  // namespace

void add_check_command(CLI::App& app, int& status) {
  auto options = std::make_shared<check_options>();
  CLI::App* check = app.add_subcommand("check", "Audit meeting logs against rule files and report every breach.");
  check->footer(
      "Examples:\n"
      "  remit check rules/rutland.remit --log corpora/rutland/meetings.csv --from 2024-04-01 --to 2026-03-31\n"
      "  remit check council.remit --log 2024.csv --log 2025.csv --format json -o audit.json\n"
      "  remit check council.remit --log meetings.csv --format text --format html=audit.html --format json=audit.json\n\n"
      "The window is inclusive; evaluation is as of --to, and events after it are ignored.\n"
      "Exit status: 0 no breach, 1 at least one breach, 2 bad usage, rules or logs.\n"
      "See docs/guide.md for a walk-through and docs/language.md for the rule language.");
  check->add_option("rules", options->rules, "Rule files (*.remit) to check against (docs/language.md)")
      ->required()
      ->type_name("RULES");
  check->add_option("--log", options->logs,
                    "A meeting log: CSV, JSON Lines, or ModernGov GetMeetings/GetMeeting XML (docs/inputs.md); "
                    "repeat --log for several, their events are merged")
      ->required()
      ->type_name("LOG");
  check->add_option("--from", options->from, "First day of the audit window, yyyy-mm-dd (default: the earliest event)")
      ->type_name("DATE");
  check->add_option("--to", options->to, "Last day of the audit window, yyyy-mm-dd (default: today)")
      ->type_name("DATE");
  std::vector<std::string> formats;
  std::string format_help = "Report format:";
  for (const reporter_entry& r : reporters()) {
    formats.emplace_back(r.name);
    format_help += fmt::format("\n  {}: {}", r.name, r.description);
  }
  format_help +=
      "\nRepeat --format for several reports from one run: NAME goes to stdout (at most one), NAME=FILE to FILE, "
      "written whole or not at all (default: text to stdout)";
  check->add_option("--format", options->formats, format_help)
      ->check(format_names(formats))
      ->allow_extra_args(false)
      ->type_name("FORMAT[=FILE]");
  check->add_option("-o,--output", options->output,
                    "Write the report that would go to stdout to FILE instead (whole or not at all)")
      ->type_name("FILE");
  check->add_flag("--accept-partial", options->accept_partial,
                  "Audit the rows that were read even if some were rejected (they are still listed)");
  check->add_option("--color", options->color, "Colour the text report: auto (a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str()
      ->type_name("WHEN");
  check->callback([options, &status] { status = run_check(*options); });
}

}  // namespace remit::cli
