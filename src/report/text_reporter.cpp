// The report people read: grouped by body, each opening with its exceptions (breaches, then
// no-evidence, advisory shortfalls and waived breaches, the worst first: body_summary.hpp) with
// their findings, then the clauses it does not check, then the rules met or not due, a line
// each; then what became of every log row, then a summary line.
#include <algorithm>
#include <ostream>
#include <vector>

#include <fmt/color.h>
#include <fmt/format.h>

#include "core/text.hpp"
#include "report/body_summary.hpp"
#include "report/manifest.hpp"
#include "report/reporter.hpp"
#include "report/text_parts.hpp"

namespace remit {

namespace {

class text_reporter final : public reporter {
 public:
  explicit text_reporter(report_options o) : options_(o) {}

  void write(const audit_report& report, std::ostream& out) const override {
    out << fmt::format("remit audit from {} to {}\n", report.window.from, report.window.to);
    write_read_first_text(read_first(report), out);
    // Every name, label, statement and finding comes from the input: written with its control
    // characters escaped (core/text.hpp), inside any colour remit adds.
    std::size_t label_width = 0;
    for (const rule_result& r : report.results)
      label_width = std::max(label_width, utf8_length(escape_controls(r.statement->label)));
    // A body's heading, its exceptions, the clauses it does not check, then its rules met or
    // not due. Successive blocks that read as one heading (the same file, body and version) share
    // it and its lists.
    const audited_body* previous = nullptr;
    std::vector<const rule_result*> rules;
    std::vector<const clause_not_checked*> not_checked;
    for (const audited_body& b : report.bodies) {
      if (b.rule_count == 0 && b.not_checked.empty()) continue;
      if (!previous || previous->rule_file != b.rule_file || previous->name != b.name || previous->council != b.council ||
          (b.version && (!previous->version || previous->version->from != b.version->from))) {
        write_rules(report, rules, not_checked, label_width, out);
        out << '\n'
            << style(escape_controls(fmt::format("{}{}", b.council ? *b.council + ": " : std::string{}, b.name)),
                     fmt::emphasis::bold)
            << fmt::format("  ({}){}\n", escape_controls(b.rule_file),
                           b.version ? ", " + escape_controls(version_words(*b.version)) : std::string{});
      }
      previous = &b;
      for (const rule_result& r : report.results_of(b)) rules.push_back(&r);
      for (const clause_not_checked& c : b.not_checked) not_checked.push_back(&c);
    }
    write_rules(report, rules, not_checked, label_width, out);

    out << '\n';
    write_logs_text(report.logs, out);
    if (report.events_after_window > 0)
      out << fmt::format("{} after {} not audited (after the window)\n",
                         counted(static_cast<long>(report.events_after_window), "event", "events"), report.window.to);
    if (!report.unaudited_bodies.empty()) {
      out << fmt::format("{} in the logs that no rule file audits:", counted(static_cast<long>(report.unaudited_bodies.size()),
                                                                           "body", "bodies"));
      for (const std::string& b : report.unaudited_bodies) out << fmt::format(" \"{}\"", escape_controls(b));
      out << '\n';
    }

    // Bodies with no record are said under "Read first", at the top.
    write_manifest_text(report.manifest, report.window, out);
    out << fmt::format("summary: {}: {} breach, {} no-evidence, {} advisory, {} waived, {} not-due, {} pass; {}; {}{}{}\n",
                       counted(static_cast<long>(report.results.size()), "rule", "rules"),
                       report.count(rule_status::breach), report.count(rule_status::no_evidence),
                       report.count(rule_status::advisory), report.count(rule_status::waived),
                       report.count(rule_status::not_due), report.count(rule_status::pass),
                       counted(static_cast<long>(report.count(finding_status::breach)), "breach", "breaches"),
                       counted(static_cast<long>(report.count(finding_status::advisory)), "advisory shortfall",
                               "advisory shortfalls"),
                       report.bodies_without_events.empty()
                           ? std::string{}
                           : fmt::format("; {} with no record in the logs",
                                         counted(static_cast<long>(report.bodies_without_events.size()), "body", "bodies")),
                       report.clauses_not_checked() == 0
                           ? std::string{}
                           : fmt::format("; {} not checked", counted(static_cast<long>(report.clauses_not_checked()),
                                                                     "clause", "clauses")));
  }

