// remit verify REPORT.json: runs again the audit a JSON report's manifest describes, from the
// files it names (paths as given to remit check, from the current directory), and says whether
// the result is the same: which file's digest differs, which findings appeared or disappeared.
// It only reads: nothing it names is written. It reads only regular files, refuses a report that
// gives a key twice or a manifest no run could have written, and keeps its own limits: a report
// cannot raise them.
#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "calendar/calendar.hpp"
#include "cli/commands.hpp"
#include "core/digest.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "report/due_reporter.hpp"
#include "report/recorded_manifest.hpp"
#include "report/reporter.hpp"
#include "session/audit_session.hpp"

namespace remit::cli {

namespace {

using json = nlohmann::ordered_json;

constexpr command_words verify_words{"verified", "verify it"};

// A finding as one line a person can read, and the key it is compared by: everything the
// report says of it, so that a change in any of it shows.
std::string finding_words(const json& result, const json& finding) {
  std::string where = result["council"].is_string() ? result["council"].get<std::string>() + ": " : "";
  where += result["body"].get<std::string>();
  std::string date = finding["date"].is_string() ? finding["date"].get<std::string>() : "none";
  return fmt::format("{}, clause {} \"{}\" ({}:{}): {}, due {}, date {}: {}", where, result["rule"].get<std::string>(),
                     result["text"].get<std::string>(), result["file"].get<std::string>(), result["line"].dump(),
                     finding["status"].get<std::string>(), finding["due"].get<std::string>(), date,
                     finding["message"].get<std::string>());
}

std::string rule_words(const json& result) {
  std::string where = result["council"].is_string() ? result["council"].get<std::string>() + ": " : "";
  return fmt::format("{}{}, clause {} \"{}\" ({}:{})", where, result["body"].get<std::string>(),
                     result["rule"].get<std::string>(), result["text"].get<std::string>(),
                     result["file"].get<std::string>(), result["line"].dump());
}

// Every finding of a report, counted (a multiset: two equal findings are two).
std::map<std::string, int> findings_of(const json& report) {
  std::map<std::string, int> out;
  if (!report.contains("results") || !report["results"].is_array()) return out;
  for (const json& r : report["results"])
    for (const json& f : r.value("findings", json::array())) ++out[finding_words(r, f) + "\n" + f.dump()];
  return out;
}

std::map<std::string, std::string> statuses_of(const json& report) {
  std::map<std::string, std::string> out;
  if (!report.contains("results") || !report["results"].is_array()) return out;
  for (const json& r : report["results"]) out[rule_words(r)] = r.value("status", "");
  return out;
}

// The object with `key` set to `value` right after `after` (or at the end, without it).
json with_after(const json& object, std::string_view after, const std::string& key, json value) {
  json out = json::object();
  for (const auto& [k, v] : object.items()) {
    out[k] = v;
    if (k == after) out[key] = value;
  }
  if (!out.contains(key)) out[key] = std::move(value);
  return out;
}

// The report without what may change while the audit stays the same: the version of remit, the
// limits (they bound what remit takes in, never what it finds; verify keeps its own), and the
// engine (both give the same report; verify runs the batch engine, which reads any log).
json comparable(json report) {
  if (report.contains("manifest") && report["manifest"].is_object()) {
    report["manifest"].erase("remit");
    report["manifest"].erase("limits");
    report["manifest"].erase("engine");
  }
  // A report made before clauses not checked were listed has none: read as it would be written
  // now, each key in its place (keys keep their order, and the order is compared).
  if (report.is_object() && report.contains("results") && !report.contains("not_checked")) {
    if (report.contains("summary") && report["summary"].is_object() && !report["summary"].contains("clauses_not_checked"))
      report["summary"] = with_after(report["summary"], "events_after_window", "clauses_not_checked", 0);
    report = with_after(report, "results", "not_checked", json::array());
  }
  return report;
}

// A report of remit due: it has "as of" where an audit has its window.
bool is_due_report(const json& report) { return report.is_object() && report.contains("as_of"); }

// An obligation as one line a person can read, and the key it is compared by.
std::string obligation_words(const json& o) {
  std::string where = o["council"].is_string() ? o["council"].get<std::string>() + ": " : "";
  return fmt::format("{}{}, clause {} \"{}\" ({}:{}): {} {}, due {}", where, o["body"].get<std::string>(),
                     o["rule"].get<std::string>(), o["text"].get<std::string>(), o["file"].get<std::string>(),
                     o["line"].dump(), o["status"].get<std::string>(), o["what"].get<std::string>(),
                     o["due"].get<std::string>());
}

std::map<std::string, int> obligations_of(const json& report) {
  std::map<std::string, int> out;
  if (!report.contains("obligations") || !report["obligations"].is_array()) return out;
  for (const json& o : report["obligations"]) ++out[obligation_words(o) + "\n" + o.dump()];
  return out;
}

// The multiset difference of two keyed lists, printed: how many appeared and disappeared.
std::pair<std::size_t, std::size_t> print_differences(const std::map<std::string, int>& before,
                                                      const std::map<std::string, int>& after) {
  std::size_t appeared = 0, disappeared = 0;
  for (const auto& [key, n] : after) {
    const auto it = before.find(key);
    for (int i = it == before.end() ? 0 : it->second; i < n; ++i, ++appeared)
      std::cout << "  appeared     " << escape_controls(key.substr(0, key.find('\n'))) << '\n';
  }
  for (const auto& [key, n] : before) {
    const auto it = after.find(key);
    for (int i = it == after.end() ? 0 : it->second; i < n; ++i, ++disappeared)
      std::cout << "  disappeared  " << escape_controls(key.substr(0, key.find('\n'))) << '\n';
  }
  return {appeared, disappeared};
}

// The keys of the report other than `except` whose values differ, or "" when none does.
std::string other_differences(const json& a, const json& b, std::string_view except) {
  std::string keys;
  for (const auto& [key, value] : b.items())
    if (key != except && (!a.contains(key) || a[key] != value)) keys += (keys.empty() ? "" : ", ") + key;
  for (const auto& [key, value] : a.items())
    if (key != except && !b.contains(key)) keys += (keys.empty() ? "" : ", ") + key;
  return keys;
}

// remit due again, as of the same day and over the same days, and the same comparison.
int verify_due(const json& old_report, audit_session& session, const recorded_manifest& manifest,
               std::size_t inputs_changed) {
  const date as_of = manifest.window.from;
  if (session.log().events.empty()) {
    std::cerr << "remit: cannot verify: the logs hold no events, so there is nothing to count from\n";
    return inputs_changed ? exit_breach : exit_bad_input;
  }
  const std::optional<due_report> looked_ahead =
      session.look_ahead(as_of, static_cast<int>(days_between(as_of, manifest.window.to)));
  if (!looked_ahead) return inputs_changed ? exit_breach : exit_bad_input;
  const due_report& report = *looked_ahead;
  std::ostringstream rendered;
  find_due_reporter("json")->make(report_options{})->write(report, rendered);
  const json new_report = json::parse(rendered.str());
  if (comparable(old_report) == comparable(new_report)) {
    std::cout << fmt::format("identical: the same files give the same {}\n",
                             counted(static_cast<long>(report.obligations.size()), "obligation", "obligations"));
    return exit_clean;
  }
  const auto [appeared, disappeared] = print_differences(obligations_of(old_report), obligations_of(new_report));
  if (const std::string keys = other_differences(comparable(old_report), comparable(new_report), "obligations");
      !keys.empty())
    std::cout << "  also differs " << escape_controls(keys) << '\n';
  std::cout << fmt::format("differs: {} changed, {} appeared, {} disappeared\n",
                           counted(static_cast<long>(inputs_changed), "input", "inputs"),
                           counted(static_cast<long>(appeared), "obligation", "obligations"), disappeared);
  return exit_breach;
}

int run_verify(const std::string& report_path) {
  // Every line below that quotes the report or a path shows its control characters escaped.
  const std::string shown_path = escape_controls(report_path);
  std::string why;
  if (const std::string what = not_regular_file(report_path); !what.empty()) {
    std::cerr << fmt::format("{}: error: is {}, not a regular file: remit verify reads a report file\nremit: cannot verify\n",
                             shown_path, what);
    return exit_bad_input;
  }
  const auto text = read_file(report_path, why);
  if (!text) {
    std::cerr << fmt::format("{}: error: {}\nremit: cannot verify\n", shown_path, escape_controls(why));
    return exit_bad_input;
  }
  json old_report;
  if (const std::string problem = parse_report(*text, old_report); !problem.empty()) {
    std::cerr << fmt::format("{}: error: {}\nremit: cannot verify\n", shown_path, escape_controls(problem));
    return exit_bad_input;
  }
  recorded_manifest manifest;
  if (const std::string problem = read_manifest(old_report, manifest); !problem.empty()) {
    std::cerr << fmt::format("{}: error: {}\nremit: cannot verify\n", shown_path, escape_controls(problem));
    return exit_bad_input;
  }

  const bool due = is_due_report(old_report);
  std::cout << fmt::format("remit verify {}: {} {} to {}, made by remit {}\n", shown_path,
                           due ? "what falls due as of" : "the audit from", manifest.window.from, manifest.window.to,
                           escape_controls(manifest.remit_version));
  // The run keeps remit's own limits (the defaults, or --limit given to verify): a report is an
  // input like any other, and cannot raise what remit takes in. A limit the audit raised is said.
  for (const auto& [which, value] : manifest.limits)
    if (value > limit_value(which->which))
      std::cout << fmt::format("  note         the audit was run with --limit {}={}, above this run's {}: a report "
                               "cannot raise remit's limits; give --limit to remit verify to raise it\n",
                               which->name, value, limit_words(which->which, limit_value(which->which)));
  // First the files: each must still be there, and the same bytes; only regular files are read.
  std::vector<std::string> changed, missing;
  for (const named_file& f : manifest.files) {
    std::string problem;
    if (const std::string what = not_regular_file(f.path); !what.empty()) {
      std::cout << fmt::format("  missing      {}: is {}, not a regular file: remit verify reads only regular files\n",
                               escape_controls(f.path), what);
      missing.push_back(f.path);
      continue;
    }
    const auto bytes = read_file(f.path, problem);
    if (!bytes) {
      std::cout << fmt::format("  missing      {}: {}\n", escape_controls(f.path), escape_controls(problem));
      missing.push_back(f.path);
      continue;
    }
    const std::string now = sha256_hex(*bytes);
    if (now == f.sha256) {
      std::cout << fmt::format("  unchanged    {}\n", escape_controls(f.path));
    } else {
      std::cout << fmt::format("  changed      {}: sha256 was {}, is now {}\n", escape_controls(f.path),
                               escape_controls(f.sha256), now);
      changed.push_back(f.path);
    }
  }
  if (!missing.empty()) {
    std::cerr << fmt::format("remit: cannot verify: {} named in the manifest cannot be read\n",
                             counted(static_cast<long>(missing.size()), "file", "files"));
    return exit_bad_input;
  }
  const bool holidays_changed = bank_holiday_data().sha256 != manifest.bank_holidays_sha256;
  if (holidays_changed)
    std::cout << fmt::format("  changed      the bank-holiday data: sha256 was {}, this remit has {}\n",
                             escape_controls(manifest.bank_holidays_sha256), bank_holiday_data().sha256);
  if (manifest.remit_version != REMIT_VERSION)
    std::cout << fmt::format("  note         the report was made by remit {}; this is remit {}\n",
                             escape_controls(manifest.remit_version),
                             REMIT_VERSION);

  // Then the audit, exactly as remit check ran it.
  std::vector<std::string> rules, logs;
  for (const named_file& f : manifest.files) (f.rule_file ? rules : logs).push_back(f.path);
  // As of the day the report was made, when its window ran past it: the same confirmed meetings
  // are still to come.
  auto session = audit_session::read(
      {.rules = rules, .logs = logs, .accept_partial = manifest.accept_partial, .runs_past_today = manifest.today},
      verify_words);
  const std::size_t inputs_changed = changed.size() + (holidays_changed ? 1 : 0);
  if (!session) {
    std::cerr << (inputs_changed ? "remit: the audit differs from the report: its inputs changed and no longer audit\n"
                                 : "remit: cannot verify: the files named in the manifest no longer audit\n");
    return inputs_changed ? exit_breach : exit_bad_input;
  }
  if (due) return verify_due(old_report, *session, manifest, inputs_changed);
  const std::optional<audit_report> audited = session->audit(manifest.window);
  if (!audited) return inputs_changed ? exit_breach : exit_bad_input;
  const audit_report& report = *audited;
  std::ostringstream rendered;
  find_reporter("json")->make(report_options{})->write(report, rendered);
  const json new_report = json::parse(rendered.str());

  if (comparable(old_report) == comparable(new_report)) {
    std::size_t findings = 0;
    for (const auto& [key, n] : findings_of(new_report)) findings += static_cast<std::size_t>(n);
    std::cout << fmt::format("identical: the same files give the same {} and {}\n",
                             counted(static_cast<long>(report.results.size()), "rule", "rules"),
                             counted(static_cast<long>(findings), "finding", "findings"));
    return exit_clean;
  }

  // What changed, in the words of the report.
  const auto [appeared, disappeared] = print_differences(findings_of(old_report), findings_of(new_report));
  std::size_t status_changes = 0;
  const auto was = statuses_of(old_report), now = statuses_of(new_report);
  for (const auto& [rule, status] : now)
    if (const auto it = was.find(rule); it == was.end())
      std::cout << fmt::format("  new rule     {}: {}\n", escape_controls(rule), escape_controls(status)), ++status_changes;
    else if (it->second != status)
      std::cout << fmt::format("  rule status  {}: was {}, now {}\n", escape_controls(rule), escape_controls(it->second),
                               escape_controls(status)),
          ++status_changes;
  for (const auto& [rule, status] : was)
    if (!now.contains(rule))
      std::cout << fmt::format("  rule gone    {}: was {}\n", escape_controls(rule), escape_controls(status)), ++status_changes;
  // Anything else: the window, the log summary, the bodies, the digests.
  if (const std::string keys = other_differences(comparable(old_report), comparable(new_report), "results"); !keys.empty())
    std::cout << "  also differs " << escape_controls(keys) << '\n';
  std::cout << fmt::format("differs: {} changed, {} appeared, {} disappeared, {} changed status\n",
                           counted(static_cast<long>(inputs_changed), "input", "inputs"),
                           counted(static_cast<long>(appeared), "finding", "findings"), disappeared,
                           counted(static_cast<long>(status_changes), "rule", "rules"));
  return exit_breach;
}

}  // namespace

void add_verify_command(CLI::App& app, int& status) {
  auto report = std::make_shared<std::string>();
  CLI::App* verify = app.add_subcommand(
      "verify", "Run again the audit a JSON report was made from, and say whether the result is the same.");
  verify->footer(
      "Examples:\n"
      "  remit check council.remit --log meetings.csv --from 2025-04-01 --to 2026-03-31 --format json -o audit.json\n"
      "  remit verify audit.json\n\n"
      "The report's manifest names every rule file and log with its SHA-256, the window and the bank-holiday data;\n"
      "the files are found by the paths given to remit check, from the current directory, and only read.\n"
      "A JSON output of remit due is verified the same way: remit due again, as of the same day, over the same days.\n"
      "Exit status: 0 the same result from the same files, 1 something differs (a file's digest, a finding),\n"
      "2 cannot verify (a missing file, not a remit JSON report).\n"
      "See docs/reports.md (\"The manifest\").");
  verify->add_option("report", *report, "A JSON report written by remit check (or remit due) --format json")
      ->required()
      ->type_name("REPORT.json");
  verify->callback([report, &status] { status = run_verify(*report); });
}

}  // namespace remit::cli
