// One row per finding, for spreadsheets: every column a reader filters or sorts on, dates as
// yyyy-mm-dd (which Excel reads as dates), RFC 4180 quoting, CRLF line ends, and a UTF-8 byte
// order mark so that Excel does not read the text as its local code page. Rules with no finding
// have no row: the other formats list every rule.
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "core/parallel.hpp"
#include "language/describe.hpp"
#include "report/body_summary.hpp"
#include "report/csv_cells.hpp"
#include "report/manifest.hpp"
#include "report/reporter.hpp"

namespace remit {

namespace {

std::string rule_file_digest(const audit_manifest& m, const std::string& path) {
  for (const auto& f : m.rule_files)
    if (f.path == path) return f.sha256;
  return {};
}

constexpr std::string_view columns[] = {
    "council",      "body",           "rule_file", "line",   "clause",       "statement", "family",
    "meaning",      "rule_status",    "finding_status", "due",    "date",         "meeting",   "period_start",
    "period_end",   "found",          "days_late", "message", "window_from", "window_to",
    "severity",     "version_from",   "version_until",
    "remit_version", "rule_file_sha256", "logs_sha256", "bank_holidays"};

class csv_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    // The manifest (report/manifest.hpp) on every row, as the window is, so that a row copied
    // elsewhere still names what it came from: "SHA256  PATH" per log, as sha256sum prints them.
    std::string logs_digests;
    for (const auto& f : report.manifest.logs)
      logs_digests += fmt::format("{}{}  {}", logs_digests.empty() ? "" : "\n", f.sha256, f.path);
    const std::string holidays = report.manifest.remit_version.empty() ? "" : bank_holidays_words(report.manifest);
    out << "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < std::size(columns); ++i) out << (i ? "," : "") << columns[i];
    out << "\r\n";
    // What a rule's rows share is written once per rule, not once per finding: a national sweep
    // has hundreds of thousands of findings.
    const std::string window = fmt::format("{},{}", to_iso(report.window.from), to_iso(report.window.to));
    const std::string manifest_tail = fmt::format("{},{}", csv_cell(logs_digests), csv_cell(holidays));
    const auto render = [&](const audited_body& body, std::string& rows) {
      for (const rule_result& r : report.results_of(body)) {
        if (r.findings.empty()) continue;
        const std::string before =
            fmt::format("{},{},{},{},{},{},{},{},{},", csv_cell(r.council.value_or("")), csv_cell(r.body),
                        csv_cell(r.rule_file), r.statement->where.line, csv_cell(r.statement->label),
                        csv_cell(r.statement->text), family_name(*r.statement),
                        csv_cell(describe(*r.statement, body.settings)), name(r.status));
        const std::string after = fmt::format(
            ",{},{},{},{},{},{},{}", window, ast::severity_name(r.statement->modifiers),
            r.version ? date_cell(r.version->from) : std::string{}, r.version ? date_cell(r.version->until) : std::string{},
            csv_cell(report.manifest.remit_version), rule_file_digest(report.manifest, r.rule_file), manifest_tail);
        for (const finding& f : r.findings) {
          const std::optional<int> late = days_late(f, r, report.window);
          rows += before;
          fmt::format_to(std::back_inserter(rows), "{},{},{},{},{},{},{},{},{}", name(f.status), to_iso(f.due),
                         date_cell(f.on), date_cell(f.meeting), date_cell(f.period_start), date_cell(f.period_end),
                         f.found ? std::to_string(*f.found) : std::string{}, late ? std::to_string(*late) : std::string{},
                         csv_cell(f.words()));
          rows += after;
          rows += "\r\n";
        }
      }
    };
    render_in_order(report.bodies, render, out);
  }
};

}  // namespace

std::unique_ptr<reporter> make_csv_reporter(const report_options&) { return std::make_unique<csv_reporter>(); }

}  // namespace remit