 private:
  void write_rule(const audit_report& report, const rule_result& r, std::size_t label_width, std::ostream& out) const {
    const std::string label = escape_controls(r.statement->label);
    const std::size_t pad = label_width - utf8_length(label);
    // A duty of ordinary (major) severity is not marked; advisory wording and other severities are.
    const ast::modifiers& m = r.statement->modifiers;
    const std::string mark =
        m.advisory || m.severity != ast::severity::major ? fmt::format("  [{}]", ast::severity_name(m)) : std::string{};
    out << fmt::format("  {}{:{}}  {}  {}{}\n", label, "", pad, status_word(r.status), escape_controls(r.statement->text),
                       mark);
    // A rule no log's records can judge says so once, not at every meeting ("Read first" says what to add).
    if (told_by_missing_records(report, r)) {
      out << fmt::format("  {:{}}    - {} {}\n", "", label_width, status_word(finding_status::no_evidence),
                         missing_records_line(report, r));
      return;
    }
    for (const finding& f : r.findings)
      out << fmt::format("  {:{}}    - {} {}\n", "", label_width, status_word(f.status), escape_controls(f.words()));
  }

  // One heading's rules, exceptions first, and the clauses it does not check; both emptied.
  void write_rules(const audit_report& report, std::vector<const rule_result*>& rules,
                   std::vector<const clause_not_checked*>& not_checked, std::size_t label_width, std::ostream& out) const {
    const rules_in_order ordered = exceptions_first(rules);
    if (!ordered.exceptions.empty())
      out << fmt::format("  Exceptions ({}):\n", counted(static_cast<long>(ordered.exceptions.size()), "rule", "rules"));
    for (const rule_result* r : ordered.exceptions) write_rule(report, *r, label_width, out);
    write_not_checked(not_checked, out);
    if (!ordered.met.empty()) {
      if (!ordered.exceptions.empty() || !not_checked.empty())
        out << fmt::format("  Met, or nothing fell due ({}):\n",
                           counted(static_cast<long>(ordered.met.size()), "rule", "rules"));
      for (const rule_result* r : ordered.met) write_rule(report, *r, label_width, out);
    }
    rules.clear();
    not_checked.clear();
  }

  // "Not checked by remit:", then each clause's label and reason on a line of its own.
  static void write_not_checked(const std::vector<const clause_not_checked*>& clauses, std::ostream& out) {
    if (clauses.empty()) return;
    std::size_t width = 0;
    for (const clause_not_checked* c : clauses) width = std::max(width, utf8_length(escape_controls(c->label)));
    out << "  Not checked by remit:\n";
    for (const clause_not_checked* c : clauses) {
      const std::string label = escape_controls(c->label);
      out << fmt::format("    {}{:{}}  {}\n", label, "", width - utf8_length(label), escape_controls(c->reason));
    }
  }

  std::string style(const std::string& text, fmt::text_style s) const {
    return options_.color ? fmt::format(s, "{}", text) : text;
  }
  // Padded to the widest status, outside the colour codes, so columns line up either way.
  template <typename Status>
  std::string status_word(Status s) const {
    const std::string word = std::string(name(s));
    return style(word, colour_of(word)) + std::string(std::string_view("no-evidence").size() - word.size(), ' ');
  }
  static fmt::text_style colour_of(std::string_view word) {
    if (word == "breach") return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
    if (word == "no-evidence") return fmt::fg(fmt::terminal_color::yellow);
    if (word == "waived") return fmt::fg(fmt::terminal_color::cyan);
    if (word == "advisory") return fmt::fg(fmt::terminal_color::magenta);
    if (word == "pass") return fmt::fg(fmt::terminal_color::green);
    return {};
  }

  report_options options_;
};

}  // namespace

std::unique_ptr<reporter> make_text_reporter(const report_options& options) {
  return std::make_unique<text_reporter>(options);
}

}  // namespace remit
