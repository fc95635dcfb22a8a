#include "report/text_parts.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <utility>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/evaluator.hpp"
#include "language/describe.hpp"

namespace remit {

std::string left_out_words(const left_out_rows& rows) {
  std::string lines;
  for (std::size_t i = 0; i < rows.lines.size(); ++i)
    lines += fmt::format("{}{}", i == 0 ? "" : i + 1 == rows.lines.size() && rows.lines.size() == rows.rows ? " and " : ", ",
                         rows.lines[i]);
  if (rows.rows > rows.lines.size()) lines += ", ...";
  return fmt::format("{} left out: {} ({} {}){}", counted(static_cast<long>(rows.rows), "row", "rows"), rows.reason,
                     rows.rows == 1 ? "line" : "lines", lines, rows.hint.empty() ? std::string{} : "; " + rows.hint);
}

namespace {

// Each kind of people record, and the file a reader adds for it (docs/inputs.md, "People").
constexpr std::array<std::pair<ast::records, std::string_view>, 4> people_record_kinds{{
    {ast::records::attendance, "attendance.csv"},
    {ast::records::membership, "membership.csv"},
    {ast::records::training, "training.csv"},
    {ast::records::groups, "groups.csv"},
}};

std::string_view record_name(ast::records kind) {
  switch (kind) {
    case ast::records::attendance: return "attendance";
    case ast::records::membership: return "membership";
    case ast::records::training: return "training";
    case ast::records::groups: return "political group";
    case ast::records::none: break;
  }
  return "people";
}

}  // namespace

std::vector<std::string> read_first(const audit_report& report) {
  std::vector<std::string> out;
  if (const auto& today = report.manifest.today; today && report.window.to > *today)
    out.push_back(fmt::format("the window ends on {}, after today ({}): nothing due after today can be late yet, so "
                              "what the report says of those days is a forecast, not a finding; remit due says what "
                              "falls due next",
                              report.window.to, *today));
  for (const std::string& b : report.bodies_without_events)
    out.push_back(fmt::format("the logs hold no record of body \"{}\": each of its rules that fell due is no-evidence, "
                              "not a breach; is it spelt as in the logs?",
                              b));
  for (std::string& words : stopped_early_words(report)) out.push_back(std::move(words));
  for (const log_file_summary& f : report.logs)
    for (const left_out_rows& rows : f.left_out)
      if (!rows.hint.empty()) out.push_back(fmt::format("{}: {}", f.path, left_out_words(rows)));
  // Once per kind of people record no log held: how many rules it leaves unjudged, and what to add.
  for (const auto& [kind, file] : people_record_kinds) {
    std::size_t rules = 0;
    for (const rule_result& r : report.results)
      if (ast::has(records_missing(report, r), kind) && told_by_missing_records(report, r)) ++rules;
    if (rules > 0)
      out.push_back(fmt::format("no {} records were given: {} cannot be judged; add them with --log {} (docs/inputs.md, "
                                "\"People\")",
                                record_name(kind), counted(static_cast<long>(rules), "rule", "rules"), file));
  }
  return out;
}

ast::records records_missing(const audit_report& report, const rule_result& r) {
  return static_cast<ast::records>(static_cast<unsigned>(records_needed(*r.statement)) &
                                   ~static_cast<unsigned>(report.records_given));
}

bool told_by_missing_records(const audit_report& report, const rule_result& r) {
  return records_missing(report, r) != ast::records::none && !r.findings.empty() &&
         std::all_of(r.findings.begin(), r.findings.end(),
                     [](const finding& f) { return f.status == finding_status::no_evidence; });
}

std::string missing_records_line(const audit_report& report, const rule_result& r) {
  const ast::records missing = records_missing(report, r);
  std::string kinds;
  for (const auto& [kind, file] : people_record_kinds)
    if (ast::has(missing, kind)) kinds += fmt::format("{}{}", kinds.empty() ? "" : " or ", record_name(kind));
  const long n = static_cast<long>(r.findings.size());
  return fmt::format("cannot be judged: no {} records were given ({} in the JSON report {} so one by one)", kinds,
                     counted(n, "finding", "findings"), n == 1 ? "says" : "say");
}

// Each line below quotes the input (paths, names, cells): written with its control characters
// escaped (core/text.hpp), so that no cell can reach the terminal as a command.
void write_read_first_text(const std::vector<std::string>& cautions, std::ostream& out) {
  if (cautions.empty()) return;
  out << "\nRead first:\n";
  for (const std::string& c : cautions) out << fmt::format("  ! {}\n", escape_controls(c));
}

void write_logs_text(const std::vector<log_file_summary>& logs, std::ostream& out) {
  for (const log_file_summary& f : logs) {
    const std::string path = escape_controls(f.path);
    out << fmt::format("log {}: {} read, {} used, {} rejected{}{}\n", path,
                       counted(static_cast<long>(f.rows_read), "row", "rows"), f.rows_used, f.rows_rejected,
                       f.rows_left_out ? fmt::format(", {} left out", f.rows_left_out) : std::string{},
                       f.notes.empty() ? std::string{} : ", " + counted(static_cast<long>(f.notes.size()), "note", "notes"));
    for (const left_out_rows& rows : f.left_out)
      out << fmt::format("  {}: {}\n", path, escape_controls(left_out_words(rows)));
    for (const rejected_row& r : f.rejected) out << fmt::format("  {}:{}: {}\n", path, r.line, escape_controls(r.reason));
    if (f.rows_rejected > f.rejected.size())
      out << fmt::format("  {}: {} more rejected, not listed (the first {} are)\n", path, f.rows_rejected - f.rejected.size(),
                         f.rejected.size());
    for (const log_note& n : f.notes)
      out << (n.line ? fmt::format("  {}:{}: note: {}\n", path, n.line, escape_controls(n.text))
                     : fmt::format("  {}: note: {}\n", path, escape_controls(n.text)));
  }
}

}  // namespace remit
