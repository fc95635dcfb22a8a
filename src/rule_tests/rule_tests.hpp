// remit test: the tests that rule authors write (docs/tools.md, "remit test"). A test case is a
// folder with a rule file, a meeting log, an audit window and the status each statement must
// have; a run reports each case, and which statements the cases saw both met and breached.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "evaluate/findings.hpp"

namespace remit::rule_tests {

// One line of a case's `expected` file: `[LABEL][#N] STATUS`, under an optional `body "NAME"`.
struct expectation {
  std::optional<std::string> body;
  std::string label;
  int nth = 0;  // 0: the label heads one statement of its body; else the Nth with that label
  rule_status status = rule_status::pass;
  std::uint32_t line = 0;
  // "in force on DATE": of a body with versions of its rules, the version in force that day.
  std::optional<date> in_force_on;
};

// Reads an `expected` file. Returns nothing, and says why in `problem` ("expected:3: ..."), when
// a line cannot be read.
std::optional<std::vector<expectation>> read_expectations(std::string_view text, std::string& problem);

enum class outcome { passed, failed, error };

struct case_result {
  std::string name;  // the case's folder, relative to the folder the run was given
  outcome result = outcome::passed;
  std::vector<std::string> failures;  // one block of lines per statement that did not match
  std::string error;                  // why the case could not be run
  std::size_t checked = 0;            // statements whose status the case checks
};

// What the cases saw of one statement of a rule file.
struct statement_coverage {
  std::string rule_file;
  std::string body;  // "*" for body *
  std::string label;
  int nth = 0;  // as in expectations: 0 when the label is unique in its body
  std::string text;
  std::uint32_t line = 0;
  bool exercised = false;  // some case checked its status
  bool seen_met = false;   // some case expected it to pass, and it did
  bool seen_breached = false;
};

struct run_result {
  std::vector<case_result> cases;
  std::vector<statement_coverage> coverage;  // every statement of every rule file the cases use
  std::size_t count(outcome o) const;
  bool fully_covered() const;
};

// Runs every case under `dir`: each folder, at any depth, that holds an `expected` file.
run_result run_rule_tests(const std::string& dir);

void write_text(const run_result& r, std::ostream& out, bool every_statement);
void write_junit(const run_result& r, std::ostream& out);

}  // namespace remit::rule_tests
