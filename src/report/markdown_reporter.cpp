// Markdown for committee papers: a summary table of the bodies, then per body its status, worst
// finding and a table of its exceptions, the worst first (body_summary.hpp), then each of them
// with its meaning and its findings' derivations, the clauses not checked, and a table of the
// rules met or not due. Text from the input is escaped (markup.hpp), so it never turns into links, HTML
// or broken tables.
#include <ostream>

#include <fmt/format.h>

#include "language/describe.hpp"
#include "report/body_summary.hpp"
#include "report/manifest.hpp"
#include "report/markup.hpp"
#include "report/reporter.hpp"
#include "report/text_parts.hpp"

namespace remit {

namespace {

std::string md(std::string_view s) { return escape_markdown(s); }

std::string heading_of(const audited_body& b) {
  return (b.council ? fmt::format("{}: {}", md(*b.council), md(b.name)) : md(b.name)) + md(version_suffix(b.version));
}

// Status words in capitals for red/amber/green, so that the paper reads the same in black and white.
std::string rag_words(rag r) {
  std::string upper(name(r));
  for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
  return fmt::format("**{}** ({})", upper, meaning_of(r));
}

std::string evidence(const finding& f, const rule_result& r, const audit_window& window) {
  std::vector<std::string> parts{fmt::format("due {}", f.due)};
  if (f.meeting && f.on && *f.on != *f.meeting) parts.push_back(fmt::format("published {}", *f.on));
  if (f.meeting) parts.push_back(fmt::format("meeting {}", *f.meeting));
  else if (f.on) parts.push_back(fmt::format("date {}", *f.on));
  if (f.period_start && f.period_end) parts.push_back(fmt::format("period {} to {}", *f.period_start, *f.period_end));
  if (f.found) parts.push_back(fmt::format("found {}", *f.found));
  if (const auto late = days_late(f, r, window)) parts.push_back(counted(*late, "day late", "days late"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

class markdown_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    out << "# Terms of Reference compliance audit\n\n";
    out << fmt::format("Audit window {} to {}, both days included; evaluated as of {}. Overall status: {}.\n\n",
                       report.window.from, report.window.to, report.window.to, rag_words(overall(report)));
    out << "| Body | Status | Rules | Breach | No evidence | Advisory | Waived | Not due | Pass |\n";
    out << "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for (const audited_body& b : report.bodies) {
      const body_summary s = summarise(report, b);
      out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", heading_of(b), rag_words(s.status),
                         b.rule_count, s.count(rule_status::breach), s.count(rule_status::no_evidence),
                         s.count(rule_status::advisory), s.count(rule_status::waived), s.count(rule_status::not_due),
                         s.count(rule_status::pass));
    }

    if (const auto cautions = read_first(report); !cautions.empty()) {
      out << "\n## Read first\n\n";
      for (const std::string& c : cautions) out << fmt::format("- {}\n", md(c));
    }

    for (const audited_body& b : report.bodies) write_body(report, b, out);
    write_logs(report, out);
    out << fmt::format("\n---\n\nProduced by remit {}. Each finding's derivation says how its due date was reached, "
                       "so that it can be re-performed by hand.\n",
                       REMIT_VERSION);
  }

