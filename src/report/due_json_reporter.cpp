// What falls due next, for programs (docs/due.schema.json). Keys keep their order and the lists
// are already in a fixed order, so the same inputs give the same bytes.
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/due_reporter.hpp"
#include "report/report_json.hpp"

namespace remit {

namespace {

using json = nlohmann::ordered_json;

class due_json_reporter final : public due_reporter {
 public:
  void write(const due_report& report, std::ostream& out) const override {
    json j;
    j["as_of"] = to_iso(report.as_of);
    j["horizon_days"] = report.horizon_days;
    j["until"] = to_iso(report.until);
    j["obligations"] = json::array();
    for (const obligation& o : report.obligations) {
      json x;
      x["id"] = obligation_id(o);
      x["status"] = name(o.status);
      x["due"] = to_iso(o.due);
      x["days"] = days_between(report.as_of, o.due);
      x["kind"] = name(o.kind);
      x["council"] = o.council ? json(*o.council) : json(nullptr);
      x["body"] = o.body;
      x["rule"] = o.statement->label;
      x["text"] = o.statement->text;
      x["severity"] = ast::severity_name(o.statement->modifiers);
      x["file"] = o.rule_file;
      x["line"] = o.statement->where.line;
      x["position"] = o.position;
      x["what"] = o.what;
      x["message"] = o.message;
      x["last"] = date_or_null(o.last);
      x["planned"] = date_or_null(o.planned);
      if (o.meeting) x["meeting"] = to_iso(*o.meeting);
      if (o.period_start) x["period_start"] = to_iso(*o.period_start);
      if (o.period_end) x["period_end"] = to_iso(*o.period_end);
      if (o.found) x["found"] = *o.found;
      if (o.needed) x["needed"] = *o.needed;
      j["obligations"].push_back(std::move(x));
    }
    j["quiet"] = json::array();
    for (const quiet_rule& q : report.quiet)
      j["quiet"].push_back({{"council", q.council ? json(*q.council) : json(nullptr)},
                            {"body", q.body},
                            {"rule", q.statement->label},
                            {"text", q.statement->text},
                            {"file", q.rule_file},
                            {"line", q.statement->where.line},
                            {"position", q.position},
                            {"next_due", date_or_null(q.next_due)},
                            {"reason", q.reason}});
    json summary;
    for (obligation_status s : {obligation_status::overdue, obligation_status::at_risk, obligation_status::due})
      summary[std::string(name(s))] = report.count(s);
    summary["quiet"] = report.quiet.size();
    j["summary"] = summary;
    j["logs"] = logs_json(report.logs);
    j["unaudited_bodies"] = report.unaudited_bodies;
    j["bodies_without_events"] = report.bodies_without_events;
    if (!report.manifest.remit_version.empty()) j["manifest"] = manifest_json(report.manifest, report.window());
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  }
};

}  // namespace

std::unique_ptr<due_reporter> make_due_json_reporter(const report_options&) { return std::make_unique<due_json_reporter>(); }

}  // namespace remit
