// What each body owes, in a few lines to paste into an email to its chair (docs/reports.md,
// "brief"): per body, what is overdue, then at risk, then due, each on one line with its date and
// clause; then how many rules have nothing due in the horizon. No derivations, no manifest: the
// text report has them.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"
#include "report/due_reporter.hpp"

namespace remit {

namespace {

// "Tue 10 Feb 2026": how a chair reads a date in an email.
std::string in_words(date d) {
  static constexpr std::string_view days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return fmt::format("{} {} {} {}", days[d.weekday()], d.day_of_month(), month_abbreviation(static_cast<int>(d.month())),
                     d.year());
}

std::string body_of(const std::optional<std::string>& council, const std::string& body) {
  return escape_controls(council ? fmt::format("{} ({})", body, *council) : body);
}

class due_brief_reporter final : public due_reporter {
 public:
  void write(const due_report& report, std::ostream& out) const override {
    // Bodies in the order they first appear among the obligations, then those with none.
    std::vector<std::pair<std::optional<std::string>, std::string>> bodies;
    const auto note = [&](const std::optional<std::string>& council, const std::string& body) {
      if (std::find(bodies.begin(), bodies.end(), std::pair(council, body)) == bodies.end()) bodies.emplace_back(council, body);
    };
    for (const obligation& o : report.obligations) note(o.council, o.body);
    for (const quiet_rule& q : report.quiet) note(q.council, q.body);
    if (bodies.empty()) out << fmt::format("Nothing falls due by {}.\n", in_words(report.until));
    bool first = true;
    for (const auto& [council, body] : bodies) {
      out << (first ? "" : "\n");
      first = false;
      out << fmt::format("{}: what falls due from {} to {}\n", body_of(council, body), in_words(report.as_of),
                         in_words(report.until));
      std::size_t listed = 0;
      for (const obligation_status status : {obligation_status::overdue, obligation_status::at_risk, obligation_status::due})
        for (const obligation& o : report.obligations) {
          if (o.status != status || o.body != body || o.council != council) continue;
          ++listed;
          const std::string when = status == obligation_status::overdue ? fmt::format("was due {}", in_words(o.due))
                                                                        : fmt::format("by {}", in_words(o.due));
          out << fmt::format("- {}: {}, {} (clause {}{})\n",
                             status == obligation_status::overdue   ? "Overdue"
                             : status == obligation_status::at_risk ? "At risk"
                                                                    : "Due",
                             escape_controls(o.what), when, escape_controls(o.statement->label),
                             o.statement->modifiers.advisory ? ", advisory" : "");
        }
      const auto quiet = std::count_if(report.quiet.begin(), report.quiet.end(), [&](const quiet_rule& q) {
        return q.body == body && q.council == council;
      });
      if (listed == 0) out << "- Nothing falls due.\n";
      if (quiet > 0)
        out << fmt::format("- {} nothing due in this time.\n",
                           counted(static_cast<long>(quiet), listed == 0 ? "rule has" : "other rule has",
                                   listed == 0 ? "rules have" : "other rules have"));
    }
  }
};

}  // namespace

std::unique_ptr<due_reporter> make_due_brief_reporter(const report_options&) {
  return std::make_unique<due_brief_reporter>();
}

}  // namespace remit
