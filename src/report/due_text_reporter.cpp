// What falls due next, for people: overdue first, then by date; each obligation with its body,
// clause and statement, and how its date was reached. Then the rules with nothing due in the
// horizon, and why, so that every rule is accounted for.
#include <algorithm>
#include <ostream>
#include <vector>

#include <fmt/color.h>
#include <fmt/format.h>

#include "core/text.hpp"
#include "report/due_reporter.hpp"
#include "report/manifest.hpp"
#include "report/text_parts.hpp"

namespace remit {

namespace {

std::string relative(date due, date as_of) {
  const std::int32_t n = days_between(as_of, due);
  if (n == 0) return "today";
  return n > 0 ? fmt::format("in {}", counted(n, "day", "days")) : fmt::format("{} ago", counted(-n, "day", "days"));
}

// Names, statements and messages come from the input: shown with their control characters
// escaped (core/text.hpp).
std::string body_name(const std::optional<std::string>& council, const std::string& body) {
  return escape_controls(council ? *council + ": " + body : body);
}

class due_text_reporter final : public due_reporter {
 public:
  explicit due_text_reporter(report_options o) : options_(o) {}

  void write(const due_report& report, std::ostream& out) const override {
    out << fmt::format("remit due as of {}, looking {} ahead to {}\n", with_weekday(report.as_of),
                       counted(report.horizon_days, "day", "days"), with_weekday(report.until));
    if (report.obligations.empty()) out << fmt::format("\nnothing is overdue and nothing falls due by {}\n", report.until);
    for (const obligation& o : report.obligations) {
      const std::string word(name(o.status));
      out << fmt::format("\n{}{:{}}  {}  {:<12}  {}\n", style(word, o.status), "", 8 - word.size(), o.due,
                         relative(o.due, report.as_of), body_name(o.council, o.body));
      // Advisory wording is owed as advice, not as a duty: say so beside the statement.
      out << fmt::format("{:10}  {}  {}{}\n", "", escape_controls(o.statement->label), escape_controls(o.statement->text),
                         o.statement->modifiers.advisory ? "  [advisory]" : "");
      out << fmt::format("{:10}  {}\n", "", escape_controls(o.message));
    }

    if (!report.quiet.empty()) {
      out << fmt::format("\nnothing listed by {} for:\n", report.until);
      // Each body's rules in turn; its rules about people, which only a held meeting can judge,
      // in one line after the others rather than one line each.
      const auto same_body = [](const quiet_rule& a, const quiet_rule& b) {
        return a.rule_file == b.rule_file && a.body == b.body && a.council == b.council;
      };
      for (auto first = report.quiet.begin(); first != report.quiet.end();) {
        const auto last = std::find_if(first, report.quiet.end(), [&](const quiet_rule& q) { return !same_body(*first, q); });
        out << fmt::format("  {}  ({})\n", body_name(first->council, first->body), escape_controls(first->rule_file));
        std::vector<std::string> people;
        for (auto q = first; q != last; ++q) {
          if (q->about_people) {
            if (people.empty() || people.back() != q->statement->label) people.push_back(q->statement->label);
            continue;
          }
          out << fmt::format("    {}  {}: {}\n", escape_controls(q->statement->label), escape_controls(q->statement->text),
                             escape_controls(q->reason));
        }
        if (const auto n = std::count_if(first, last, [](const quiet_rule& q) { return q.about_people; }); n > 0) {
          std::string labels;
          for (const std::string& l : people) labels += (labels.empty() ? "" : ", ") + escape_controls(l);
          out << fmt::format("    {}  {}: judged on attendance and membership once a meeting is held, so {} no date "
                             "to foresee\n",
                             labels, counted(static_cast<long>(n), "rule about people", "rules about people"),
                             n == 1 ? "it sets" : "they set");
        }
        first = last;
      }
    }

    out << '\n';
    write_logs_text(report.logs, out);
    if (!report.unaudited_bodies.empty()) {
      out << fmt::format("{} in the logs that no rule file covers:",
                         counted(static_cast<long>(report.unaudited_bodies.size()), "body", "bodies"));
      for (const std::string& b : report.unaudited_bodies) out << fmt::format(" \"{}\"", escape_controls(b));
      out << '\n';
    }
    for (const std::string& b : report.bodies_without_events)
      out << fmt::format("no events in the logs for body \"{}\": is it spelt as in the logs?\n", escape_controls(b));
    write_manifest_text(report.manifest, report.window(), out);
    out << fmt::format("summary: {} overdue, {} at risk, {} due by {}; {} with nothing listed\n",
                       report.count(obligation_status::overdue), report.count(obligation_status::at_risk),
                       report.count(obligation_status::due), report.until,
                       counted(static_cast<long>(report.quiet.size()), "rule", "rules"));
  }

 private:
  std::string style(const std::string& word, obligation_status s) const {
    if (!options_.color || s == obligation_status::due) return word;
    return fmt::format(s == obligation_status::overdue ? fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold
                                                        : fmt::fg(fmt::terminal_color::yellow),
                       "{}", word);
  }

  report_options options_;
};

}  // namespace

std::unique_ptr<due_reporter> make_due_text_reporter(const report_options& options) {
  return std::make_unique<due_text_reporter>(options);
}

}  // namespace remit
