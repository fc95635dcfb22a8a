#include "report/report_json.hpp"

#include <string>

namespace remit {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

json not_checked_json(const audit_report& report) {
  json out = json::array();
  for (const audited_body& b : report.bodies)
    for (const clause_not_checked& c : b.not_checked)
      out.push_back({{"council", b.council ? json(*b.council) : json(nullptr)},
                     {"body", b.name},
                     {"clause", c.label},
                     {"reason", c.reason},
                     {"file", b.rule_file},
                     {"line", c.line}});
  return out;
}

void json_writer::next(const char* key) {
  if (open_.empty()) return;
  level& in = open_.back();
  out_ << (in.empty ? "\n" : ",\n") << std::string(2 * open_.size(), ' ');
  in.empty = false;
  if (key) out_ << json(key).dump() << ": ";
}

void json_writer::open(char opening, char closing, const char* key) {
  next(key);
  out_ << opening;
  open_.push_back({closing});
}

void json_writer::close() {
  const level done = open_.back();
  open_.pop_back();
  // nlohmann writes an empty object or array as {} or [], on one line.
  if (!done.empty) out_ << '\n' << std::string(2 * open_.size(), ' ');
  out_ << done.closing;
  if (open_.empty()) out_ << '\n';
}

void json_writer::value(const json& v, const char* key) {
  next(key);
  // Dumped alone, then indented to its depth: every line end in a dump is between two of its
  // lines (a line end in a string is written \n), so each is followed by the depth's indent.
  const std::string text = v.dump(2, ' ', false, json::error_handler_t::replace);
  const std::string indent(2 * open_.size(), ' ');
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
    out_.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    out_ << indent;
  }
  out_.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
  if (open_.empty()) out_ << '\n';
}

json logs_json(const std::vector<log_file_summary>& logs) {
  json out = json::array();
  for (const auto& f : logs) out.push_back(log_json(f));
  return out;
}

json log_json(const log_file_summary& f) {
  json l;
  l["file"] = f.path;
  l["format"] = f.format;
  l["rows_read"] = f.rows_read;
  l["rows_used"] = f.rows_used;
  l["rows_rejected"] = f.rows_rejected;
  l["rows_left_out"] = f.rows_left_out;
  l["rejected"] = json::array();
  for (const auto& r : f.rejected) l["rejected"].push_back({{"line", r.line}, {"reason", r.reason}});
  l["left_out"] = json::array();
  for (const auto& r : f.left_out) {
    json entry{{"reason", r.reason}, {"rows", r.rows}, {"lines", r.lines}};
    entry["hint"] = r.hint.empty() ? json(nullptr) : json(r.hint);
    l["left_out"].push_back(std::move(entry));
  }
  // Only when there are any, so that reports of logs without notes read as before.
  if (!f.notes.empty()) {
    l["notes"] = json::array();
    for (const auto& n : f.notes) l["notes"].push_back({{"line", n.line ? json(n.line) : json(nullptr)}, {"note", n.text}});
  }
  return l;
}

json manifest_json(const audit_manifest& m, const audit_window& window) {
  json j;
  j["remit"] = m.remit_version;
  j["window"] = {{"from", to_iso(window.from)}, {"to", to_iso(window.to)}};
  if (m.today) j["today"] = to_iso(*m.today);
  const auto inputs = [](const std::vector<audit_manifest::input>& list) {
    json out = json::array();
    for (const auto& f : list) out.push_back({{"file", f.path}, {"sha256", f.sha256}});
    return out;
  };
  j["rule_files"] = inputs(m.rule_files);
  j["logs"] = inputs(m.logs);
  j["bank_holidays"] = {{"source", "gov.uk"}, {"last_year", m.bank_holidays_last_year}, {"sha256", m.bank_holidays_sha256}};
  j["accept_partial"] = m.accept_partial;
  j["limits"] = json::object();
  for (const auto& [limit, value] : m.limits) j["limits"][limit] = value;
  return j;
}

}  // namespace remit
