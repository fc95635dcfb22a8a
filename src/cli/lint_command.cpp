// remit lint FILE... [--format text|sarif] [-o FILE] [--as-of DATE] [--from DATE] [--log LOG]...
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/clock.hpp"
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "cli/outputs.hpp"
#include "core/output_file.hpp"
#include "core/text.hpp"
#include "inputs/reader.hpp"
#include "language/checker.hpp"
#include "language/parser.hpp"
#include "lint/lint.hpp"
#include "lint/report.hpp"

namespace remit::cli {

namespace {

struct lint_options {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;
  std::string as_of;
  std::string from;
  std::vector<std::string> logs;
};

std::optional<date> date_option(const std::string& text, std::string_view option) {
  const auto d = parse_iso_date(text);
  if (!d) std::cerr << fmt::format("remit: error: {}: {}\n", option, explain_bad_iso_date(text));
  return d;
}

int run_lint(const lint_options& o) {
  lint::context ctx{};
  if (o.as_of.empty()) {
    ctx.as_of = today();
  } else if (const auto d = date_option(o.as_of, "--as-of")) {
    ctx.as_of = *d;
  } else {
    return exit_bad_input;
  }
  if (!o.from.empty()) {
    ctx.window_from = date_option(o.from, "--from");
    if (!ctx.window_from) return exit_bad_input;
  }

  if (!o.output.empty())
    if (const std::string clash = outputs_clash({o.output}, run_inputs(o.files, o.logs)); !clash.empty()) {
      std::cerr << "remit: error: " << clash << '\n';
      return exit_bad_input;
    }
  diagnostics diags;
  event_log log;
  if (!o.logs.empty()) {
    read_log_files(o.logs, log, diags);
    ctx.log = &log;
  }
  std::vector<lint::file_findings> results;
  for (const std::string& path : o.files) {
    auto file = load_rule_file(path, diags);
    if (!file || !check_rule_file(*file, diags)) continue;
    results.push_back({path, file->text, lint::lint_file(*file, ctx)});
  }
  const bool errors = !diags.empty();
  if (errors) diags.render(std::cerr);

  std::size_t findings = 0;
  std::size_t files_with = 0;
  for (const auto& r : results) {
    findings += r.findings.size();
    files_with += r.findings.empty() ? 0 : 1;
  }
  std::ostringstream text;
  if (o.format == "sarif") {
    lint::write_sarif(results, text);
  } else {
    lint::write_text(results, text);
    if (findings > 0)
      text << fmt::format("{} in {} of {}\n", counted(static_cast<long>(findings), "finding", "findings"), files_with,
                          counted(static_cast<long>(results.size()), "file", "files"));
  }
  if (o.output.empty()) {
    std::cout << text.str();
  } else if (const std::string problem = write_file_atomically(o.output, text.str()); !problem.empty()) {
    std::cerr << "remit: error: " << problem << '\n';
    return exit_bad_input;
  }
  if (errors) {
    std::cerr << fmt::format("remit: {} found; the files with errors were not linted\n",
                             counted(static_cast<long>(diags.size()), "error", "errors"));
    return exit_bad_input;
  }
  return findings > 0 ? exit_findings : exit_clean;
}

}  // namespace

void add_lint_command(CLI::App& app, int& status) {
  auto options = std::make_shared<lint_options>();
  CLI::App* cmd = app.add_subcommand("lint", "Find what parses in rule files but is probably not what the ToR meant.");
  std::string codes = "Checks (each finding names its code):\n";
  for (const lint::check& c : lint::checks()) codes += fmt::format("  {}  {}\n", c.code, c.summary);
  cmd->footer(
      "Examples:\n"
      "  remit lint rules/*.remit\n"
      "  remit lint council.remit --from 2025-04-01 --log meetings.csv\n"
      "  remit lint rules/*.remit --format sarif -o lint.sarif\n\n" +
      codes +
      "\nTo keep a statement a check questions (a ToR that says the same thing twice), put\n"
      "'# lint: allow RL006' at the end of its line or in the comment lines right above it.\n"
      "Exit status: 0 no findings, 1 findings, 2 a file cannot be read, does not parse or does not check,\n"
      "or bad usage. See docs/tools.md.");
  cmd->add_option("files", options->files, "Rule files (*.remit)")->required()->type_name("FILE");
  cmd->add_option("--format", options->format, "text (for people) or sarif (SARIF 2.1.0, for code-review tools)")
      ->check(one_of({"text", "sarif"}))
      ->capture_default_str()
      ->type_name("FORMAT");
  cmd->add_option("-o,--output", options->output, "Write the findings to FILE (whole or not at all) instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--as-of", options->as_of, "The date deadlines are judged against, yyyy-mm-dd (default: today)")
      ->check(iso_date())
      ->type_name("DATE");
  cmd->add_option("--from", options->from,
                  "First day of the audit window the files are for, yyyy-mm-dd: waivers that end before it are reported")
      ->check(iso_date())
      ->type_name("DATE");
  cmd->add_option("--log", options->logs,
                  "A meeting log, to see whether a deadline that has passed was met; repeat for several")
      ->type_name("LOG");
  cmd->callback([options, &status] { status = run_lint(*options); });
}

}  // namespace remit::cli
