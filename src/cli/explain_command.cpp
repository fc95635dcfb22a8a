// remit explain RULES... --log LOG... --rule LABEL [--body NAME] [--from F] [--to T] [-o FILE]
#include <algorithm>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "cli/audit_options.hpp"
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "cli/outputs.hpp"
#include "core/output_file.hpp"
#include "core/text.hpp"
#include "evaluate/explain.hpp"

namespace remit::cli {

namespace {

struct explain_options {
  std::vector<std::string> rules;
  std::vector<std::string> logs;
  std::string label;
  std::string body;
  std::string from;
  std::string to;
  std::string output;
  bool accept_partial = false;
};

constexpr command_words explain_words{"explained", "explain with the rows that were read"};

std::string labels_in(const std::vector<ast::rule_file>& files) {
  std::vector<std::string> labels;
  for (const auto& f : files)
    for (const auto& b : f.bodies)
      for (const auto& s : b.statements)
        if (std::find(labels.begin(), labels.end(), s.label) == labels.end()) labels.push_back(s.label);
  for (const auto& f : files)
    for (const auto& b : f.bodies)
      for (const auto& c : b.not_checked)
        if (std::find(labels.begin(), labels.end(), c.label) == labels.end()) labels.push_back(c.label);
  std::string out;
  for (const auto& l : labels) out += fmt::format("{}{}", out.empty() ? "" : ", ", l);
  return out;
}

int run_explain(const explain_options& o) {
  if (!o.output.empty())
    if (const std::string clash = outputs_clash({o.output}, run_inputs(o.rules, o.logs)); !clash.empty()) {
      std::cerr << "remit: error: " << clash << '\n';
      return exit_bad_input;
    }
  const auto session =
      audit_session::read({.rules = o.rules, .logs = o.logs, .accept_partial = o.accept_partial}, explain_words);
  if (!session) return exit_bad_input;
  const auto window = resolve_window(o.from, o.to, session->log());
  if (!window) return exit_bad_input;
  const event_log& log = session->log();
  const std::vector<ast::rule_file>& files = session->files();

  diagnostics diags;
  std::ostringstream text;
  explain_request request{o.label, o.body.empty() ? std::nullopt : std::optional(o.body)};
  const explain_outcome outcome = explain_rule(files, log, *window, request, text, diags);
  if (!diags.empty()) {
    report_errors(diags, explain_words);
    return exit_bad_input;
  }
  if (outcome.explained == 0) {
    std::cerr << fmt::format("remit: error: no statement labelled '{}'{} in the rule files (their labels: {})\n", o.label,
                             o.body.empty() ? std::string{} : fmt::format(" applies to a body \"{}\" of the logs", o.body),
                             labels_in(files));
    return exit_bad_input;
  }
  // The derivation quotes the rule file and the logs: their control characters are shown escaped.
  const std::string shown = escape_controls_but_line_feeds(text.str());
  if (o.output.empty()) {
    std::cout << shown;
  } else if (const std::string problem = write_file_atomically(o.output, shown); !problem.empty()) {
    std::cerr << "remit: error: " << problem << '\n';
    return exit_bad_input;
  }
  return outcome.any_breach ? exit_breach : exit_clean;
}

}  // namespace

void add_explain_command(CLI::App& app, int& status) {
  auto options = std::make_shared<explain_options>();
  CLI::App* cmd =
      app.add_subcommand("explain", "Show every step of one rule's result, so that it can be re-performed by hand.");
  cmd->footer(
      "Examples:\n"
      "  remit explain rules/lancashire.remit --log corpora/lancashire/meetings.csv --rule cadence \\\n"
      "      --from 2025-11-19 --to 2026-03-31\n"
      "  remit explain council.remit --log meetings.csv --rule s100B --body \"Cabinet\" --to 2026-03-31\n\n"
      "For each statement with the label, and each body it applies to: the events it counts and why others\n"
      "do not; each due date and how it was computed (month arithmetic and its clamping, every working day\n"
      "counted and every bank holiday skipped, by name); the periods judged and what fell in each; the\n"
      "waivers; and the result, exactly as 'remit check' reports it.\n"
      "Exit status: 0 no breach, 1 a breach, 2 bad usage, rules or logs, or no statement with the label.\n"
      "See docs/tools.md.");
  cmd->add_option("rules", options->rules, "Rule files (*.remit)")->required()->type_name("RULES");
  cmd->add_option("--log", options->logs, "A meeting log (docs/inputs.md); repeat for several")->required()->type_name("LOG");
  cmd->add_option("--rule", options->label, "The clause label of the rule to explain, as in the rule file")
      ->required()
      ->type_name("LABEL");
  cmd->add_option("--body", options->body, "Only this body (for a label in several bodies, or in body *)")->type_name("NAME");
  cmd->add_option("--from", options->from, "First day of the audit window, yyyy-mm-dd (default: the earliest event)")
      ->check(iso_date())
      ->type_name("DATE");
  cmd->add_option("--to", options->to, "Last day of the audit window, yyyy-mm-dd (default: today)")
      ->check(iso_date())
      ->type_name("DATE");
  cmd->add_option("-o,--output", options->output, "Write the explanation to FILE (whole or not at all) instead of stdout")
      ->type_name("FILE");
  cmd->add_flag("--accept-partial", options->accept_partial, "Explain with the rows that were read even if some were rejected");
  cmd->callback([options, &status] { status = run_explain(*options); });
}

}  // namespace remit::cli
