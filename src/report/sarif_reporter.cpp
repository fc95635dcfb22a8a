// SARIF 2.1.0, for editors and code-review tools: each finding is a result that points at its
// statement's line in the rule file, so that a breach shows on the clause. A rule descriptor
// stands for a clause of a rule file ("rotherham/5"); a waived breach is a result with an in-source
// suppression (the waiver is in the rule file) and its reason as the justification.
#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/digest.hpp"
#include "core/text.hpp"
#include "language/describe.hpp"
#include "report/manifest.hpp"
#include "report/markup.hpp"
#include "report/reporter.hpp"
#include "report/sarif.hpp"

namespace remit {

namespace {

using json = nlohmann::ordered_json;

// By the statement's severity: advisory wording is a note, a minor duty a warning, a major or
// critical one an error; a finding that the log lacks evidence for is a warning whatever the rule.
std::string_view level_of(const ast::statement& s) {
  if (s.modifiers.advisory) return "note";
  return s.modifiers.severity == ast::severity::minor ? "warning" : "error";
}
std::string_view level_of(const ast::statement& s, finding_status f) {
  return f == finding_status::no_evidence ? "warning" : level_of(s);
}

// Rule ids are "<file stem>/<label>"; two rule files with the same stem in one run use their paths.
std::map<std::string, std::string> id_prefixes(const audit_report& report) {
  std::map<std::string, std::set<std::string>> by_stem;
  for (const audited_body& b : report.bodies) by_stem[std::filesystem::path(b.rule_file).stem().string()].insert(b.rule_file);
  std::map<std::string, std::string> out;
  for (const auto& [stem, files] : by_stem)
    for (const std::string& f : files) out[f] = files.size() == 1 ? stem : f;
  return out;
}

class sarif_reporter final : public reporter {
 public:
  void write(const audit_report& report, std::ostream& out) const override {
    const auto prefixes = id_prefixes(report);
    json rules = json::array();
    std::map<std::string, std::size_t> rule_index;   // by id
    std::map<std::string, std::set<const ast::statement*>> described;  // statements already in a descriptor
    json results = json::array();

    for (const audited_body& b : report.bodies) {
      for (const rule_result& r : report.results_of(b)) {
        const ast::statement& s = *r.statement;
        const std::string id = prefixes.at(b.rule_file) + "/" + s.label;
        auto [it, fresh] = rule_index.emplace(id, rules.size());
        if (fresh) {
          json d;
          d["id"] = valid_utf8_text(id);
          d["shortDescription"] = {{"text", valid_utf8_text(fmt::format("Clause {}: {}", s.label, s.text))}};
          d["fullDescription"] = {{"text", ""}};
          d["help"] = {{"text", ""}};
          d["defaultConfiguration"] = {{"level", level_of(s)}};
          d["properties"] = {{"tags", json::array({"terms-of-reference", std::string(family_name(s))})},
                             {"severity", ast::severity_name(s.modifiers)}};
          rules.push_back(std::move(d));
        }
        // A clause with several statements describes them all, each once however many bodies it audits.
        if (described[id].insert(&s).second) {
          json& d = rules[it->second];
          const auto add = [](json& field, const std::string& text) {
            std::string now = field["text"].get<std::string>();
            field["text"] = valid_utf8_text(now.empty() ? text : now + "\n" + text);
          };
          add(d["fullDescription"], fmt::format("Clause {} ({}, line {}): {}", s.label, b.rule_file, s.where.line, s.text));
          add(d["help"], fmt::format("{}: {}", s.text, describe(s, b.settings)));
        }
        for (const finding& f : r.findings) results.push_back(result_json(b, r, f, id, it->second));
      }
    }

    json driver;
    driver["name"] = "remit";
    driver["version"] = REMIT_VERSION;
    driver["semanticVersion"] = REMIT_VERSION;
    driver["rules"] = std::move(rules);
    json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["invocations"] = json::array({{{"executionSuccessful", true}}});
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);
    run["properties"] = {{"window", {{"from", to_iso(report.window.from)}, {"to", to_iso(report.window.to)}}}};
    // The manifest (report/manifest.hpp): every file read, with its digest, as SARIF artifacts.
    const audit_manifest& m = report.manifest;
    if (!m.remit_version.empty()) {
      json artifacts = json::array();
      const auto artifact = [&](const audit_manifest::input& f, const char* role) {
        artifacts.push_back({{"location", {{"uri", sarif::uri_of(f.path)}}},
                             {"roles", json::array({role, "referencedOnCommandLine"})},
                             {"hashes", {{"sha-256", f.sha256}}}});
      };
      for (const auto& f : m.rule_files) artifact(f, "userSpecifiedConfiguration");
      for (const auto& f : m.logs) artifact(f, "analysisTarget");
      run["artifacts"] = std::move(artifacts);
      run["properties"]["bank_holidays"] = {{"source", "gov.uk"}, {"last_year", m.bank_holidays_last_year},
                                            {"sha256", m.bank_holidays_sha256}};
      run["properties"]["accept_partial"] = m.accept_partial;
    }
    sarif::write_log(std::move(run), out);
  }

