// One row per finding, its keys and dates only, for loading into a database or joining with other
// data: the csv report's rows, in its order and with its cells, less the words (statement,
// meaning, derivation) and the manifest that it repeats on every row. A national sweep has about
// a million findings: these rows are some 150 bytes where the csv report's are some 1,000, and
// no finding is worded (finding::words() is the costly part at that scale). LF line ends and no
// byte order mark: it is for programs, not Excel.
#include <iterator>
#include <ostream>

#include <fmt/format.h>

#include "core/parallel.hpp"
#include "report/body_summary.hpp"
#include "report/csv_cells.hpp"
#include "report/reporter.hpp"

namespace remit {

namespace {

constexpr std::string_view header =
    "council,body,rule_file,line,clause,finding_status,due,date,meeting,period_start,period_end,found,days_late\n";

class findings_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    out << header;
    const auto render = [&](const audited_body& body, std::string& rows) {
      std::string keys;  // council,body,rule_file,line,clause: once per rule, on each of its rows
      for (const rule_result& r : report.results_of(body)) {
        if (r.findings.empty()) continue;
        keys.clear();
        append_csv_cell(keys, r.council ? std::string_view(*r.council) : std::string_view());
        keys += ',';
        append_csv_cell(keys, r.body);
        keys += ',';
        append_csv_cell(keys, r.rule_file);
        fmt::format_to(std::back_inserter(keys), ",{},", r.statement->where.line);
        append_csv_cell(keys, r.statement->label);
        keys += ',';
        for (const finding& f : r.findings) {
          rows += keys;
          rows += name(f.status);
          rows += ',';
          rows += to_iso(f.due);
          for (const optional_date& d : {f.on, f.meeting, f.period_start, f.period_end}) {
            rows += ',';
            rows += date_cell(d);
          }
          rows += ',';
          if (f.found) fmt::format_to(std::back_inserter(rows), "{}", *f.found);
          rows += ',';
          if (const std::optional<int> late = days_late(f, r, report.window))
            fmt::format_to(std::back_inserter(rows), "{}", *late);
          rows += '\n';
        }
      }
    };
    // A share of the bodies on each core, written in order; a national report is never held whole.
    render_in_order(report.bodies, render, out);
  }
};

}  // namespace

std::unique_ptr<reporter> make_findings_reporter(const report_options&) { return std::make_unique<findings_reporter>(); }

}  // namespace remit
