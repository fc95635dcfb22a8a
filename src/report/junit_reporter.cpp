// JUnit XML, which CI systems read: one testsuite per audited body, one testcase per rule, one
// failure per breach. A rule with no evidence or with nothing due is skipped (undecided, not
// passed); waived breaches and no-evidence findings go to the testcase's system-out, so nothing is
// dropped. The testsuite's `failures` counts rules in breach, as JUnit counts failed tests.
// No time or timestamp is written: the same inputs give the same bytes.
#include <ostream>

#include <fmt/format.h>

#include "language/describe.hpp"
#include "report/body_summary.hpp"
#include "report/manifest.hpp"
#include "report/markup.hpp"
#include "report/reporter.hpp"

namespace remit {

namespace {

std::string x(std::string_view s) { return escape_xml(s); }

// A body with versions of its rules has a suite per version, each named with its version.
std::string suite_name(const audited_body& b) {
  return (b.council ? *b.council + ": " + b.name : b.name) + version_suffix(b.version);
}

bool skipped(const rule_result& r) { return r.status == rule_status::no_evidence || r.status == rule_status::not_due; }

std::string finding_line(const finding& f) {
  return fmt::format("{}: due {}{}: {}", name(f.status), f.due, f.on ? fmt::format(", date {}", *f.on) : std::string{},
                     f.message);
}

class junit_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    std::size_t failed = 0, skips = 0;
    for (const rule_result& r : report.results) {
      failed += r.status == rule_status::breach;
      skips += skipped(r);
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
                       x(fmt::format("remit audit {} to {}", report.window.from, report.window.to)), report.results.size(),
                       failed, skips);
    for (std::size_t i = 0; i < report.bodies.size(); ++i) write_suite(report, report.bodies[i], i, out);
    out << "</testsuites>\n";
  }

 private:
  static void write_suite(const audit_report& report, const audited_body& b, std::size_t id, std::ostream& out) {
    const body_summary s = summarise(report, b);
    out << fmt::format(
        "  <testsuite name=\"{}\" id=\"{}\" package=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
        x(suite_name(b)), id, x(b.rule_file), b.rule_count, s.count(rule_status::breach),
        s.count(rule_status::no_evidence) + s.count(rule_status::not_due));
    out << "    <properties>\n";
    const auto property = [&](std::string_view key, std::string_view value) {
      out << fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", key, x(value));
    };
    property("rule_file", b.rule_file);
    if (b.council) property("council", *b.council);
    property("body", b.name);
    property("window_from", to_iso(report.window.from));
    property("window_to", to_iso(report.window.to));
    property("status", name(s.status));
    property("remit_version", REMIT_VERSION);
    // The manifest (report/manifest.hpp): the digests of the suite's rule file and of every log.
    const audit_manifest& m = report.manifest;
    for (const auto& f : m.rule_files)
      if (f.path == b.rule_file) property("rule_file_sha256", f.sha256);
    for (const auto& f : m.logs) property("log", fmt::format("{}  {}", f.sha256, f.path));
    if (!m.remit_version.empty()) property("bank_holidays", bank_holidays_words(m));
    out << "    </properties>\n";
    for (const rule_result& r : report.results_of(b)) {
      out << fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"", x(r.statement->label + " " + r.statement->text),
                         x(suite_name(b)), x(r.rule_file), r.statement->where.line);
      if (r.findings.empty() && !skipped(r)) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      if (skipped(r)) {
        const std::string why = r.status == rule_status::not_due ? std::string("not-due: nothing fell due in the window")
                                                                 : "no-evidence: " + r.findings.front().message;
        out << fmt::format("      <skipped message=\"{}\"/>\n", x(why));
      }
      std::string other;  // findings that do not fail the test, kept as text
      for (const finding& f : r.findings) {
        if (f.status == finding_status::breach)
          out << fmt::format("      <failure type=\"breach\" message=\"{}\">{}\n{}</failure>\n", x(f.message),
                             x(finding_line(f)), x(describe(*r.statement, b.settings)));
        else
          other += finding_line(f) + "\n";
      }
      if (!other.empty()) out << fmt::format("      <system-out>{}</system-out>\n", x(other));
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
};

}  // namespace

std::unique_ptr<reporter> make_junit_reporter(const report_options&) { return std::make_unique<junit_reporter>(); }

}  // namespace remit
