// remit test DIR [--junit FILE] [--coverage] [--require-coverage]
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/output_file.hpp"
#include "core/text.hpp"
#include "rule_tests/rule_tests.hpp"

namespace remit::cli {

namespace {

struct test_options {
  std::string dir;
  std::string junit;
  bool coverage = false;
  bool require_coverage = false;
};

int run_test(const test_options& o) {
  const rule_tests::run_result result = rule_tests::run_rule_tests(o.dir);
  if (result.cases.empty()) {
    std::cerr << fmt::format("remit: error: {} holds no test case (a folder with an 'expected' file)\n", o.dir);
    return exit_bad_input;
  }
  // Case names and messages quote folders and files: their control characters are shown escaped.
  std::ostringstream text;
  rule_tests::write_text(result, text, o.coverage);
  std::cout << escape_controls_but_line_feeds(text.str());
  if (!o.junit.empty()) {
    std::ostringstream xml;
    rule_tests::write_junit(result, xml);
    if (const std::string problem = write_file_atomically(o.junit, xml.str()); !problem.empty()) {
      std::cerr << "remit: error: " << problem << '\n';
      return exit_bad_input;
    }
  }
  if (result.count(rule_tests::outcome::error) > 0) return exit_bad_input;
  if (result.count(rule_tests::outcome::failed) > 0) return exit_findings;
  if (o.require_coverage && !result.fully_covered()) {
    std::cout << "some statements were not seen both passing and breaching (--require-coverage)\n";
    return exit_findings;
  }
  return exit_clean;
}

}  // namespace

void add_test_command(CLI::App& app, int& status) {
  auto options = std::make_shared<test_options>();
  CLI::App* cmd = app.add_subcommand("test", "Run the test cases written for rule files, and show which statements they cover.");
  cmd->footer(
      "Examples:\n"
      "  remit test tests/rules\n"
      "  remit test tests/rules/rutland --coverage\n"
      "  remit test tests/rules --junit rule-tests.xml --require-coverage\n\n"
      "A case is a folder holding: the rule file (rules.remit, or a file named 'rules' holding the path of\n"
      "one, relative to the case); one or more meeting logs (*.csv); 'window' (from YYYY-MM-DD, then\n"
      "to YYYY-MM-DD on the next line); and 'expected', one line per statement checked:\n"
      "  1.9    breach\n"
      "  2.4#3  pass        (#3: the third statement labelled 2.4 in its body)\n"
      "  body \"Cabinet\"     (the statements below are for this body of the logs)\n"
      "Statuses: pass, breach, no-evidence, advisory, waived, not-due.\n"
      "Exit status: 0 every case passed, 1 a case failed (or, with --require-coverage, a statement was not seen\n"
      "both passing and breaching), 2 a case cannot be run, or DIR holds none. See docs/tools.md.");
  cmd->add_option("dir", options->dir, "The folder of test cases, searched at any depth")->required()->type_name("DIR");
  cmd->add_option("--junit", options->junit, "Also write the results as JUnit XML to FILE")->type_name("FILE");
  cmd->add_flag("--coverage", options->coverage, "List every statement with what the cases saw of it, not only the gaps");
  cmd->add_flag("--require-coverage", options->require_coverage,
                "Fail unless every statement of every rule file tested was seen both passing and breaching");
  cmd->callback([options, &status] { status = run_test(*options); });
}

}  // namespace remit::cli