 private:
  static json result_json(const audited_body& b, const rule_result& r, const finding& f,
                          const std::string& id, std::size_t index) {
    const ast::statement& s = *r.statement;
    json x;
    x["ruleId"] = valid_utf8_text(id);
    x["ruleIndex"] = index;
    x["kind"] = "fail";
    x["level"] = level_of(s, f.status);
    const std::string where = (b.council ? fmt::format("{}: {}", *b.council, b.name) : b.name) + version_suffix(b.version);
    x["message"] = {{"text", valid_utf8_text(fmt::format("{} ({}): clause {} \"{}\": {}", name(f.status), where, s.label,
                                                         s.text, f.words()))}};
    json region;
    region["startLine"] = s.where.line;
    region["startColumn"] = s.where.column;
    region["endLine"] = s.where.line;
    region["endColumn"] = s.rule_where.column + utf8_length(s.text);
    x["locations"] = json::array({sarif::location(b.rule_file, std::move(region))});
    // Stable across runs and line moves, so tools track a finding rather than a line; a breach
    // keeps its fingerprint when it is later waived.
    x["partialFingerprints"] = {
        {"remitFinding/v1", sha256_hex(fmt::format("{}\n{}\n{}\n{}\n{}\n{}", b.council.value_or(""), fold(b.name), s.label,
                                                   s.text, f.due, f.status == finding_status::no_evidence ? "no-evidence" : "breach"))
                                .substr(0, 32)}};
    if (f.status == finding_status::waived) {
      // The waiver's reason is at the end of the message; the whole message is the justification.
      x["suppressions"] = json::array({{{"kind", "inSource"}, {"status", "accepted"}, {"justification", valid_utf8_text(f.words())}}});
    }
    json props;
    props["status"] = name(f.status);
    props["ruleStatus"] = name(r.status);
    props["severity"] = ast::severity_name(s.modifiers);
    if (r.version)
      props["version"] = {{"from", r.version->from ? json(to_iso(*r.version->from)) : json(nullptr)},
                          {"until", r.version->until ? json(to_iso(*r.version->until)) : json(nullptr)}};
    props["council"] = b.council ? json(valid_utf8_text(*b.council)) : json(nullptr);
    props["body"] = valid_utf8_text(b.name);
    props["due"] = to_iso(f.due);
    props["date"] = f.on ? json(to_iso(*f.on)) : json(nullptr);
    if (f.meeting) props["meeting"] = to_iso(*f.meeting);
    if (f.period_start) props["period_start"] = to_iso(*f.period_start);
    if (f.period_end) props["period_end"] = to_iso(*f.period_end);
    if (f.found) props["found"] = *f.found;
    x["properties"] = std::move(props);
    return x;
  }
};

}  // namespace

std::unique_ptr<reporter> make_sarif_reporter(const report_options&) { return std::make_unique<sarif_reporter>(); }

}  // namespace remit