 private:
  static void write_body(const audit_report& report, const audited_body& b, std::ostream& out) {
    const body_summary s = summarise(report, b);
    out << fmt::format("\n## {}\n\n", heading_of(b));
    out << fmt::format("Status: {}. Rules: {}.", rag_words(s.status), md(b.rule_file));
    if (s.worst)
      out << fmt::format(" Worst finding: clause {} ({}), {}: {}", md(s.worst_rule->statement->label),
                         md(s.worst_rule->statement->text), name(s.worst->status), md(s.worst->words()));
    out << "\n";
    const rules_in_order ordered = exceptions_first(report.results_of(b));
    if (!ordered.exceptions.empty()) {
      out << "\n### Exceptions\n\n| Clause | Statement as written | Severity | Status | Findings |\n"
             "| --- | --- | --- | --- | ---: |\n";
      for (const rule_result* r : ordered.exceptions)
        out << fmt::format("| {} | {} | {} | {} | {} |\n", md(r->statement->label), md(r->statement->text),
                           ast::severity_name(r->statement->modifiers), name(r->status), r->findings.size());
    }
    for (const rule_result* r : ordered.exceptions) {
      out << fmt::format("\n### Clause {}: {}\n\n", md(r->statement->label), name(r->status));
      out << fmt::format("Statement as written: {} ({}, line {})\n\n", md(r->statement->text), md(r->rule_file),
                         r->statement->where.line);
      out << fmt::format("Meaning: {}\n\n", md(describe(*r->statement, b.settings)));
      if (told_by_missing_records(report, *r)) {  // said once, not at every meeting
        out << fmt::format("- **no-evidence**: {}\n", md(missing_records_line(report, *r)));
        continue;
      }
      for (const finding& f : r->findings)
        out << fmt::format("- **{}** ({}): {}\n", name(f.status), evidence(f, *r, report.window), md(f.words()));
    }
    if (!b.not_checked.empty()) {
      out << "\n### Not checked by remit\n\n| Clause | Why not | Line |\n| --- | --- | ---: |\n";
      for (const clause_not_checked& c : b.not_checked)
        out << fmt::format("| {} | {} | {} |\n", md(c.label), md(c.reason), c.line);
    }
    if (ordered.met.empty()) return;
    out << "\n### Met, or nothing fell due\n\n| Clause | Statement as written | Severity | Status |\n"
           "| --- | --- | --- | --- |\n";
    for (const rule_result* r : ordered.met)
      out << fmt::format("| {} | {} | {} | {} |\n", md(r->statement->label), md(r->statement->text),
                         ast::severity_name(r->statement->modifiers), name(r->status));
  }

  static void write_logs(const audit_report& report, std::ostream& out) {
    out << "\n## Evidence used\n\n| Log | Format | Rows read | Used | Rejected | Left out |\n"
           "| --- | --- | ---: | ---: | ---: | ---: |\n";
    for (const log_file_summary& f : report.logs)
      out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", md(f.path), md(f.format), f.rows_read, f.rows_used,
                         f.rows_rejected, f.rows_left_out);
    out << '\n';
    for (const log_file_summary& f : report.logs)
      for (const left_out_rows& rows : f.left_out) out << fmt::format("- Left out: {}: {}\n", md(f.path), md(left_out_words(rows)));
    for (const log_file_summary& f : report.logs)
      for (const rejected_row& r : f.rejected) out << fmt::format("- Rejected: {} line {}: {}\n", md(f.path), r.line, md(r.reason));
    for (const log_file_summary& f : report.logs)
      if (f.rows_rejected > f.rejected.size())
        out << fmt::format("- Rejected: {}: {} more, not listed (the first {} are)\n", md(f.path),
                           f.rows_rejected - f.rejected.size(), f.rejected.size());
    for (const log_file_summary& f : report.logs)
      for (const log_note& n : f.notes)
        out << (n.line ? fmt::format("- Note: {} line {}: {}\n", md(f.path), n.line, md(n.text))
                       : fmt::format("- Note: {}: {}\n", md(f.path), md(n.text)));
    if (report.events_after_window > 0)
      out << fmt::format("- {} after {} not audited (after the window).\n",
                         counted(static_cast<long>(report.events_after_window), "event", "events"), report.window.to);
    for (const std::string& b : report.unaudited_bodies)
      out << fmt::format("- Body in the logs that no rule file audits: {}.\n", md(b));
    write_manifest(report, out);
  }

  static void write_manifest(const audit_report& report, std::ostream& out) {
    const audit_manifest& m = report.manifest;
    if (m.remit_version.empty()) return;
    out << fmt::format("\n## Manifest\n\nMade by remit {}{} over the window {} to {}{}, with the {}.\n\n", md(m.remit_version),
                       m.engine.empty() ? std::string{} : fmt::format(" ({} engine)", md(m.engine)), report.window.from,
                       report.window.to, m.accept_partial ? ", rejected rows accepted" : "",
                       md(bank_holidays_words(m)));
    out << "| File | Role | SHA-256 |\n| --- | --- | --- |\n";
    for (const auto& f : m.rule_files) out << fmt::format("| {} | rule file | `{}` |\n", md(f.path), f.sha256);
    for (const auto& f : m.logs) out << fmt::format("| {} | log | `{}` |\n", md(f.path), f.sha256);
  }
};

}  // namespace

std::unique_ptr<reporter> make_markdown_reporter(const report_options&) { return std::make_unique<markdown_reporter>(); }

}  // namespace remit
