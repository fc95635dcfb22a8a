// JUnit XML, which CI systems read: one testsuite per audited body, one testcase per rule, one
// failure per breach. A rule with no evidence or with nothing due is skipped (undecided, not
// passed); waived breaches and no-evidence findings go to the testcase's system-out, so nothing is
// dropped. The testsuite's `failures` counts rules in breach, as JUnit counts failed tests. A clause
// the rule file does not check is a skipped testcase of its own, its reason the message.
// No time or timestamp is written: the same inputs give the same bytes.
#include <ostream>

#include <fmt/format.h>

#include "language/describe.hpp"
#include "report/body_summary.hpp"
#include "report/manifest.hpp"
#include "report/junit.hpp"
#include "report/reporter.hpp"

namespace remit {

namespace {

// A body with versions of its rules has a suite per version, each named with its version.
std::string suite_name(const audited_body& b) {
  return (b.council ? *b.council + ": " + b.name : b.name) + version_suffix(b.version);
}

bool skipped(const rule_result& r) { return r.status == rule_status::no_evidence || r.status == rule_status::not_due; }

std::string finding_line(const finding& f) {
  return fmt::format("{}: due {}{}: {}", name(f.status), f.due, f.on ? fmt::format(", date {}", *f.on) : std::string{},
                     f.words());
}

class junit_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    std::size_t failed = 0, skips = 0;
    for (const rule_result& r : report.results) {
      failed += r.status == rule_status::breach;
      skips += skipped(r);
    }
    junit::writer w(out, {{"name", fmt::format("remit audit {} to {}", report.window.from, report.window.to)},
                          {"tests", std::to_string(report.results.size() + report.clauses_not_checked())},
                          {"failures", std::to_string(failed)},
                          {"errors", "0"},
                          {"skipped", std::to_string(skips + report.clauses_not_checked())}});
    for (std::size_t i = 0; i < report.bodies.size(); ++i) write_suite(report, report.bodies[i], i, w);
    w.finish();
  }

 private:
  static void write_suite(const audit_report& report, const audited_body& b, std::size_t id, junit::writer& w) {
    const body_summary s = summarise(report, b);
    w.begin_suite({{"name", suite_name(b)},
                   {"id", std::to_string(id)},
                   {"package", b.rule_file},
                   {"tests", std::to_string(b.rule_count + b.not_checked.size())},
                   {"failures", std::to_string(s.count(rule_status::breach))},
                   {"errors", "0"},
                   {"skipped", std::to_string(s.count(rule_status::no_evidence) + s.count(rule_status::not_due) +
                                              b.not_checked.size())}});
    junit::attributes properties{{"rule_file", b.rule_file}};
    if (b.council) properties.emplace_back("council", *b.council);
    properties.emplace_back("body", b.name);
    properties.emplace_back("window_from", to_iso(report.window.from));
    properties.emplace_back("window_to", to_iso(report.window.to));
    properties.emplace_back("status", name(s.status));
    properties.emplace_back("remit_version", REMIT_VERSION);
    // The manifest (report/manifest.hpp): the digests of the suite's rule file and of every log.
    const audit_manifest& m = report.manifest;
    for (const auto& f : m.rule_files)
      if (f.path == b.rule_file) properties.emplace_back("rule_file_sha256", f.sha256);
    for (const auto& f : m.logs) properties.emplace_back("log", fmt::format("{}  {}", f.sha256, f.path));
    if (!m.remit_version.empty()) properties.emplace_back("bank_holidays", bank_holidays_words(m));
    w.properties(properties);
    for (const rule_result& r : report.results_of(b)) {
      std::vector<junit::outcome> inside;
      if (skipped(r)) {
        const std::string why = r.status == rule_status::not_due ? std::string("not-due: nothing fell due in the window")
                                                                 : "no-evidence: " + r.findings.front().words();
        inside.push_back({"skipped", {{"message", why}}, std::nullopt});
      }
      std::string other;  // findings that do not fail the test, kept as text
      for (const finding& f : r.findings) {
        if (f.status == finding_status::breach)
          inside.push_back({"failure",
                            {{"type", "breach"}, {"message", f.words()}},
                            finding_line(f) + "\n" + describe(*r.statement, b.settings)});
        else
          other += finding_line(f) + "\n";
      }
      if (!other.empty()) inside.push_back({"system-out", {}, other});
      w.test_case({{"name", r.statement->label + " " + r.statement->text},
                   {"classname", suite_name(b)},
                   {"file", r.rule_file},
                   {"line", std::to_string(r.statement->where.line)}},
                  inside);
    }
    for (const clause_not_checked& c : b.not_checked)
      w.test_case({{"name", c.label + " not checked"},
                   {"classname", suite_name(b)},
                   {"file", b.rule_file},
                   {"line", std::to_string(c.line)}},
                  {{"skipped", {{"message", "not checked by remit: " + c.reason}}, std::nullopt}});
    w.end_suite();
  }
};

}  // namespace

std::unique_ptr<reporter> make_junit_reporter(const report_options&) { return std::make_unique<junit_reporter>(); }

}  // namespace remit
