// How a run of rule tests is shown: text for the author, JUnit XML for CI systems.
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "core/text.hpp"
#include "report/junit.hpp"
#include "rule_tests/rule_tests.hpp"

namespace remit::rule_tests {

namespace {

std::string indented(const std::string& text, std::string_view indent) {
  std::string out(indent);
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

std::string seen_words(const statement_coverage& s) {
  if (s.seen_met && s.seen_breached) return "seen passing and breaching";
  if (s.seen_met) return "seen passing, never breaching";
  if (s.seen_breached) return "seen breaching, never passing";
  if (s.exercised) return "checked, but never seen passing or breaching";
  return "not checked by any case";
}

}  // namespace

void write_text(const run_result& r, std::ostream& out, bool every_statement) {
  for (const case_result& c : r.cases) {
    switch (c.result) {
      case outcome::passed:
        out << fmt::format("ok     {} ({} checked)\n", c.name, counted(static_cast<long>(c.checked), "statement", "statements"));
        break;
      case outcome::failed:
        out << fmt::format("FAILED {} ({} of {} did not have the expected status)\n", c.name, c.failures.size(),
                           counted(static_cast<long>(c.checked), "statement", "statements"));
        for (const std::string& f : c.failures) out << indented(f, "         ") << '\n';
        break;
      case outcome::error:
        out << fmt::format("ERROR  {}: the case cannot be run\n", c.name);
        out << indented(c.error.ends_with('\n') ? c.error.substr(0, c.error.size() - 1) : c.error, "         ") << '\n';
        break;
    }
  }

  out << "\nStatement coverage: a statement is covered when some case saw it pass and another saw it breach.\n";
  std::map<std::string, std::vector<const statement_coverage*>> by_file;
  for (const statement_coverage& s : r.coverage) by_file[s.rule_file].push_back(&s);
  for (const auto& [file, statements] : by_file) {
    std::size_t exercised = 0;
    std::size_t covered = 0;
    for (const auto* s : statements) {
      exercised += s->exercised ? 1 : 0;
      covered += s->seen_met && s->seen_breached ? 1 : 0;
    }
    out << fmt::format("  {}: {} of {} checked, {} covered\n", file, exercised,
                       counted(static_cast<long>(statements.size()), "statement", "statements"), covered);
    for (const auto* s : statements) {
      if (!every_statement && s->seen_met && s->seen_breached) continue;
      out << fmt::format("    {} (line {}, {}): {}\n", s->nth ? fmt::format("{}#{}", s->label, s->nth) : s->label, s->line,
                         s->text, seen_words(*s));
    }
  }
  out << fmt::format("\n{} passed, {} failed{}\n", r.count(outcome::passed), r.count(outcome::failed),
                     r.count(outcome::error) ? fmt::format(", {} could not be run", r.count(outcome::error)) : "");
}

void write_junit(const run_result& r, std::ostream& out) {
  // One suite per top folder (a rule file's cases); one test case per case folder.
  std::map<std::string, std::vector<const case_result*>> suites;
  for (const case_result& c : r.cases) {
    const std::size_t slash = c.name.find('/');
    suites[slash == std::string::npos ? std::string("cases") : c.name.substr(0, slash)].push_back(&c);
  }
  junit::writer w(out, {{"name", "remit test"},
                        {"tests", std::to_string(r.cases.size())},
                        {"failures", std::to_string(r.count(outcome::failed))},
                        {"errors", std::to_string(r.count(outcome::error))}});
  for (const auto& [suite, cases] : suites) {
    std::size_t failures = 0;
    std::size_t errors = 0;
    for (const auto* c : cases) {
      failures += c->result == outcome::failed ? 1 : 0;
      errors += c->result == outcome::error ? 1 : 0;
    }
    w.begin_suite({{"name", suite},
                   {"tests", std::to_string(cases.size())},
                   {"failures", std::to_string(failures)},
                   {"errors", std::to_string(errors)}});
    for (const auto* c : cases) {
      const std::size_t slash = c->name.find('/');
      std::vector<junit::outcome> inside;
      if (c->result == outcome::failed) {
        std::string details;
        for (const std::string& f : c->failures) details += f + "\n";
        inside.push_back({"failure",
                          {{"message", fmt::format("{} of {} did not have the expected status", c->failures.size(),
                                                   counted(static_cast<long>(c->checked), "statement", "statements"))}},
                          details});
      } else if (c->result == outcome::error) {
        inside.push_back({"error", {{"message", "the case cannot be run"}}, c->error});
      }
      w.test_case({{"classname", suite}, {"name", slash == std::string::npos ? c->name : c->name.substr(slash + 1)}}, inside);
    }
    w.end_suite();
  }
  w.finish();
}

}  // namespace remit::rule_tests
