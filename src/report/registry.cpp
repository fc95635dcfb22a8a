#include <array>

#include "report/reporter.hpp"

namespace remit {

std::span<const reporter_entry> reporters() {
  static const std::array<reporter_entry, 9> all{{
      {"text", "for people: grouped by body, each rule with its status and findings", make_text_reporter},
      {"json", "for programs: one object, described by docs/report.schema.json", make_json_reporter},
      {"html", "an audit pack: one self-contained page per run, a timeline per body, prints on A4", make_html_reporter},
      {"markdown", "for committee papers: summary table, then each rule's findings", make_markdown_reporter},
      {"csv", "for spreadsheets: one row per finding", make_csv_reporter},
      {"findings", "for databases and national sweeps: one CSV row per finding, its keys and dates only", make_findings_reporter,
       false},
      {"junit", "JUnit XML for CI: a testsuite per body, a testcase per rule, a failure per breach", make_junit_reporter},
      {"sarif", "SARIF 2.1.0 for editors and code review: each finding on its clause's line", make_sarif_reporter},
      {"xlsx", "an Excel workbook for auditors, to a file (xlsx=FILE): exceptions, findings, rules, logs, manifest",
       make_xlsx_reporter, true, true},
  }};
  return all;
}

const reporter_entry* find_reporter(std::string_view name) {
  for (const reporter_entry& r : reporters())
    if (r.name == name) return &r;
  return nullptr;
}

}  // namespace remit
