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

// A rule's result, its findings written one at a time: a rule over a long window may have
// hundreds of thousands.
void write_result(json_writer& w, const rule_result& r) {
  w.open_object();
  w.value(r.council ? json(*r.council) : json(nullptr), "council");
  w.value(r.body, "body");
  w.value(r.statement->label, "rule");
  w.value(r.statement->text, "text");
  w.value(name(r.status), "status");
  w.value(ast::severity_name(r.statement->modifiers), "severity");
  if (r.statement->modifiers.quote) w.value(*r.statement->modifiers.quote, "quote");
  if (r.version) w.value({{"from", date_or_null(r.version->from)}, {"until", date_or_null(r.version->until)}}, "version");
  w.value(r.rule_file, "file");
  w.value(r.statement->where.line, "line");
  w.open_array("findings");
  for (const finding& f : r.findings) w.value(finding_json(f));
  w.close();
  w.close();
}

json summary_json(const audit_report& report) {
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
  return summary;
}

void write_names(json_writer& w, const std::vector<std::string>& names, const char* key) {
  w.open_array(key);
  for (const std::string& n : names) w.value(n);
  w.close();
}

// The document is written as it is made, never built whole (a national report has millions of
// findings): its members, in order, are these.
class json_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    json_writer w(out);
    w.open_object();
    w.value(to_iso(report.window.from), "from");
    w.value(to_iso(report.window.to), "to");
    w.value(read_first(report), "read_first");
    w.open_array("results");
    for (const rule_result& r : report.results) write_result(w, r);
    w.close();
    w.value(not_checked_json(report), "not_checked");
    w.value(summary_json(report), "summary");
    w.open_array("logs");
    for (const log_file_summary& l : report.logs) w.value(log_json(l));
    w.close();
    write_names(w, report.unaudited_bodies, "unaudited_bodies");
    write_names(w, report.bodies_without_events, "bodies_without_events");
    if (!report.manifest.remit_version.empty()) w.value(manifest_json(report.manifest, report.window), "manifest");
    w.close();
  }
};

}  // namespace

std::unique_ptr<reporter> make_json_reporter(const report_options&) { return std::make_unique<json_reporter>(); }

}  // namespace remit
