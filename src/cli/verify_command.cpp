// remit verify REPORT.json: runs again the audit a JSON report's manifest describes, from the
// files it names (paths as given to remit check, from the current directory), and says whether
// the result is the same: which file's digest differs, which findings appeared or disappeared.
// It only reads: nothing it names is written.
#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "calendar/calendar.hpp"
#include "cli/audit_inputs.hpp"
#include "cli/commands.hpp"
#include "core/digest.hpp"
#include "core/limits.hpp"
#include "evaluate/due.hpp"
#include "evaluate/evaluator.hpp"
#include "language/parser.hpp"
#include "report/due_reporter.hpp"
#include "report/manifest.hpp"
#include "report/reporter.hpp"

namespace remit::cli {

namespace {

using json = nlohmann::ordered_json;

constexpr command_words verify_words{"verified", "verify it"};

struct named_file {
  std::string path;
  std::string sha256;
  bool rule_file = false;
};

// The manifest as the report gives it, or why it is not one remit wrote.
struct recorded_manifest {
  std::string remit_version;
  audit_window window{};
  std::vector<named_file> files;
  std::string bank_holidays_sha256;
  bool accept_partial = false;
  std::vector<std::string> limits;  // NAME=VALUE
  std::optional<date> today;        // when the window ran past the day the report was made
};

std::string read_manifest(const json& report, recorded_manifest& out) {
  if (!report.is_object() || !report.contains("manifest") || !report["manifest"].is_object())
    return "not a remit JSON report: it has no manifest (remit check --format json writes one)";
  const json& m = report["manifest"];
  try {
    out.remit_version = m.at("remit").get<std::string>();
    const auto from = parse_iso_date(m.at("window").at("from").get<std::string>());
    const auto to = parse_iso_date(m.at("window").at("to").get<std::string>());
    if (!from || !to) return "the manifest's window is not two dates";
    out.window = {*from, *to};
    for (const char* key : {"rule_files", "logs"})
      for (const json& f : m.at(key))
        out.files.push_back({f.at("file").get<std::string>(), f.at("sha256").get<std::string>(),
                             std::string_view(key) == "rule_files"});
    out.bank_holidays_sha256 = m.at("bank_holidays").at("sha256").get<std::string>();
    out.accept_partial = m.at("accept_partial").get<bool>();
    if (m.contains("today")) {
      out.today = parse_iso_date(m["today"].get<std::string>());
      if (!out.today) return "the manifest's today is not a date";
    }
    if (m.contains("limits"))
      for (const auto& [name, value] : m["limits"].items())
        out.limits.push_back(fmt::format("{}={}", name, value.get<std::uint64_t>()));
  } catch (const json::exception&) {
    return "the manifest is not one remit wrote: a field is missing or of the wrong type";
  }
  if (std::none_of(out.files.begin(), out.files.end(), [](const named_file& f) { return f.rule_file; }) ||
      std::none_of(out.files.begin(), out.files.end(), [](const named_file& f) { return !f.rule_file; }))
    return "the manifest names no rule file or no log: there is nothing to run again";
  return {};
}

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

// The report without what may change while the audit stays the same: the version of remit.
json comparable(json report) {
  if (report.contains("manifest") && report["manifest"].is_object()) report["manifest"].erase("remit");
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
      std::cout << "  appeared     " << key.substr(0, key.find('\n')) << '\n';
  }
  for (const auto& [key, n] : before) {
    const auto it = after.find(key);
    for (int i = it == after.end() ? 0 : it->second; i < n; ++i, ++disappeared)
      std::cout << "  disappeared  " << key.substr(0, key.find('\n')) << '\n';
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
int verify_due(const json& old_report, audit_inputs& inputs, const recorded_manifest& manifest, std::size_t inputs_changed) {
  const date as_of = manifest.window.from;
  if (inputs.log.events.empty()) {
    std::cerr << "remit: cannot verify: the logs hold no events, so there is nothing to count from\n";
    return inputs_changed ? exit_breach : exit_bad_input;
  }
  note_confirmed_events(inputs.log, as_of);
  diagnostics diags;
  due_report report =
      compute_due(inputs.files, inputs.log, as_of, static_cast<int>(days_between(as_of, manifest.window.to)), diags);
  if (!diags.empty()) {
    report_errors(diags, verify_words);
    return inputs_changed ? exit_breach : exit_bad_input;
  }
  report.manifest = make_manifest(inputs.files, report.logs, manifest.accept_partial);
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
    std::cout << "  also differs " << keys << '\n';
  std::cout << fmt::format("differs: {} changed, {} appeared, {} disappeared\n",
                           counted(static_cast<long>(inputs_changed), "input", "inputs"),
                           counted(static_cast<long>(appeared), "obligation", "obligations"), disappeared);
  return exit_breach;
}

int run_verify(const std::string& report_path) {
  std::string why;
  const auto text = read_file(report_path, why);
  if (!text) {
    std::cerr << fmt::format("{}: error: {}\nremit: cannot verify\n", report_path, why);
    return exit_bad_input;
  }
  json old_report;
  try {
    old_report = json::parse(*text);
  } catch (const json::exception&) {
    std::cerr << fmt::format("{}: error: not a remit JSON report: it is not JSON (remit verify reads the report of "
                             "remit check --format json)\nremit: cannot verify\n",
                             report_path);
    return exit_bad_input;
  }
  recorded_manifest manifest;
  if (const std::string problem = read_manifest(old_report, manifest); !problem.empty()) {
    std::cerr << fmt::format("{}: error: {}\nremit: cannot verify\n", report_path, problem);
    return exit_bad_input;
  }
  // The run is repeated with the limits it had, so that a limit raised then is raised now.
  for (const std::string& l : manifest.limits)
    if (const std::string problem = set_limit(l); !problem.empty()) {
      std::cerr << fmt::format("{}: error: the manifest's limit {}\nremit: cannot verify\n", report_path, problem);
      return exit_bad_input;
    }

  const bool due = is_due_report(old_report);
  std::cout << fmt::format("remit verify {}: {} {} to {}, made by remit {}\n", report_path,
                           due ? "what falls due as of" : "the audit from", manifest.window.from, manifest.window.to,
                           manifest.remit_version);
  // First the files: each must still be there, and the same bytes.
  std::vector<std::string> changed, missing;
  for (const named_file& f : manifest.files) {
    std::string problem;
    const auto bytes = read_file(f.path, problem);
    if (!bytes) {
      std::cout << fmt::format("  missing      {}: {}\n", f.path, problem);
      missing.push_back(f.path);
      continue;
    }
    const std::string now = sha256_hex(*bytes);
    if (now == f.sha256) {
      std::cout << fmt::format("  unchanged    {}\n", f.path);
    } else {
      std::cout << fmt::format("  changed      {}: sha256 was {}, is now {}\n", f.path, f.sha256, now);
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
                             manifest.bank_holidays_sha256, bank_holiday_data().sha256);
  if (manifest.remit_version != REMIT_VERSION)
    std::cout << fmt::format("  note         the report was made by remit {}; this is remit {}\n", manifest.remit_version,
                             REMIT_VERSION);

  // Then the audit, exactly as remit check ran it.
  std::vector<std::string> rules, logs;
  for (const named_file& f : manifest.files) (f.rule_file ? rules : logs).push_back(f.path);
  // As of the day the report was made, when its window ran past it: the same confirmed meetings
  // are still to come.
  auto inputs = load_audit_inputs(rules, logs, manifest.accept_partial, verify_words, std::cerr, std::nullopt,
                                  file_digests::taken, manifest.today);
  const std::size_t inputs_changed = changed.size() + (holidays_changed ? 1 : 0);
  if (!inputs) {
    std::cerr << (inputs_changed ? "remit: the audit differs from the report: its inputs changed and no longer audit\n"
                                 : "remit: cannot verify: the files named in the manifest no longer audit\n");
    return inputs_changed ? exit_breach : exit_bad_input;
  }
  if (due) return verify_due(old_report, *inputs, manifest, inputs_changed);
  note_confirmed_events(inputs->log, manifest.window.to);
  diagnostics diags;
  audit_report report = run_audit(inputs->files, inputs->log, manifest.window, diags);
  if (!diags.empty()) {
    report_errors(diags, verify_words);
    return inputs_changed ? exit_breach : exit_bad_input;
  }
  report.manifest = make_manifest(inputs->files, report.logs, manifest.accept_partial);
  report.manifest.today = manifest.today;
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
      std::cout << fmt::format("  new rule     {}: {}\n", rule, status), ++status_changes;
    else if (it->second != status)
      std::cout << fmt::format("  rule status  {}: was {}, now {}\n", rule, it->second, status), ++status_changes;
  for (const auto& [rule, status] : was)
    if (!now.contains(rule)) std::cout << fmt::format("  rule gone    {}: was {}\n", rule, status), ++status_changes;
  // Anything else: the window, the log summary, the bodies, the digests.
  if (const std::string keys = other_differences(comparable(old_report), comparable(new_report), "results"); !keys.empty())
    std::cout << "  also differs " << keys << '\n';
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
