#include "report/text_parts.hpp"

#include <ostream>

#include <fmt/format.h>

#include "core/text.hpp"
#include "evaluate/evaluator.hpp"

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
  return out;
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
