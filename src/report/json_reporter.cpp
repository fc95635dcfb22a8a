// The JSON report (docs/report.schema.json). Keys keep their order and every list is already in a fixed
// order, so the same inputs give the same bytes.
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/report_json.hpp"
#include "report/text_parts.hpp"
#include "report/reporter.hpp"

namespace remit {

namespace {

using json = nlohmann::ordered_json;

json finding_json(const finding& f) {
  json j;
  j["status"] = name(f.status);
  j["due"] = to_iso(f.due);
  j["date"] = date_or_null(f.on);
  j["message"] = f.words();
  if (f.meeting) j["meeting"] = to_iso(*f.meeting);
  if (f.period_start) j["period_start"] = to_iso(*f.period_start);
  if (f.period_end) j["period_end"] = to_iso(*f.period_end);
  if (f.found) j["found"] = *f.found;
  if (!f.people.empty()) j["people"] = f.people;
  return j;
}

class json_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    json j;
    j["from"] = to_iso(report.window.from);
    j["to"] = to_iso(report.window.to);
    j["read_first"] = read_first(report);
    j["results"] = json::array();
    for (const rule_result& r : report.results) {
      json x;
      x["council"] = r.council ? json(*r.council) : json(nullptr);
      x["body"] = r.body;
      x["rule"] = r.statement->label;
      x["text"] = r.statement->text;
      x["status"] = name(r.status);
      x["severity"] = ast::severity_name(r.statement->modifiers);
      if (r.statement->modifiers.quote) x["quote"] = *r.statement->modifiers.quote;
      if (r.version) x["version"] = {{"from", date_or_null(r.version->from)}, {"until", date_or_null(r.version->until)}};
      x["file"] = r.rule_file;
      x["line"] = r.statement->where.line;
      x["findings"] = json::array();
      for (const finding& f : r.findings) x["findings"].push_back(finding_json(f));
      j["results"].push_back(std::move(x));
    }
    j["not_checked"] = not_checked_json(report);
    json summary;
    summary["rules"] = report.results.size();
    for (rule_status s : {rule_status::breach, rule_status::no_evidence, rule_status::advisory, rule_status::waived,
                          rule_status::not_due, rule_status::pass})
      summary[std::string(name(s))] = report.count(s);
    json findings;
    for (finding_status s :
         {finding_status::breach, finding_status::no_evidence, finding_status::advisory, finding_status::waived})
      findings[std::string(name(s))] = report.count(s);
    summary["findings"] = findings;
    std::size_t read = 0, used = 0, rejected = 0, left_out = 0;
    for (const auto& f : report.logs)
      read += f.rows_read, used += f.rows_used, rejected += f.rows_rejected, left_out += f.rows_left_out;
    summary["rows_read"] = read;
    summary["rows_used"] = used;
    summary["rows_rejected"] = rejected;
    summary["rows_left_out"] = left_out;
    summary["bodies_without_record"] = report.bodies_without_events.size();
    summary["events_after_window"] = report.events_after_window;
    summary["clauses_not_checked"] = report.clauses_not_checked();
    j["summary"] = summary;
    j["logs"] = logs_json(report.logs);
    j["unaudited_bodies"] = report.unaudited_bodies;
    j["bodies_without_events"] = report.bodies_without_events;
    if (!report.manifest.remit_version.empty()) j["manifest"] = manifest_json(report.manifest, report.window);
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  }
};

}  // namespace

std::unique_ptr<reporter> make_json_reporter(const report_options&) { return std::make_unique<json_reporter>(); }

}  // namespace remit
